/// One round of the offer's self-evaluation (*selvevalueringsrunde*): each
/// of the offer's leaders and staff answers alone, then the group agrees a
/// score per item with its assessment and development activities.
public struct SelfEvaluationRound: Sendable, Hashable, Codable {
    /// The group's agreement on one item (*Vurdering*, *Udviklingsaktiviteter*).
    public struct Agreed: Sendable, Hashable, Codable {
        /// 1–5; nil for "Ved ikke".
        public var score: Int?
        public var assessment: String
        public var development: String

        public init(score: Int?, assessment: String = "", development: String = "") {
            self.score = score
            self.assessment = assessment
            self.development = development
        }
    }

    public var id: String
    public var title: String
    public var opened: Day
    /// Respondent (username) → item id → 1–5, or nil for "Ved ikke".
    public var answers: [String: [String: Int?]]
    public var agreed: [String: Agreed]

    public init(id: String, title: String, opened: Day, answers: [String: [String: Int?]] = [:], agreed: [String: Agreed] = [:]) {
        self.id = id
        self.title = title
        self.opened = opened
        self.answers = answers
        self.agreed = agreed
    }

    /// Every item is agreed (a score or "Ved ikke").
    public var isAgreed: Bool { SelfEvaluation.items.allSatisfy { agreed[$0.id] != nil } }

    /// One respondent's answers; every problem when an item is missing or off the scale.
    public static func problems(in answers: [String: Int?]) -> [String] {
        SelfEvaluation.items.compactMap { item in
            guard let answer = answers[item.id] else { return "\(item.id): vælg et svar (eller »Ved ikke«)." }
            if let value = answer, !(1...5).contains(value) { return "\(item.id): svaret skal være fra 1 til 5." }
            return nil
        }
    }

    /// The respondents' answers to one item, summarised (counts, "Ved ikke", median as answered).
    public func summary(of itemID: String) -> (counts: [Int], dontKnow: Int, median: Double?) {
        SelfEvaluation.summary(answers.values.compactMap { $0[itemID] })
    }

    /// The agreed scores as numbers (items agreed as "Ved ikke" left out).
    public var agreedScores: [String: Int] { agreed.compactMapValues(\.score) }

    /// The trend over rounds, oldest first: each dimension's score per round (O5 reversed).
    public static func trend(_ rounds: [SelfEvaluationRound]) -> [(dimension: String, scores: [Double?])] {
        let sorted = rounds.sorted { ($0.opened, $0.id) < ($1.opened, $1.id) }
        let perRound = sorted.map { Dictionary(uniqueKeysWithValues: SelfEvaluation.dimensionScores(agreed: $0.agreedScores).map { ($0.dimension, $0.score) }) }
        return SelfEvaluation.dimensions.map { d in (d, perRound.map { $0[d] ?? nil }) }
    }
}

/// The maturity of the offer's documentation practice (*modenhed*, figure 3,
/// seed 002 lines 619–881): five uses, each a prerequisite of the next.
public struct Maturity: Sendable, Hashable, Codable {
    public static let uses = [
        "Progressionsmåling",
        "Opstilling af mål og udviklingsorienterede samtaler",
        "Refleksion over praksis",
        "Evaluering af indsats",
        "Strategisk ledelsesredskab",
    ]

    /// The highest use reached (0 for none yet, 1–5).
    public var reached: Int
    /// The group's note per use (1-based).
    public var notes: [Int: String]

    public init(reached: Int = 0, notes: [Int: String] = [:]) {
        self.reached = reached
        self.notes = notes
    }

    public var problems: [String] {
        (0...5).contains(reached) ? [] : ["Modenhed: vælg et trin fra 0 til 5."]
    }

    /// What Roret holds that bears on each use, for the offer.
    public struct Facts: Sendable, Hashable {
        /// The offer's citizens (with an intervention there), and of those with two or more measurements.
        public var citizens: Int
        public var withTwoMeasurements: Int
        /// Of the offer's citizens: with a goal in their plan, and with a goal reviewed.
        public var withGoals: Int
        public var withGoalReviews: Int
        public var agreedRounds: Int
        public var theoryVersions: Int
        public var indicatorsChosen: Int
        public var measurementPlanSaved: Bool

        public init(citizens: Int, withTwoMeasurements: Int, withGoals: Int, withGoalReviews: Int, agreedRounds: Int, theoryVersions: Int, indicatorsChosen: Int, measurementPlanSaved: Bool) {
            self.citizens = citizens
            self.withTwoMeasurements = withTwoMeasurements
            self.withGoals = withGoals
            self.withGoalReviews = withGoalReviews
            self.agreedRounds = agreedRounds
            self.theoryVersions = theoryVersions
            self.indicatorsChosen = indicatorsChosen
            self.measurementPlanSaved = measurementPlanSaved
        }
    }

    /// The facts from the case files of the offer's citizens on `day`.
    public static func facts(files: [CaseFile], on day: Day, agreedRounds: Int, theory: TheoryOfChange?, theoryVersions: Int, measurementPlanSaved: Bool) -> Facts {
        Facts(citizens: files.count, withTwoMeasurements: files.filter { f in f.answers.filter { $0.answeredOn <= day && $0.score != nil }.count >= 2 }.count,
              withGoals: files.filter { $0.goals.versions.contains { $0.changedOn <= day } }.count,
              withGoalReviews: files.filter { !$0.snapshot(on: day).state.reviews.isEmpty }.count,
              agreedRounds: agreedRounds, theoryVersions: theoryVersions,
              indicatorsChosen: theory?.boxes.filter { $0.indicator != nil }.count ?? 0, measurementPlanSaved: measurementPlanSaved)
    }

    /// The evidence per use (1–5), in Danish. Shares are of the offer's
    /// citizens. For a reader without access to the citizens (`personLevel`
    /// false) a share is withheld («..», disclosure control v3) when the
    /// count, the rest or the whole is 1–4.
    public static func evidence(_ f: Facts, personLevel: Bool) -> [[String]] {
        func share(_ n: Int) -> String {
            guard f.citizens > 0 else { return "ingen borgere i tilbuddet endnu" }
            if !personLevel && [n, f.citizens - n, f.citizens].contains(where: DisclosureControl.isSmallCount) { return "«..» (skjult: færre end 5 borgere)" }
            let percent = (Double(n) * 1000 / Double(f.citizens)).rounded() / 10
            return "\(n) af \(f.citizens) borgere (\(String(percent).withDecimalComma) %)"
        }
        return [
            ["To eller flere målinger: " + share(f.withTwoMeasurements)],
            ["Mål i planen: " + share(f.withGoals), "Mål fulgt op: " + share(f.withGoalReviews)],
            ["Afsluttede selvevalueringer: \(f.agreedRounds)"],
            ["Versioner af forandringsteorien: \(f.theoryVersions)", "Resultater med valgt indikator: \(f.indicatorsChosen)",
             "Målepunkter fastlagt: " + (f.measurementPlanSaved ? "ja" : "nej")],
            ["Dokumentationen bruges i ledelsens styring, når resultaterne rapporteres (del 2 af resultatdokumentationen)."],
        ]
    }
}

/// A development activity that became an action (*handling*) of the offer:
/// who does it and by when.
public struct OfferAction: Sendable, Hashable, Codable {
    public var id: String
    public var text: String
    public var owner: String
    public var due: Day?
    public var done: Bool
    /// Where it came from, e.g. "Selvevaluering, forår 2026 · S2".
    public var source: String

    public init(id: String, text: String, owner: String, due: Day?, done: Bool = false, source: String) {
        self.id = id
        self.text = text
        self.owner = owner
        self.due = due
        self.done = done
        self.source = source
    }

    public var problems: [String] {
        (text.allSatisfy(\.isWhitespace) ? ["Handling: skriv hvad der skal gøres."] : [])
            + (owner.allSatisfy(\.isWhitespace) ? ["Ansvarlig: skriv hvem der har ansvaret."] : [])
    }
}
