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
            var transitionProbabilities: [Double]
            var countryShare: Double
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
        let area = req.pageQuery["area"]
        if let area, !(area == nationalArea || (area.count == 3 && area.allSatisfy(\.isASCII) && area.allSatisfy(\.isNumber))) {
            throw Abort(.badRequest, reason: "area must be a three-digit municipality code or national.")
        }
        if let format = req.pageQuery["format"], format != "json", format != "csv" { throw Abort(.badRequest, reason: "format must be json or csv.") }
        let window = try Self.int(req, "window"), horizon = try Self.int(req, "horizon")
        let wantsFull = try APIRoutes.flag(req, "unsuppressed")
        if wantsFull && !AccessPolicy.mayRequestUnsuppressed(account.role) { throw Abort(.forbidden, reason: "This account may not see unsuppressed figures.") }
        guard let access = try await FigureAccess.load(req, area: area, wantsFull: wantsFull) else { throw Abort(.notFound, reason: "No extract has been imported for this account's area.") }
        if let area, !access.figures.areas.contains(area) { throw Abort(.notFound, reason: "The extract has no figures for area \(area).") }
        let query = ["vindue": window, "horisont": horizon]
        let view = ForecastView(req, access: access) { query[$0] ?? nil }
        guard let f = view.forecast else { throw Abort(.notFound, reason: "The extract has too few years to forecast from.") }
        try await req.audit(.apiRequest, area: access.area, detail: "\(req.url.path)?\(req.url.query ?? ""): v\(access.version.version)")
        try await access.auditIfUnsuppressed(req, page: "API \(req.url.path)", areas: [access.area])
        if req.pageQuery["format"] == "csv" { return .csv(ForecastRoutes.sheet(view).csv()) }
        let years = access.figures.flows.years
        let stock = view.shown.stock[access.area] ?? [], inflow = view.shown.inflow[access.area] ?? []
        func meanInflow(_ t: Int) -> Double? {
            f.windowYears.allSatisfy { y in inflow.indices.contains(y - years.lowerBound) && inflow[y - years.lowerBound][t] != nil } ? f.meanInflow[t] : nil
        }
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
                                                     p2_5: range95.low[t], p97_5: range95.high[t], cost: f.costs[h][t]))
            }
            steps.append(Body.Step(step: t + 1, observed: observed, projected: projected, transitionProbabilities: f.probabilities[t],
                                   countryShare: f.countryShare[t], meanInflow: meanInflow(t), unitCost: f.unitCosts[t]))
        }
        let backtest = f.backtests.map { Body.Backtest(lead: $0.lead, from: $0.from, mape: $0.mape, errors: $0.errors) }
        let body = Body(area: access.area, baseYear: f.baseYear, windowYears: f.windowYears, paths: f.settings.paths, seed: Int(f.settings.seed),
                        suppressed: !view.personLevel, steps: steps, backtest: backtest)
        return try await body.encodeResponse(for: req)
    }
}
