/// A value with the day it was recorded and who recorded it.
public struct Dated<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var day: Day
    public var by: String

    public init(_ value: Value, day: Day, by: String) {
        self.value = value
        self.day = day
        self.by = by
    }
}

/// A case as its facts tell it on one day (*sagen, som den står*): every
/// fact recorded on or before that day, folded in recording order. The
/// latest version of an entry, meeting or agreement is the one in force.
public struct CaseState: Sendable, Hashable {
    public var opening: Dated<CaseOpening>?
    /// Every change of phase, oldest first; the current phase is the last.
    public var phases: [Dated<CasePhase>] = []
    public var reviews: [Dated<GoalReview>] = []
    public var resourceResponses: [Dated<ResourceResponse>] = []
    /// Each network entry's versions, oldest first, by entry id.
    public var networkVersions: [Int: [Dated<NetworkEntry>]] = [:]
    /// Each meeting's versions, oldest first, by meeting id.
    public var meetingVersions: [Int: [Dated<Meeting>]] = [:]
    public var agenda: [Int: [Dated<AgendaItem>]] = [:]
    public var logbookVersions: [Int: [Dated<LogbookEntry>]] = [:]
    public var ending: Dated<CaseEnding>?
    /// Handled alerts, by the id of the answer that raised them.
    public var handledAlerts: [String: Dated<AlertHandling>] = [:]

    public init() {}

    /// The phase in force; nil before the first change.
    public var currentPhase: CasePhase? { phases.last?.value }

    /// The entry last marked as primary coordinator (marking another one
    /// moves the role; unmarking or removing it leaves none).
    public private(set) var coordinatorID: Int?

    /// The network as it stands: entries not removed, by id; only the
    /// coordinator carries the mark.
    public var network: [NetworkEntry] {
        networkVersions.keys.sorted().compactMap { id -> NetworkEntry? in
            guard var entry = networkVersions[id]?.last?.value, !entry.removed else { return nil }
            entry.isCoordinator = id == coordinatorID
            return entry
        }
    }

    /// The primary coordinator, if one is agreed.
    public var coordinator: NetworkEntry? { network.first(where: \.isCoordinator) }

    /// Every meeting as it stands, by date then id.
    public var meetings: [Meeting] {
        meetingVersions.values.compactMap(\.last?.value).sorted { ($0.date, $0.meetingID) < ($1.date, $1.meetingID) }
    }

    /// Agreements as they stand, by id.
    public var logbook: [LogbookEntry] {
        logbookVersions.keys.sorted().compactMap { logbookVersions[$0]?.last?.value }
    }

    /// The next id for a new network entry, meeting or agreement.
    public var nextNetworkID: Int { (networkVersions.keys.max() ?? 0) + 1 }
    public var nextMeetingID: Int { (meetingVersions.keys.max() ?? 0) + 1 }
    public var nextLogbookID: Int { (logbookVersions.keys.max() ?? 0) + 1 }

    /// The earliest planned meeting on or after `day`.
    public func nextMeeting(from day: Day) -> Meeting? {
        meetings.first { $0.state == .planned && $0.date >= day }
    }

    /// Folds one fact in.
    mutating func apply(_ event: CaseEvent) {
        let (day, by) = (event.day, event.by)
        switch event.fact {
        case .opening(let o): opening = Dated(o, day: day, by: by)
        case .phase(let p): phases.append(Dated(p.phase, day: day, by: by))
        case .review(let r): reviews.append(Dated(r, day: day, by: by))
        case .resources(let r): resourceResponses.append(Dated(r, day: day, by: by))
        case .network(let n):
            if n.isCoordinator && !n.removed {
                coordinatorID = n.entryID
            } else if coordinatorID == n.entryID {
                coordinatorID = nil
            }
            networkVersions[n.entryID, default: []].append(Dated(n, day: day, by: by))
        case .meeting(let m): meetingVersions[m.meetingID, default: []].append(Dated(m, day: day, by: by))
        case .agenda(let a): agenda[a.meetingID, default: []].append(Dated(a, day: day, by: by))
        case .logbook(let l): logbookVersions[l.entryID, default: []].append(Dated(l, day: day, by: by))
        case .ending(let e): ending = Dated(e, day: day, by: by)
        case .alertHandled(let h): handledAlerts[h.measurementID] = Dated(h, day: day, by: by)
        }
    }
}

/// Every fact of one case in recording order (*sagens historik*).
public struct CaseHistory: Sendable, Hashable {
    public let events: [CaseEvent]

    public init(events: [CaseEvent]) { self.events = events }

    /// The case on `day`: the facts recorded on or before it.
    public func state(on day: Day) -> CaseState {
        var state = CaseState()
        for event in events where event.day <= day { state.apply(event) }
        return state
    }

    /// The case with every fact.
    public var current: CaseState {
        var state = CaseState()
        for event in events { state.apply(event) }
        return state
    }
}
