/// Where a number on the budget page comes from (*kilde*): a line of the
/// seed, the municipality's own figure and year, or typed by a named user.
public enum BudgetSource: Sendable, Hashable, Codable {
    case seed(String)
    case register(String)
    case entered(String)
    case assumption(String)

    public var danish: String {
        switch self {
        case .seed(let lines): "Seed 004, \(lines)"
        case .register(let what): "Kommunens egne tal: \(what)"
        case .entered(let user): "Indtastet af \(user)"
        case .assumption(let text): text
        }
    }
}

/// A budget-potential scenario (*budgetpotentiale*, economics.md §2): its
/// kind, the number of citizens, and every input with its source.
public struct BudgetScenario: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case employment, leavingResidential, downTheStaircase, changedMovement

        public var danishName: String {
            switch self {
            case .employment: "Borgere i beskæftigelse eller uddannelse"
            case .leavingResidential: "Borgere, der forlader et botilbud"
            case .downTheStaircase: "Borgere ned ad trappen"
            case .changedMovement: "Ændret bevægelse på trappen"
            }
        }
    }

    /// One input: the value and where it comes from.
    public struct Input: Sendable, Hashable, Codable {
        public var value: Double
        public var source: BudgetSource
        public init(_ value: Double, _ source: BudgetSource) {
            self.value = value
            self.source = source
        }
    }

    public var name: String
    public var kind: Kind
    public var area: String
    public var baseYear: Int
    /// N citizens (kinds 1–3).
    public var citizens: Int
    /// Kind 3: from step a down to step b; kind 4: the changed probability from step a to step b (taken from "same").
    public var fromStep: Int
    public var toStep: Int
    /// Kinds 1 and 2: the potential per citizen over the horizon.
    public var potentialPerCitizen: Input
    public var horizon: Input
    /// Discount rate per year (0.03 = 3 %).
    public var discountRate: Input
    /// Kind 3: unit cost per year on the two steps, and the persistence.
    public var unitCostFrom: Input
    public var unitCostTo: Input
    public var persistence: Input
    /// Kind 3: added costs per year (DKK, entered), index j − 1.
    public var addedCosts: [Double]
    /// Kind 4: the change in percentage points.
    public var changePoints: Input

    public init(name: String, kind: Kind, area: String, baseYear: Int, citizens: Int = 0, fromStep: Int = 5, toStep: Int = 4,
                potentialPerCitizen: Input = Input(0, .assumption("")), horizon: Input = Input(4, .seed("linje 1243, 1265")),
                discountRate: Input = Input(0, .assumption("Ikke angivet i seed; 0 %")), unitCostFrom: Input = Input(0, .assumption("")),
                unitCostTo: Input = Input(0, .assumption("")), persistence: Input = Input(0.95, .assumption("For få borgere; 0,95")),
                addedCosts: [Double] = [], changePoints: Input = Input(5, .assumption("Eksempel: +5 procentpoint"))) {
        self.name = name
        self.kind = kind
        self.area = area
        self.baseYear = baseYear
        self.citizens = citizens
        self.fromStep = fromStep
        self.toStep = toStep
        self.potentialPerCitizen = potentialPerCitizen
        self.horizon = horizon
        self.discountRate = discountRate
        self.unitCostFrom = unitCostFrom
        self.unitCostTo = unitCostTo
        self.persistence = persistence
        self.addedCosts = addedCosts
        self.changePoints = changePoints
    }

    /// The seed's defaults for kinds 1 and 2.
    public static let employmentDefault = Input(250_000, .seed("linje 1233–1235, 1248–1255, 1276–1281: 250.000 kr. over 4 år, i hele den offentlige sektor"))
    public static let residentialDefault = Input(930_000, .seed("linje 1257–1258, 1284–1295: 930.000 kr. over 4 år, næsten kun på det sociale område"))

    /// Every problem, in Danish.
    public var problems: [String] {
        var p: [String] = []
        if name.allSatisfy(\.isWhitespace) { p.append("Navn: giv scenariet et navn.") }
        if kind != .changedMovement && citizens < 1 { p.append("Antal borgere: skriv et helt tal over 0.") }
        if !(1...10).contains(Int(horizon.value)) || horizon.value != horizon.value.rounded() { p.append("Horisont: 1 til 10 hele år.") }
        if discountRate.value < 0 || discountRate.value > 0.2 { p.append("Diskonteringsrente: 0 til 20 %.") }
        switch kind {
        case .employment, .leavingResidential:
            if potentialPerCitizen.value < 0 { p.append("Potentiale pr. borger: kan ikke være negativt.") }
        case .downTheStaircase:
            if !(1...5).contains(fromStep) || !(0...5).contains(toStep) || toStep >= fromStep { p.append("Trin: borgerne flytter fra et trin til et lavere trin.") }
            if !(0...1).contains(persistence.value) { p.append("Fastholdelse: en andel fra 0 til 1.") }
            if unitCostFrom.value < 0 || unitCostTo.value < 0 { p.append("Enhedspris: kan ikke være negativ.") }
        case .changedMovement:
            if !(1...5).contains(fromStep) || !(0...5).contains(toStep) || toStep == fromStep { p.append("Trin: vælg en bevægelse fra et trin til et andet.") }
            if abs(changePoints.value) > 50 { p.append("Ændring: højst 50 procentpoint.") }
        }
        return p
    }
}

/// A scenario's result: per year and cumulative, per citizen and in total.
public struct BudgetResult: Sendable, Hashable {
    public struct Year: Sendable, Hashable {
        public var year: Int
        public var total: Double
        public var perCitizen: Double?
        public var cumulative: Double
    }

    public var years: [Year]
    public var total: Double { years.last?.cumulative ?? 0 }
    /// The formula in words, for the derivation panel.
    public var formula: String
}

/// The budget potential's arithmetic (economics.md §2).
public enum BudgetPotential {
    /// The discount factor of year j (1-based): 1 / (1 + r)^(j − 1) — the first year is not discounted.
    static func discount(_ r: Double, _ j: Int) -> Double {
        var f = 1.0
        for _ in 1..<max(1, j) { f /= (1 + r) }
        return f
    }

    /// Kinds 1–3 (kind 4 needs the forecast: `changedMovement`).
    public static func result(_ s: BudgetScenario) -> BudgetResult {
        let years = Int(s.horizon.value), n = Double(s.citizens)
        var rows: [BudgetResult.Year] = [], cumulative = 0.0
        let formula: String
        for j in 1...max(1, years) {
            let perCitizen: Double
            switch s.kind {
            case .employment, .leavingResidential:
                perCitizen = s.potentialPerCitizen.value / Double(years) * discount(s.discountRate.value, j)
            case .downTheStaircase:
                var persistence = 1.0
                for _ in 0..<j { persistence *= s.persistence.value }
                let added = s.addedCosts.indices.contains(j - 1) ? s.addedCosts[j - 1] : 0
                perCitizen = (persistence * (s.unitCostFrom.value - s.unitCostTo.value) - added / max(n, 1)) * discount(s.discountRate.value, j)
            case .changedMovement:
                perCitizen = 0
            }
            let total = perCitizen * n
            cumulative += total
            rows.append(.init(year: s.baseYear + j, total: total, perCitizen: perCitizen, cumulative: cumulative))
        }
        switch s.kind {
        case .employment, .leavingResidential:
            formula = "Potentiale i år j = N × (potentiale pr. borger ÷ horisont) ÷ (1 + rente)^(j − 1)"
        case .downTheStaircase:
            formula = "Potentiale i år j = (N × fastholdelse^j × (enhedspris trin \(s.fromStep) − enhedspris trin \(s.toStep)) − merudgifter i år j) ÷ (1 + rente)^(j − 1)"
        case .changedMovement:
            formula = "Potentiale i år j = fremskrevet udgift uden ændring − fremskrevet udgift med ændring"
        }
        return BudgetResult(years: rows, formula: formula)
    }

    /// Kind 4: the baseline and the changed forecast's costs, year by year.
    public static func changedMovement(_ s: BudgetScenario, flows: StaircaseFlows, settings: Forecast.Settings) -> (result: BudgetResult, baseline: Forecast, changed: Forecast)? {
        var settings = settings
        settings.horizon = min(5, max(1, Int(s.horizon.value)))
        guard let baseline = ForecastEngine.forecast(flows, area: s.area, base: s.baseYear, settings: settings) else { return nil }
        let delta = s.changePoints.value / 100
        let (from, to) = (s.fromStep, s.toStep)
        let changed = ForecastEngine.forecast(flows, area: s.area, base: s.baseYear, settings: settings, change: { p in Self.shift(p, from: from, to: to, by: delta) })
        guard let changed else { return nil }
        var rows: [BudgetResult.Year] = [], cumulative = 0.0
        for (h, (b, c)) in zip(baseline.totalCosts, changed.totalCosts).enumerated() {
            let total = ((b ?? 0) - (c ?? 0)) * discount(s.discountRate.value, h + 1)
            cumulative += total
            rows.append(.init(year: s.baseYear + h + 1, total: total, perCitizen: nil, cumulative: cumulative))
        }
        return (BudgetResult(years: rows, formula: result(s).formula), baseline, changed)
    }

    /// The matrix with P[a][b] raised by `delta`, taken from "same" (P[a][a]), within 0…1.
    public static func shift(_ p: [[Double]], from a: Int, to b: Int, by delta: Double) -> [[Double]] {
        var p = p
        let row = a - 1
        let moved = max(-p[row][b], min(delta, p[row][a]))
        p[row][b] += moved
        p[row][a] -= moved
        return p
    }

    /// Persistence for a move to step b (economics.md §2): of the persons on
    /// step b at year end y−1, the share on step ≤ b (0 included) at year end
    /// y, pooled over the window; 0.95 with fewer than 20 persons.
    public static func persistence(_ flows: StaircaseFlows, area: String, step b: Int, years: [Int]) -> (value: Double, persons: Int, estimated: Bool) {
        var stayed = 0, all = 0
        for y in years {
            guard let row = flows.year(area, y)?.transitions[b - 1] else { continue }
            all += row.reduce(0, +)
            stayed += row[0...b].reduce(0, +)
        }
        return all < 20 ? (0.95, all, false) : (Double(stayed) / Double(all), all, true)
    }

    /// The eligible pools: kind 1, persons on step 2 at year end not on disability pension; kind 2, persons on steps 3–5.
    public static func pool(_ kind: BudgetScenario.Kind, flows: StaircaseFlows, area: String, year: Int) -> Int? {
        guard let y = flows.year(area, year) else { return nil }
        switch kind {
        case .employment: return y.stepTwoNotOnDisabilityPension
        case .leavingResidential: return y.stock[2...4].reduce(0, +)
        case .downTheStaircase, .changedMovement: return nil
        }
    }

    /// The sensitivity table: the result's total with each amount at −25 % and +25 %, and (kind 3) the persistence from 0.8 to 1.0.
    /// Kind 4's total is linear in the unit costs, so it is scaled: give it as `changedTotal`.
    public static func sensitivity(_ s: BudgetScenario, changedTotal: Double = 0) -> [(label: String, total: Double)] {
        func total(_ change: (inout BudgetScenario) -> Void) -> Double {
            var copy = s
            change(&copy)
            return result(copy).total
        }
        switch s.kind {
        case .employment, .leavingResidential:
            return [("Potentiale pr. borger −25 %", total { $0.potentialPerCitizen.value *= 0.75 }), ("Som beregnet", result(s).total),
                    ("Potentiale pr. borger +25 %", total { $0.potentialPerCitizen.value *= 1.25 })]
        case .downTheStaircase:
            return [("Enhedspriser −25 %", total { $0.unitCostFrom.value *= 0.75; $0.unitCostTo.value *= 0.75 }), ("Som beregnet", result(s).total),
                    ("Enhedspriser +25 %", total { $0.unitCostFrom.value *= 1.25; $0.unitCostTo.value *= 1.25 })]
                + [0.8, 0.85, 0.9, 0.95, 1.0].map { p in ("Fastholdelse \(String(p).withDecimalComma)", total { $0.persistence.value = p }) }
        case .changedMovement:
            return [("Enhedspriser −25 %", changedTotal * 0.75), ("Som beregnet", changedTotal), ("Enhedspriser +25 %", changedTotal * 1.25)]
        }
    }
}

extension AccessPolicy {
    /// Whether the role uses economic steering (forecasts, budget potential): the steering group's leaders and analysts.
    public static func mayUseEconomics(_ role: Role) -> Bool { role == .leader || role == .analyst }

    /// Whether the user keeps (saves and reads) an area's budget scenarios: its own leaders and analysts, and national ones.
    public static func mayKeepScenarios(role: Role, userArea: String, area: String) -> Bool {
        mayUseEconomics(role) && (userArea == nationalArea || userArea == area)
    }
}
