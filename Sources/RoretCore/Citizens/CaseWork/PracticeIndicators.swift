/// Computes the practice indicators I1–I16 (casework.md) from records, on a
/// reference day. Windows end on the reference day and include it: "the
/// last 12 months" is the days after the same date a year before, up to
/// and including the reference day (definitions 56–60).
public enum PracticeIndicators {
    /// Days after a follow-up date within which a review or a new version meets it (I7).
    public static let followUpGraceDays = 14
    /// Days after opening within which the first hopes text counts (I3).
    public static let hopesWithinDays = 30

    /// Every indicator for one area over `files`, unsuppressed.
    /// `schedules` gives each municipality's measurement schedule (default: the standard one).
    public static func rows(area: String, files: [CaseFile], on reference: Day, schedules: [String: MeasurementSchedule] = [:]) -> [PracticeIndicatorRow] {
        var tally = Tally()
        let yearAgo = reference.adding(months: -12), halfYearAgo = reference.adding(months: -6)
        func inLastYear(_ d: Day) -> Bool { yearAgo < d && d <= reference }
        for file in files {
            let s = file.snapshot(on: reference)
            let opened = s.openedOn
            if s.isActive {
                tally.activeRecords(s, schedule: schedules[file.municipality] ?? MeasurementSchedule(), halfYearAgo: halfYearAgo)
            }
            // I3 and I14: records opened in the last 12 months, active or not.
            if inLastYear(opened) {
                let firstHopes = s.firstWritten(.hopesWishesDreams)
                let inTime = firstHopes.map { $0.rawValue <= opened.rawValue + Int32(hopesWithinDays) } ?? false
                let pending = firstHopes == nil && reference.rawValue <= opened.rawValue + Int32(hopesWithinDays)
                if !pending { tally.add(.i3, inTime) }
                if let contact = s.state.opening?.value.firstContactOn {
                    if let meeting = s.heldMeetings.map(\.date).filter({ $0 >= contact }).min() {
                        tally.days[.i14Meeting, default: []].append(Int(meeting.rawValue - contact.rawValue))
                    }
                    if let start = file.interventionStarts.filter({ $0 >= contact && $0 <= reference }).min() {
                        tally.days[.i14Intervention, default: []].append(Int(start.rawValue - contact.rawValue))
                    }
                }
            }
            // I7: follow-up dates in the last 12 months on which the record was open.
            for due in s.followUps.dueDates(through: reference) where inLastYear(due.date) && s.isActive(on: due.date) {
                let met = due.isMet(within: followUpGraceDays)
                let pending = !met && reference.rawValue < due.date.rawValue + Int32(followUpGraceDays)
                if !pending { tally.add(.i7, met) }
            }
            // I11, I12: meetings held in the last 12 months.
            for meeting in s.heldMeetings where inLastYear(meeting.date) {
                tally.add(.i11, meeting.citizenTookPart == true)
                let items = s.state.agenda[meeting.meetingID] ?? []
                tally.add(.i11Agenda, items.contains { $0.value.byCitizen })
                tally.add(.i12, meeting.ratingOfHelp != nil || meeting.ratingOfProgress != nil)
            }
            // I15, I16: endings in the last 12 months.
            if let ending = s.state.ending?.value, inLastYear(ending.endedOn) {
                tally.add(.i15, ending.safetyNetGiven)
                tally.add(.i16, ending.reason == .goalsReached)
            }
        }
        return PracticeIndicator.allCases.map { indicator in
            if indicator.isMedian {
                let days = tally.days[indicator] ?? []
                return PracticeIndicatorRow(area: area, reference: reference, indicator: indicator, numerator: nil, denominator: days.count, median: RoretCore.median(days))
            }
            let (n, d) = tally.counts[indicator] ?? (0, 0)
            return PracticeIndicatorRow(area: area, reference: reference, indicator: indicator, numerator: n, denominator: d)
        }
    }


    /// Rows per municipality (in byte order of their codes) and for the
    /// country (`national`) on each reference day, unsuppressed.
    public static func table(files: [CaseFile], on references: [Day], schedules: [String: MeasurementSchedule] = [:]) -> [PracticeIndicatorRow] {
        let byArea = Dictionary(grouping: files, by: \.municipality)
        let areas = byArea.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var rows: [PracticeIndicatorRow] = []
        for reference in references {
            for area in areas { rows += Self.rows(area: area, files: byArea[area]!, on: reference, schedules: schedules) }
            rows += Self.rows(area: nationalArea, files: files, on: reference, schedules: schedules)
        }
        return rows
    }

    /// The last day of each of the `count` quarters before the one `day` is
    /// in, oldest first (the trend's reference days).
    public static func quarterEnds(before day: Day, count: Int) -> [Day] {
        let (y, m, _) = day.components
        let quarterStart = Day(year: y, month: (m - 1) / 3 * 3 + 1, day: 1)
        return (1...max(count, 1)).reversed().map { back in
            Day(rawValue: quarterStart.adding(months: -3 * (back - 1)).rawValue - 1)
        }
    }

    /// The counts behind the rows.
    struct Tally {
        var counts: [PracticeIndicator: (Int, Int)] = [:]
        var days: [PracticeIndicator: [Int]] = [:]

        /// One more in the denominator, and in the numerator when `hit`.
        mutating func add(_ indicator: PracticeIndicator, _ hit: Bool) {
            let (n, d) = counts[indicator] ?? (0, 0)
            counts[indicator] = (n + (hit ? 1 : 0), d + 1)
        }

        /// I1, I2, I4–I6, I8–I10 and I13 for one active record.
        mutating func activeRecords(_ s: CaseSnapshot, schedule: MeasurementSchedule, halfYearAgo: Day) {
            let hopes = s.currentTexts(.hopesWishesDreams)
            add(.i1, !hopes.isEmpty)
            if !hopes.isEmpty { add(.i2, hopes.contains(where: \.inCitizensWords)) }
            add(.i4, s.resourcesConfirmed)
            let network = s.state.network
            add(.i5, !network.isEmpty)
            add(.i5Personal, network.contains { $0.kind == .personal })
            add(.i5Professional, network.contains { $0.kind == .professional })
            add(.i5Community, network.contains { $0.kind == .community })
            let followUps = s.followUps
            for goal in s.goals.currentGoals where goal.isOpen {
                add(.i6, followUps.date(of: goal.goalID) != nil)
                add(.i8, !goal.servesHopes.isEmpty)
            }
            let overdue = Instrument.allCases.contains { instrument in
                let last = s.file.answers.filter { $0.instrument == instrument && $0.answeredOn <= s.day }.map(\.answeredOn).max()
                let requests = s.file.adHocRequests.filter { $0 <= s.day }
                if case .overdue = schedule.status(lastAnswered: last, startedOn: s.file.measurementStart, adHocRequests: requests, today: s.day) { return true }
                return false
            }
            add(.i9, !overdue)
            if s.openedOn.adding(months: 6) <= s.day {
                add(.i10, s.heldMeetings.contains { $0.kind == .followUp && halfYearAgo < $0.date })
            }
            if network.contains(where: { $0.kind == .professional }) {
                add(.i13, s.state.coordinator != nil)
            }
        }
    }
}
