import Testing
@testable import RoretCore

/// The exact output of key-figures.md: grid, order and number format.
@Suite struct OutputFormatTests {
    @Test func gridCoversEveryAreaYearFigureAndBreakdownInOrder() {
        var x = TinyExtract()
        x.spell("A", "101", .p85, "2020-01-01", nil)
        x.builder.declareEmployment()
        x.builder.declareAdmissions()
        x.builder.declareExpenditures()
        x.builder.declareMeasurements()
        let rows = x.rows().all
        // Rows per area: 4 years of the y-only figures, 3 of y−1, 2 of y−2, 3 of y+1.
        var expected = 0
        for figure in KeyFigure.allCases {
            let years = (2019...2022).filter { KeyFigureEngine.isComputed(figure, year: $0, period: 2019...2022) }.count
            expected += years * figure.breakdowns.count
        }
        #expect(rows.count == expected * 3)
        #expect(Array(Set(rows.map(\.area))).sorted() == ["101", "147", "national"])
        #expect(rows.first?.area == "101" && rows.last?.area == "national")
        let keys = rows.map { [$0.area == "national" ? "~" : $0.area, String($0.year), $0.figure.code, $0.breakdown] }
        #expect(keys == keys.sorted { a, b in a.lexicographicallyPrecedes(b) { $0.utf8.lexicographicallyPrecedes($1.utf8) } })
        #expect(KeyFigure.allCases.map(\.code) == KeyFigure.allCases.map(\.code).sorted())
        for figure in KeyFigure.allCases { #expect(figure.breakdowns == figure.breakdowns.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }) }
    }

    @Test func csvMatchesTheSpecFormat() {
        let rows = [
            KeyFigureRow(area: "101", year: 2020, figure: .nt01, breakdown: "step=1", numerator: .count(2), denominator: .count(1_000)),
            KeyFigureRow(area: "101", year: 2020, figure: .nt06, breakdown: "from=2;to=lower", numerator: nil, denominator: nil, value: nil, suppressed: true),
            KeyFigureRow(area: "101", year: 2020, figure: .nt14, breakdown: "step=1", numerator: .amount(Amount(ore: 150_050)), denominator: .amount(.zero)),
        ]
        #expect(KeyFigureOutput.csv(rows) == """
            area,year,figure,breakdown,numerator,denominator,value,suppressed
            101,2020,NT01,step=1,2,1000,20,false
            101,2020,NT06,from=2;to=lower,,,,true
            101,2020,NT14,step=1,1500.5,0,,false

            """)
        #expect(KeyFigureOutput.json(Array(rows.prefix(2))) == """
            [
            {"area":"101","year":2020,"figure":"NT01","breakdown":"step=1","numerator":2,"denominator":1000,"value":20,"suppressed":false},
            {"area":"101","year":2020,"figure":"NT06","breakdown":"from=2;to=lower","numerator":null,"denominator":null,"value":null,"suppressed":true}
            ]

            """)
    }

    @Test func decimalsArePlainAndRoundTrip() {
        #expect(DecimalFormatting.plain(0.25) == "0.25")
        #expect(DecimalFormatting.plain(12) == "12")
        #expect(DecimalFormatting.plain(0.00001) == "0.00001")
        #expect(DecimalFormatting.plain(1.5e-7) == "0.00000015")
        #expect(DecimalFormatting.plain(2.5e20) == "250000000000000000000")
        #expect(DecimalFormatting.plain(1.0 / 3) == "0.3333333333333333")
        for v in [1.0 / 3, 2.0 / 3_000 * 10_000, 0.1 + 0.2, 123_456.789] { #expect(Double(DecimalFormatting.plain(v)) == v) }
    }

    @Test func amountsParseAndPrintExactly() {
        func parse(_ s: String) -> Result<Amount, Amount.ParseError> { Amount.parse(Array(s.utf8)[...]) }
        #expect(parse("1234.5") == .success(Amount(ore: 123_450)))
        #expect(parse("0.05") == .success(Amount(ore: 5)))
        #expect(parse("17") == .success(Amount(ore: 1_700)))
        #expect(parse("17.500") == .success(Amount(ore: 1_750)))
        #expect(parse("17.505") == .failure(.tooManyDecimals))
        #expect(parse("-1") == .failure(.negative))
        #expect(parse("1,000") == .failure(.notADecimalNumber))
        #expect(parse("1.") == .failure(.notADecimalNumber))
        #expect(parse("1e5") == .failure(.notADecimalNumber))
        #expect(Amount(ore: 123_450).description == "1234.5")
        #expect(Amount(ore: 5).description == "0.05")
    }

    @Test func daysConvertBothWays() {
        #expect(Day(year: 1970, month: 1, day: 1).rawValue == 0)
        #expect(Day(iso: "2020-02-29")!.adding(days: 1).description == "2020-03-01")
        #expect(Day(iso: "2019-02-29") == nil)
        #expect(Day(iso: "2021-13-01") == nil)
        #expect(Day(iso: "2021-1-01") == nil)
        #expect(Day.yearEnd(2020).days(to: Day.yearStart(2021)) == 1)
        #expect(Day(iso: "2020-06-30")!.adding(days: -365).description == "2019-07-01")
        for raw in stride(from: Int32(-30_000), through: 60_000, by: 97) {
            let d = Day(rawValue: raw)
            #expect(Day(iso: d.description) == d)
        }
    }
}

/// The engine on a generated extract: split passes and determinism.
@Suite struct EngineConsistencyTests {
    @Test func splittingThePersonPassChangesNothing() {
        let data = DemoExtractGenerator(scale: .small, seed: 11).generate()
        let index = PersonIndex(data, options: KeyFigureOptions())
        let one = ParallelPass.run(index: index, data: data, options: KeyFigureOptions(), parts: 1)
        let three = ParallelPass.run(index: index, data: data, options: KeyFigureOptions(), parts: 3)
        #expect(one.cells == three.cells)
        #expect(one.cells.contains { $0 > 0 })
    }

    @Test func partsAreSplitByWorkAndCoverEveryPersonOnce() {
        let data = DemoExtractGenerator(scale: .small, seed: 11).generate()
        let index = PersonIndex(data, options: KeyFigureOptions())
        for parts in 1...4 {
            let bounds = ParallelPass.split(index, parts: parts)
            #expect(bounds.first == 0 && bounds.last == index.personCount && bounds.count == parts + 1)
            #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $0 <= $1 })
        }
        // Hand-made: person 0 has 6 spells, persons 1–5 one each (weights 7, 2, 2, 2, 2, 2 = 17):
        // two parts split where half the work (8) is first reached, after person 1 (9), not after person 2 as by count.
        var b = RegisterDataBuilder(municipalities: [Municipality(code: "101", name: "K")], years: 2020...2020)
        b.setAdults(1000, municipality: "101", year: 2020)
        for k in 0..<6 {
            b.addIntervention(person: "p0", municipality: "101", paragraph: .p85, start: Day(year: 2020, month: 1, day: 1 + k), end: nil, reason: .sindslidelse)
        }
        for p in 1...5 {
            b.addIntervention(person: "p\(p)", municipality: "101", paragraph: .p85, start: Day(year: 2020, month: 1, day: 1), end: nil, reason: .sindslidelse)
        }
        let small = PersonIndex(b.build(), options: KeyFigureOptions())
        #expect(ParallelPass.split(small, parts: 2) == [0, 2, 6])
    }

    /// Spells are packed in one word when every day is in 1900–2100, and
    /// taken column by column otherwise: both give the same figures.
    @Test func spellsOutsideTheExtractYearsTakeTheGeneralPathWithTheSameFigures() {
        func data(extraEnd: Day) -> RegisterData {
            var b = RegisterDataBuilder(municipalities: [Municipality(code: "101", name: "K"), Municipality(code: "147", name: "F")], years: 2020...2022)
            for m in ["101", "147"] { for y in 2020...2022 { b.setAdults(1000, municipality: m, year: y) } }
            b.addIntervention(person: "a", municipality: "101", paragraph: .p85, start: Day(year: 2020, month: 3, day: 1), end: Day(year: 2021, month: 2, day: 1), reason: .sindslidelse)
            b.addIntervention(person: "a", municipality: "147", paragraph: .p107, start: Day(year: 2019, month: 3, day: 1), end: nil, reason: .sindslidelse)
            b.addIntervention(person: "b", municipality: "147", paragraph: .p82a, start: Day(year: 2021, month: 5, day: 1), end: Day(year: 2021, month: 5, day: 1), reason: .sindslidelse)
            b.addIntervention(person: "b", municipality: "101", paragraph: .p82b, start: Day(year: 2021, month: 5, day: 1), end: Day(year: 2022, month: 1, day: 9), reason: .sindslidelse)
            // Outside the target group, so it counts in no figure; its end decides the path.
            b.addIntervention(person: "c", municipality: "101", paragraph: .p85, start: Day(year: 2020, month: 1, day: 1), end: extraEnd, reason: .andet)
            return b.build()
        }
        let packed = KeyFigureEngine.compute(data(extraEnd: Day(year: 2030, month: 1, day: 1)))
        let general = KeyFigureEngine.compute(data(extraEnd: Day(year: 2150, month: 1, day: 1)))
        #expect(packed == general)
        #expect(packed.contains { if case .count(let n) = $0.numerator { n > 0 } else { false } })
    }

    @Test func sameExtractGivesTheSameRows() {
        let data = DemoExtractGenerator(scale: .small, seed: 5).generate()
        #expect(KeyFigureEngine.compute(data) == KeyFigureEngine.compute(data))
    }
}
