/// When goals are to be followed up and whether they were (*opfølgning på
/// mål*). A goal's follow-up date is set by its versions and by reviews,
/// in the order they were made (a review on the same day as a version
/// comes after it); the latest one sets the date in force.
public struct GoalFollowUps: Sendable {
    /// One version or review of a goal: its day and the date it set.
    public struct Setter: Sendable, Hashable {
        public var goalID: Int
        public var day: Day
        public var setsDate: Day?
        /// The goal was open (not achieved or dropped) with this setter.
        public var goalOpen: Bool
    }

    /// A follow-up date that fell due: nothing rescheduled it before it came.
    public struct DueDate: Sendable, Hashable {
        public var goalID: Int
        public var date: Day
        /// The day of the first version or review after the date was set, if any.
        public var followedOn: Day?

        /// Met by a review or a new version within `days` after the date.
        public func isMet(within days: Int = 14) -> Bool {
            followedOn.map { $0.rawValue <= date.rawValue + Int32(days) } ?? false
        }
    }

    /// Every setter per goal, in order.
    public let setters: [Int: [Setter]]

    public init(goals: GoalLedger, reviews: [Dated<GoalReview>]) {
        var byGoal: [Int: [Setter]] = [:]
        var statusOpen: [Int: Bool] = [:]
        var merged: [(Day, Int, Setter)] = []
        for (i, v) in goals.versions.enumerated() {
            merged.append((v.changedOn, i, Setter(goalID: v.goalID, day: v.changedOn, setsDate: v.followUpOn, goalOpen: v.isOpen)))
        }
        for (i, r) in reviews.enumerated() {
            merged.append((r.day, goals.versions.count + i, Setter(goalID: r.value.goalID, day: r.day, setsDate: r.value.nextFollowUpOn, goalOpen: true)))
        }
        merged.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        for (_, index, var setter) in merged {
            if index < goals.versions.count {
                statusOpen[setter.goalID] = setter.goalOpen
            } else {
                // A review keeps the goal's status; a review of an unknown goal is ignored.
                guard let open = statusOpen[setter.goalID] else { continue }
                setter.goalOpen = open
            }
            byGoal[setter.goalID, default: []].append(setter)
        }
        setters = byGoal
    }

    /// The follow-up date in force for a goal.
    public func date(of goalID: Int) -> Day? {
        setters[goalID]?.last?.setsDate
    }

    /// The follow-up dates that fell due on or before `day`, with whether
    /// and when they were followed: only dates of open goals, and only
    /// those no later version or review replaced before they came.
    public func dueDates(through day: Day) -> [DueDate] {
        var result: [DueDate] = []
        for goalID in setters.keys.sorted() {
            let list = setters[goalID]!
            for (i, setter) in list.enumerated() {
                guard setter.goalOpen, let date = setter.setsDate, date <= day else { continue }
                let next = list.indices.contains(i + 1) ? list[i + 1].day : nil
                if let next, next < date { continue }
                result.append(DueDate(goalID: goalID, date: date, followedOn: next))
            }
        }
        return result
    }
}
