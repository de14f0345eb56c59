import Testing
@testable import RoretCore

/// Builds a hand-made record: facts, texts, goals and answers, each dated.
private struct RecordBuilder {
    var id: String
    var created: Day
    var events: [CaseEvent] = []
    var texts: [PlanTextVersion] = []
    var goals: [GoalVersion] = []
    var answers: [AnswerFact] = []
    var interventions: [Day] = []
    var start: Day? = nil

    init(_ id: String, created: String) {
        self.id = id
        self.created = day(created)
    }

    mutating func fact(_ on: String, _ fact: CaseFact) { events.append(CaseEvent(day: day(on), by: "s", fact: fact)) }
    mutating func opened(contact: String, opened: String) {
        fact(opened, .opening(CaseOpening(firstContactOn: day(contact), openedOn: day(opened), answerPromisedOn: nil, request: "")))
    }
    mutating func text(_ id: String, chain: String? = nil, _ kind: PlanEntryKind, _ on: String, own: Bool = false) {
        texts.append(PlanTextVersion(id: id, chainID: chain ?? id, kind: kind, writtenOn: day(on), inCitizensWords: own))
    }
    mutating func goal(_ goalID: Int, v: Int, _ on: String, followUp: String?, status: GoalVersion.Status = .active, hopes: [String] = []) {
        goals.append(GoalVersion(goalID: goalID, version: v, parentGoalID: nil, text: "mål \(goalID)", horizon: .shortTerm, status: status,
                                 followUpOn: followUp.map(day), changedOn: day(on), changedBy: "s", servesHopes: hopes))
    }
    mutating func review(_ goalID: Int, _ on: String, next: String?) {
        fact(on, .review(GoalReview(goalID: goalID, citizenTookPart: true, citizensView: .onTheWay, nextFollowUpOn: next.map(day), note: "")))
    }
    mutating func meeting(_ meetingID: Int, _ kind: Meeting.Kind, _ date: String, state: Meeting.State = .held, tookPart: Bool? = nil, rating: Int? = nil, recorded: String? = nil) {
        fact(recorded ?? date, .meeting(Meeting(meetingID: meetingID, kind: kind, date: day(date), place: .office, invitedOn: nil, participants: [],
                                    state: state, citizenTookPart: tookPart, ratingOfHelp: rating)))
    }
    mutating func agenda(_ meetingID: Int, _ on: String, citizen: Bool) {
        fact(on, .agenda(AgendaItem(meetingID: meetingID, text: "punkt", byCitizen: citizen)))
    }
    mutating func network(_ entryID: Int, _ kind: NetworkEntry.Kind, _ on: String, coordinator: Bool = false) {
        fact(on, .network(NetworkEntry(entryID: entryID, name: "n\(entryID)", kind: kind, state: .active, wish: .yes, helpsWith: "",
                                       sector: kind == .professional ? .psychiatry : nil, isCoordinator: coordinator)))
    }
    mutating func answer(_ id: String, _ instrument: Instrument, _ on: String, score: Int?) {
        answers.append(AnswerFact(id: id, instrument: instrument, answeredOn: day(on), score: score))
    }

    var file: CaseFile {
        CaseFile(recordID: id, municipality: "265", caseworker: "s", createdOn: created, history: CaseHistory(events: events), planTexts: texts,
                 goals: GoalLedger(versions: goals), answers: answers, measurementStart: start ?? created, interventionStarts: interventions)
    }
}

/// I1–I16 on seven hand-made records, reference day 30 June 2026; every
/// expectation worked out by hand in the comments.
@Suite struct PracticeIndicatorTests {
    static let reference = day("2026-06-30")

    /// A: opened 10 Jan 2026 (contact 5 Jan), hopes in own words after 26 days, resources confirmed,
    /// personal + professional coordinator, three goals, two held meetings, answers in March.
    static var a: CaseFile {
        var r = RecordBuilder("A", created: "2026-01-10")
        r.opened(contact: "2026-01-05", opened: "2026-01-10")
        r.text("hA", .hopesWishesDreams, "2026-02-05", own: true)
        r.text("r1", .resource, "2026-02-01")
        r.fact("2026-02-10", .resources(ResourceResponse(entryID: "r1", confirmed: true, comment: "", channel: .ownPage)))
        r.network(1, .personal, "2026-01-20")
        r.network(2, .professional, "2026-01-20", coordinator: true)
        r.goal(1, v: 1, "2026-02-05", followUp: "2026-04-01", hopes: ["hA"])   // reviewed on day 14: met; next 15 Jul
        r.review(1, "2026-04-15", next: "2026-07-15")
        r.goal(2, v: 1, "2026-02-05", followUp: "2026-05-01")                  // never followed: missed
        r.goal(3, v: 1, "2026-02-05", followUp: "2026-03-01")                  // reviewed on day 15: missed
        r.review(3, "2026-03-16", next: "2026-06-25")                          // 25 Jun + 14 > 30 Jun: pending
        r.meeting(1, .first, "2026-01-20", tookPart: true, rating: 7)
        r.agenda(1, "2026-01-15", citizen: true)
        r.meeting(2, .followUp, "2026-04-15", tookPart: false)
        r.agenda(2, "2026-04-10", citizen: false)
        r.interventions = [day("2026-02-01")]
        r.answer("a1", .who5, "2026-03-01", score: 60)
        r.answer("a2", .briefInspireO, "2026-03-01", score: 70)
        return r.file
    }

    /// B: created 1 Mar 2025 without an opening fact; hopes not in own words; the confirmed
    /// resources text was edited later; WHO-5 overdue; a follow-up meeting in February.
    static var b: CaseFile {
        var r = RecordBuilder("B", created: "2025-03-01")
        r.text("hB", .hopesWishesDreams, "2025-03-20")
        r.text("r2", .resource, "2025-04-01")
        r.fact("2025-04-02", .resources(ResourceResponse(entryID: "r2", confirmed: true, comment: "", channel: .meeting)))
        r.text("r3", chain: "r2", .resource, "2026-05-01")
        r.network(1, .professional, "2025-04-01")
        r.goal(1, v: 1, "2025-06-01", followUp: "2025-12-01", hopes: ["hB"])
        r.goal(1, v: 2, "2025-11-20", followUp: "2025-12-01", hopes: ["hB"])  // re-sets 1 Dec before it came; never followed: missed
        r.goal(2, v: 1, "2025-06-01", followUp: "2026-06-25")
        r.goal(2, v: 2, "2026-06-01", followUp: "2026-06-25", status: .dropped) // dropped: not current, its date does not count
        r.meeting(1, .followUp, "2025-06-30", tookPart: true)                   // the day a year before: outside the window
        r.meeting(2, .network, "2025-07-01", tookPart: false, rating: 5)        // the first day inside
        r.meeting(3, .followUp, "2026-02-01", tookPart: true, rating: 8)
        r.answer("b1", .who5, "2025-03-01", score: 40)
        return r.file
    }

    /// C: opened 10 Jun 2026, nothing written yet (I3 pending), one goal without a date,
    /// an intervention from before the first contact.
    static var c: CaseFile {
        var r = RecordBuilder("C", created: "2026-06-10")
        r.opened(contact: "2026-06-01", opened: "2026-06-10")
        r.goal(1, v: 1, "2026-06-15", followUp: nil)
        r.interventions = [day("2026-05-01")]
        return r.file
    }

    /// D: opened 1 Sep 2025, hopes 31 days after, ended 31 Mar 2026 because the goals were reached.
    static var d: CaseFile {
        var r = RecordBuilder("D", created: "2025-09-01")
        r.opened(contact: "2025-08-25", opened: "2025-09-01")
        r.text("hD", .hopesWishesDreams, "2025-10-02")
        r.goal(1, v: 1, "2025-10-15", followUp: "2026-04-15")                  // after the ending: does not count
        r.meeting(1, .first, "2025-09-10", tookPart: true)
        r.interventions = [day("2025-09-15")]
        r.fact("2026-03-31", .ending(CaseEnding(endedOn: day("2026-03-31"), reason: .goalsReached, stepDownPlan: "", safetyNetGiven: true)))
        return r.file
    }

    /// E: opened 1 May 2026, hopes exactly 30 days after, ended on the reference day; meetings planned or cancelled only.
    static var e: CaseFile {
        var r = RecordBuilder("E", created: "2026-05-01")
        r.opened(contact: "2026-04-28", opened: "2026-05-01")
        r.text("hE", .hopesWishesDreams, "2026-05-31")
        r.meeting(1, .first, "2026-05-20", state: .planned)
        r.meeting(2, .followUp, "2026-06-01", state: .cancelled)
        r.interventions = [day("2026-05-10")]
        r.fact("2026-06-30", .ending(CaseEnding(endedOn: day("2026-06-30"), reason: .citizensWish, stepDownPlan: "", safetyNetGiven: false)))
        return r.file
    }

    /// F: opened the day after the reference day: not there yet.
    static var f: CaseFile {
        var r = RecordBuilder("F", created: "2026-07-01")
        r.opened(contact: "2026-06-20", opened: "2026-07-01")
        r.text("hF", .hopesWishesDreams, "2026-07-01", own: true)
        return r.file
    }

    /// G: opened exactly six months before (30 Dec 2025), follow-up meeting that day (not within
    /// the last 6 months); the coordinator role moves from a professional to a community.
    static var g: CaseFile {
        var r = RecordBuilder("G", created: "2025-12-30")
        r.opened(contact: "2025-12-20", opened: "2025-12-30")
        r.network(1, .professional, "2026-01-05", coordinator: true)
        r.network(2, .community, "2026-02-05", coordinator: true)
        r.meeting(1, .followUp, "2025-12-30", tookPart: true)
        r.agenda(1, "2025-12-29", citizen: true)
        return r.file
    }

    static var rows: [PracticeIndicator: PracticeIndicatorRow] {
        let rows = PracticeIndicators.rows(area: "265", files: [a, b, c, d, e, f, g], on: reference)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.indicator, $0) })
    }

    func share(_ i: PracticeIndicator) -> [Int?] {
        let row = Self.rows[i]!
        return [row.numerator, row.denominator]
    }

    @Test func recordsActiveOnTheReferenceDay() {
        // Active: A, B, C, G (D ended before, E ends on the day, F opens after).
        #expect(share(.i1) == [2, 4], "hopes: A, B")
        #expect(share(.i2) == [1, 2], "own words: A of A, B")
        #expect(share(.i4) == [1, 4], "confirmed: A; B's confirmed version was replaced")
        #expect(share(.i5) == [3, 4])
        #expect(share(.i5Personal) == [1, 4])
        #expect(share(.i5Professional) == [3, 4])
        #expect(share(.i5Community) == [1, 4])
        #expect(share(.i9) == [2, 4], "B's WHO-5 and G's first measurement are overdue")
        #expect(share(.i13) == [2, 3], "professionals in A, B, G; coordinator in A and G (moved to the community)")
    }

    @Test func hopesWithinThirtyDays() {
        // Opened in the last 12 months: A (26 days: hit), C (pending), D (31: miss), E (30: hit), G (none: miss).
        #expect(share(.i3) == [2, 4])
    }

    @Test func goalsAndTheirFollowUp() {
        // Current goals of active records: A1, A2, A3, B1, C1 (B2 dropped).
        #expect(share(.i6) == [4, 5], "C1 has no date")
        #expect(share(.i8) == [2, 5], "A1 and B1 name a hope")
        // Due dates: A1 1 Apr met on day 14; A2 1 May missed; A3 1 Mar missed on day 15; B1 1 Dec missed;
        // A3's 25 Jun is pending, D1 falls after D's ending, B2's dates were replaced or dropped.
        #expect(share(.i7) == [1, 4])
    }

    @Test func meetings() {
        // I10: open ≥ 6 months: B (hit: 1 Feb), G (30 Dec is not after 30 Dec).
        #expect(share(.i10) == [1, 2])
        // Held in the window: A1, A2, B2, B3, D1, G1 (B1 on the day a year before is outside; E's never held).
        #expect(share(.i11) == [4, 6], "A1, B3, D1, G1")
        #expect(share(.i11Agenda) == [2, 6], "A1, G1")
        #expect(share(.i12) == [3, 6], "A1, B2, B3")
    }

    @Test func timeToHelp() {
        let meeting = Self.rows[.i14Meeting]!, intervention = Self.rows[.i14Intervention]!
        // First meeting: A 15, D 16, G 10 days → 15.
        #expect(meeting.denominator == 3)
        #expect(meeting.median == 15)
        // First intervention: A 27, D 21, E 12 (C's is before the contact) → 21.
        #expect(intervention.denominator == 3)
        #expect(intervention.median == 21)
        #expect(median([12, 21, 27, 40]) == 24)
        #expect(median([]) == nil)
    }

    @Test func endings() {
        // Ended in the window: D (safety net, goals reached), E (on the reference day).
        #expect(share(.i15) == [1, 2])
        #expect(share(.i16) == [1, 2])
    }

    @Test func aRecordIsJudgedAsItStoodOnTheDay() {
        // On 31 Mar 2026, D is still... not active: it closes on its ending day.
        let s = Self.d.snapshot(on: day("2026-03-31"))
        #expect(!s.isActive)
        #expect(Self.d.snapshot(on: day("2026-03-30")).isActive)
        // B's resources were confirmed until the edit of 1 May 2026.
        #expect(Self.b.snapshot(on: day("2026-04-30")).resourcesConfirmed)
        #expect(!Self.b.snapshot(on: day("2026-05-01")).resourcesConfirmed)
        // A quarter earlier, A had no hopes text yet on 31 Jan 2026.
        let early = PracticeIndicators.rows(area: "265", files: [Self.a], on: day("2026-01-31"))
        #expect(early.first { $0.indicator == .i1 }.map { [$0.numerator, $0.denominator] } == [0, 1])
    }

    @Test func quarterEnds() {
        #expect(PracticeIndicators.quarterEnds(before: day("2026-11-30"), count: 3) == [day("2026-03-31"), day("2026-06-30"), day("2026-09-30")])
        #expect(PracticeIndicators.quarterEnds(before: day("2026-01-01"), count: 1) == [day("2025-12-31")])
    }
}

/// Disclosure control of the indicators for those who may not read the records.
@Suite struct PracticeIndicatorDisclosureTests {
    let ref = day("2026-06-30")

    func row(_ area: String, _ i: PracticeIndicator, _ n: Int?, _ d: Int, median: Double? = nil) -> PracticeIndicatorRow {
        PracticeIndicatorRow(area: area, reference: ref, indicator: i, numerator: n, denominator: d, median: median)
    }

    @Test func smallCellsAndTheAreaRule() {
        let rows = [
            row("101", .i1, 3, 10), row("147", .i1, 20, 30), row("265", .i1, 40, 50), row("national", .i1, 63, 90),
            row("101", .i2, 2, 3), row("147", .i2, 12, 20), row("265", .i2, 30, 40), row("national", .i2, 44, 63),
        ]
        let out = PracticeIndicatorDisclosure.suppress(rows)
        // I1: 101 withheld (3); the area rule then withholds 147 (smallest numerator, 20), not 265.
        #expect(out.map(\.suppressed) == [true, true, false, false, true, true, false, false])
        #expect(out[0].numerator == nil && out[0].denominator == nil)
        #expect(out[2].numerator == 40 && out[3].numerator == 63)
        // I2's 147 is withheld because its denominator is 147's withheld I1 numerator.
    }

    @Test func anAreaShownInFullIsNeverWithheldAndHidesNothingElse() {
        let rows = [row("101", .i1, 3, 10), row("147", .i1, 20, 30), row("national", .i1, 23, 40)]
        let out = PracticeIndicatorDisclosure.suppress(rows, shownInFull: ["101"])
        #expect(out.map(\.suppressed) == [false, false, false])
    }

    @Test func mediansOfFewerThanFiveRecordsAreWithheld() {
        let rows = [row("101", .i14Meeting, nil, 4, median: 12), row("147", .i14Meeting, nil, 0), row("265", .i14Meeting, nil, 5, median: 9),
                    row("national", .i14Meeting, nil, 9, median: 10)]
        let out = PracticeIndicatorDisclosure.suppress(rows)
        // 101 (4) withheld; 147 has no records (nothing to withhold); the area rule withholds 265 (the only other count).
        #expect(out.map(\.suppressed) == [true, false, true, false])
        #expect(out[0].median == nil)
        #expect(out[3].median == 10)
    }

    @Test func zeroIsShown() {
        let out = PracticeIndicatorDisclosure.suppress([row("101", .i16, 0, 12), row("national", .i16, 0, 12)])
        #expect(out.allSatisfy { !$0.suppressed })
    }
}

/// The caseworker's overview and the alerts on answers.
@Suite struct FollowUpOverviewTests {
    @Test func alertsOnTheLowestBandAndOnADropOfTenPoints() {
        let answers = [
            AnswerFact(id: "1", instrument: .who5, answeredOn: day("2026-01-01"), score: 60),
            AnswerFact(id: "2", instrument: .who5, answeredOn: day("2026-03-01"), score: 51),  // −9: no alert
            AnswerFact(id: "3", instrument: .who5, answeredOn: day("2026-05-01"), score: 36),  // −15: drop; 36 is not in 0–35
            AnswerFact(id: "4", instrument: .who5, answeredOn: day("2026-06-01"), score: nil), // incomplete: skipped
            AnswerFact(id: "5", instrument: .who5, answeredOn: day("2026-07-01"), score: 24),  // band and −12
            AnswerFact(id: "6", instrument: .briefInspireO, answeredOn: day("2026-07-01"), score: 35), // no earlier: no alert (no band)
            AnswerFact(id: "7", instrument: .who5, answeredOn: day("2026-08-01"), score: 32),  // band only (+8)
        ]
        let alerts = AnswerAlerts.alerts(answers)
        #expect(alerts.map(\.measurementID) == ["3", "5", "7"])
        #expect(alerts[0].reasons == [.drop(from: 51)])
        #expect(alerts[1].reasons == [.lowWellBeing, .drop(from: 36)])
        #expect(alerts[2].reasons == [.lowWellBeing])
        #expect(alerts[1].danishText == "WHO-5 Trivselsindeks 24 — i båndet 0–35 (stor risiko for depression eller stress); WHO-5 Trivselsindeks faldt 12 point (fra 36 til 24), svar fra 01.07.2026")
    }

    @Test func itemsByUrgency() {
        var r = RecordBuilder("X", created: "2026-01-01")
        r.opened(contact: "2026-01-01", opened: "2026-01-01")
        r.fact("2026-01-01", .opening(CaseOpening(firstContactOn: day("2026-01-01"), openedOn: day("2026-01-01"), answerPromisedOn: day("2026-01-20"), request: "")))
        r.goal(1, v: 1, "2026-01-05", followUp: "2026-06-01")
        r.goal(2, v: 1, "2026-01-05", followUp: "2026-06-20")
        r.answer("w", .who5, "2026-05-01", score: 20)
        r.answer("i", .briefInspireO, "2026-05-01", score: 50)
        r.meeting(1, .first, "2026-06-18", state: .planned, recorded: "2026-06-01")
        var x = r.file
        let today = day("2026-06-15")
        let items = FollowUpOverview.items(for: x, on: today, schedule: MeasurementSchedule(), settings: CaseWorkSettings(reminderLeadDays: 7))
        // Goal 2 (20 Jun) and the meeting (18 Jun) are within the 7 days' lead; the measurements are not due.
        #expect(items.map(\.urgency) == [.alert, .overdue, .overdue, .soon, .soon, .missing, .missing, .missing])
        #expect(items.map(\.kind) == [.answerAlert, .promisedAnswer, .goal, .meeting, .goal, .hopes, .resources, .network])
        #expect(items[2].text == "Målet »mål 1« skulle følges op 01.06.2026")
        // Marking the alert handled removes it; an ended record has nothing.
        r.fact("2026-06-15", .alertHandled(AlertHandling(measurementID: "w", note: "Talt med borgeren")))
        x = r.file
        #expect(FollowUpOverview.items(for: x, on: today, schedule: MeasurementSchedule(), settings: CaseWorkSettings()).first?.kind == .promisedAnswer)
        r.fact("2026-06-15", .ending(CaseEnding(endedOn: day("2026-06-15"), reason: .other, stepDownPlan: "", safetyNetGiven: true)))
        #expect(FollowUpOverview.items(for: r.file, on: today, schedule: MeasurementSchedule(), settings: CaseWorkSettings()).isEmpty)
    }

    @Test func aMeetingIsDueWhenNoneWasHeldForTheInterval() {
        var r = RecordBuilder("Y", created: "2025-01-01")
        r.meeting(1, .followUp, "2025-12-01", tookPart: true)
        let before = FollowUpOverview.items(for: r.file, on: day("2026-05-31"), schedule: MeasurementSchedule(), settings: CaseWorkSettings())
        #expect(!before.contains { $0.kind == .meeting })
        let after = FollowUpOverview.items(for: r.file, on: day("2026-06-01"), schedule: MeasurementSchedule(), settings: CaseWorkSettings())
        #expect(after.contains { $0.kind == .meeting && $0.text == "Intet møde med borgeren siden 01.12.2025, og intet er planlagt" })
    }

    @Test func theCoordinatorRoleMovesAndCanBeRemoved() {
        var r = RecordBuilder("Z", created: "2026-01-01")
        r.network(1, .professional, "2026-01-02", coordinator: true)
        r.network(2, .personal, "2026-01-03", coordinator: true)
        var state = r.file.history.current
        #expect(state.coordinator?.entryID == 2)
        #expect(state.network.filter(\.isCoordinator).count == 1)
        #expect(state.networkVersions[1]?.last?.value.isCoordinator == true, "the history keeps what was recorded")
        r.fact("2026-01-04", .network(NetworkEntry(entryID: 2, name: "n2", kind: .personal, state: .active, wish: .yes, helpsWith: "", sector: nil, isCoordinator: true, removed: true)))
        state = r.file.history.current
        #expect(state.coordinator == nil)
        #expect(state.network.map(\.entryID) == [1])
    }
}
