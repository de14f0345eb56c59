import RoretCore
import Vapor

/// `GET /api/v1/forecast`: the staircase's forecast for one area as JSON or
/// CSV (docs/openapi.yaml), with the page's rules: observed counts under
/// disclosure control unless the account may see them in full.
struct ForecastAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("forecast", use: forecast)
    }

    struct Body: Content {
        struct Step: Content {
            struct Observed: Content {
                var year: Int
                var count: Int?
            }

            struct Projected: Content {
                var year: Int
                var value: Double
                var p10: Double
                var p90: Double
                var p2_5: Double
                var p97_5: Double
                var cost: Double?
            }

            var step: Int
            var observed: [Observed]
            var projected: [Projected]
            /// Null where they would give back withheld counts (`ForecastVisibility`).
            var transitionProbabilities: [Double]?
            var countryShare: Double?
            /// Ī; null when a year's inflow behind it is withheld.
            var meanInflow: Double?
            var unitCost: Double?
        }

        struct Backtest: Content {
            var lead: Int
            var from: Int
            var mape: Double?
            var errors: [Double?]
        }

        var area: String
        var baseYear: Int
        var windowYears: [Int]
        var paths: Int
        var seed: Int
        var suppressed: Bool
        var steps: [Step]
        var backtest: [Backtest]
    }

    static func int(_ req: Request, _ name: String) throws -> String? {
        guard let raw = req.pageQuery[name] else { return nil }
        guard let n = Int(raw), (1...5).contains(n) else { throw Abort(.badRequest, reason: "\(name) must be a whole number from 1 to 5.") }
        return String(n)
    }

    @Sendable func forecast(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        guard AccessPolicy.mayUseEconomics(account.role) else { throw Abort(.forbidden, reason: "This account may not see forecasts.") }
        let window = try Self.int(req, "window"), horizon = try Self.int(req, "horizon")
        let (access, _) = try await APIRoutes.loadAsked(req)
        let query = ["vindue": window, "horisont": horizon]
        let view = ForecastView(req, access: access) { query[$0] ?? nil }
        guard let f = view.forecast, let v = view.visibility else { throw Abort(.notFound, reason: "The extract has too few years to forecast from.") }
        try await req.audit(.apiRequest, area: access.area, detail: "\(req.url.path)?\(req.url.query ?? ""): v\(access.version.version)")
        try await access.auditIfUnsuppressed(req, page: "API \(req.url.path)", areas: [access.area])
        if req.pageQuery["format"] == "csv" { return .csv(ForecastRoutes.sheet(view).csv()) }
        let years = access.figures.flows.years
        let stock = view.shown.stock[access.area] ?? []
        var steps: [Body.Step] = []
        for t in 0..<5 {
            let observed = f.observed.map { o -> Body.Step.Observed in
                let yi = o.year - years.lowerBound
                return Body.Step.Observed(year: o.year, count: stock.indices.contains(yi) ? stock[yi][t] : nil)
            }
            var projected: [Body.Step.Projected] = []
            for h in 0..<f.settings.horizon {
                let range80 = f.range80[h], range95 = f.range95[h]
                projected.append(Body.Step.Projected(year: f.baseYear + h + 1, value: f.projected[h][t], p10: range80.low[t], p90: range80.high[t],
                                                     p2_5: range95.low[t], p97_5: range95.high[t], cost: v.unitCost[t] ? f.costs[h][t] : nil))
            }
            steps.append(Body.Step(step: t + 1, observed: observed, projected: projected, transitionProbabilities: v.matrixRow[t] ? f.probabilities[t] : nil,
                                   countryShare: v.matrixRow[t] ? f.countryShare[t] : nil, meanInflow: v.meanInflow[t] ? f.meanInflow[t] : nil,
                                   unitCost: v.unitCost[t] ? f.unitCosts[t] : nil))
        }
        let backtest = f.backtests.enumerated().map { i, b in
            Body.Backtest(lead: b.lead, from: b.from, mape: v.backtestMean[i] ? b.mape : nil, errors: b.errors.enumerated().map { v.backtestError[i][$0] ? $1 : nil })
        }
        let body = Body(area: access.area, baseYear: f.baseYear, windowYears: f.windowYears, paths: f.settings.paths, seed: Int(f.settings.seed),
                        suppressed: !view.personLevel, steps: steps, backtest: backtest)
        return try await body.encodeResponse(for: req)
    }
}
