/// Where an action was agreed.
public enum ActionSource: String, Sendable, Hashable, Codable, CaseIterable {
    case meeting, evaluation, temperature, caseReview

    public var danishName: String {
        switch self {
        case .meeting: "Refleksionsmøde"
        case .evaluation: "Evaluering"
        case .temperature: "Temperaturmåling"
        case .caseReview: "Sagsgennemgang"
        }
    }
}

/// Where an action stands (*status*).
public enum ActionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case planned, inProgress, done, dropped

    public var danishName: String {
        switch self {
        case .planned: "Planlagt"
        case .inProgress: "I gang"
        case .done: "Gennemført"
        case .dropped: "Opgivet"
        }
    }

    /// Still to be done.
    public var isOpen: Bool { self == .planned || self == .inProgress }
}

/// The sign that shows the group is on the right track: a key figure or a
/// practice indicator with its value when the action was agreed, or a sign
/// in words.
public struct ActionSign: Sendable, Hashable, Codable {
    /// `NT05`, `I7`, …; nil for a sign in words.
    public var indicator: String?
    /// The area the indicator is read for.
    public var area: String?
    /// Its value when the action was agreed (nil: withheld or none).
    public var valueThen: Double?
    /// A sign in words, or the indicator's title.
    public var text: String

    public init(indicator: String?, area: String?, valueThen: Double?, text: String) {
        self.indicator = indicator
        self.area = area
        self.valueThen = valueThen
        self.text = text
    }
}

/// An action agreed by the leaders (*handling*), with its owner and follow-up.
public struct LeadershipAction: Sendable, Hashable, Codable {
    public var id: String
    public var municipality: String
    public var source: ActionSource
    /// The meeting, round or review it came from.
    public var sourceID: String
    /// Hvad går de nye tiltag ud på – hvad skal gøres?
    public var what: String
    /// Who acts or acts differently.
    public var owner: String
    public var involve: String
    public var followsUp: String
    public var sign: ActionSign?
    public var due: Day?
    public var status: ActionStatus
    public var agreedOn: Day
    /// The account reminded when the action is overdue (*påmindes*); nil for none.
    public var remind: String?

    public init(id: String, municipality: String, source: ActionSource, sourceID: String, what: String, owner: String, involve: String = "",
                followsUp: String = "", sign: ActionSign? = nil, due: Day? = nil, status: ActionStatus = .planned, agreedOn: Day, remind: String? = nil) {
        self.remind = remind
        self.id = id
        self.municipality = municipality
        self.source = source
        self.sourceID = sourceID
        self.what = what
        self.owner = owner
        self.involve = involve
        self.followsUp = followsUp
        self.sign = sign
        self.due = due
        self.status = status
        self.agreedOn = agreedOn
    }

    /// Every problem with an action before it is stored, in Danish.
    public var problems: [String] {
        var p: [String] = []
        if what.allSatisfy(\.isWhitespace) { p.append("Hvad skal gøres: skal udfyldes.") }
        if owner.allSatisfy(\.isWhitespace) { p.append("Hvem: skal udfyldes.") }
        if let due, due < agreedOn { p.append("Opfølgning senest: datoen er før handlingen blev aftalt.") }
        return p
    }

    /// Open and past its due day.
    public func isOverdue(on day: Day) -> Bool { status.isOpen && (due.map { $0 < day } ?? false) }
}

/// The action board (*handlingsoversigt*) and *Siden sidst*.
public enum ActionBoard {
    /// Actions by filter, open ones first, then by due day.
    public static func filter(_ actions: [LeadershipAction], owner: String? = nil, status: ActionStatus? = nil, source: ActionSource? = nil) -> [LeadershipAction] {
        actions.filter { a in
            (owner.map { a.owner.lowercased().contains($0.lowercased()) } ?? true) && (status.map { a.status == $0 } ?? true) && (source.map { a.source == $0 } ?? true)
        }.sorted { ($0.status.isOpen ? 0 : 1, $0.due ?? Day.openEnd, $0.id) < ($1.status.isOpen ? 0 : 1, $1.due ?? Day.openEnd, $1.id) }
    }

    /// Overdue actions with someone to remind: the reminders the outbox should hold on `day`.
    public static func reminders(_ actions: [LeadershipAction], on day: Day) -> [(action: LeadershipAction, recipient: String, due: Day)] {
        actions.compactMap { a in
            guard a.isOverdue(on: day), let recipient = a.remind, let due = a.due else { return nil }
            return (a, recipient, due)
        }
    }

    /// *Siden sidst*: the group's open actions, each with its indicator's value when agreed and now.
    public static func sinceLast(_ actions: [LeadershipAction], now: (ActionSign) -> Double?) -> [(action: LeadershipAction, then: Double?, now: Double?)] {
        filter(actions).filter(\.status.isOpen).map { a in (a, a.sign?.valueThen, a.sign.flatMap { $0.indicator == nil ? nil : now($0) }) }
    }
}
