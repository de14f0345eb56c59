/// The forecast of the staircase (*fremskrivning*, economics.md §1): the
/// area's pooled one-year transitions shrunk towards the country, projected
/// from the base year's stock with the mean inflow; ranges from simulated
/// paths; a backtest that says how far to trust it; capacity and cost.
public struct Forecast: Sendable, Hashable {
    public struct Settings: Sendable, Hashable {
        /// k: years of transitions pooled (1–5).
        public var window: Int
        /// H: years projected (1–5).
        public var horizon: Int
        /// α: weight of the country's matrix (0 for `national` itself).
        public var shrinkage: Double
        public var paths: Int
        public var seed: UInt64
        /// Unit cost per step (DKK per year-end recipient) entered by the user; nil steps use the register's.
        public var unitCosts: [Double?]

        public init(window: Int = 3, horizon: Int = 3, shrinkage: Double = 20, paths: Int = 1000, seed: UInt64 = 2024, unitCosts: [Double?] = Array(repeating: nil, count: 5)) {
            self.window = window
            self.horizon = horizon
            self.shrinkage = shrinkage
            self.paths = paths
            self.seed = seed
            self.unitCosts = unitCosts
        }
    }

    /// A range per step (index t − 1).
    public struct Range: Sendable, Hashable {
        public var low: [Double]
        public var high: [Double]
    }

    /// The backtest for one lead h: forecast from Y − h with data up to Y − h only, compared with Y.
    public struct Backtest: Sendable, Hashable {
        public var lead: Int
        public var from: Int
        /// Absolute percentage error per step (nil where the observed stock is 0).
        public var errors: [Double?]
        /// Mean absolute percentage error over the steps with an observed stock.
        public var mape: Double?
        public var predicted: [Double]
        public var observed: [Int]
    }

    public var area: String
    public var baseYear: Int
    /// The years pooled (each with its transitions from the year before).
    public var windowYears: [Int]
    public var settings: Settings
    /// P[s][t], s = 1..5 (index s − 1), t = 0..5.
    public var probabilities: [[Double]]
    /// Per step s: the share of the row that comes from the country, α / (row count + α).
    public var countryShare: [Double]
    /// Persons counted per row over the window.
    public var rowCounts: [Int]
    /// Ī[t].
    public var meanInflow: [Double]
    /// One observed year-end stock per step.
    public struct Observed: Sendable, Hashable {
        public var year: Int
        public var stock: [Int]
    }

    /// The observed year-end stocks of the period, oldest first.
    public var observed: [Observed]
    /// Projected stock per year Y + 1 … Y + H (index h − 1), per step.
    public var projected: [[Double]]
    /// 10–90 % and 2.5–97.5 % of the simulated paths, per year.
    public var range80: [Range]
    public var range95: [Range]
    public var backtests: [Backtest]
    /// DKK per year-end recipient per step in the base year, and whether the user entered it.
    public var unitCosts: [Double?]
    public var unitCostEntered: [Bool]
    /// Projected cost per year and step (base-year prices); nil where the step has no unit cost.
    public var costs: [[Double?]]

    /// Projected total cost per year (nil when no step has a unit cost).
    public var totalCosts: [Double?] {
        costs.map { year in year.contains { $0 != nil } ? year.compactMap { $0 }.reduce(0, +) : nil }
    }
}

/// Computes forecasts from the staircase's flows.
public enum ForecastEngine {
    /// The pooled, unshrunk matrix over `years` for `area`: a row with no
    /// persons stays where it is (P[s][s] = 1).
    static func pooled(_ flows: StaircaseFlows, area: String, years: [Int]) -> (counts: [[Int]], matrix: [[Double]]) {
        var counts = Array(repeating: Array(repeating: 0, count: 6), count: 5)
        for y in years {
            guard let year = flows.year(area, y) else { continue }
            for s in 0..<5 { for t in 0..<6 { counts[s][t] += year.transitions[s][t] } }
        }
        let matrix = counts.enumerated().map { s, row -> [Double] in
            let n = row.reduce(0, +)
            return n == 0 ? (0..<6).map { $0 == s + 1 ? 1 : 0 } : row.map { Double($0) / Double(n) }
        }
        return (counts, matrix)
    }

    /// The window: the last `k` years up to `base` that have transitions (their year before is in the period).
    static func window(_ flows: StaircaseFlows, base: Int, k: Int) -> [Int] {
        Array(flows.transitionYears.filter { $0 <= base }.suffix(k))
    }

    /// The forecast for `area` from base year `base` (default: the latest year with NT07), using data up to `base` only.
    public static func forecast(_ flows: StaircaseFlows, area: String, base: Int? = nil, settings: Forecast.Settings = Forecast.Settings(), backtest: Bool = true,
                                change: (@Sendable ([[Double]]) -> [[Double]])? = nil) -> Forecast? {
        let base = base ?? flows.transitionYears.last ?? flows.years.upperBound
        let years = window(flows, base: base, k: settings.window)
        guard !years.isEmpty, let baseYear = flows.year(area, base) else { return nil }
        let alpha = area == nationalArea ? 0 : settings.shrinkage
        let national = pooled(flows, area: nationalArea, years: years).matrix
        let (counts, _) = pooled(flows, area: area, years: years)
        let rowCounts = counts.map { $0.reduce(0, +) }
        let unchanged: [[Double]] = (0..<5).map { s in
            let n = Double(rowCounts[s])
            if n + alpha == 0 { return national[s] }
            return (0..<6).map { t in (Double(counts[s][t]) + alpha * national[s][t]) / (n + alpha) }
        }
        let probabilities = change?(unchanged) ?? unchanged
        let countryShare = (0..<5).map { s in alpha == 0 ? 0 : alpha / (Double(rowCounts[s]) + alpha) }
        let meanInflow = (0..<5).map { t in Double(years.compactMap { flows.year(area, $0)?.inflow[t] }.reduce(0, +)) / Double(years.count) }
        let projected = project(from: baseYear.stock.map(Double.init), probabilities, inflow: meanInflow, horizon: settings.horizon)
        let dirichlet = (0..<5).map { s in (0..<6).map { t in Double(counts[s][t]) + alpha * national[s][t] } }
        let (r80, r95) = simulate(stock: baseYear.stock, dirichlet: dirichlet, fallback: unchanged, inflow: meanInflow, horizon: settings.horizon, paths: settings.paths, seed: settings.seed,
                                  adjust: change)
        var backtests: [Forecast.Backtest] = []
        if backtest && change == nil {
            for h in 1...settings.horizon {
                let from = base - h
                guard flows.years.contains(from), !window(flows, base: from, k: settings.window).isEmpty,
                      let earlier = forecast(flows.upTo(from), area: area, base: from, settings: Forecast.Settings(window: settings.window, horizon: h, shrinkage: settings.shrinkage, paths: 0, seed: settings.seed), backtest: false)
                else { continue }
                let predicted = earlier.projected[h - 1]
                let errors: [Double?] = (0..<5).map { t in baseYear.stock[t] == 0 ? nil : abs(predicted[t] - Double(baseYear.stock[t])) / Double(baseYear.stock[t]) }
                let known = errors.compactMap { $0 }
                backtests.append(Forecast.Backtest(lead: h, from: from, errors: errors, mape: known.isEmpty ? nil : known.reduce(0, +) / Double(known.count), predicted: predicted, observed: baseYear.stock))
            }
        }
        let registerUnitCosts: [Double?] = (0..<5).map { t in baseYear.stock[t] == 0 ? nil : baseYear.expenditure[t].kroner / Double(baseYear.stock[t]) }
        let unitCosts = (0..<5).map { settings.unitCosts.indices.contains($0) ? settings.unitCosts[$0] ?? registerUnitCosts[$0] : registerUnitCosts[$0] }
        let costs = projected.map { year in (0..<5).map { t in unitCosts[t].map { $0 * year[t] } } }
        return Forecast(area: area, baseYear: base, windowYears: years, settings: settings, probabilities: probabilities, countryShare: countryShare, rowCounts: rowCounts,
                        meanInflow: meanInflow, observed: flows.years.filter { $0 <= base }.compactMap { y in flows.year(area, y).map { Forecast.Observed(year: y, stock: $0.stock) } },
                        projected: projected, range80: r80, range95: r95, backtests: backtests, unitCosts: unitCosts,
                        unitCostEntered: (0..<5).map { settings.unitCosts.indices.contains($0) && settings.unitCosts[$0] != nil }, costs: costs)
    }

    /// S_{Y+h}[t] = Σ_s S_{Y+h−1}[s]·P[s][t] + Ī[t], h = 1..H.
    public static func project(from stock: [Double], _ p: [[Double]], inflow: [Double], horizon: Int) -> [[Double]] {
        var s = stock, out: [[Double]] = []
        for _ in 0..<horizon {
            var next = inflow
            for from in 0..<5 {
                for t in 1...5 { next[t - 1] += s[from] * p[from][t] }
            }
            s = next
            out.append(s)
        }
        return out
    }

    /// The 10–90 % and 2.5–97.5 % ranges of `paths` simulated paths.
    static func simulate(stock: [Int], dirichlet: [[Double]], fallback: [[Double]], inflow: [Double], horizon: Int, paths: Int, seed: UInt64,
                         adjust: (([[Double]]) -> [[Double]])? = nil) -> (r80: [Forecast.Range], r95: [Forecast.Range]) {
        guard paths > 0 else { return ([], []) }
        var sampler = Sampler(seed: seed)
        // values[h][t][path]
        var values = Array(repeating: Array(repeating: [Double](repeating: 0, count: paths), count: 5), count: horizon)
        for path in 0..<paths {
            var p = dirichlet.enumerated().map { s, alphas in alphas.reduce(0, +) > 0 ? sampler.dirichlet(alphas) : fallback[s] }
            if let adjust { p = adjust(p) }
            var s = stock
            for h in 0..<horizon {
                var next = [0, 0, 0, 0, 0]
                for from in 0..<5 where s[from] > 0 {
                    let moved = sampler.multinomial(s[from], p[from])
                    for t in 1...5 { next[t - 1] += moved[t] }
                }
                for t in 0..<5 { next[t] += sampler.poisson(inflow[t]) }
                s = next
                for t in 0..<5 { values[h][t][path] = Double(s[t]) }
            }
        }
        var r80: [Forecast.Range] = [], r95: [Forecast.Range] = []
        for h in 0..<horizon {
            var sorted = values[h]
            for t in 0..<5 { sorted[t].sort() }
            r80.append(.init(low: sorted.map { quantile($0, 0.10) }, high: sorted.map { quantile($0, 0.90) }))
            r95.append(.init(low: sorted.map { quantile($0, 0.025) }, high: sorted.map { quantile($0, 0.975) }))
        }
        return (r80, r95)
    }

    /// The q-quantile of sorted values, linearly interpolated between order statistics (R's type 7).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let i = Int(position), f = position - Double(i)
        return i + 1 < sorted.count ? sorted[i] + f * (sorted[i + 1] - sorted[i]) : sorted[i]
    }
}

extension StaircaseFlows {
    /// The flows with the years after `year` left out (a backtest sees nothing later).
    public func upTo(_ year: Int) -> StaircaseFlows {
        guard year < years.upperBound, year >= years.lowerBound else { return self }
        return StaircaseFlows(years: years.lowerBound...year, areas: areas.mapValues { Array($0.prefix(year - years.lowerBound + 1)) })
    }
}
