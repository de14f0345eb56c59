import RoretCore
import RoretStore
import Vapor

/// *Borgere*: the caseworker's assigned citizens, or the provider's citizens
/// with an active intervention, with what is due.
struct CitizensPage: Encodable {
    struct Row: Encodable {
        var href: String
        var pseudonym: String
        var name: String
        var phase: String
        var who5: String
        var inspire: String
        var attention: Bool
    }

    struct Reminder: Encodable {
        var pseudonym: String
        var subject: String
        var due: String
    }

    var chrome: Chrome
    var citizens: [Row]
    /// Pending reminders in the outbox addressed to this user.
    var reminders: [Reminder]
    var hasReminders: Bool
    var canCreate: Bool
    var today: String
    var error: String?
}

/// *Borgerens sag*: the record, the plan in the citizen's own words first,
/// goals with their history, answers and trajectories.
struct CitizenRecordPage: Encodable {
    /// A plan text as it stands, with its earlier versions.
    struct Entry: Encodable {
        var id: String
        var kind: String
        var text: String
        var role: String?
        var ownWords: Bool
        var written: String
        /// Earlier versions, newest first, each with who wrote it when.
        var earlier: [String]
        var hasEarlier: Bool
        var isNetwork: Bool
    }

    struct Section: Encodable {
        var title: String
        var entries: [Entry]
        /// Leaf treats an empty array as true, so emptiness is said outright.
        var isEmpty: Bool
    }

    struct Goal: Encodable {
        var id: Int
        var text: String
        var horizon: String
        var status: String
        /// nil when no follow-up date is set (Leaf treats "" as true).
        var followUp: String?
        var isSubGoal: Bool
        var history: [String]
        var statusChoices: [Choice]
        var horizonChoices: [Choice]
        var followUpValue: String
        var parentValue: String
    }

    struct Answer: Encodable {
        var date: String
        var instrument: String
        var score: String
        var channel: String
        /// Whether the answer will count in the municipality's key figures, in words.
        var inFigures: String
    }

    struct Chart: Encodable {
        var title: String
        var svg: String
        var change: String
        var latest: String
    }

    struct Spell: Encodable {
        var step: String
        var paragraph: String
        var provider: String
        var period: String
        /// The intervention's id, for *Afslut*.
        var id: String
        /// Still running (no last day yet).
        var running: Bool
    }

    var chrome: Chrome
    var id: String
    var pseudonym: String
    /// nil when the record has no name (Leaf treats "" as true).
    var name: String?
    var phase: String
    var phaseChoices: [Choice]
    var hopes: [Entry]
    var hasHopes: Bool
    var hasGoals: Bool
    var sections: [Section]
    var goals: [Goal]
    var answers: [Answer]
    var charts: [Chart]
    var spells: [Spell]
    var canWork: Bool
    /// The assigned caseworker: may take authority acts (phase, interventions, own account).
    var canDecide: Bool
    var message: String?
    var newLink: String?
    var entryKinds: [Choice]
    var instruments: [Choice]
    var horizons: [Choice]
    var answerOptions: [InstrumentForm]
    var today: String
    var caution: String
    /// The record is linked to a case (always, here; *Min side* says when it is not).
    var linked = true
}

/// One instrument's questions and answer scale, for a form.
struct InstrumentForm: Encodable {
    struct Item: Encodable {
        var name: String
        var text: String
        var options: [Choice]
    }

    var code: String
    var name: String
    var leadIn: String?
    var items: [Item]

    init(_ instrument: Instrument) {
        code = instrument.code
        name = instrument.danishName
        leadIn = instrument.leadIn
        let options = instrument.answerOptions.map { Choice(value: String($0.value), label: $0.label) }
        items = instrument.items.enumerated().map { Item(name: "item\($0.offset + 1)", text: $0.element, options: options) }
    }
}

extension CitizenRecordPage {
    static let caution = "En enkelt måling er usikker. Se på udviklingen over flere målinger, og tal med borgeren om, hvad tallene betyder."

    init(_ req: Request, citizen: Citizen, canWork: Bool, canDecide: Bool, texts: [PlanText], goals: GoalLedger, answers: [StoredMeasurement],
         spells: [CitizenIntervention], message: String? = nil, newLink: String? = nil) throws {
        chrome = try Chrome(req, title: "Borger \(citizen.pseudonym)", active: "/borgere")
        id = citizen.id.uuidString
        pseudonym = citizen.pseudonym
        name = citizen.name.flatMap { $0.isEmpty ? nil : $0 }
        phase = citizen.phase.danishName
        phaseChoices = CasePhase.allCases.map { Choice(value: $0.rawValue, label: $0.danishName, selected: $0 == citizen.phase) }
        func written(_ e: PlanEntry) -> String { "\(DanishDate.dayText(e.writtenOn)), \(e.writtenBy)" }
        func entry(_ t: PlanText) -> Entry {
            let e = t.current
            return Entry(
                id: e.id.uuidString, kind: e.kind.rawValue, text: e.text, role: e.role, ownWords: e.inCitizensWords, written: written(e),
                earlier: t.earlier.map { old in
                    (old.inCitizensWords ? "Med borgerens egne ord: " : "") + "»\(old.text)«" + (old.role.map { " (\($0))" } ?? "") + " — \(written(old))"
                },
                hasEarlier: !t.earlier.isEmpty, isNetwork: e.kind == .network
            )
        }
        hopes = texts.filter { $0.current.kind == .hopesWishesDreams }.map(entry)
        sections = [PlanEntryKind.resource, .network, .meeting].map { kind in
            let entries = texts.filter { $0.current.kind == kind }.map(entry)
            return Section(title: kind.danishName, entries: entries, isEmpty: entries.isEmpty)
        }
        hasHopes = !hopes.isEmpty
        hasGoals = !goals.currentGoals.isEmpty
        self.goals = goals.currentGoals.map { g in
            Goal(
                id: g.goalID, text: g.text, horizon: g.horizon.danishName, status: g.status.danishName,
                followUp: g.followUpOn.map(DanishDate.dayText), isSubGoal: g.parentGoalID != nil,
                history: goals.history(g.goalID).dropLast().map { "v\($0.version) \(DanishDate.dayText($0.changedOn)) (\($0.changedBy)): \($0.text) — \($0.status.danishName)" },
                statusChoices: GoalVersion.Status.allCases.map { Choice(value: $0.rawValue, label: $0.danishName, selected: $0 == g.status) },
                horizonChoices: GoalVersion.Horizon.allCases.map { Choice(value: $0.rawValue, label: $0.danishName, selected: $0 == g.horizon) },
                followUpValue: g.followUpOn?.description ?? "", parentValue: g.parentGoalID.map(String.init) ?? ""
            )
        }
        let rule = AnswersPublication.now(Date(), today: DanishDate.today)
        self.answers = answers.reversed().map {
            Answer(date: DanishDate.dayText($0.answeredOn), instrument: $0.instrument.danishName,
                   score: $0.score.map(String.init) ?? "ufuldstændig (ikke scoret)", channel: Self.channelName($0.channel),
                   inFigures: rule.counts(answeredOn: $0.answeredOn) ? "Ja, fra næste natlige opdatering" : "Nej: dateret før \(rule.countedFromYear)")
        }
        charts = Instrument.allCases.map { instrument in
            let t = Trajectory(instrument: instrument, answers: answers.filter { $0.instrument == instrument }.map { (date: $0.answeredOn, items: $0.items) })
            return Chart(
                title: instrument.danishName, svg: TrajectoryChart(trajectory: t).svg(),
                change: Self.changeText(t), latest: t.latest.map { "Seneste: \($0.score!) (\(DanishDate.dayText($0.date)))" } ?? ""
            )
        }
        self.spells = spells.map {
            Spell(step: $0.step == 0 ? "–" : "Trin \($0.step)", paragraph: "§ \($0.paragraph.code)", provider: $0.provider,
                  period: DanishDate.dayText($0.start) + " – " + ($0.end.map(DanishDate.dayText) ?? "nu"),
                  id: $0.id.uuidString, running: $0.end == nil)
        }
        self.canWork = canWork
        self.canDecide = canDecide
        self.message = message
        self.newLink = newLink
        entryKinds = PlanEntryKind.allCases.map { Choice(value: $0.rawValue, label: $0.danishName) }
        instruments = Instrument.allCases.map { Choice(value: $0.code, label: $0.danishName) }
        horizons = GoalVersion.Horizon.allCases.map { Choice(value: $0.rawValue, label: $0.danishName) }
        answerOptions = Instrument.allCases.map(InstrumentForm.init)
        today = DanishDate.today.description
        caution = Self.caution
    }

    static func channelName(_ c: MeasurementChannel) -> String {
        switch c {
        case .link: "Borgeren selv (link)"
        case .interview: "Interview"
        case .paper: "Papir"
        }
    }

    static func changeText(_ t: Trajectory) -> String {
        guard let change = t.changeSinceBaseline, let category = t.changeCategory else { return "Udvikling vises fra to fuldstændige besvarelser." }
        let word = switch category {
        case .improved: "forbedret"
        case .unchanged: "uændret"
        case .worsened: "forværret"
        }
        return "Siden første måling: \(change > 0 ? "+" : "")\(change) point — \(word) (grænse ±\(t.threshold) point)."
    }
}

extension DanishDate {
    /// Today in Denmark.
    static var today: Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Copenhagen")!, from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)
    }

    /// `dd.mm.yyyy`.
    static func dayText(_ day: Day) -> String {
        let (y, m, d) = day.components
        return String(format: "%02d.%02d.%04d", d, m, y)
    }
}
