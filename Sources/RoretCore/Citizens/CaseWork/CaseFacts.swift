/// The opening of a case (*sagsåbning*): when the citizen first made
/// contact (*henvendelse*), when the case was opened, and when they were
/// promised an answer ("hvornår de kan forvente at høre nærmere").
public struct CaseOpening: Sendable, Hashable, Codable {
    public var firstContactOn: Day
    public var openedOn: Day
    public var answerPromisedOn: Day?
    /// What the citizen asked for, in a few words.
    public var request: String

    public init(firstContactOn: Day, openedOn: Day, answerPromisedOn: Day?, request: String) {
        self.firstContactOn = firstContactOn
        self.openedOn = openedOn
        self.answerPromisedOn = answerPromisedOn
        self.request = request
    }
}

/// A change of the case's phase (*faseskift*), dated and signed by its event.
public struct PhaseChange: Sendable, Hashable, Codable {
    public var phase: CasePhase

    public init(phase: CasePhase) { self.phase = phase }
}

/// A follow-up of one goal (*opfølgning på et mål*), recorded even when
/// nothing changes.
public struct GoalReview: Sendable, Hashable, Codable {
    /// The citizen's own view of the goal (*borgerens egen vurdering*).
    public enum CitizensView: String, Sendable, Hashable, Codable, CaseIterable {
        case reached, onTheWay, notOnTheWay

        public var danishName: String {
            switch self {
            case .reached: "Nået"
            case .onTheWay: "På vej"
            case .notOnTheWay: "Ikke på vej"
            }
        }
    }

    public var goalID: Int
    public var citizenTookPart: Bool
    /// nil when the citizen did not give a view.
    public var citizensView: CitizensView?
    public var nextFollowUpOn: Day?
    public var note: String

    public init(goalID: Int, citizenTookPart: Bool, citizensView: CitizensView?, nextFollowUpOn: Day?, note: String) {
        self.goalID = goalID
        self.citizenTookPart = citizenTookPart
        self.citizensView = citizensView
        self.nextFollowUpOn = nextFollowUpOn
        self.note = note
    }
}

/// The citizen's answer to the description of their resources: confirmed,
/// or a comment (*borgeren bekræfter eller kommenterer*).
public struct ResourceResponse: Sendable, Hashable, Codable {
    /// Where the citizen gave it.
    public enum Channel: String, Sendable, Hashable, Codable {
        case ownPage, meeting
    }

    /// The id of the version of the resources text the citizen read.
    public var entryID: String
    public var confirmed: Bool
    public var comment: String
    public var channel: Channel

    public init(entryID: String, confirmed: Bool, comment: String, channel: Channel) {
        self.entryID = entryID
        self.confirmed = confirmed
        self.comment = comment
        self.channel = channel
    }
}

/// One person, professional or community in the citizen's network
/// (*netværk og fællesskaber*); each change is a new version.
public struct NetworkEntry: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case personal, professional, community

        public var danishName: String {
            switch self {
            case .personal: "Privat"
            case .professional: "Professionel"
            case .community: "Alment fællesskab"
            }
        }
    }

    /// How the relation is (*aktiv, hvilende, belastet*).
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case active, dormant, strained

        public var danishName: String {
            switch self {
            case .active: "Aktiv"
            case .dormant: "Hvilende"
            case .strained: "Belastet"
            }
        }
    }

    /// Whether the citizen wants them involved.
    public enum Wish: String, Sendable, Hashable, Codable, CaseIterable {
        case yes, no, undecided

        public var danishName: String {
            switch self {
            case .yes: "Ja"
            case .no: "Nej"
            case .undecided: "Ikke afklaret"
            }
        }
    }

    /// A professional's sector.
    public enum Sector: String, Sendable, Hashable, Codable, CaseIterable {
        case jobCentre, psychiatry, generalPractitioner, addictionTreatment, other

        public var danishName: String {
            switch self {
            case .jobCentre: "Jobcenter"
            case .psychiatry: "Behandlingspsykiatri"
            case .generalPractitioner: "Egen læge"
            case .addictionTreatment: "Misbrugsbehandling"
            case .other: "Andet"
            }
        }
    }

    /// Stable across versions; 1, 2, 3, … per record.
    public var entryID: Int
    public var name: String
    public var kind: Kind
    public var state: State
    public var wish: Wish
    /// What they can help with (*hvad de kan hjælpe med*).
    public var helpsWith: String
    /// For professionals only.
    public var sector: Sector?
    /// The primary coordinator (*primær koordinator*); at most one per record.
    public var isCoordinator: Bool
    /// The coordinator's agreed tasks.
    public var coordinatorTasks: String
    /// The tasks the citizen keeps.
    public var citizenKeeps: String
    /// Taken out of the network (the history stays).
    public var removed: Bool

    public init(entryID: Int, name: String, kind: Kind, state: State, wish: Wish, helpsWith: String, sector: Sector?,
                isCoordinator: Bool, coordinatorTasks: String = "", citizenKeeps: String = "", removed: Bool = false) {
        self.entryID = entryID
        self.name = name
        self.kind = kind
        self.state = state
        self.wish = wish
        self.helpsWith = helpsWith
        self.sector = kind == .professional ? sector : nil
        self.isCoordinator = isCoordinator
        self.coordinatorTasks = coordinatorTasks
        self.citizenKeeps = citizenKeeps
        self.removed = removed
    }
}

/// A meeting with the citizen (*møde*); planning, holding or cancelling it
/// are versions.
public struct Meeting: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case first, followUp, network, interdisciplinary

        public var danishName: String {
            switch self {
            case .first: "Første møde"
            case .followUp: "Opfølgningsmøde"
            case .network: "Netværksmøde"
            case .interdisciplinary: "Tværfagligt møde"
            }
        }
    }

    /// The place chosen with the citizen.
    public enum Place: String, Sendable, Hashable, Codable, CaseIterable {
        case home, cafeOrPark, online, office

        public var danishName: String {
            switch self {
            case .home: "Hjemme hos borgeren"
            case .cafeOrPark: "Café eller park"
            case .online: "Online"
            case .office: "På kontoret"
            }
        }
    }

    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case planned, held, cancelled

        public var danishName: String {
            switch self {
            case .planned: "Planlagt"
            case .held: "Holdt"
            case .cancelled: "Aflyst"
            }
        }
    }

    /// Stable across versions; 1, 2, 3, … per record.
    public var meetingID: Int
    public var kind: Kind
    public var date: Day
    public var place: Place
    public var invitedOn: Day?
    /// Who takes part besides the citizen and the caseworker: network
    /// entries by name, udfører, værge, peer.
    public var participants: [String]
    public var state: State
    /// Known once held.
    public var citizenTookPart: Bool?
    /// Goal ids discussed.
    public var goalsDiscussed: [Int]
    public var agreements: String
    /// The citizen's rating of the help, 0–10.
    public var ratingOfHelp: Int?
    /// The citizen's rating of progress towards the goals, 0–10.
    public var ratingOfProgress: Int?

    public init(meetingID: Int, kind: Kind, date: Day, place: Place, invitedOn: Day?, participants: [String], state: State = .planned,
                citizenTookPart: Bool? = nil, goalsDiscussed: [Int] = [], agreements: String = "", ratingOfHelp: Int? = nil, ratingOfProgress: Int? = nil) {
        self.meetingID = meetingID
        self.kind = kind
        self.date = date
        self.place = place
        self.invitedOn = invitedOn
        self.participants = participants
        self.state = state
        self.citizenTookPart = citizenTookPart
        self.goalsDiscussed = goalsDiscussed
        self.agreements = agreements
        self.ratingOfHelp = ratingOfHelp
        self.ratingOfProgress = ratingOfProgress
    }
}

/// An item on a meeting's agenda (*dagsordenspunkt*), the citizen's or staff's.
public struct AgendaItem: Sendable, Hashable, Codable {
    public var meetingID: Int
    public var text: String
    public var byCitizen: Bool

    public init(meetingID: Int, text: String, byCitizen: Bool) {
        self.meetingID = meetingID
        self.text = text
        self.byCitizen = byCitizen
    }
}

/// An agreement in the shared logbook (*logbog*): who does what by when;
/// marking it done is a new version.
public struct LogbookEntry: Sendable, Hashable, Codable {
    public var entryID: Int
    public var who: String
    public var what: String
    public var dueOn: Day?
    public var done: Bool

    public init(entryID: Int, who: String, what: String, dueOn: Day?, done: Bool) {
        self.entryID = entryID
        self.who = who
        self.what = what
        self.dueOn = dueOn
        self.done = done
    }
}

/// The ending of a case (*afslutning*).
public struct CaseEnding: Sendable, Hashable, Codable {
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        case goalsReached, citizensWish, movedAway, otherSupport, other

        public var danishName: String {
            switch self {
            case .goalsReached: "Målene er nået"
            case .citizensWish: "Borgerens ønske"
            case .movedAway: "Fraflytning"
            case .otherSupport: "Anden støtte"
            case .other: "Andet"
            }
        }
    }

    /// The record is closed from this day (not active on it).
    public var endedOn: Day
    public var reason: Reason
    /// How support is stepped down (*nedtrapning*), only as the citizen is ready.
    public var stepDownPlan: String
    /// The citizen was told how to seek support again or join open offers.
    public var safetyNetGiven: Bool

    public init(endedOn: Day, reason: Reason, stepDownPlan: String, safetyNetGiven: Bool) {
        self.endedOn = endedOn
        self.reason = reason
        self.stepDownPlan = stepDownPlan
        self.safetyNetGiven = safetyNetGiven
    }
}

/// A caseworker marks an alert on the citizen's answer handled, with a note.
public struct AlertHandling: Sendable, Hashable, Codable {
    /// The id of the answer that raised the alert.
    public var measurementID: String
    public var note: String

    public init(measurementID: String, note: String) {
        self.measurementID = measurementID
        self.note = note
    }
}

/// One fact of a case (*sagshændelse*). The record is append-only: a change
/// is a new fact, and the history stays.
public enum CaseFact: Sendable, Hashable, Codable {
    case opening(CaseOpening)
    case phase(PhaseChange)
    case review(GoalReview)
    case resources(ResourceResponse)
    case network(NetworkEntry)
    case meeting(Meeting)
    case agenda(AgendaItem)
    case logbook(LogbookEntry)
    case ending(CaseEnding)
    case alertHandled(AlertHandling)
}

/// A fact with when and by whom it was recorded. `day` is the day of
/// recording; the domain dates (a meeting's date, an ending's day) are in
/// the fact.
public struct CaseEvent: Sendable, Hashable {
    public var day: Day
    /// A username, or "borger" for the citizen on *Min side*.
    public var by: String
    public var fact: CaseFact

    public init(day: Day, by: String, fact: CaseFact) {
        self.day = day
        self.by = by
        self.fact = fact
    }
}
