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
}
