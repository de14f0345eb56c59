/// How an answer at an offer was collected (*indsamlingsmetode*,
/// results-documentation.md §4).
public enum CollectionMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case questionnaire, simpleInterview, dialogueInterview, observation, observationConversation

    public var danishName: String {
        switch self {
        case .questionnaire: "Spørgeskema udfyldt af borgeren"
        case .simpleInterview: "Simpelt interview"
        case .dialogueInterview: "Dialogisk interview"
        case .observation: "Observation/professionel vurdering"
        case .observationConversation: "Observationsbaseret samtale"
        }
    }
}

/// Who answered (*besvaret af*).
public enum Respondent: String, Sendable, Hashable, Codable, CaseIterable {
    case citizen, relative, staff

    public var danishName: String {
        switch self {
        case .citizen: "Borger"
        case .relative: "Pårørende"
        case .staff: "Medarbejder"
        }
    }
}

/// One answer collected at an offer (*besvarelse*): an instrument of the
/// offer's catalogue for one citizen's course, at one measurement point.
public struct OfferAnswer: Sendable, Hashable, Codable {
    public var id: String
    /// The citizen's record id.
    public var citizen: String
    /// The instrument's id in the offer's catalogue (`who5`, `inspireo`, or the offer's own).
    public var instrument: String
    public var day: Day
    /// The item answers in the instrument's order; nil for an item not answered.
    public var items: [Int?]
    /// The score: the instrument's own scoring; nil when incomplete.
    public var score: Double?
    public var point: MeasurementPoints.Kind
    public var method: CollectionMethod
    public var respondent: Respondent
    /// Who entered it (a username), or the citizen through their personal link.
    public var enteredBy: String

    public init(id: String, citizen: String, instrument: String, day: Day, items: [Int?], score: Double?, point: MeasurementPoints.Kind, method: CollectionMethod,
                respondent: Respondent, enteredBy: String) {
        self.id = id
        self.citizen = citizen
        self.instrument = instrument
        self.day = day
        self.items = items
        self.score = score
        self.point = point
        self.method = method
        self.respondent = respondent
        self.enteredBy = enteredBy
    }
}

/// A citizen's goal at the offer (*mål*, results-documentation.md §4): its
/// type, the municipality's plan goal it serves, and its status at each
/// follow-up in the handbook's categories.
public struct OfferGoal: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case development, stability

        public var danishName: String { self == .development ? "Udvikling" : "Fastholdelse/stabilisering" }

        /// The categories a follow-up of this kind of goal may record.
        public var categories: [GoalAttainment] {
            switch self {
            case .development: [.developmentReached, .progressNotReached, .noDevelopment, .deterioration]
            case .stability: [.stabilityReached, .stabilityNotReached, .deterioration]
            }
        }
    }

    public struct FollowUp: Sendable, Hashable, Codable {
        public var day: Day
        public var status: GoalAttainment
        public var note: String

        public init(day: Day, status: GoalAttainment, note: String = "") {
            self.day = day
            self.status = status
            self.note = note
        }
    }

    public var id: String
    public var citizen: String
    public var text: String
    public var kind: Kind
    /// The goal of the municipality's plan it serves, when there is one.
    public var planGoalID: Int?
    public var followUps: [FollowUp]

    public init(id: String, citizen: String, text: String, kind: Kind, planGoalID: Int? = nil, followUps: [FollowUp] = []) {
        self.id = id
        self.citizen = citizen
        self.text = text
        self.kind = kind
        self.planGoalID = planGoalID
        self.followUps = followUps
    }

    /// The status at the latest follow-up on or before `day`.
    public func status(on day: Day) -> GoalAttainment? { followUps.filter { $0.day <= day }.max { $0.day < $1.day }?.status }

    /// Every problem with a follow-up, in Danish: the category must fit the goal's kind.
    public func problems(_ followUp: FollowUp) -> [String] {
        kind.categories.contains(followUp.status) ? []
            : ["Status: »\(followUp.status.danishName)« passer ikke til et mål om \(kind.danishName.lowercased()); vælg blandt: \(kind.categories.map(\.danishName).joined(separator: "; "))."]
    }
}

/// A calibration session (*kalibreringsmøde*, seed 002 lines 5074–5183):
/// staff rate the same case each on their own; where do they differ?
public struct Calibration: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var instrument: String
    /// Rater (username) → item ratings in the instrument's order (nil: not rated).
    public var ratings: [String: [Int?]]

    public init(id: String, title: String, instrument: String, ratings: [String: [Int?]] = [:]) {
        self.id = id
        self.title = title
        self.instrument = instrument
        self.ratings = ratings
    }

    /// One item across raters.
    public struct ItemSpread: Sendable, Hashable {
        public var item: Int
        public var values: [Int]
        public var lowest: Int?
        public var highest: Int?
        /// Highest − lowest; 0 when all agree.
        public var spread: Int
        /// Raters differ by more than `tolerance`.
        public var differs: Bool
    }

    /// Item by item: the ratings given, their range, and whether raters differ by more than `tolerance`.
    public func spreads(items: Int, tolerance: Int = 0) -> [ItemSpread] {
        (0..<items).map { i in
            let values = ratings.keys.sorted().compactMap { r in ratings[r]!.indices.contains(i) ? ratings[r]![i] : nil }
            let spread = (values.max() ?? 0) - (values.min() ?? 0)
            return ItemSpread(item: i + 1, values: values, lowest: values.min(), highest: values.max(), spread: spread, differs: values.count >= 2 && spread > tolerance)
        }
    }
}

/// Which of the offer's interventions, and which sub-group, a citizen follows (*tilknytning*).
public struct Enrolment: Sendable, Hashable, Codable {
    public var citizen: String
    public var intervention: String?
    public var subGroup: String?

    public init(citizen: String, intervention: String?, subGroup: String?) {
        self.citizen = citizen
        self.intervention = intervention
        self.subGroup = subGroup
    }
}

extension OfferInstrument {
    /// WHO-5 or Brief INSPIRE-O for the catalogue's standard instruments.
    public var standardInstrument: Instrument? {
        switch id {
        case "who5": .who5
        case "inspireo": .briefInspireO
        default: nil
        }
    }

    /// Whether answers are collected with it (a goal-attainment scale records follow-ups instead).
    public var isAnswered: Bool { kind != .goalAttainment }

    /// The items' wording, in order.
    public var itemTexts: [String] { standardInstrument?.items ?? items }

    /// The answer options every item offers.
    public var options: [AnswerOption] {
        standardInstrument?.answerOptions ?? (kind == .simple ? (scaleMin...max(scaleMin, scaleMax)).map { AnswerOption(value: $0, label: String($0)) } : [])
    }

    /// The score of complete answers: WHO-5's and Brief INSPIRE-O's own scoring, an own instrument's sum; nil when incomplete.
    public func score(_ answers: [Int?]) -> Double? {
        if let standard = standardInstrument { return standard.score(answers).map(Double.init) }
        guard answers.allSatisfy({ $0 != nil }) else { return nil }
        return sumScore(answers.compactMap { $0 }).map(Double.init)
    }

    /// Every problem with the answers, in Danish: one per item, each on the scale or left out.
    public func problems(in answers: [Int?]) -> [String] {
        guard isAnswered else { return ["\(name): en målopfyldelsesskala besvares ved opfølgning på et mål."] }
        var p: [String] = []
        if answers.count != itemTexts.count { p.append("\(name): der skal være \(itemTexts.count) svar.") }
        let allowed = Set(options.map(\.value))
        for (i, a) in answers.enumerated() { if let a, !allowed.contains(a) { p.append("Spørgsmål \(i + 1): svaret \(a) er ikke på skalaen.") } }
        return p
    }
}

/// The measurements due for one citizen's course by the offer's plan
/// (*forfaldne målinger*), each done or not by the answers collected.
public enum CollectionDue {
    public enum State: String, Sendable, Hashable {
        case done, overdue, soon, later

        public var danishName: String {
            switch self {
            case .done: "Gennemført"
            case .overdue: "Forfalden"
            case .soon: "Snart"
            case .later: "Senere"
            }
        }
    }

    public struct Item: Sendable, Hashable {
        public var kind: MeasurementPoints.Kind
        public var day: Day
        public var state: State
    }

    /// A start, end or after-end measurement counts when an answer of one of
    /// the plan's instruments has that point; a follow-up when it also lies
    /// within 45 days of the due day. Due within 30 days is "soon".
    public static func items(plan: MeasurementPlan, start: Day, end: Day?, answers: [OfferAnswer], today: Day) -> [Item] {
        let relevant = answers.filter { plan.instruments.contains($0.instrument) }
        return plan.points.due(start: start, end: end, through: today.adding(days: 30)).filter { $0.day <= today.adding(days: 30) }.map { due in
            let done = relevant.contains { a in
                a.point == due.kind && (due.kind != .followUp || abs(a.day.days(to: due.day)) <= 45)
            }
            let state: State = done ? .done : due.day < today ? .overdue : due.day <= today.adding(days: 30) ? .soon : .later
            return Item(kind: due.kind, day: due.day, state: state)
        }
    }
}
