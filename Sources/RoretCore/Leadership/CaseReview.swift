/// The answer to one criterion for one reviewed case (*sagsgennemgang*).
public enum ReviewAnswer: String, Sendable, Hashable, Codable, CaseIterable {
    case yes, partly, no, notRelevant

    public var danishLabel: String {
        switch self {
        case .yes: "Ja"
        case .partly: "Delvist"
        case .no: "Nej"
        case .notRelevant: "Ikke relevant"
        }
    }
}

/// The review of ten recent cases: Roret's criteria (from the principles of
/// the caseworkers' guide), the reproducible sample, and what the record
/// itself shows.
public enum CaseReview {
    public static let criteria = [
        "Borgerens håb, ønsker og drømme er beskrevet med borgerens egne ord.",
        "Målene i planen udspringer af borgerens håb, ønsker og drømme.",
        "Borgerens ressourcer er beskrevet, og borgeren har bekræftet beskrivelsen.",
        "Borgerens netværk og almene fællesskaber er afdækket og inddraget, som borgeren ønsker det.",
        "Borgeren har deltaget i møderne om sin sag og været med til at sætte dagsordenen.",
        "Der er fulgt op på målene til den aftalte tid og sammen med borgeren.",
        "Borgerens egen vurdering (WHO-5, Brief INSPIRE-O eller anden feedback) er indhentet og brugt i opfølgningen.",
        "Indsatsen er koordineret med andre aktører, og det er aftalt, hvem der koordinerer.",
        "Borgeren fik hjælp hurtigt efter sin henvendelse.",
        "Indsatsen er tilpasset på baggrund af opfølgningen, også når borgeren har brug for mindre støtte.",
    ]

    /// Cases in the sample.
    public static let sampleSize = 10

    /// Records of the municipality opened or followed up (a goal review or a
    /// held meeting) in the 12 months up to `day`.
    public static func eligible(_ files: [CaseFile], municipality: String, on day: Day) -> [CaseFile] {
        let yearAgo = day.adding(months: -12)
        func recent(_ d: Day) -> Bool { yearAgo < d && d <= day }
        return files.filter { file in
            guard file.municipality == municipality else { return false }
            let s = file.snapshot(on: day)
            return recent(s.openedOn) || s.state.reviews.contains { recent($0.day) } || s.heldMeetings.contains { recent($0.date) }
        }
    }

    /// `count` of `ids` drawn at random, the same for the same ids and seed
    /// (the ids are sorted first, so their order does not matter).
    public static func sample(_ ids: [String], seed: UInt64, count: Int = sampleSize) -> [String] {
        var pool = ids.sorted()
        var rng = SplitMix64(seed: seed)
        var drawn: [String] = []
        while drawn.count < count && !pool.isEmpty {
            drawn.append(pool.remove(at: rng.below(pool.count)))
        }
        return drawn
    }

    /// What the record shows for a criterion (1-based), with its source in
    /// Danish; nil where the record cannot tell. The reviewer confirms or corrects it.
    public static func prefill(_ criterion: Int, _ s: CaseSnapshot) -> (answer: ReviewAnswer, source: String)? {
        switch criterion {
        case 1:
            let hopes = s.currentTexts(.hopesWishesDreams)
            if hopes.isEmpty { return (.no, "Sagen har ingen tekst om håb, ønsker og drømme.") }
            return hopes.contains(where: \.inCitizensWords)
                ? (.yes, "Teksten om håb er markeret som borgerens egne ord.") : (.partly, "Håb er beskrevet, men ikke markeret som borgerens egne ord.")
        case 2:
            let goals = s.goals.currentGoals.filter(\.isOpen)
            if goals.isEmpty { return nil }
            let linked = goals.filter { !$0.servesHopes.isEmpty }.count
            let source = "\(linked) af \(goals.count) aktuelle mål er knyttet til et håb."
            return (linked == goals.count ? .yes : linked == 0 ? .no : .partly, source)
        case 3:
            if s.currentTexts(.resource).isEmpty { return (.no, "Ressourcerne er ikke beskrevet.") }
            return s.resourcesConfirmed ? (.yes, "Borgeren har bekræftet ressourcebeskrivelsen.") : (.partly, "Ressourcerne er beskrevet, men ikke bekræftet af borgeren.")
        case 5:
            let held = s.heldMeetings
            if held.isEmpty { return nil }
            let tookPart = held.filter { $0.citizenTookPart == true }.count
            let withItem = held.filter { m in (s.state.agenda[m.meetingID] ?? []).contains { $0.value.byCitizen } }.count
            let source = "Borgeren deltog i \(tookPart) af \(held.count) møder og havde punkter på dagsordenen til \(withItem)."
            if tookPart == held.count && withItem > 0 { return (.yes, source) }
            return (tookPart == 0 ? .no : .partly, source)
        case 6:
            let due = s.followUps.dueDates(through: s.day)
            if due.isEmpty { return nil }
            let met = due.filter { $0.isMet(within: PracticeIndicators.followUpGraceDays) }.count
            let source = "\(met) af \(due.count) opfølgningsdatoer blev fulgt op senest 14 dage efter."
            return (met == due.count ? .yes : met == 0 ? .no : .partly, source)
        case 8:
            guard s.state.network.contains(where: { $0.kind == .professional }) else { return nil }
            return s.state.coordinator.map { (.yes, "\($0.name) er primær koordinator.") } ?? (.no, "Der er professionelle i netværket, men ingen primær koordinator.")
        default:
            return nil
        }
    }

    /// The steering group's view: per criterion the count of each answer over the reviewed cases.
    public static func aggregate(_ answers: [[Int: ReviewAnswer]]) -> [[ReviewAnswer: Int]] {
        criteria.indices.map { i in
            var counts: [ReviewAnswer: Int] = [:]
            for review in answers { if let a = review[i + 1] { counts[a, default: 0] += 1 } }
            return counts
        }
    }
}

/// A named person's access to the sampled records of one review (*adgang
/// til sagsgennemgang*), given by an administrator, until a day.
public struct ReviewGrant: Sendable, Hashable {
    public var username: String
    /// The last day the grant holds (inclusive).
    public var expiresOn: Day

    public init(username: String, expiresOn: Day) {
        self.username = username
        self.expiresOn = expiresOn
    }

    public func holds(for username: String, on day: Day) -> Bool { self.username == username && day <= expiresOn }
}

extension AccessPolicy {
    /// Whether a reviewer may open a sampled record in a case review: when
    /// they may read it anyway (their own case), or through a grant for that
    /// review that holds today.
    public static func mayReviewCitizen(role: Role, username: String, area: String, provider: String?, _ facts: CitizenAccessFacts, grants: [ReviewGrant], on day: Day) -> Bool {
        mayReadCitizen(role: role, username: username, area: area, provider: provider, facts) || grants.contains { $0.holds(for: username, on: day) }
    }
}
