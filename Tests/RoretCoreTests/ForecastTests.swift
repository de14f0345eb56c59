import Testing
@testable import RoretCore

/// The forecast of the staircase (economics.md §1) on hand-made data whose
/// numbers are worked out in the comments.
@Suite struct ForecastTests {
    /// 2023–2024, three steps in use. In 101 at year end 2023: A step 1, B and C step 2, D and E step 3.
    /// 2024: A stays on 1; B ends (2 → 0); C goes to 1; D stays on 3; E goes to 2; F is new on 2;
    /// G moves in from 147 on step 1. In 147: G (1 → 1, counted where G was), H stays on 2.
    /// F is on disability pension in 2024; step 2 cost 300,000 DKK in 101 in 2024.
    static func tiny() -> StaircaseFlows {
        var x = TinyExtract(years: 2023...2024)
        x.spell("A", "101", .p82a, "2023-01-01", nil)
        x.spell("B", "101", .p85, "2023-01-01", "2024-06-30")
        x.spell("C", "101", .p85, "2023-01-01", "2024-02-28")
        x.spell("C", "101", .p82a, "2024-03-01", nil)
        x.spell("D", "101", .p107, "2023-01-01", nil)
        x.spell("E", "101", .p107, "2023-01-01", "2024-05-01")
        x.spell("E", "101", .p85, "2024-05-02", nil)
        x.spell("F", "101", .p85, "2024-02-01", nil)
        x.employment("F", 2024, .disabilityPension)
        x.spell("G", "147", .p82a, "2023-01-01", "2023-12-31")
        x.spell("G", "101", .p82a, "2024-01-01", nil)
        x.spell("H", "147", .p85, "2023-01-01", nil)
        x.builder.addExpenditure(municipality: "101", year: 2024, paragraph: .p85, amount: Amount(ore: 30_000_000))
        return KeyFigureEngine.computeAll(x.builder.build()).flows
    }

    @Test func theFlowsComeFromTheEnginesPassIncludingInflowFromAnotherMunicipality() throws {
        let flows = Self.tiny()
        let y = try #require(flows.year("101", 2024))
        #expect(y.stock == [3, 2, 1, 0, 0], "A, C, G · E, F · D")
        #expect(y.transitions[0] == [0, 1, 0, 0, 0, 0] && y.transitions[1] == [1, 1, 0, 0, 0, 0] && y.transitions[2] == [0, 0, 1, 1, 0, 0])
        #expect(y.inflow == [1, 1, 0, 0, 0], "G moved in on step 1, F is new on step 2; C and E moved within 101")
        #expect(try #require(flows.year(nationalArea, 2024)).inflow == [0, 1, 0, 0, 0], "for the country G was already on the staircase")
        #expect(try #require(flows.year("147", 2024)).transitions[0] == [0, 1, 0, 0, 0, 0], "G's 1 → 1 belongs to where G was")
        #expect(y.expenditure[1] == Amount(ore: 30_000_000))
        #expect(BudgetPotential.pool(.employment, flows: flows, area: "101", year: 2024) == 1, "E and F on step 2; F is on disability pension")
        #expect(BudgetPotential.pool(.leavingResidential, flows: flows, area: "101", year: 2024) == 1, "D on step 3")
        #expect(flows.year("101", 2023)?.inflow == [0, 0, 0, 0, 0], "no inflow in the first year: nothing to compare with")
    }

    @Test func theProjectionWithoutShrinkage() throws {
        // α = 0: row 1 = A: 1 → 1; row 2 = B, C: ½ to 0, ½ to 1; row 3 = D, E: ½ to 3, ½ to 2. Ī = [1, 1, 0, 0, 0].
        // 2025: step 1 = 3·1 + 2·½ + 1 = 5; step 2 = 1·½ + 1 = 1,5; step 3 = 1·½ = 0,5.
        // 2026: step 1 = 5 + 1,5·½ + 1 = 6,75; step 2 = 0,5·½ + 1 = 1,25; step 3 = 0,5·½ = 0,25.
        let f = try #require(ForecastEngine.forecast(Self.tiny(), area: "101", settings: Forecast.Settings(horizon: 2, shrinkage: 0, paths: 200)))
        #expect(f.baseYear == 2024 && f.windowYears == [2024])
        #expect(f.projected[0] == [5, 1.5, 0.5, 0, 0])
        #expect(f.projected[1] == [6.75, 1.25, 0.25, 0, 0])
        #expect(f.countryShare == [0, 0, 0, 0, 0] && f.rowCounts == [1, 2, 2, 0, 0])
        // Cost: step 2 = 300,000 / 2 persons = 150,000 per year-end recipient; 1,5 × 150,000 = 225,000 in 2025.
        #expect(f.unitCosts[1] == 150_000 && f.unitCosts[0] == 0 && f.unitCosts[3] == nil)
        #expect(f.costs[0][1] == 225_000 && f.totalCosts[0] == 225_000)
        #expect(f.backtests.isEmpty, "a two-year period has no earlier base year with transitions")
    }

    @Test func shrinkageTowardsTheCountry() throws {
        // α = 20. The country's row 2 is B, C and H: ⅓ each to 0, 1, 2. 101's row 2 (n = 2):
        // to 0 = (1 + 20·⅓) / 22 = 23/66; to 1 = 23/66; to 2 = (0 + 20·⅓) / 22 = 20/66; 20/22 of the row comes from the country.
        // Row 1: the country's is 1 → 1 too, so (1 + 20) / 21 = 1. Rows 4 and 5 have nobody anywhere: they stay.
        // 2025: step 1 = 3 + 2·23/66 + 1 = 4,69697; step 2 = 2·20/66 + 1·½ + 1 = 2,10606; step 3 = 0,5.
        let f = try #require(ForecastEngine.forecast(Self.tiny(), area: "101", settings: Forecast.Settings(horizon: 1, paths: 0)))
        #expect(abs(f.probabilities[1][0] - 23.0 / 66) < 1e-12 && abs(f.probabilities[1][2] - 20.0 / 66) < 1e-12)
        #expect(abs(f.countryShare[1] - 20.0 / 22) < 1e-12 && abs(f.countryShare[0] - 20.0 / 21) < 1e-12 && f.countryShare[3] == 1)
        #expect(f.probabilities[3] == [0, 0, 0, 0, 1, 0] && f.probabilities[4] == [0, 0, 0, 0, 0, 1])
        #expect(abs(f.projected[0][0] - (4 + 46.0 / 66)) < 1e-12 && abs(f.projected[0][1] - (40.0 / 66 + 1.5)) < 1e-12 && f.projected[0][2] == 0.5)
        // The country itself is never shrunk.
        let country = try #require(ForecastEngine.forecast(Self.tiny(), area: nationalArea, settings: Forecast.Settings(horizon: 1, paths: 0)))
        #expect(country.countryShare == [0, 0, 0, 0, 0] && abs(country.probabilities[1][2] - 1.0 / 3) < 1e-12)
    }

    /// Flows set by hand: 2021–2024 in 101 (and the country the same), 10 persons on step 2 at every
    /// year end; transitions from step 2 all stay, except in 2024 when all 10 end.
    static func flows(lastYearEnds: Bool) -> StaircaseFlows {
        func year(_ y: Int) -> StaircaseFlows.Year {
            var year = StaircaseFlows.Year.empty
            year.stock = [0, 10, 0, 0, 0]
            guard y > 2021 else { return year }
            year.transitions[1] = y == 2024 && lastYearEnds ? [10, 0, 0, 0, 0, 0] : [0, 0, 10, 0, 0, 0]
            return year
        }
        let years = (2021...2024).map(year)
        return StaircaseFlows(years: 2021...2024, areas: ["101": years, nationalArea: years])
    }

    @Test func theBacktestUsesOnlyDataUpToItsBaseYear() throws {
        // From 2023 (window 2022–2023: everyone stays) the forecast of 2024 is 10 on step 2, whatever 2024 holds.
        let settings = Forecast.Settings(window: 3, horizon: 2, paths: 0)
        let a = try #require(ForecastEngine.forecast(Self.flows(lastYearEnds: true), area: "101", settings: settings))
        let b = try #require(ForecastEngine.forecast(Self.flows(lastYearEnds: false), area: "101", settings: settings))
        #expect(a.backtests.map(\.lead) == [1, 2] && a.backtests.map(\.from) == [2023, 2022])
        #expect(a.backtests[0].predicted == b.backtests[0].predicted && a.backtests[0].predicted[1] == 10)
        // Observed 2024: 10 on step 2 either way (the stock is set so); error 0 %.
        #expect(a.backtests[0].errors[1] == 0 && a.backtests[0].mape == 0 && a.backtests[0].errors[0] == nil)
        // But the forecast from 2024 itself sees 2024's endings: a third of the pooled row 2 ends.
        #expect(abs(a.probabilities[1][0] - 1.0 / 3) < 1e-12 && b.probabilities[1][0] == 0)
    }

    @Test func simulatedRangesAreReproducibleAndHoldThePointForecast() throws {
        var settings = Forecast.Settings(window: 3, horizon: 3, paths: 1000, seed: 7)
        let flows = Self.flows(lastYearEnds: true)
        let a = try #require(ForecastEngine.forecast(flows, area: "101", settings: settings))
        let b = try #require(ForecastEngine.forecast(flows, area: "101", settings: settings))
        #expect(a.range80 == b.range80 && a.range95 == b.range95, "the same seed, the same paths")
        for h in 0..<3 {
            for t in 0..<5 {
                #expect(a.range95[h].low[t] <= a.range80[h].low[t] && a.range80[h].high[t] <= a.range95[h].high[t])
                #expect(a.range95[h].low[t] <= a.projected[h][t] + 1e-9 && a.projected[h][t] <= a.range95[h].high[t] + 1e-9, "year \(h + 1) step \(t + 1)")
            }
        }
        settings.seed = 8
        let c = try #require(ForecastEngine.forecast(flows, area: "101", settings: settings))
        #expect(c.range80 != a.range80 || c.range95 != a.range95, "another seed, other paths")
        #expect(ForecastEngine.quantile([1, 2, 3, 4, 5], 0.1) == 1.4 && ForecastEngine.quantile([1, 2, 3, 4, 5], 0.975) == 4.9)
    }

    @Test func theSamplersMatchTheirMeans() {
        var s = Sampler(seed: 1)
        let n = 20_000
        var binomialSmall = 0, binomialLarge = 0, poissonSmall = 0, poissonLarge = 0, gamma = 0.0
        for _ in 0..<n {
            binomialSmall += s.binomial(10, 0.3)
            binomialLarge += s.binomial(1_000, 0.4)
            poissonSmall += s.poisson(2.5)
            poissonLarge += s.poisson(80)
            gamma += s.gamma(0.5)
        }
        #expect(abs(Double(binomialSmall) / Double(n) - 3) < 0.05)
        #expect(abs(Double(binomialLarge) / Double(n) - 400) < 0.5)
        #expect(abs(Double(poissonSmall) / Double(n) - 2.5) < 0.05)
        #expect(abs(Double(poissonLarge) / Double(n) - 80) < 0.3)
        #expect(abs(gamma / Double(n) - 0.5) < 0.02)
        let counts = s.multinomial(1_000, [0.2, 0.3, 0.5])
        #expect(counts.reduce(0, +) == 1_000)
        #expect(s.dirichlet([0, 3, 0]) == [0, 1, 0])
    }
}

@Suite struct BudgetPotentialTests {
    @Test func intoWorkAndLeavingAResidentialOfferAreSpreadEvenly() {
        // 10 citizens × 250,000 over 4 years = 62,500 per citizen a year, 625,000 a year, 2,500,000 in all.
        var s = BudgetScenario(name: "Job", kind: .employment, area: "101", baseYear: 2024, citizens: 10, potentialPerCitizen: BudgetScenario.employmentDefault)
        let r = BudgetPotential.result(s)
        #expect(r.years.map(\.year) == [2025, 2026, 2027, 2028] && r.years.map(\.total) == [625_000, 625_000, 625_000, 625_000])
        #expect(r.years[0].perCitizen == 62_500 && r.total == 2_500_000 && r.years.map(\.cumulative) == [625_000, 1_250_000, 1_875_000, 2_500_000])
        // 10 % discount: year 2 is ÷ 1,1, year 3 ÷ 1,21.
        s.discountRate.value = 0.1
        let d = BudgetPotential.result(s)
        #expect(d.years[0].total == 625_000 && abs(d.years[1].total - 625_000 / 1.1) < 1e-6 && abs(d.years[2].total - 625_000 / 1.21) < 1e-6)
        let home = BudgetScenario(name: "Bolig", kind: .leavingResidential, area: "101", baseYear: 2024, citizens: 2, potentialPerCitizen: BudgetScenario.residentialDefault)
        #expect(BudgetPotential.result(home).total == 1_860_000 && BudgetPotential.result(home).years[0].perCitizen == 232_500)
        #expect(BudgetPotential.sensitivity(home).map(\.total) == [1_395_000, 1_860_000, 2_325_000])
    }

    @Test func downTheStaircaseDecaysWithPersistenceAndSubtractsAddedCosts() {
        // 10 from step 5 (600,000 a year) to step 4 (400,000), persistence 0.9, 100,000 added in year 1:
        // year 1 = 10 × 0.9 × 200,000 − 100,000 = 1,700,000; year 2 = 10 × 0.81 × 200,000 = 1,620,000;
        // year 3 = 1,458,000; year 4 = 1,312,200.
        let s = BudgetScenario(name: "10 borgere fra trin 5 til trin 4", kind: .downTheStaircase, area: "101", baseYear: 2024, citizens: 10, fromStep: 5, toStep: 4,
                               unitCostFrom: .init(600_000, .register("NT14 2024")), unitCostTo: .init(400_000, .register("NT14 2024")), persistence: .init(0.9, .register("NT07")),
                               addedCosts: [100_000])
        let r = BudgetPotential.result(s)
        let expected: [Double] = [1_700_000, 1_620_000, 1_458_000, 1_312_200]
        for (a, b) in zip(r.years.map(\.total), expected) { #expect(abs(a - b) < 1e-6) }
        #expect(abs(r.years[0].perCitizen! - 170_000) < 1e-9)
        let sensitivity = BudgetPotential.sensitivity(s)
        #expect(sensitivity.map(\.label) == ["Enhedspriser −25 %", "Som beregnet", "Enhedspriser +25 %", "Fastholdelse 0,8", "Fastholdelse 0,85", "Fastholdelse 0,9", "Fastholdelse 0,95", "Fastholdelse 1,0"])
        // Persistence 1: 4 × 2,000,000 − 100,000.
        #expect(abs(sensitivity[7].total - 7_900_000) < 1e-6)
        #expect(s.problems.isEmpty)
        var up = s
        up.toStep = 5
        #expect(up.problems == ["Trin: borgerne flytter fra et trin til et lavere trin."])
    }

    @Test func persistenceComesFromTheMunicipalitysOwnTransitions() {
        // Step 4 at year end y−1: 30 persons; 24 still on 4, 3 down on 2, 1 ended, 2 up on 5 → (24 + 3 + 1) / 30.
        var year = StaircaseFlows.Year.empty
        year.transitions[3] = [1, 0, 3, 0, 24, 2]
        let flows = StaircaseFlows(years: 2023...2024, areas: ["101": [.empty, year]])
        let p = BudgetPotential.persistence(flows, area: "101", step: 4, years: [2024])
        #expect(abs(p.value - 28.0 / 30) < 1e-12 && p.persons == 30 && p.estimated)
        let few = BudgetPotential.persistence(flows, area: "101", step: 3, years: [2024])
        #expect(few.value == 0.95 && !few.estimated, "too few persons: 0.95")
    }

    @Test func changedMovementIsTheDifferenceOfTwoForecasts() throws {
        // The tiny extract without shrinkage: +10 points from step 3 to step 2 (taken from "same").
        // Step 3's row becomes ⅗ to 2, ⅖ to 3. 2025 baseline: step 2 = 1,5, step 3 = 0,5; changed: step 2 = 1·0,6 + 1 = 1,6, step 3 = 0,4.
        // Unit costs: step 2 = 150,000, step 3 = 0 (no expenditure): potential 2025 = (1,5 − 1,6) × 150,000 = −15,000.
        let s = BudgetScenario(name: "Flere fra 3 til 2", kind: .changedMovement, area: "101", baseYear: 2024, fromStep: 3, toStep: 2, horizon: .init(1, .entered("leder")),
                               changePoints: .init(10, .entered("leder")))
        let (result, baseline, changed) = try #require(BudgetPotential.changedMovement(s, flows: ForecastTests.tiny(), settings: Forecast.Settings(shrinkage: 0, paths: 100)))
        #expect(baseline.projected[0][1] == 1.5 && abs(changed.projected[0][1] - 1.6) < 1e-12 && abs(changed.projected[0][2] - 0.4) < 1e-12)
        #expect(abs(result.years[0].total - -15_000) < 1e-6)
        #expect(BudgetPotential.shift([[0, 0.2, 0.8, 0, 0, 0]] + Array(repeating: Array(repeating: 0, count: 6), count: 4), from: 1, to: 2, by: 0.5)[0] == [0, 0, 1, 0, 0, 0],
                "no more is moved than the row has on 'same'")
    }
}

@Suite struct ForecastVisibilityTests {
    /// 2023–2024, one municipality (the country holds the same counts). At year end 2024: 10, 20, 2, 0, 8
    /// on steps 1–5; step 1's transitions hold a 1; inflow 5, 0, 3, 0, 0; step 2 cost 3.000.000 kr., step 3 400.000 kr.
    static func flows() -> StaircaseFlows {
        var year = StaircaseFlows.Year.empty
        year.stock = [10, 20, 2, 0, 8]
        year.transitions[0] = [1, 9, 0, 0, 0, 0]
        year.transitions[1] = [0, 0, 20, 0, 0, 0]
        year.inflow = [5, 0, 3, 0, 0]
        year.expenditure[1] = Amount(ore: 300_000_000)
        year.expenditure[2] = Amount(ore: 40_000_000)
        return StaircaseFlows(years: 2023...2024, areas: ["101": [.empty, year], nationalArea: [.empty, year]])
    }

    @Test func aReaderNeverGetsBackAWithheldCountFromTheModelsNumbers() throws {
        let flows = Self.flows()
        let f = try #require(ForecastEngine.forecast(flows, area: "101", settings: Forecast.Settings(horizon: 1, paths: 0)))
        #expect(f.unitCosts[2] == 200_000, "400.000 kr. ÷ 2 persons: the unit cost gives the stock back")
        let v = ForecastVisibility(f, shown: ShownFlows(suppressing: flows), years: flows.years)
        // Stocks: 2 is withheld, and with it the smallest other count in the step vector (8, step 5).
        #expect(v.unitCost == [true, true, false, true, false] && !v.costTotal)
        // Row 1 holds a withheld 1: its probabilities and the country's share (α / (n + α) gives n) are withheld.
        #expect(v.matrixRow == [false, true, true, true, true] && v.windowCount == [nil, 20, 0, 0, 0])
        // Inflow 3 is withheld, and with it 5.
        #expect(v.meanInflow == [false, true, false, true, true])
        // An entered unit cost is the user's own: shown.
        var entered = Forecast.Settings(horizon: 1, paths: 0)
        entered.unitCosts[2] = 150_000
        let g = try #require(ForecastEngine.forecast(flows, area: "101", settings: entered))
        #expect(ForecastVisibility(g, shown: ShownFlows(suppressing: flows), years: flows.years).unitCost[2])
        // A reader who sees the persons sees everything.
        #expect(ForecastVisibility.all(f).costTotal && ForecastVisibility.all(f).matrixRow.allSatisfy { $0 })
    }

    @Test func aBacktestErrorAgainstAWithheldStockIsWithheldAndSoIsTheMean() throws {
        var year = StaircaseFlows.Year.empty
        year.stock = [10, 20, 3, 0, 9]
        year.transitions[1] = [0, 0, 20, 0, 0, 0]
        let flows = StaircaseFlows(years: 2022...2024, areas: ["101": [year, year, year], nationalArea: [year, year, year]])
        let f = try #require(ForecastEngine.forecast(flows, area: "101", settings: Forecast.Settings(horizon: 1, paths: 0)))
        #expect(f.backtests.count == 1)
        let v = ForecastVisibility(f, shown: ShownFlows(suppressing: flows), years: flows.years)
        #expect(v.backtestError == [[true, true, false, true, false]] && v.backtestMean == [false])
    }
}
