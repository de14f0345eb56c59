/// One version of a plan text, as the indicators need it.
public struct PlanTextVersion: Sendable, Hashable {
    /// This version's id.
    public var id: String
    /// The id of the text's first version: the text's identity across edits.
    public var chainID: String
    public var kind: PlanEntryKind
    public var writtenOn: Day
    public var inCitizensWords: Bool

    public init(id: String, chainID: String, kind: PlanEntryKind, writtenOn: Day, inCitizensWords: Bool) {
        self.id = id
        self.chainID = chainID
        self.kind = kind
        self.writtenOn = writtenOn
        self.inCitizensWords = inCitizensWords
    }
}

/// One scored or unscored answer, as alerts and indicators need it.
public struct AnswerFact: Sendable, Hashable {
    public var id: String
    public var instrument: Instrument
    public var answeredOn: Day
    /// 0–100; nil for an incomplete answer.
    public var score: Int?

    public init(id: String, instrument: Instrument, answeredOn: Day, score: Int?) {
        self.id = id
        self.instrument = instrument
        self.answeredOn = answeredOn
        self.score = score
    }
}

/// Everything about one citizen's record that follow-up and the practice
/// indicators read (*sagen*). Plan texts, goal versions and facts are in
/// the order they were written.
public struct CaseFile: Sendable, Hashable {
    public var recordID: String
    public var municipality: String
    public var caseworker: String?
    /// The day the record was created: its opening day when no opening is recorded.
    public var createdOn: Day
    public var history: CaseHistory
    public var planTexts: [PlanTextVersion]
    public var goals: GoalLedger
    public var answers: [AnswerFact]
    /// When measurement follow-up started.
    public var measurementStart: Day
    public var adHocRequests: [Day]
    public var interventionStarts: [Day]

    public init(recordID: String, municipality: String, caseworker: String?, createdOn: Day, history: CaseHistory, planTexts: [PlanTextVersion] = [],
                goals: GoalLedger = GoalLedger(), answers: [AnswerFact] = [], measurementStart: Day, adHocRequests: [Day] = [], interventionStarts: [Day] = []) {
        self.recordID = recordID
        self.municipality = municipality
        self.caseworker = caseworker
        self.createdOn = createdOn
        self.history = history
        self.planTexts = planTexts
        self.goals = goals
        self.answers = answers
        self.measurementStart = measurementStart
        self.adHocRequests = adHocRequests
        self.interventionStarts = interventionStarts
    }

    /// The record on `day`: only what was written on or before it.
    public func snapshot(on day: Day) -> CaseSnapshot {
        CaseSnapshot(file: self, day: day)
    }
}

/// A record as it stood on one day (*sagen på en dato*).
public struct CaseSnapshot: Sendable {
    public let file: CaseFile
    public let day: Day
    public let state: CaseState
    public let goals: GoalLedger
    public let planTexts: [PlanTextVersion]

    init(file: CaseFile, day: Day) {
        self.file = file
        self.day = day
        state = file.history.state(on: day)
        goals = GoalLedger(versions: file.goals.versions.filter { $0.changedOn <= day })
        planTexts = file.planTexts.filter { $0.writtenOn <= day }
    }

    /// The day the record was opened.
    public var openedOn: Day { state.opening?.value.openedOn ?? file.createdOn }

    /// Open on `day` and not ended: an ending closes the record on its day.
    public func isActive(on day: Day) -> Bool {
        openedOn <= day && (state.ending.map { day < $0.value.endedOn } ?? true)
    }

    /// Active on the snapshot's day.
    public var isActive: Bool { isActive(on: day) }

    /// The current version of each text of `kind`, by first writing.
    public func currentTexts(_ kind: PlanEntryKind) -> [PlanTextVersion] {
        var latest: [String: PlanTextVersion] = [:]
        var order: [String] = []
        for v in planTexts where v.kind == kind {
            if latest[v.chainID] == nil { order.append(v.chainID) }
            latest[v.chainID] = v
        }
        return order.compactMap { latest[$0] }
    }

    /// The first day a text of `kind` was written.
    public func firstWritten(_ kind: PlanEntryKind) -> Day? {
        planTexts.filter { $0.kind == kind }.map(\.writtenOn).min()
    }

    /// Whether some current resources text is confirmed by the citizen: a
    /// confirmation of that very version (an edit needs a new one).
    public var resourcesConfirmed: Bool {
        let confirmed = Set(state.resourceResponses.filter(\.value.confirmed).map(\.value.entryID))
        return currentTexts(.resource).contains { confirmed.contains($0.id) }
    }

    /// Each goal's follow-up schedule as of the snapshot.
    public var followUps: GoalFollowUps { GoalFollowUps(goals: goals, reviews: state.reviews) }

    /// Meetings held on or before the snapshot's day.
    public var heldMeetings: [Meeting] {
        state.meetings.filter { $0.state == .held && $0.date <= day }
    }
}
