/// When a citizen's next WHO-5 / Brief INSPIRE-O measurement is due
/// (*målingsplan*): at a regular cadence (default every 6 months) after the
/// last answer, or at once when staff ask for an ad-hoc measurement at a
/// life change. Pure: the caller says what "today" is.
public struct MeasurementSchedule: Sendable, Hashable {
    /// Months between measurements (*kadence*); default 6.
    public var cadenceMonths: Int
    /// Days after the due date before a measurement counts as overdue.
    public var graceDays: Int

    public init(cadenceMonths: Int = 6, graceDays: Int = 30) {
        precondition(cadenceMonths >= 1 && graceDays >= 0)
        self.cadenceMonths = cadenceMonths
        self.graceDays = graceDays
    }

    /// Where a citizen stands for one instrument.
    public enum Status: Sendable, Hashable {
        /// Nothing due before this day.
        case notDue(until: Day)
        /// Due since this day (within the grace period).
        case due(since: Day)
        /// Due since this day and past the grace period.
        case overdue(since: Day)

        /// Whether a reminder should go out.
        public var needsMeasurement: Bool {
            if case .notDue = self { return false }
            return true
        }
    }

    /// The due day: `cadenceMonths` after the last answer, or the start of
    /// the follow-up when never answered (the first measurement is due at
    /// once: it is the baseline); an ad-hoc request after the last answer
    /// makes it due on the request's day if that is earlier.
    public func dueDay(lastAnswered: Day?, startedOn: Day, adHocRequests: [Day] = []) -> Day {
        var due = lastAnswered.map { $0.adding(months: cadenceMonths) } ?? startedOn
        for request in adHocRequests where lastAnswered.map({ request > $0 }) ?? true {
            due = min(due, request)
        }
        return due
    }

    /// The status on `today`.
    public func status(lastAnswered: Day?, startedOn: Day, adHocRequests: [Day] = [], today: Day) -> Status {
        let due = dueDay(lastAnswered: lastAnswered, startedOn: startedOn, adHocRequests: adHocRequests)
        if today < due { return .notDue(until: due) }
        if today.rawValue - due.rawValue > Int32(graceDays) { return .overdue(since: due) }
        return .due(since: due)
    }
}

extension Day {
    /// The same day of the month `months` later; the month's last day when
    /// it has no such day (31 August + 6 months = 28/29 February).
    public func adding(months: Int) -> Day {
        let c = components
        let total = c.year * 12 + (c.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        return Day(year: year, month: month, day: min(c.day, Day.daysInMonth(year: year, month: month)))
    }
}
