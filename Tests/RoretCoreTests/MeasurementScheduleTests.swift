import Testing
@testable import RoretCore

/// When measurements are due: cadence, grace, ad-hoc requests, month ends.
@Suite struct MeasurementScheduleTests {
    @Test func addingMonthsKeepsTheDayOrTakesTheMonthsLast() {
        #expect(day("2024-01-15").adding(months: 6) == day("2024-07-15"))
        #expect(day("2024-08-31").adding(months: 6) == day("2025-02-28"))
        #expect(day("2023-08-31").adding(months: 6) == day("2024-02-29"), "leap year")
        #expect(day("2024-03-31").adding(months: 1) == day("2024-04-30"))
        #expect(day("2024-12-10").adding(months: 1) == day("2025-01-10"), "over the year end")
        #expect(day("2024-07-01").adding(months: 18) == day("2026-01-01"))
    }

    @Test func theFirstMeasurementIsDueWhenFollowUpStartsAndOverdueAfterTheGrace() {
        let schedule = MeasurementSchedule()   // 6 months, 30 days' grace
        let start = day("2024-03-01")
        #expect(schedule.status(lastAnswered: nil, startedOn: start, today: day("2024-02-29")) == .notDue(until: start))
        #expect(schedule.status(lastAnswered: nil, startedOn: start, today: start) == .due(since: start))
        // 2024-03-31 is 30 days after: still due; 2024-04-01 is 31 days after: overdue.
        #expect(schedule.status(lastAnswered: nil, startedOn: start, today: day("2024-03-31")) == .due(since: start))
        #expect(schedule.status(lastAnswered: nil, startedOn: start, today: day("2024-04-01")) == .overdue(since: start))
    }

    @Test func theNextIsDueOneCadenceAfterTheLastAnswer() {
        let schedule = MeasurementSchedule()
        let last = day("2024-01-15")
        #expect(schedule.status(lastAnswered: last, startedOn: day("2023-06-01"), today: day("2024-07-14")) == .notDue(until: day("2024-07-15")))
        #expect(schedule.status(lastAnswered: last, startedOn: day("2023-06-01"), today: day("2024-07-15")) == .due(since: day("2024-07-15")))
        let quarterly = MeasurementSchedule(cadenceMonths: 3, graceDays: 0)
        #expect(quarterly.status(lastAnswered: last, startedOn: last, today: day("2024-04-16")) == .overdue(since: day("2024-04-15")))
    }

    @Test func anAdHocRequestAfterTheLastAnswerMakesItDueAtOnce() {
        let schedule = MeasurementSchedule()
        let last = day("2024-01-15")
        let request = day("2024-04-01")
        let status = schedule.status(lastAnswered: last, startedOn: last, adHocRequests: [request], today: day("2024-04-02"))
        #expect(status == .due(since: request))
        #expect(status.needsMeasurement)
        // A request the last answer already met changes nothing.
        let met = schedule.status(lastAnswered: last, startedOn: last, adHocRequests: [day("2024-01-10")], today: day("2024-04-02"))
        #expect(met == .notDue(until: day("2024-07-15")))
        #expect(!met.needsMeasurement)
    }
}
