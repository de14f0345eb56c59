import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Fremskrivning* in the browser and as CSV and Excel.
struct ForecastRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("oekonomi")
        r.get { req in req.redirect(to: "/oekonomi/fremskrivning") }
        r.get("fremskrivning", use: page)
        r.get("fremskrivning.csv", use: csv)
        r.get("fremskrivning.xlsx", use: xlsx)
    }

    static func view(_ req: Request) async throws -> ForecastView {
        guard let access = try await FigureAccess.load(req) else { throw Abort(.notFound, reason: "Der er ikke indlæst et registerudtræk endnu.") }
        let view = ForecastView(req, access: access) { req.pageQuery[$0] }
        try await access.auditIfUnsuppressed(req, page: "fremskrivning", areas: [access.area])
        return view
    }

    @Sendable func page(req: Request) async throws -> Response {
        let page = try ForecastPage(req, try await Self.view(req))
        return try await req.renderPage("forecast", page, chrome: page.chrome, status: page.hasProblems ? .badRequest : .ok)
    }

    /// The table behind the page: per step and year, observed or projected with the ranges, and the cost.
    static func sheet(_ view: ForecastView) -> Spreadsheet {
        let area = view.access.area
        var rows: [[Spreadsheet.Cell]] = []
        if let f = view.forecast {
            let years = view.access.figures.flows.years
            let stock = view.shown.stock[area] ?? []
            let v = view.visibility ?? .all(f)
            for year in f.observed.map(\.year) {
                for t in 0..<5 {
                    let n = stock.indices.contains(year - years.lowerBound) ? stock[year - years.lowerBound][t] : nil
                    rows.append([.text(area), .plain(year), .plain(t + 1), .text("observeret"), n.map { .integer($0) } ?? .text("..")] + Array(repeating: .empty, count: 5))
                }
            }
            for h in 0..<f.settings.horizon {
                for t in 0..<5 {
                    rows.append([.text(area), .plain(f.baseYear + h + 1), .plain(t + 1), .text("fremskrevet"), .decimal(f.projected[h][t], decimals: 1),
                                 .decimal(f.range80[h].low[t], decimals: 0), .decimal(f.range80[h].high[t], decimals: 0),
                                 .decimal(f.range95[h].low[t], decimals: 0), .decimal(f.range95[h].high[t], decimals: 0),
                                 v.unitCost[t] ? f.costs[h][t].map { .decimal($0, decimals: 0) } ?? .empty : .text("..")])
                }
            }
        }
        return Spreadsheet(sheetName: "Fremskrivning", header: ["omraade", "aar", "trin", "art", "antal", "p10", "p90", "p2_5", "p97_5", "udgift_kr"], rows: rows,
                           notes: ForecastView.assumptions + (view.personLevel ? [] : ["Observerede antal på 1–4 er skjult (..)."]))
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let view = try await Self.view(req)
        try await req.audit(.export, area: view.access.area, detail: "fremskrivning \(view.access.area) (CSV)")
        return .csv(Self.sheet(view).csv(), filename: "fremskrivning-\(view.access.area).csv")
    }

    @Sendable func xlsx(req: Request) async throws -> Response {
        let view = try await Self.view(req)
        try await req.audit(.export, area: view.access.area, detail: "fremskrivning \(view.access.area) (Excel)")
        return .spreadsheet(try Self.sheet(view).xlsx(), filename: "fremskrivning-\(view.access.area).xlsx")
    }
}
