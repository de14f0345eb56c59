import Testing
@testable import RoretCore

/// The indexed figure set the dashboards read from.
@Suite struct KeyFigureSetTests {
    /// Three persons on step 2 in 101 in 2020 (a small cell), nobody in 147.
    func tinySet() -> KeyFigureSet {
        var x = TinyExtract(years: 2019...2020)
        x.spell("a", "101", .p85, "2020-01-01", nil)
        x.spell("b", "101", .p85, "2020-03-01", nil)
        x.spell("c", "101", .p85, "2020-06-01", "2020-12-31")
        return KeyFigureSet(data: x.builder.build())
    }

    @Test func areasAreMunicipalitiesInCodeOrderThenNational() {
        let set = tinySet()
        #expect(set.areas == ["101", "147", "national"])
        #expect(set.areaName("101") == "København")
        #expect(set.areaName(nationalArea) == "Hele landet")
    }

    @Test func rowsOfAnAreaAndFigureCoverEveryYearAndBreakdownInOutputOrder() {
        let set = tinySet()
        let rows = set.rows(area: "101", figure: .nt01, unsuppressed: true)
        #expect(rows.map(\.year) == [2019, 2019, 2019, 2019, 2019, 2020, 2020, 2020, 2020, 2020])
        #expect(rows.map(\.breakdown).prefix(5) == ["step=1", "step=2", "step=3", "step=4", "step=5"])
        #expect(rows.allSatisfy { $0.area == "101" && $0.figure == .nt01 })
    }

    @Test func theSameCellComesSuppressedOrNotAsAsked() throws {
        let set = tinySet()
        // 3 recipients on step 2 in 101 in 2020: a small cell.
        let open = try #require(set.rows(area: "101", figure: .nt01, unsuppressed: true).first { $0.year == 2020 && $0.breakdown == "step=2" })
        #expect(open.numerator == .count(3))
        #expect(open.denominator == .count(1_000))
        #expect(!open.suppressed)
        let closed = try #require(set.rows(area: "101", figure: .nt01, unsuppressed: false).first { $0.year == 2020 && $0.breakdown == "step=2" })
        #expect(closed.suppressed)
        #expect(closed.numerator == nil && closed.value == nil)
        #expect(set.suppressed == DisclosureControl.suppress(set.unsuppressed))
    }

    @Test func computedYearsFollowWhatEachFigureNeeds() {
        let set = tinySet()
        #expect(set.computedYears(of: .nt01) == [2019, 2020])
        #expect(set.computedYears(of: .nt05) == [2020])
        #expect(set.computedYears(of: .nt06) == [])
        #expect(set.computedYears(of: .nt13) == [2019])
    }

    @Test func anUnknownAreaHasNoRows() {
        #expect(tinySet().rows(area: "999", figure: .nt01, unsuppressed: true).isEmpty)
    }
}
