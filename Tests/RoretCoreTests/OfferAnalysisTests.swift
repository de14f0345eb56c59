import Testing
@testable import RoretCore

/// Results documentation part 2's Core (issue 13, groundwork): paired
/// change, goal attainment, completion, calibration, and the offer's
/// disclosure control, on hand-made answers.
@Suite struct OfferAnalysisTests {
    func answer(_ citizen: String, _ point: MeasurementPoints.Kind, _ day: String, _ score: Double?, instrument: String = "who5") -> OfferAnswer {
        OfferAnswer(id: "\(citizen)-\(day)", citizen: citizen, instrument: instrument, day: day_(day), items: [], score: score, point: point, method: .questionnaire,
                    respondent: .citizen, enteredBy: "udfoerer")
    }

    func day_(_ iso: String) -> Day { day(iso) }

    @Test func pairedChangeCountsOnlyCitizensMeasuredAtBothPoints() {
        // A: start 40 (and a later start 80 that does not count), follow-ups 48 then 60 (the latest counts), end 72.
        // B: start 20, follow-up 30, no end. C: follow-up only. D: start with no score (incomplete), end 50.
        // E: start 50 on another instrument.
        let answers = [answer("A", .start, "2025-01-01", 40), answer("A", .start, "2025-02-01", 80), answer("A", .followUp, "2025-07-01", 48),
                       answer("A", .followUp, "2026-01-01", 60), answer("A", .end, "2026-06-01", 72),
                       answer("B", .start, "2025-03-01", 20), answer("B", .followUp, "2025-09-01", 30),
                       answer("C", .followUp, "2025-09-01", 90),
                       answer("D", .start, "2025-03-01", nil), answer("D", .end, "2025-12-01", 50),
                       answer("E", .start, "2025-03-01", 50, instrument: "inspireo")]
        let pairs = OfferAnalysis.pairedChange(answers, instrument: "who5", citizens: ["A", "B", "C", "D", "E"])
        // Start → follow-up: A (40 → 60) and B (20 → 30): 30 → 45, +15.
        #expect(pairs[0].to == .followUp && pairs[0].citizens == 2 && pairs[0].meanStart == 30 && pairs[0].meanThen == 45 && pairs[0].meanChange == 15)
        // Start → end: A only (40 → 72); D's start had no score.
        #expect(pairs[1].citizens == 1 && pairs[1].meanChange == 32)
        #expect(pairs[2].to == .afterEnd && pairs[2].citizens == 0 && pairs[2].meanStart == nil)
        // Only the group's citizens count.
        #expect(OfferAnalysis.pairedChange(answers, instrument: "who5", citizens: ["B"])[0].meanChange == 10)
        let intake = OfferAnalysis.intake(answers, instrument: "who5", citizens: ["A", "B", "C", "D"])
        #expect(intake.citizens == 2 && intake.mean == 30 && intake.median == 30)
    }

    @Test func goalAttainmentTakesEachGoalsLatestStatusAndChecksItsKind() {
        let g1 = OfferGoal(id: "1", citizen: "A", text: "Handle selv ind", kind: .development, followUps: [.init(day: day("2025-06-01"), status: .noDevelopment), .init(day: day("2025-12-01"), status: .developmentReached)])
        let g2 = OfferGoal(id: "2", citizen: "B", text: "Bo i egen bolig", kind: .stability, followUps: [.init(day: day("2025-12-01"), status: .stabilityNotReached)])
        let g3 = OfferGoal(id: "3", citizen: "B", text: "Lave mad", kind: .development)
        let g4 = OfferGoal(id: "4", citizen: "C", text: "Gå tur", kind: .development, followUps: [.init(day: day("2026-03-01"), status: .deterioration)])
        let d = OfferAnalysis.goalAttainment([g1, g2, g3, g4], citizens: ["A", "B", "C"], on: day("2025-12-31"))
        // g1 reached (1), g2 the sixth category (6), g3 not followed up, g4's follow-up is after the day.
        #expect(d.counts == [1, 0, 0, 0, 0, 1] && d.notFollowedUp == 2)
        #expect(OfferAnalysis.goalAttainment([g1], citizens: ["A"], on: day("2025-07-01")).counts == [0, 0, 0, 1, 0, 0])
        #expect(g2.problems(.init(day: day("2026-01-01"), status: .developmentReached)).first?.hasPrefix("Status: »Mål om positiv udvikling – nået« passer ikke til et mål om fastholdelse/stabilisering") == true)
        #expect(g2.problems(.init(day: day("2026-01-01"), status: .deterioration)).isEmpty)
    }

    @Test func completedAgainstEndedEarly() {
        let courses = [OfferCourse(citizen: "A", start: day("2025-01-01"), end: day("2025-12-31")),
                       OfferCourse(citizen: "B", start: day("2025-01-01"), end: day("2025-06-30"), endedEarly: true),
                       OfferCourse(citizen: "C", start: day("2025-01-01")),
                       OfferCourse(citizen: "D", start: day("2026-01-01"), end: day("2026-02-01")),
                       OfferCourse(citizen: "E", start: day("2027-01-01"))]
        let c = OfferAnalysis.completion(courses, on: day("2026-01-15"))
        #expect(c.running == 2 && c.completed == 1 && c.endedEarly == 1, "D is still running on the day; E has not started")
    }

    @Test func calibrationShowsItemByItemWhereRatersDiffer() {
        let session = Calibration(id: "k", title: "Sag A", instrument: "hverdag", ratings: ["anne": [3, 4, nil, 2], "bo": [3, 2, 1, 2], "carl": [3, 4, 1, nil]])
        let spreads = session.spreads(items: 4)
        #expect(spreads.map(\.values) == [[3, 3, 3], [4, 2, 4], [1, 1], [2, 2]])
        #expect(spreads.map(\.spread) == [0, 2, 0, 0] && spreads.map(\.differs) == [false, true, false, false])
        #expect(session.spreads(items: 4, tolerance: 2)[1].differs == false, "a difference within the tolerance is agreement")
    }

    /// Every breakdown group (a row) and every area group (a column, the group rows against the total row)
    /// has zero or at least two hidden cells, unless the whole rest is zero.
    func leavesNoSingleHiddenCell(_ table: OfferDisclosure.Table, _ shown: [[Int?]]) -> Bool {
        for row in shown where row.filter({ $0 == nil }).count == 1 { return false }
        if let total = table.totalRow, shown[total].allSatisfy({ $0 != nil }) {
            for c in shown[0].indices where shown.indices.filter({ $0 != total && shown[$0][c] == nil }).count == 1 { return false }
        }
        return true
    }

    @Test func offerAggregatesAreSuppressedLeavingNoSingleHiddenCell() {
        // Goal categories (columns) for all citizens (row 0) and two sub-groups (rows 1, 2).
        let table = OfferDisclosure.Table(counts: [[12, 7, 3, 9, 0, 6], [9, 5, 3, 4, 0, 6], [3, 2, 0, 5, 0, 0]], totalRow: 0)
        let shown = OfferDisclosure.suppress(table)
        #expect(shown[0][2] == nil && shown[1][2] == nil, "3 is withheld wherever it stands")
        #expect(leavesNoSingleHiddenCell(table, shown))
        // Row 2 had 3 and 2 withheld (primary); row 0 then needs a second cell besides the 3.
        #expect(shown[2][0] == nil && shown[2][1] == nil)
        // Random tables: never a single hidden cell in a group.
        var rng = SplitMix64(seed: 13)
        for _ in 0..<500 {
            let groups = (0..<3).map { _ in (0..<5).map { _ in rng.below(4) == 0 ? 0 : rng.inRange(1...12) } }
            let total = (0..<5).map { c in groups.reduce(0) { $0 + $1[c] } }
            let t = OfferDisclosure.Table(counts: [total] + groups, totalRow: 0)
            let s = OfferDisclosure.suppress(t)
            #expect(leavesNoSingleHiddenCell(t, s), "\(t.counts) → \(s)")
            for (r, row) in s.enumerated() { for (c, v) in row.enumerated() where v != nil { #expect(!DisclosureControl.isSmallCount(t.counts[r][c])) } }
        }
        // Counts side by side that do not add up (citizens measured at different points): no breakdown rule, only the small ones go.
        let side = OfferDisclosure.suppress(.init(counts: [[7, 2, 0]], columnsPartition: false))
        #expect(side == [[7, nil, 0]])
        // Only the named rows partition the total (row 3 is outside the area rule; the page therefore shows
        // sub-groups only to the offer's staff, since a sub-group may equal its intervention).
        let parts = OfferDisclosure.suppress(.init(counts: [[10], [7], [3], [7]], totalRow: 0, parts: [1, 2], columnsPartition: false))
        #expect(parts == [[10], [nil], [nil], [7]], "3 withheld; the other intervention then too")
        #expect(OfferDisclosure.mean(42.5, of: 4) == nil && OfferDisclosure.mean(42.5, of: 5) == 42.5 && OfferDisclosure.mean(42.5, of: nil) == nil)
    }
}

@Suite struct LearningAndReviewTests {
    @Test func theQuestionsAreTheSpecsAndTheHandbooks() {
        #expect(LearningMeeting.parts.map(\.questions.count) == [0, 8, 6, 2])
        #expect(LearningMeeting.parts[3].title == "Opsamling og beslutninger")
        #expect(LearningMeeting.parts[1].questions[0] == "Er der overensstemmelse mellem jeres reelle målgruppe og den, forandringsteorien er rettet mod?")
        #expect(CycleReview.phases.map(\.phase) == [.clarification, .description, .planning, .collection, .analysis, .use])
        #expect(CycleReview.phases.map(\.questions.count) == [5, 5, 4, 6, 4, 9])
        #expect(CycleReview.phases[2].questions[3] == "Opstiller vi mål for den enkelte borger på en måde, som gør os i stand til at arbejde med målopfyldelse på et aggregeret niveau?")
    }
}

@Suite struct CollectionDueTests {
    @Test func dueMeasurementsFollowThePlanAndTheAnswersCollected() {
        let plan = MeasurementPlan(points: MeasurementPoints(followUpMonths: 6, afterEndMonths: 6), instruments: ["who5", "hverdag"])
        func answer(_ point: MeasurementPoints.Kind, _ d: String, _ instrument: String = "who5") -> OfferAnswer {
            OfferAnswer(id: d, citizen: "A", instrument: instrument, day: day(d), items: [], score: 50, point: point, method: .questionnaire, respondent: .citizen, enteredBy: "u")
        }
        // Course from 1 Jan 2026, running; today 10 Aug 2026: the start is done; the follow-up due 1 Jul was answered
        // 1 May, 61 days early, so it does not count and the follow-up is overdue.
        let items = CollectionDue.items(plan: plan, start: day("2026-01-01"), end: nil, answers: [answer(.start, "2026-01-03"), answer(.followUp, "2026-05-01")], today: day("2026-08-10"))
        #expect(items.map(\.kind) == [.start, .followUp] && items.map(\.state) == [.done, .overdue])
        // Answered within 45 days, with the offer's own instrument: done. An instrument outside the plan does not count.
        #expect(CollectionDue.items(plan: plan, start: day("2026-01-01"), end: nil, answers: [answer(.followUp, "2026-07-20", "hverdag")], today: day("2026-08-10")).map(\.state) == [.overdue, .done])
        #expect(CollectionDue.items(plan: plan, start: day("2026-01-01"), end: nil, answers: [answer(.start, "2026-01-01", "inspireo")], today: day("2026-08-10"))[0].state == .overdue)
        // Due within 30 days: soon.
        #expect(CollectionDue.items(plan: plan, start: day("2026-01-01"), end: nil, answers: [], today: day("2026-06-10")).map(\.state) == [.overdue, .soon])
    }
}

@Suite struct MeasuredValueTests {
    @Test func resultBoxesGetTheirIndicatorsValueWithheldForReadersWhenSmall() {
        let catalogue = InstrumentCatalogue()
        // Five citizens: WHO-5 40 → 52 each except E (60 → 48): means 44 → 51,2, +7,2.
        var answers: [OfferAnswer] = []
        for (c, start, then) in [("A", 40.0, 52.0), ("B", 40, 52), ("C", 40, 52), ("D", 40, 52), ("E", 60, 48)] {
            answers.append(OfferAnswer(id: c + "s", citizen: c, instrument: "who5", day: day("2026-01-01"), items: [], score: start, point: .start, method: .questionnaire, respondent: .citizen, enteredBy: "u"))
            answers.append(OfferAnswer(id: c + "f", citizen: c, instrument: "who5", day: day("2026-07-01"), items: [], score: then, point: .followUp, method: .questionnaire, respondent: .citizen, enteredBy: "u"))
        }
        let goals = ["A", "B", "C"].map { OfferGoal(id: $0, citizen: $0, text: "x", kind: .development, followUps: [.init(day: day("2026-07-01"), status: $0 == "C" ? .deterioration : .developmentReached)]) }
        let courses = ["A", "B", "C", "D", "E"].map { OfferCourse(citizen: $0, start: day("2026-01-01")) }
        let format = { (v: Double) in String((v * 10).rounded() / 10) }
        let reader = MeasuredValue.values(catalogue: catalogue, answers: answers, goals: goals, courses: courses, on: day("2026-08-01"), personLevel: false, format: format)
        #expect(reader["WHO-5 Trivselsindeks: score"] == MeasuredValue(text: "44.0 → 51.2 (+7.2; 5 borgere)", citizens: 5, direction: .up))
        #expect(reader["Målopfyldelse: kategorier"]?.text == "«..» (færre end 5 mål)" && reader["Målopfyldelse: kategorier"]?.direction == .unknown)
        #expect(reader["Antal borgere"]?.text == "5 i forløb" && reader["Brief INSPIRE-O: score"] == nil, "no INSPIRE-O answers: no value")
        let staff = MeasuredValue.values(catalogue: catalogue, answers: answers, goals: goals, courses: courses, on: day("2026-08-01"), personLevel: true, format: format)
        #expect(staff["Målopfyldelse: kategorier"] == MeasuredValue(text: "2 af 3 mål nået", citizens: 3, direction: .up))
        // Four citizens for a reader: withheld.
        let four = MeasuredValue.values(catalogue: catalogue, answers: answers.filter { $0.citizen != "E" }, goals: [], courses: courses, on: day("2026-08-01"), personLevel: false, format: format)
        #expect(four["WHO-5 Trivselsindeks: score"]?.text == "«..» (færre end 5 borgere)")
    }
}
