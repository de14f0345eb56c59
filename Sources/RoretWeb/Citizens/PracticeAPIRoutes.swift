import RoretCore
import Vapor

/// `GET /api/v1/practice`: the practice indicators I1–I16 as rows, with
/// the disclosure control of the *Praksis* page (analysts may not read the
/// records, so every area is suppressed), on today and on the last eight
/// quarter ends. Documented in `docs/openapi.yaml`.
struct PracticeAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("practice", use: practice)
    }

    @Sendable func practice(req: Request) async throws -> Response {
        let area = req.pageQuery["area"]
        if let area, !(area == nationalArea || (area.count == 3 && area.allSatisfy(\.isASCII) && area.allSatisfy(\.isNumber))) {
            throw Abort(.badRequest, reason: "area must be a three-digit municipality code or national.")
        }
        if let format = req.pageQuery["format"], format != "json", format != "csv" { throw Abort(.badRequest, reason: "format must be json or csv.") }
        let table = try await PracticeIndicatorTable(req, area: area)
        if let area, !table.areas.contains(area) { throw Abort(.notFound, reason: "No indicators for area \(area) for this account.") }
        let rows = area.map { a in table.rows.filter { $0.area == a } } ?? table.rows
        try await req.audit(.apiRequest, area: area, detail: "\(req.url.path)?\(req.url.query ?? ""): \(rows.count) rows")
        if req.pageQuery["format"] == "csv" { return .csv(PracticeIndicatorTable.csv(rows)) }
        let response = Response(status: .ok)
        try response.content.encode(PracticeIndicatorTable.json(rows), as: .json)
        return response
    }
}
