/// The documentation a reflection meeting discusses, frozen when the
/// meeting is prepared (*dokumentationen*): tables of text as the least
/// privileged participant may see them, so the numbers stay those the group
/// discussed after a new import.
public struct FrozenDocumentation: Sendable, Hashable, Codable {
    public struct Table: Sendable, Hashable, Codable {
        public var title: String
        public var header: [String]
        public var rows: [[String]]
        public var note: String

        public init(title: String, header: [String], rows: [[String]], note: String = "") {
            self.title = title
            self.header = header
            self.rows = rows
            self.note = note
        }
    }

    /// A chart as it was drawn when the documentation was frozen (SVG made by Roret).
    public struct Chart: Sendable, Hashable, Codable {
        public var title: String
        public var svg: String

        public init(title: String, svg: String) {
            self.title = title
            self.svg = svg
        }
    }

    public var frozenOn: Day
    /// Where the numbers came from, e.g. "Udtræk v2 · indlæst 23.11.2026".
    public var source: String
    public var tables: [Table]
    public var charts: [Chart]

    public init(frozenOn: Day, source: String, tables: [Table], charts: [Chart] = []) {
        self.frozenOn = frozenOn
        self.source = source
        self.tables = tables
        self.charts = charts
    }

    enum CodingKeys: String, CodingKey { case frozenOn, source, tables, charts }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        frozenOn = try c.decode(Day.self, forKey: .frozenOn)
        source = try c.decode(String.self, forKey: .source)
        tables = try c.decode([Table].self, forKey: .tables)
        charts = try c.decodeIfPresent([Chart].self, forKey: .charts) ?? []
    }
}

/// Someone taking part in a reflection meeting, with their role there.
public struct MeetingParticipant: Sendable, Hashable, Codable {
    public var username: String
    /// The account's role (a citizen sees only the meeting, its documentation and its actions).
    public var role: Role
    /// Their role in the meeting, in words ("tovholder", "sagsbehandler", "borger").
    public var meetingRole: String

    public init(username: String, role: Role, meetingRole: String) {
        self.username = username
        self.role = role
        self.meetingRole = meetingRole
    }
}

/// A reflection meeting (*refleksionsmøde*) of a municipality.
public struct ReflectionMeeting: Sendable, Hashable {
    public var id: String
    public var municipality: String
    public var title: String
    public var date: Day
    public var phase: ReflectionPhase
    public var participants: [MeetingParticipant]
    public var documentation: FrozenDocumentation

    public init(id: String, municipality: String, title: String, date: Day, phase: ReflectionPhase, participants: [MeetingParticipant], documentation: FrozenDocumentation) {
        self.id = id
        self.municipality = municipality
        self.title = title
        self.date = date
        self.phase = phase
        self.participants = participants
        self.documentation = documentation
    }

    public func isParticipant(_ username: String) -> Bool { participants.contains { $0.username == username } }
}

/// What a note in a reflection meeting is.
public enum ReflectionNoteKind: String, Sendable, Hashable, Codable {
    /// A participant's own preparation, answering one of the three questions.
    case preparation
    /// An answer to one of the dialogue phase's questions.
    case answer
    /// An observation in *Udforsk*, marked positive, challenge or knowledge gap (a theme).
    case observation
    /// An explanation in *Fortolk*, linked to a theme.
    case explanation
}

/// One note of a reflection meeting.
public struct ReflectionNote: Sendable, Hashable {
    public var id: String
    public var author: String
    public var phase: ReflectionPhase
    public var kind: ReflectionNoteKind
    /// The question (1-based) a preparation note or an answer is to.
    public var question: Int?
    public var observationKind: ObservationKind?
    /// The observation an explanation explains.
    public var themeID: String?
    public var text: String
    public var day: Day

    public init(id: String, author: String, phase: ReflectionPhase, kind: ReflectionNoteKind, question: Int? = nil, observationKind: ObservationKind? = nil,
                themeID: String? = nil, text: String, day: Day) {
        self.id = id
        self.author = author
        self.phase = phase
        self.kind = kind
        self.question = question
        self.observationKind = observationKind
        self.themeID = themeID
        self.text = text
        self.day = day
    }

    /// Every problem with writing this note in a meeting in `phase`, in Danish.
    public func problems(in phase: ReflectionPhase, themes: Set<String>) -> [String] {
        var p: [String] = []
        if text.allSatisfy(\.isWhitespace) { p.append("Skriv noget først.") }
        if text.count > 4000 { p.append("Højst 4.000 tegn.") }
        switch kind {
        case .preparation:
            if !ReflectionRules.mayPrepare(in: phase) { p.append("Forberedelsen er slut: dialogen er begyndt.") }
        case .answer:
            if self.phase != phase || phase == .preparation || phase == .closed { p.append(ReflectionRules.Refusal.wrongPhase(phase).danishText) }
        case .observation:
            if !ReflectionRules.mayObserve(in: phase) { p.append("Iagttagelser skrives i Udforsk; Udforsk er \(phase > .explore ? "lukket" : "ikke åbnet endnu").") }
            if observationKind == nil { p.append("Markér iagttagelsen: positivt, udfordring eller videnshul.") }
        case .explanation:
            if !ReflectionRules.mayExplain(in: phase) { p.append("Forklaringer skrives i Fortolk.") }
            if themeID.map({ !themes.contains($0) }) ?? true { p.append(ReflectionRules.Refusal.noSuchTheme.danishText) }
        }
        return p
    }
}
