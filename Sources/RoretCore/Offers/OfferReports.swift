/// A report of the offer's results (*rapport*, results-documentation.md §5).
public enum OfferReportKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// For the staff member: the citizens whose answers, goals or follow-ups they recorded.
    case staff = "medarbejder"
    /// For the team: every citizen of the offer, counts as they are.
    case team
    /// For leadership: the analyses per intervention, suppressed for readers.
    case leadership = "ledelse"
    /// *Dokumentation til socialtilsynet*: criterion 3's evidence.
    case supervision = "tilsyn"

    public var danishName: String {
        switch self {
        case .staff: "Til medarbejderen: egne borgere"
        case .team: "Til teamet"
        case .leadership: "Til ledelsen"
        case .supervision: "Dokumentation til socialtilsynet (kriterium 3)"
        }
    }

    /// Shows citizens one by one or counts below 5: only for those who edit the offer.
    public var isPersonLevel: Bool { self == .staff || self == .team }
}

extension AccessPolicy {
    /// Whether the user opens a report of the offer: person-level reports
    /// for those who edit it, the others for everyone who reads it.
    public static func mayReadOfferReport(_ kind: OfferReportKind, role: Role, username: String, area: String, offerID: String?, _ offer: Offer) -> Bool {
        kind.isPersonLevel ? mayEditOffer(role: role, username: username, area: area, offerID: offerID, offer)
            : mayReadOffer(role: role, username: username, area: area, offerID: offerID, offer)
    }
}

/// One table of a report as it was shown — counts already withheld where
/// they had to be — so a learning meeting keeps it unchanged.
public struct OfferReportTable: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        public var label: String
        public var cells: [String]

        public init(label: String, cells: [String]) {
            self.label = label
            self.cells = cells
        }
    }

    public var title: String
    public var head: [String]
    public var rows: [Row]
    public var note: String?

    public init(title: String, head: [String], rows: [Row], note: String? = nil) {
        self.title = title
        self.head = head
        self.rows = rows
        self.note = note
    }
}

/// A learning meeting held (*lærings- og refleksionsmøde*,
/// results-documentation.md §6): who took part, the report frozen as it
/// was at the meeting, what was said to each question, and the decisions.
public struct LearningMeetingMinutes: Sendable, Hashable, Codable {
    /// A decision (*beslutning*): becomes an action with an owner and a due date.
    public struct Decision: Sendable, Hashable, Codable {
        public var text: String
        public var owner: String
        public var due: Day?
        /// The action it became on the offer's action board.
        public var actionID: String

        public init(text: String, owner: String, due: Day?, actionID: String) {
            self.text = text
            self.owner = owner
            self.due = due
            self.actionID = actionID
        }
    }

    public var id: String
    public var day: Day
    public var participants: String
    /// The report attached, frozen when the meeting was created.
    public var reportTitle: String
    public var report: [OfferReportTable]
    /// What was said, by question: "part.question" (1-based), e.g. "2.3"; "1.0" for part 1's notes.
    public var answers: [String: String]
    public var decisions: [Decision]

    public init(id: String, day: Day, participants: String, reportTitle: String, report: [OfferReportTable], answers: [String: String] = [:], decisions: [Decision] = []) {
        self.id = id
        self.day = day
        self.participants = participants
        self.reportTitle = reportTitle
        self.report = report
        self.answers = answers
        self.decisions = decisions
    }

    /// The key of part `part`'s question `question` (0 for a part's own notes).
    public static func key(part: Int, question: Int) -> String { "\(part).\(question)" }

    /// Every problem with a new decision, in Danish.
    public static func problems(text: String, owner: String) -> [String] {
        (text.allSatisfy(\.isWhitespace) ? ["Beslutning: skriv hvad der er besluttet."] : [])
            + (owner.allSatisfy(\.isWhitespace) ? ["Ansvarlig: skriv hvem der har ansvaret for at følge op."] : [])
    }
}

/// A review of the whole cycle held (*opfølgning på den samlede proces*,
/// results-documentation.md §7): per phase and question the group's
/// experiences and follow-up actions.
public struct CycleReviewMinutes: Sendable, Hashable, Codable {
    public var id: String
    public var day: Day
    public var title: String
    /// By question: "phase.question" (1-based), e.g. "2.2".
    public var answers: [String: CycleReview.Answer]

    public init(id: String, day: Day, title: String, answers: [String: CycleReview.Answer] = [:]) {
        self.id = id
        self.day = day
        self.title = title
        self.answers = answers
    }

    /// The key of phase `phase`'s question `question`.
    public static func key(phase: Int, question: Int) -> String { "\(phase).\(question)" }

    /// How many questions have an experience or an action written.
    public var answered: Int { answers.values.filter { !$0.experiences.allSatisfy(\.isWhitespace) || !$0.actions.allSatisfy(\.isWhitespace) }.count }
}

/// The target group as described and as served (criterion 3 and the
/// cycle review's phase 2): the description from the theory of change and
/// the interventions, and who the offer's citizens actually were.
public struct TargetGroupEvidence: Sendable, Hashable {
    public struct Group: Sendable, Hashable {
        public var label: String
        public var described: String
        public var citizens: Int
    }

    /// The theory of change's target group text, if any.
    public var described: String?
    /// Each intervention's target group with the citizens enrolled in it, then "Ikke tilknyttet en indsats".
    public var groups: [Group]
    public struct YearCount: Sendable, Hashable {
        public var year: Int
        public var citizens: Int
    }

    /// Citizens whose course started in each year, oldest first.
    public var startsByYear: [YearCount]

    /// From the courses and the offer's interventions: every citizen counted once per group they are in.
    public init(theoryTargetGroup: String?, interventions: [OfferIntervention], courses: [OfferCourse]) {
        described = theoryTargetGroup.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        var groups = interventions.map { i in
            Group(label: i.name, described: i.targetGroup, citizens: Set(courses.filter { $0.intervention == i.id }.map(\.citizen)).count)
        }
        let known = Set(interventions.map(\.id))
        let none = Set(courses.filter { $0.intervention.map { !known.contains($0) } ?? true }.map(\.citizen)).count
        if none > 0 { groups.append(Group(label: "Ikke tilknyttet en indsats", described: "", citizens: none)) }
        self.groups = groups
        let years = Dictionary(grouping: courses, by: \.start.year).mapValues { Set($0.map(\.citizen)).count }
        startsByYear = years.keys.sorted().map { YearCount(year: $0, citizens: years[$0]!) }
    }
}

/// A status report sent to the authority (*statusrapport til myndigheden*):
/// the next report covers what happened since this day.
public struct StatusReportSent: Sendable, Hashable, Codable {
    public var day: Day

    public init(day: Day) { self.day = day }

    /// The first day the next report covers: the day after the last report, else the course's start.
    public static func periodStart(lastSent: Day?, courseStart: Day) -> Day { lastSent.map { $0.adding(days: 1) } ?? courseStart }
}
