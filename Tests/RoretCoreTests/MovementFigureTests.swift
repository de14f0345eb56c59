import Testing
@testable import RoretCore

/// NT06–NT08: movements on the staircase.
@Suite struct MovementFigureTests {
    /// All in 101. Year ends 2020 → 2021 → 2022:
    /// M1 3 → 2 → 2, M2 2 → 2 → 0, M3 2 → 2 → 2, M4 1 → 1 → 5, M5 5 → 5 → 5.
    func cohort() -> TinyExtract {
        var x = TinyExtract()
        x.spell("M1", "101", .p107, "2020-01-01", "2021-06-30")
        x.spell("M1", "101", .p85, "2021-07-01", nil)
        x.spell("M2", "101", .p85, "2020-01-01", "2022-06-30")
        x.spell("M3", "101", .p85, "2020-01-01", nil)
        x.spell("M4", "101", .p82a, "2020-01-01", "2021-12-31")
        x.spell("M4", "101", .p108, "2022-01-01", nil)
        x.spell("M5", "101", .p108, "2020-01-01", nil)
        return x
    }

    @Test func nt06ComparesYearEndsTwoYearsApart() {
        let r = cohort().rows()
        expect(r.counts("101", 2022, .nt06, "from=1;to=higher"), (1, 1))
        expect(r.counts("101", 2022, .nt06, "from=1;to=lower"), (0, 1))  // impossible cell, still present
        expect(r.counts("101", 2022, .nt06, "from=2;to=none"), (1, 2))
        expect(r.counts("101", 2022, .nt06, "from=2;to=same"), (1, 2))
        expect(r.counts("101", 2022, .nt06, "from=3;to=lower"), (1, 1))
        expect(r.counts("101", 2022, .nt06, "from=4;to=same"), (0, 0))
        #expect(r.row("101", 2022, .nt06, "from=4;to=same")?.value == nil)
        expect(r.counts("101", 2022, .nt06, "from=5;to=same"), (1, 1))
        expect(r.counts("101", 2022, .nt06, "from=all;to=higher"), (1, 5))
        expect(r.counts("101", 2022, .nt06, "from=all;to=lower"), (1, 5))
        expect(r.counts("101", 2022, .nt06, "from=all;to=none"), (1, 5))
        expect(r.counts("101", 2022, .nt06, "from=all;to=same"), (2, 5))
        #expect(r.row("101", 2020, .nt06, "from=all;to=same") == nil)
        expect(r.counts("101", 2021, .nt06, "from=all;to=same"), (0, 0))  // 2019 is in the period; nobody on the staircase then
        #expect(r.all.filter { $0.area == "101" && $0.year == 2022 && $0.figure == .nt06 }.count == 24)
    }

    @Test func nt07IsATransitionMatrixOverOneYear() {
        let r = cohort().rows()
        expect(r.counts("101", 2021, .nt07, "from=2;to=2"), (2, 2))
        expect(r.counts("101", 2021, .nt07, "from=3;to=2"), (1, 1))
        expect(r.counts("101", 2021, .nt07, "from=1;to=1"), (1, 1))
        expect(r.counts("101", 2021, .nt07, "from=5;to=5"), (1, 1))
        expect(r.counts("101", 2021, .nt07, "from=4;to=4"), (0, 0))
        expect(r.counts("101", 2022, .nt07, "from=2;to=0"), (1, 3))
        expect(r.counts("101", 2022, .nt07, "from=2;to=2"), (2, 3))
        expect(r.counts("101", 2022, .nt07, "from=1;to=5"), (1, 1))
        #expect(r.all.filter { $0.area == "national" && $0.year == 2022 && $0.figure == .nt07 }.count == 30)
        #expect(r.row("101", 2019, .nt07, "from=1;to=1") == nil)
    }

    /// Exits in 2020, reported for 2021.
    /// X1 exits 2020-01-01 (spell ended 31 Dec) and returns on exit + 364: yes.
    /// X2 exits 2020-03-02 and returns on exit + 365: no.
    /// X3: touching spells are one run; exit 2020-09-01, back 2020-10-01: yes
    ///     (its second exit, 2020-11-01, is not its first).
    /// X4 exits 147 on 2020-05-01 (back 2020-06-01: yes), then 101 on 2020-08-01 (no).
    @Test func nt08ReturnWithin365DaysOfTheFirstExit() {
        var x = TinyExtract()
        x.spell("X1", "101", .p85, "2019-01-01", "2019-12-31")
        x.spell("X1", "101", .p82a, "2020-12-30", nil)
        x.spell("X2", "101", .p85, "2019-01-01", "2020-03-01")
        x.spell("X2", "101", .p85, "2021-03-02", nil)
        x.spell("X3", "101", .p85, "2020-01-01", "2020-05-31")
        x.spell("X3", "101", .p82a, "2020-06-01", "2020-08-31")
        x.spell("X3", "101", .p82a, "2020-10-01", "2020-10-31")
        x.spell("X4", "147", .p85, "2019-06-01", "2020-04-30")
        x.spell("X4", "101", .p85, "2020-06-01", "2020-07-31")
        let r = x.rows()
        expect(r.counts("101", 2021, .nt08), (2, 4))
        expect(r.counts("147", 2021, .nt08), (1, 1))
        expect(r.counts("national", 2021, .nt08), (3, 4))
        #expect(r.row("national", 2021, .nt08)?.value == 0.75)
        expect(r.counts("101", 2020, .nt08), (0, 0))
        #expect(r.row("101", 2020, .nt08)?.value == nil)
        // No exits in 2021: every run ended in 2020 or is still open.
        expect(r.counts("national", 2022, .nt08), (0, 0))
    }
}
