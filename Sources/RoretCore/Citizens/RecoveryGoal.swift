/// One version of a goal in the citizen's recovery plan (*mål i
/// recoveryplanen*). A goal is never overwritten: a change is a new version,
/// and the history stays.
public struct GoalVersion: Sendable, Hashable {
    /// Short-term or long-term (*kort eller langt sigt*).
    public enum Horizon: String, Sendable, Hashable, Codable, CaseIterable {
        case shortTerm, longTerm

        public var danishName: String { self == .shortTerm ? "Kort sigt" : "Langt sigt" }
    }

    /// Where the goal stands (*status*).
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case active, achieved, paused, dropped

        public var danishName: String {
            switch self {
            case .active: "Igang"
            case .achieved: "Nået"
            case .paused: "Sat på pause"
            case .dropped: "Opgivet"
            }
        }
    }

    /// The goal this is a version of; stable across versions.
    public var goalID: Int
    /// 1, 2, 3, … per goal.
    public var version: Int
    /// The goal this is a sub-goal of (*delmål*), if any.
    public var parentGoalID: Int?
    public var text: String
    public var horizon: Horizon
    public var status: Status
    /// When it is to be followed up (*opfølgningsdato*).
    public var followUpOn: Day?
    public var changedOn: Day
    /// Who wrote this version (a username).
    public var changedBy: String
    /// The hopes the goal serves: ids of the first version of each hopes text.
    public var servesHopes: [String]

    /// Whether the goal still counts as current work (not achieved or dropped).
    public var isOpen: Bool { status == .active || status == .paused }

    public init(goalID: Int, version: Int, parentGoalID: Int?, text: String, horizon: Horizon, status: Status, followUpOn: Day?, changedOn: Day, changedBy: String, servesHopes: [String] = []) {
        self.goalID = goalID
        self.version = version
        self.parentGoalID = parentGoalID
        self.text = text
        self.horizon = horizon
        self.status = status
        self.followUpOn = followUpOn
        self.changedOn = changedOn
        self.changedBy = changedBy
        self.servesHopes = servesHopes
    }
}

/// Every version of every goal of one plan (*målhistorik*): append-only.
public struct GoalLedger: Sendable, Hashable {
    public private(set) var versions: [GoalVersion]

    public init(versions: [GoalVersion] = []) {
        self.versions = versions.sorted { ($0.goalID, $0.version) < ($1.goalID, $1.version) }
    }

    /// What a new goal or a change says.
    public struct Draft: Sendable, Hashable {
        public var text: String
        public var horizon: GoalVersion.Horizon
        public var status: GoalVersion.Status
        public var followUpOn: Day?
        public var parentGoalID: Int?
        public var servesHopes: [String]

        public init(text: String, horizon: GoalVersion.Horizon, status: GoalVersion.Status = .active, followUpOn: Day? = nil, parentGoalID: Int? = nil, servesHopes: [String] = []) {
            self.servesHopes = servesHopes
            self.text = text
            self.horizon = horizon
            self.status = status
            self.followUpOn = followUpOn
            self.parentGoalID = parentGoalID
        }
    }

    /// Why a change is refused.
    public enum Refusal: Error, Sendable, Hashable {
        case emptyText
        case noSuchGoal(Int)
        /// A sub-goal's parent must be a goal of this plan and not itself.
        case invalidParent(Int)
        /// Nothing differs from the current version.
        case unchanged
    }

    /// Adds a new goal as version 1; returns its id.
    @discardableResult
    public mutating func add(_ draft: Draft, on day: Day, by user: String) throws(Refusal) -> Int {
        let id = (versions.map(\.goalID).max() ?? 0) + 1
        try check(draft, goalID: id)
        versions.append(GoalVersion(goalID: id, version: 1, parentGoalID: draft.parentGoalID, text: draft.text, horizon: draft.horizon, status: draft.status, followUpOn: draft.followUpOn, changedOn: day, changedBy: user, servesHopes: draft.servesHopes))
        return id
    }

    /// Records a change of a goal as its next version; the earlier ones stay.
    public mutating func revise(_ goalID: Int, to draft: Draft, on day: Day, by user: String) throws(Refusal) {
        guard let current = current(goalID) else { throw .noSuchGoal(goalID) }
        try check(draft, goalID: goalID)
        if current.text == draft.text, current.horizon == draft.horizon, current.status == draft.status,
           current.followUpOn == draft.followUpOn, current.parentGoalID == draft.parentGoalID, current.servesHopes == draft.servesHopes {
            throw .unchanged
        }
        versions.append(GoalVersion(goalID: goalID, version: current.version + 1, parentGoalID: draft.parentGoalID, text: draft.text, horizon: draft.horizon, status: draft.status, followUpOn: draft.followUpOn, changedOn: day, changedBy: user, servesHopes: draft.servesHopes))
    }

    /// The latest version of a goal.
    public func current(_ goalID: Int) -> GoalVersion? {
        versions.last { $0.goalID == goalID }
    }

    /// The latest version of every goal, by goal id.
    public var currentGoals: [GoalVersion] {
        var latest: [Int: GoalVersion] = [:]
        for v in versions { latest[v.goalID] = v }
        return latest.values.sorted { $0.goalID < $1.goalID }
    }

    /// Every version of one goal, oldest first.
    public func history(_ goalID: Int) -> [GoalVersion] {
        versions.filter { $0.goalID == goalID }
    }

    /// Active goals whose follow-up day is on or before `day` (*til opfølgning*).
    public func dueForFollowUp(on day: Day) -> [GoalVersion] {
        currentGoals.filter { $0.status == .active && ($0.followUpOn.map { $0 <= day } ?? false) }
    }

    private func check(_ draft: Draft, goalID: Int) throws(Refusal) {
        if draft.text.allSatisfy(\.isWhitespace) { throw .emptyText }
        if let parent = draft.parentGoalID, parent == goalID || current(parent) == nil { throw .invalidParent(parent) }
    }
}
