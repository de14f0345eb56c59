import Testing
@testable import RoretCore

/// NT01–NT05: activity on the staircase.
@Suite struct ActivityFigureTests {
    /// Persons A–G around the 2019/2020 year end. Worked by hand:
    /// 2020 in 101: step 1 = {B, D}, step 2 = {C, D, E}, any = {B, C, D, E};
    /// 147: step 2 = {E}; national: step 1 = 2, step 2 = 3, any = 4.
    func recipients() -> TinyExtract {
        var x = TinyExtract()
        x.spell("A", "101", .p85, "2019-01-01", "2019-12-31")           // ends 31 Dec: 2019 only
        x.spell("B", "101", .p82a, "2020-01-01", nil)                   // starts 1 Jan: 2020 on
        x.spell("C", "101", .p85, "2020-03-01", "2020-05-01")           // two spells, one person
        x.spell("C", "101", .p85, "2020-08-01", "2020-09-01")
        x.spell("D", "101", .p82b, "2020-01-01", "2020-12-31")          // concurrent steps 1 and 2
        x.spell("D", "101", .p85, "2020-06-01", nil)
        x.spell("E", "147", .p85, "2020-01-01", "2020-06-30")           // moves 147 → 101
        x.spell("E", "101", .p85, "2020-07-01", nil)
        x.spell("F", "101", .p85, "2020-01-01", nil, .kognitivtHandicap) // outside default target group
        x.spell("G", "101", .p99, "2020-01-01", nil)                    // off the staircase
        x.spell("H", "101", .p108, "2020-01-01", nil, .andet)           // other reason
        return x
    }

    @Test func nt01CountsDistinctPersonsPerStepAndYear() {
        let r = recipients().rows()
        expect(r.counts("101", 2020, .nt01, "step=1"), (2, 1_000))
        expect(r.counts("101", 2020, .nt01, "step=2"), (3, 1_000))
        expect(r.counts("101", 2020, .nt01, "step=5"), (0, 1_000))
        expect(r.counts("101", 2019, .nt01, "step=2"), (1, 1_000))
        expect(r.counts("101", 2019, .nt01, "step=1"), (0, 1_000))
        expect(r.counts("147", 2020, .nt01, "step=2"), (1, 2_000))
        expect(r.counts("national", 2020, .nt01, "step=2"), (3, 3_000))
        #expect(r.row("101", 2020, .nt01, "step=2")?.value == 30)
        #expect(r.row("national", 2020, .nt01, "step=1")?.value == 2.0 / 3_000 * 10_000)
    }

    @Test func nt02CountsEachPersonOnceAcrossStepsAndMunicipalities() {
        let r = recipients().rows()
        expect(r.counts("101", 2020, .nt02), (4, 1_000))
        #expect(r.row("101", 2020, .nt02)?.value == 40)
        expect(r.counts("147", 2020, .nt02), (1, 2_000))
        expect(r.counts("national", 2020, .nt02), (4, 3_000))
        expect(r.counts("101", 2021, .nt02), (3, 1_000))  // B, D, E run on
    }

    @Test func widerTargetGroupCountsItsReasons() {
        let r = recipients().rows(KeyFigureOptions(targetGroup: TargetGroup([.sindslidelse, .kognitivtHandicap])))
        expect(r.counts("101", 2020, .nt01, "step=2"), (4, 1_000))
        expect(r.counts("101", 2020, .nt02), (5, 1_000))
        expect(r.counts("101", 2020, .nt01, "step=5"), (0, 1_000))  // H is 'andet'
    }

    /// Year end 2020. Area 101: P1 (step 2), P2 (step 3 over a concurrent 1),
    /// P4 (tie on step 2: later start in 101 wins), P5 (same start: lowest code
    /// 101 wins). P3 ends 30 Dec. 147: P6 (step 5).
    func yearEnd() -> TinyExtract {
        var x = TinyExtract()
        x.spell("P1", "101", .p85, "2020-01-01", nil)
        x.spell("P2", "101", .p82a, "2020-01-01", nil)
        x.spell("P2", "101", .p107, "2020-05-01", nil)
        x.spell("P3", "101", .p85, "2020-01-01", "2020-12-30")
        x.spell("P4", "147", .p85, "2019-01-01", nil)
        x.spell("P4", "101", .p85, "2020-02-01", nil)
        x.spell("P5", "147", .p85, "2020-03-01", nil)
        x.spell("P5", "101", .p85, "2020-03-01", nil)
        x.spell("P6", "147", .p108, "2019-01-01", nil)
        return x
    }

    @Test func nt03UsesStepAndAreaAtYearEnd() {
        let r = yearEnd().rows()
        expect(r.counts("101", 2020, .nt03), (3, 4))
        #expect(r.row("101", 2020, .nt03)?.value == 0.75)
        expect(r.counts("147", 2020, .nt03), (0, 1))
        expect(r.counts("national", 2020, .nt03), (3, 5))
    }

    @Test func stepAndAreaRuleBreaksTies() {
        let data = yearEnd().builder.build()
        let index = PersonIndex(data, options: KeyFigureOptions())
        let pass = PersonPass(index: index, data: data, options: KeyFigureOptions())
        func at(_ person: String, _ iso: String) -> (Int, String?) {
            let p = data.personIDs.firstIndex(of: person)!
            let (step, area) = pass.stepAndArea(on: day(iso).rawValue, Int(index.spellOffsets[p]), Int(index.spellOffsets[p + 1]))
            return (step, area < 0 ? nil : data.municipalities[area].code)
        }
        #expect(at("P2", "2020-12-31") == (3, "101"))
        #expect(at("P4", "2020-12-31") == (2, "101"))
        #expect(at("P4", "2020-01-31") == (2, "147"))
        #expect(at("P5", "2020-12-31") == (2, "101"))
        #expect(at("P3", "2020-12-31") == (0, nil))
        #expect(at("P3", "2020-12-30") == (2, "101"))
    }

    /// NT04 in 2020 for 101: N1 (previous spell ended 366 days before: outside
    /// the 365-day window), N4 (two spells the same day: once), N6 (starts 31 Dec),
    /// N7 (an 'andet' spell before does not count) = 4. N2 (ended exactly 365
    /// days before), N3 (spell in another municipality in the window) and N5
    /// (running since 2018) are not new.
    @Test func nt04NewRecipientsUseA365DayWindow() {
        var x = TinyExtract()
        x.spell("N1", "101", .p85, "2019-01-01", "2019-06-30")
        x.spell("N1", "101", .p85, "2020-06-30", nil)
        x.spell("N2", "101", .p85, "2019-01-01", "2019-07-01")
        x.spell("N2", "101", .p82a, "2020-06-30", nil)
        x.spell("N3", "147", .p85, "2019-01-01", "2020-01-10")
        x.spell("N3", "101", .p85, "2020-01-11", nil)
        x.spell("N4", "101", .p85, "2020-03-01", nil)
        x.spell("N4", "101", .p82a, "2020-03-01", nil)
        x.spell("N5", "101", .p85, "2018-01-01", nil)
        x.spell("N6", "101", .p85, "2020-12-31", nil)
        x.spell("N6", "101", .p107, "2021-02-01", nil)
        x.spell("N7", "101", .p85, "2019-06-01", nil, .andet)
        x.spell("N7", "101", .p85, "2020-02-01", nil)
        let r = x.rows()
        expect(r.counts("101", 2020, .nt04), (4, 1_000))
        #expect(r.row("101", 2020, .nt04)?.value == 40)
        expect(r.counts("147", 2020, .nt04), (0, 2_000))
        expect(r.counts("national", 2020, .nt04), (4, 3_000))
        expect(r.counts("national", 2021, .nt04), (0, 3_000))
        #expect(r.row("101", 2019, .nt04) == nil, "NT04 needs y−1 in the period")
        #expect(r.row("101", 2019, .nt01, "step=1") != nil)
    }

    /// NT05 in 2021: 101 had E1, E2, E3 at year end 2020; E1 is off the
    /// staircase at year end 2021 (E3 moved to 147: still on). 147: E4 ended.
    @Test func nt05EndedCooperationAttributesToTheEarlierArea() {
        var x = TinyExtract()
        x.spell("E1", "101", .p85, "2020-01-01", "2021-06-30")
        x.spell("E2", "101", .p85, "2020-01-01", "2021-12-31")
        x.spell("E3", "101", .p85, "2020-01-01", "2021-03-01")
        x.spell("E3", "147", .p85, "2021-03-01", nil)
        x.spell("E4", "147", .p85, "2020-01-01", "2021-01-01")
        let r = x.rows()
        expect(r.counts("101", 2021, .nt05), (1, 3))
        expect(r.counts("147", 2021, .nt05), (1, 1))
        expect(r.counts("national", 2021, .nt05), (2, 4))
        #expect(r.row("national", 2021, .nt05)?.value == 0.5)
        #expect(r.row("101", 2019, .nt05) == nil)
    }
}
