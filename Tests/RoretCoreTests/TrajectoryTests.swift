import Testing
@testable import RoretCore

/// A citizen's trajectory: scores, bands, baseline and change.
@Suite struct TrajectoryTests {
    @Test func theSeedsBriefInspireOExampleScores85() {
        // "En hel del" (3) to items 1–3 and "Rigtig meget" (4) to 4–5: (3·3 + 2·4) × 5 = 85.
        let t = Trajectory(instrument: .briefInspireO, answers: [(day("2024-01-10"), [3, 3, 3, 4, 4])])
        #expect(t.points.map(\.score) == [85])
        #expect(t.points.first?.band == nil, "bands are WHO-5's")
        #expect(t.populationReference == 71)
        #expect(t.changeSinceBaseline == nil, "one answer has no change")
    }

    @Test func scoresBandsAndChangeSinceTheFirstCompleteAnswer() {
        // Given out of order: 2024-07-01 [3,3,3,3,3] = 15 × 4 = 60 (no immediate risk);
        // 2024-01-05 [2,2,2,2,1] = 9 × 4 = 36 (risk); 2024-04-01 incomplete (never scored);
        // 2023-12-01 incomplete before the first complete one: the baseline is 2024-01-05.
        let t = Trajectory(instrument: .who5, answers: [
            (day("2024-07-01"), [3, 3, 3, 3, 3]),
            (day("2024-01-05"), [2, 2, 2, 2, 1]),
            (day("2024-04-01"), [5, nil, 5, 5, 5]),
            (day("2023-12-01"), [nil, 1, 1, 1, 1]),
        ])
        #expect(t.points.map(\.date) == [day("2023-12-01"), day("2024-01-05"), day("2024-04-01"), day("2024-07-01")])
        #expect(t.points.map(\.score) == [nil, 36, nil, 60])
        #expect(t.points.map(\.band) == [nil, .risk, nil, .noImmediateRisk])
        #expect(t.baseline?.date == day("2024-01-05"))
        #expect(t.latest?.date == day("2024-07-01"))
        #expect(t.changeSinceBaseline == 24)
        #expect(t.changeCategory == .improved)
        #expect(t.populationReference == 68)
    }

    @Test func anAnswerIsFiveItemsEachLeftOutOrOnTheScale() {
        #expect(Instrument.who5.accepts([5, 0, nil, 3, 4]))
        #expect(!Instrument.who5.accepts([5, 0, 3, 4]), "four items")
        #expect(!Instrument.who5.accepts([6, 0, 0, 0, 0]), "WHO-5 ends at 5")
        #expect(Instrument.briefInspireO.accepts([4, 4, 4, 4, 4]))
        #expect(!Instrument.briefInspireO.accepts([5, 4, 4, 4, 4]), "Brief INSPIRE-O ends at 4")
        #expect(!Instrument.briefInspireO.accepts([-1, 0, 0, 0, 0]))
    }

    @Test func theChangeCategoryUsesTheThresholdBothWays() {
        // 40 → 32 = −8: unchanged at 10, worsened at 8.
        let answers: [(date: Day, items: [Int?])] = [(day("2024-01-01"), [2, 2, 2, 2, 2]), (day("2024-06-01"), [2, 2, 2, 1, 1])]
        #expect(Trajectory(instrument: .who5, answers: answers).changeCategory == .unchanged)
        #expect(Trajectory(instrument: .who5, answers: answers, threshold: 8).changeCategory == .worsened)
    }
}
