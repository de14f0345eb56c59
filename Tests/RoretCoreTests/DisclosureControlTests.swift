import Testing
@testable import RoretCore

/// Primary and secondary suppression.
@Suite struct DisclosureControlTests {
    func block(_ figure: KeyFigure, _ numerators: [Int], denominator: Int) -> [KeyFigureRow] {
        zip(figure.breakdowns, numerators).map { breakdown, n in
            KeyFigureRow(area: "101", year: 2021, figure: figure, breakdown: breakdown, numerator: .count(n), denominator: .count(denominator))
        }
    }

    func suppressed(_ rows: [KeyFigureRow]) -> [Bool] { DisclosureControl.suppress(rows).map(\.suppressed) }

    @Test func primaryWithholdsOneToFour() {
        #expect(suppressed(block(.nt03, [0], denominator: 9)) == [false])
        #expect(suppressed(block(.nt03, [4], denominator: 9)) == [true])
        #expect(suppressed(block(.nt03, [5], denominator: 9)) == [false])
        #expect(suppressed(block(.nt03, [0], denominator: 4)) == [true], "a small denominator discloses too")
        let row = DisclosureControl.suppress(block(.nt03, [1], denominator: 9))[0]
        #expect(row.numerator == nil && row.denominator == nil && row.value == nil)
    }

    @Test func zeroDenominatorIsNeverSuppressed() {
        let row = KeyFigureRow(area: "101", year: 2021, figure: .nt15, breakdown: "step=5", numerator: .amount(Amount(ore: 300)), denominator: .count(0))
        let out = DisclosureControl.suppress([row])[0]
        #expect(!out.suppressed && out.numerator == .amount(Amount(ore: 300)) && out.value == nil)
    }

    @Test func amountsAndScoreSumsAreNotCountsOfPersons() {
        let nt14 = KeyFigureRow(area: "101", year: 2021, figure: .nt14, breakdown: "step=1", numerator: .amount(Amount(ore: 300)), denominator: .amount(Amount(ore: 400)))
        #expect(!DisclosureControl.suppress([nt14])[0].suppressed)
        let nt16 = KeyFigureRow(area: "101", year: 2021, figure: .nt16, breakdown: "", numerator: .count(3), denominator: .count(20))
        #expect(!DisclosureControl.suppress([nt16])[0].suppressed, "a score sum of 3 is not 3 persons")
        let nt15 = KeyFigureRow(area: "101", year: 2021, figure: .nt15, breakdown: "step=1", numerator: .amount(Amount(ore: 300)), denominator: .count(3))
        #expect(DisclosureControl.suppress([nt15])[0].suppressed)
        let nt01 = KeyFigureRow(area: "101", year: 2021, figure: .nt01, breakdown: "step=1", numerator: .count(0), denominator: .count(3))
        #expect(DisclosureControl.suppress([nt01])[0].suppressed, "3 adults are 3 persons")
    }

    @Test func secondaryWithholdsTheSmallestNonZeroRest() {
        #expect(suppressed(block(.nt17, [3, 7, 12], denominator: 22)) == [true, true, false])
        #expect(suppressed(block(.nt17, [2, 6, 6], denominator: 14)) == [true, true, false], "ties: first in byte order")
        #expect(suppressed(block(.nt17, [2, 0, 17], denominator: 19)) == [true, false, true], "zero is never the pick")
        #expect(suppressed(block(.nt17, [2, 3, 17], denominator: 22)) == [true, true, false], "two primary: nothing more")
        #expect(suppressed(block(.nt17, [0, 7, 12], denominator: 19)) == [false, false, false])
        #expect(suppressed(block(.nt18, [9, 1, 0], denominator: 10)) == [true, true, false])
    }

    @Test func secondaryWorksPerFromGroup() {
        // NT07 from=1 has one small cell; from=2 has none.
        var numerators = Array(repeating: 0, count: 30)
        numerators[0] = 2; numerators[1] = 10; numerators[2] = 8      // from=1: to=0,1,2
        numerators[6] = 10; numerators[8] = 20                        // from=2
        var rows = block(.nt07, numerators, denominator: 20)
        for i in 6..<12 { rows[i].denominator = .count(30) }
        let s = suppressed(rows)
        #expect(s[0] && s[2] && !s[1], "from=1: 2 primary, then 8 (smallest non-zero)")
        #expect(!s[6...11].contains(true))
    }

    @Test func suppressesEngineOutputWithoutLeakingSmallCounts() {
        var x = TinyExtract()
        for p in ["A", "B", "C"] { x.spell(p, "101", .p85, "2020-01-01", nil) }
        let rows = DisclosureControl.suppress(x.rows().all)
        for row in rows where row.suppressed { #expect(row.numerator == nil && row.denominator == nil && row.value == nil) }
        for row in rows {
            for (quantity, kind) in [(row.numerator, row.figure.numeratorKind), (row.denominator, row.figure.denominatorKind)] {
                if case .count(let n)? = quantity, kind.countsIndividuals { #expect(!(1...4).contains(n), "\(row)") }
            }
        }
        #expect(rows.first { $0.area == "101" && $0.year == 2020 && $0.figure == .nt02 }?.suppressed == true)
    }

    // MARK: key-figures.md v3: the area rule, the all-zero case, rounds

    /// One row per area of a figure without breakdown: (area, numerator, denominator).
    func areaRows(_ figure: KeyFigure, _ cells: [(String, Int, Int)]) -> [KeyFigureRow] {
        cells.map { area, n, d in
            let numerator: Quantity = figure.numeratorKind == .amount ? .amount(Amount(ore: Int64(n) * 100)) : .count(n)
            return KeyFigureRow(area: area, year: 2019, figure: figure, breakdown: "", numerator: numerator, denominator: .count(d))
        }
    }

    func hidden(_ rows: [KeyFigureRow], shownInFull: Set<String> = []) -> [String] {
        DisclosureControl.suppress(rows, shownInFull: shownInFull).filter(\.suppressed).map(\.area)
    }

    /// The example: Greve's NT13 4/29 = national 9/68 − Roskilde 5/30 − Lejre 0/9.
    /// Greve is withheld (4 stays); the complement is the smallest non-zero
    /// numerator among the rest, Roskilde's 5 (Lejre's 0 is never the pick).
    @Test func aSingleWithheldMunicipalityTakesTheSmallestNumeratorWithIt() {
        let rows = areaRows(.nt13, [("253", 4, 29), ("265", 5, 30), ("350", 0, 9), ("national", 9, 68)])
        #expect(hidden(rows) == ["253", "265"])
        #expect(DisclosureControl.violations(in: DisclosureControl.suppress(rows)).isEmpty)
    }

    /// NT16's numerator is a sum of scores, so the pick goes by the
    /// denominator (persons): Lejre's 6, not Roskilde whose sum is smaller.
    /// NT03 with only zero numerators left also goes by the denominator.
    @Test func theComplementIsChosenByDenominatorWhereNumeratorsCannotChoose() {
        let nt16 = areaRows(.nt16, [("253", 150, 3), ("265", 300, 9), ("350", 500, 6), ("national", 950, 18)])
        #expect(hidden(nt16) == ["253", "350"])
        // NT17: 253's 6 goes with its 2 by the breakdown rule; in band 36-50
        // only zeros remain beside it, so the area rule picks Lejre by its 8 persons.
        let nt17 = nt17Rows("253", [2, 6, 9], 17) + nt17Rows("265", [10, 0, 20], 30) + nt17Rows("350", [8, 0, 0], 8) + nt17Rows("national", [20, 6, 29], 55)
        #expect(DisclosureControl.suppress(nt17).map(\.suppressed) == [true, true, false, false, false, false, true, true, false, false, false, false])
        let nt15 = areaRows(.nt15, [("253", 90_000, 2), ("265", 10_000, 40), ("350", 500_000, 7), ("national", 600_000, 49)])
        #expect(hidden(nt15) == ["253", "350"], "NT15's amounts never choose; recipients do")
        let tie = areaRows(.nt03, [("253", 1, 20), ("265", 7, 30), ("350", 7, 25), ("national", 15, 75)])
        #expect(hidden(tie) == ["253", "265"], "ties: the lowest code")
    }

    /// No other municipality can be withheld (only zero counts remain), so
    /// the national row goes instead.
    @Test func theNationalRowIsHiddenWhenNoComplementExists() {
        let rows = areaRows(.nt03, [("253", 3, 9), ("265", 0, 0), ("350", 0, 0), ("national", 3, 9)])
        let out = DisclosureControl.suppress(rows)
        #expect(out.map(\.suppressed) == [true, false, false, true])
        #expect(out[1].denominator == .count(0) && out[1].value == nil, "a zero denominator is shown, never suppressed")
        let withoutNational = areaRows(.nt03, [("253", 3, 9), ("265", 7, 20)])
        #expect(hidden(withoutNational) == ["253"], "no national row: nothing to subtract from")
        let nationalHidden = areaRows(.nt03, [("253", 3, 9), ("265", 7, 20), ("national", 3, 4)])
        #expect(hidden(nationalHidden) == ["253", "national"], "a withheld national row protects the group")
    }

    /// NT17 in three municipalities and the country, worked by hand:
    /// 101 [2, 6, 9] of 17, 102 [5, 0, 0] of 5, 103 [8, 10, 30] of 48, national [15, 16, 39] of 70.
    /// Primary: 101's 2. Round 1: breakdown rule → 101's 6; area rule → band 0-35: 102's 5
    /// (5 < 8); band 36-50: 103's 10 (102's 0 is never the pick). Round 2: 102 has one
    /// hidden and only zeros left → all of 102; 103 has one hidden → its 8; area rule,
    /// band 51-100 now has 102's 0 alone hidden → 101's 9 (9 < 30). Round 3: nothing more.
    func nt17Rows(_ area: String, _ n: [Int], _ d: Int) -> [KeyFigureRow] {
        zip(KeyFigure.nt17.breakdowns, n).map { KeyFigureRow(area: area, year: 2021, figure: .nt17, breakdown: $0, numerator: .count($1), denominator: .count(d)) }
    }

    @Test func bothRulesCascadeInRoundsIncludingAnAllZeroGroup() {
        let rows = nt17Rows("101", [2, 6, 9], 17) + nt17Rows("102", [5, 0, 0], 5) + nt17Rows("103", [8, 10, 30], 48) + nt17Rows("national", [15, 16, 39], 70)
        let out = DisclosureControl.suppress(rows)
        #expect(out.map(\.suppressed) == [true, true, true, true, true, true, true, true, false, false, false, false])
        #expect(out[8].numerator == .count(30) && out[11].denominator == .count(70))
        #expect(DisclosureControl.violations(in: out).isEmpty)
        // Primary alone, or one round alone, would leave single hidden cells: the checker sees them.
        var primaryOnly = rows
        primaryOnly[0].suppressed = true
        primaryOnly[0].numerator = nil
        #expect(DisclosureControl.violations(in: primaryOnly).count == 2, "101's breakdown group and band 0-35's area group")
    }

    /// An analyst's own municipality is shown in full; the rules treat it as
    /// shown, so Greve's complement is Lejre (by denominator), never Roskilde.
    @Test func anAreaShownInFullIsNeverTheComplement() {
        let rows = areaRows(.nt13, [("253", 4, 29), ("265", 5, 30), ("350", 0, 9), ("national", 9, 68)])
        #expect(hidden(rows, shownInFull: ["265"]) == ["253", "350"])
        #expect(hidden(areaRows(.nt03, [("253", 3, 9), ("265", 1, 2), ("national", 4, 11)]), shownInFull: ["265"]) == ["253", "national"])
        let full = DisclosureControl.suppress(rows, shownInFull: ["265"])
        #expect(full[1].numerator == .count(5) && !full[1].suppressed)
        #expect(DisclosureControl.violations(in: full).isEmpty)
    }

    /// The demo extract in every size: nothing suppressed leaves a single hidden cell.
    @Test(arguments: [DemoScale.small, .medium])
    func theDemoExtractsLeaveNoSingleHiddenCell(_ scale: DemoScale) {
        let set = KeyFigureSet(data: DemoExtractGenerator(scale: scale, seed: 1).generate())
        #expect(DisclosureControl.violations(in: set.suppressed).isEmpty)
        #expect(DisclosureControl.violations(in: set.movementChangeRows(unsuppressed: false)).isEmpty)
        #expect(set.suppressed.contains { $0.suppressed })
        for area in set.areas.prefix(2) where area != nationalArea {
            let known = DisclosureControl.suppress(set.unsuppressed, shownInFull: [area])
            #expect(DisclosureControl.violations(in: known).isEmpty)
        }
    }
}
