import Testing
@testable import RoretCore

/// The citizens' own change beside their staircase movements (docs/definitions.md).
@Suite struct MovementChangeTests {
    /// Period 2020–2021; the report year is 2021 (year ends 2020-12-31 → 2021-12-31).
    /// Cohort in 101 (step ≥ 1 on 2020-12-31): L1, L2, L3, S1, S2, S3, H1, O1, O2.
    /// - L1 5 → 2 (lower): WHO-5 40 → 60, improved.
    /// - L2 3 → 1 (lower): 60, then 56, then 40 on 2021-12-31 — the latest in 2021 decides: worsened.
    /// - L3 2 → 1 (lower): one measurement only, no baseline 90 days before: not measured.
    /// - S1 2 → 2 (same): 40, then two on 2021-02-01, 48 and 52; the higher wins: +12 improved.
    /// - S2 2 → 2 (same): 60 in 101, then 36 answered in 147: counted in 101 (the cohort's area), worsened.
    /// - S3 2 → 2 (same): baseline 89 days before: not measured.
    /// - H1 2 → 5 (higher): no WHO-5; Brief INSPIRE-O 50 → 25, worsened.
    /// - O1 1 → 0 (out): 60 → 80 answered after leaving: improved.
    /// - O2 2 → 0: the spell ends on 2020-12-31, so still in the cohort; 60 → 60 unchanged.
    /// - X1 starts in 2021 (not in the cohort), X2 has only an 'andet' spell: ignored.
    /// In 147: M1 2 → 2, 40 → 80 improved; P1 on step 2 in 147 at the end of
    /// 2020 moves to 101 in 2021 (still step 2): same, counted in 147, 40 → 40 unchanged.
    func extract() -> TinyExtract {
        var x = TinyExtract(years: 2020...2021)
        x.spell("L1", "101", .p108, "2019-01-01", "2021-03-31")
        x.spell("L1", "101", .p85, "2021-04-01", nil)
        x.who5("L1", "101", "2020-06-01", [2, 2, 2, 2, 2])
        x.who5("L1", "101", "2021-09-01", [3, 3, 3, 3, 3])
        x.spell("L2", "101", .p107, "2020-01-01", "2021-05-31")
        x.spell("L2", "101", .p82a, "2021-06-01", nil)
        x.who5("L2", "101", "2020-10-01", [3, 3, 3, 3, 3])
        x.who5("L2", "101", "2021-01-05", [3, 3, 3, 3, 2])
        x.who5("L2", "101", "2021-12-31", [2, 2, 2, 2, 2])
        x.spell("L3", "101", .p85, "2020-01-01", "2021-02-28")
        x.spell("L3", "101", .p82b, "2021-03-01", nil)
        x.who5("L3", "101", "2021-05-01", [1, 1, 1, 1, 1])
        x.spell("S1", "101", .p85, "2020-01-01", nil)
        x.who5("S1", "101", "2020-02-01", [2, 2, 2, 2, 2])
        x.who5("S1", "101", "2021-02-01", [4, 2, 2, 2, 2])
        x.who5("S1", "101", "2021-02-01", [4, 3, 2, 2, 2])
        x.spell("S2", "101", .p85, "2020-01-01", nil)
        x.who5("S2", "101", "2020-03-01", [3, 3, 3, 3, 3])
        x.who5("S2", "147", "2021-03-01", [2, 2, 2, 1, 2])
        x.spell("S3", "101", .p85, "2020-01-01", nil)
        x.who5("S3", "101", "2020-10-04", [1, 1, 1, 1, 1])
        x.who5("S3", "101", "2021-01-01", [5, 5, 5, 5, 5])
        x.spell("H1", "101", .p85, "2020-01-01", "2021-06-30")
        x.spell("H1", "101", .p108, "2021-07-01", nil)
        x.inspire("H1", "101", "2020-01-15", [2, 2, 2, 2, 2])
        x.inspire("H1", "101", "2021-08-01", [1, 1, 1, 1, 1])
        x.spell("O1", "101", .p82a, "2020-01-01", "2021-04-30")
        x.who5("O1", "101", "2020-05-01", [3, 3, 3, 3, 3])
        x.who5("O1", "101", "2021-10-01", [4, 4, 4, 4, 4])
        x.spell("O2", "101", .p85, "2020-01-01", "2020-12-31")
        x.who5("O2", "101", "2020-03-01", [3, 3, 3, 3, 3])
        x.who5("O2", "101", "2021-03-01", [3, 3, 3, 3, 3])
        x.spell("X1", "101", .p85, "2021-01-01", nil)
        x.who5("X1", "101", "2020-01-01", [1, 1, 1, 1, 1])
        x.who5("X1", "101", "2021-06-01", [5, 5, 5, 5, 5])
        x.spell("X2", "101", .p108, "2019-01-01", nil, .andet)
        x.who5("X2", "101", "2020-01-01", [1, 1, 1, 1, 1])
        x.who5("X2", "101", "2021-06-01", [5, 5, 5, 5, 5])
        x.spell("M1", "147", .p85, "2020-01-01", nil)
        x.who5("M1", "147", "2020-01-01", [2, 2, 2, 2, 2])
        x.who5("M1", "147", "2021-06-01", [4, 4, 4, 4, 4])
        x.spell("P1", "147", .p85, "2020-01-01", "2021-01-31")
        x.spell("P1", "101", .p85, "2021-02-01", nil)
        x.who5("P1", "101", "2020-02-01", [2, 2, 2, 2, 2])
        x.who5("P1", "101", "2021-08-01", [2, 2, 2, 2, 2])
        return x
    }

    func rows(_ x: TinyExtract) -> [MovementChangeRow] {
        KeyFigureEngine.computeAll(x.builder.build()).movementChange
    }

    /// (movers, measured, [improved, unchanged, worsened]) of one row.
    func cell(_ rows: [MovementChangeRow], _ area: String, _ instrument: Instrument, _ movement: StepMovement) -> (Int?, Int?, [Int?])? {
        rows.first { $0.area == area && $0.year == 2021 && $0.instrument == instrument && $0.movement == movement }
            .map { ($0.movers, $0.measured, $0.changes) }
    }

    func expectCell(_ actual: (Int?, Int?, [Int?])?, _ movers: Int?, _ measured: Int?, _ changes: [Int?], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual?.0 == movers && actual?.1 == measured && actual?.2 == changes,
                "got \(String(describing: actual)), expected \((movers, measured, changes))", sourceLocation: sourceLocation)
    }

    @Test func who5ChangeByMovementInTheCohortsArea() {
        let r = rows(extract())
        expectCell(cell(r, "101", .who5, .lower), 3, 2, [1, 0, 1])
        expectCell(cell(r, "101", .who5, .none), 2, 2, [1, 1, 0])
        expectCell(cell(r, "101", .who5, .same), 3, 2, [1, 0, 1])
        expectCell(cell(r, "101", .who5, .higher), 1, 0, [0, 0, 0])
        expectCell(cell(r, "147", .who5, .same), 2, 2, [1, 1, 0])
        expectCell(cell(r, "147", .who5, .lower), 0, 0, [0, 0, 0])
    }

    @Test func nationalCountsEachPersonOnce() {
        let r = rows(extract())
        expectCell(cell(r, "national", .who5, .lower), 3, 2, [1, 0, 1])
        expectCell(cell(r, "national", .who5, .none), 2, 2, [1, 1, 0])
        expectCell(cell(r, "national", .who5, .same), 5, 4, [2, 1, 1])
        expectCell(cell(r, "national", .who5, .higher), 1, 0, [0, 0, 0])
    }

    @Test func briefInspireOSeparately() {
        let r = rows(extract())
        expectCell(cell(r, "101", .briefInspireO, .higher), 1, 1, [0, 0, 1])
        expectCell(cell(r, "101", .briefInspireO, .lower), 3, 0, [0, 0, 0])
    }

    @Test func moversAgreeWithNT07() {
        let x = extract()
        let figures = x.rows()
        let r = rows(x)
        for area in ["101", "147", "national"] {
            var movers = [0, 0, 0, 0]
            for from in 1...5 {
                for to in 0...5 {
                    guard case .count(let n)? = figures.row(area, 2021, .nt07, "from=\(from);to=\(to)")?.numerator else {
                        Issue.record("no NT07 \(area) \(from)→\(to)")
                        continue
                    }
                    movers[StepMovement(from: from, to: to).rawValue] += n
                }
            }
            #expect(StepMovement.allCases.map { cell(r, area, .who5, $0)?.0 } == movers.map(Optional.some), "\(area)")
        }
    }

    @Test func onlyYearsWithNT07AndOnlyWithMeasurements() {
        let r = rows(extract())
        #expect(Set(r.map(\.year)) == [2021])
        #expect(r.count == 3 * 2 * 4)  // areas × instruments × movements
        var bare = TinyExtract(years: 2020...2021)
        bare.spell("A", "101", .p85, "2020-01-01", nil)
        #expect(rows(bare).isEmpty)
    }

    @Test func theThresholdIsTheConfiguredOne() {
        // With a WHO-5 threshold of 24, L1 (+20) becomes unchanged and L2 (−20) too.
        let r = KeyFigureEngine.computeAll(extract().builder.build(), options: KeyFigureOptions(who5ChangeThreshold: 24)).movementChange
        expectCell(cell(r, "101", .who5, .lower), 3, 2, [0, 2, 0])
    }

    @Test func movementFromStepToStep() {
        #expect(StepMovement(from: 3, to: 0) == .none)
        #expect(StepMovement(from: 3, to: 1) == .lower)
        #expect(StepMovement(from: 3, to: 3) == .same)
        #expect(StepMovement(from: 3, to: 5) == .higher)
        #expect(StepMovement(from: 1, to: 1) == .same)
    }

    /// One (area, year, instrument) group: movers 12, 3, 20, 7 → 3 withheld,
    /// and 7 (the smallest non-zero other) with it. Lower: changes 6, 0, 4 of
    /// 10 → 4 withheld, then 6; 0 stays. Same: 3 measured → measured and all
    /// changes withheld. Higher: nothing small. Out: nothing measured, but its movers are withheld.
    @Test func suppressionPrimaryAndSecondary() {
        func row(_ m: StepMovement, _ movers: Int, _ measured: Int, _ changes: [Int]) -> MovementChangeRow {
            MovementChangeRow(area: "101", year: 2021, instrument: .who5, movement: m, movers: movers, measured: measured, changes: changes)
        }
        let rows = [row(.lower, 12, 10, [6, 0, 4]), row(.same, 3, 3, [1, 1, 1]), row(.higher, 20, 20, [5, 10, 5]), row(.none, 7, 0, [0, 0, 0])]
        let s = DisclosureControl.suppress(rows)
        #expect(s.map(\.movers) == [12, nil, 20, nil])
        #expect(s[0].measured == 10 && s[0].changes == [nil, 0, nil])
        #expect(s[1].measured == nil && s[1].changes == [nil, nil, nil])
        #expect(s[2].measured == 20 && s[2].changes == [5, 10, 5])
        #expect(s[3].measured == 0 && s[3].changes == [0, 0, 0])
        #expect(s.map(\.suppressed) == [true, true, false, true])
        #expect(s[2].share(.unchanged) == 0.5)
        #expect(s[0].share(.improved) == nil)
        // Each (area, year, instrument) is its own group: nothing small in the second, nothing withheld.
        let other = [row(.lower, 12, 10, [5, 0, 5]), row(.same, 30, 0, [0, 0, 0]), row(.higher, 20, 0, [0, 0, 0]), row(.none, 7, 0, [0, 0, 0])]
            .map { r -> MovementChangeRow in var r = r; r.instrument = .briefInspireO; return r }
        let both = DisclosureControl.suppress(rows + other)
        #expect(Array(both.prefix(4)) == s)
        #expect(Array(both.suffix(4)) == other)
    }

    @Test func theFigureSetServesBothForms() {
        let set = KeyFigureSet(data: extract().builder.build())
        let full = set.movementChange(area: "101", year: 2021, unsuppressed: true)
        let safe = set.movementChange(area: "101", year: 2021, unsuppressed: false)
        #expect(full.count == 8 && safe.count == 8)
        #expect(full.map(\.movement) == StepMovement.allCases + StepMovement.allCases)
        #expect(full[0].measured == 2 && full[0].changes == [1, 0, 1])
        // Every count in 101 is 1–4 or 0: suppressed, nothing small shown.
        for row in safe {
            for n in [row.movers, row.measured] + row.changes {
                if let n { #expect(n == 0 || n >= DisclosureControl.smallestShown) }
            }
        }
        #expect(safe[0].movers == nil && safe[0].measured == nil)
        #expect(set.movementChange(area: "101", year: 2020, unsuppressed: true).isEmpty)
    }
}

@Suite struct MovementChangeOutputTests {
    @Test func csvHasOneLinePerRowAndEmptyWithheldCells() {
        let rows = [
            MovementChangeRow(area: "101", year: 2021, instrument: .who5, movement: .lower, movers: 12, measured: 10, changes: [nil, 0, nil], suppressed: true),
            MovementChangeRow(area: "national", year: 2021, instrument: .briefInspireO, movement: .none, movers: 20, measured: 9, changes: [5, 0, 4]),
        ]
        #expect(MovementChangeOutput.csv(rows) == """
            area,year,instrument,movement,movers,measured,improved,unchanged,worsened,suppressed
            101,2021,WHO-5,lower,12,10,,0,,true
            national,2021,BRIEF-INSPIRE-O,none,20,9,5,0,4,false

            """)
    }

    @Test func jsonHasTheCSVsKeysWithNullForWithheldCounts() throws {
        let rows = [
            MovementChangeRow(area: "101", year: 2021, instrument: .who5, movement: .lower, movers: 12, measured: 10, changes: [nil, 0, nil], suppressed: true),
            MovementChangeRow(area: "national", year: 2021, instrument: .briefInspireO, movement: .none, movers: 20, measured: 9, changes: [5, 0, 4]),
        ]
        #expect(MovementChangeOutput.json(rows) == """
            [
            {"area":"101","year":2021,"instrument":"WHO-5","movement":"lower","movers":12,"measured":10,"improved":null,"unchanged":0,"worsened":null,"suppressed":true},
            {"area":"national","year":2021,"instrument":"BRIEF-INSPIRE-O","movement":"none","movers":20,"measured":9,"improved":5,"unchanged":0,"worsened":4,"suppressed":false}
            ]

            """)
        #expect(MovementChangeOutput.json([]) == "[]\n")
    }
}
