import RoretCore
import Vapor

/// The JSON API under `/api/v1` (documented in `docs/openapi.yaml`): the
/// same figures as the dashboards, with the same suppression rules, for
/// analysts' scripts with a bearer token.
struct APIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("extract", use: extract)
        routes.get("areas", use: areas)
        routes.get("figures", use: figures)
        routes.get("keyfigures", use: keyFigures)
    }

    struct ExtractInfo: Content {
        var version: Int
        var importedAt: Date
        var municipalities: [String]
        var firstYear: Int
        var lastYear: Int
    }

    struct AreaInfo: Content {
        var code: String
        var name: String
    }

    struct FigureInfo: Content {
        var code: String
        var title: String
        var definition: String
        var breakdowns: [String]
        var years: [Int]
    }

    @Sendable func extract(req: Request) async throws -> ExtractInfo {
        let access = try await load(req, area: nil, unsuppressed: false)
        let v = access.version
        return ExtractInfo(version: v.version, importedAt: v.importedAt, municipalities: v.municipalities, firstYear: v.years.lowerBound, lastYear: v.years.upperBound)
    }

    @Sendable func areas(req: Request) async throws -> [AreaInfo] {
        let access = try await load(req, area: nil, unsuppressed: false)
        return access.figures.areas.map { AreaInfo(code: $0, name: access.figures.areaName($0)) }
    }

    @Sendable func figures(req: Request) async throws -> [FigureInfo] {
        let access = try await load(req, area: nil, unsuppressed: false)
        return KeyFigure.allCases.map {
            FigureInfo(code: $0.code, title: $0.danishTitle, definition: $0.danishDefinition,
                       breakdowns: $0.breakdowns.filter { !$0.isEmpty }, years: access.figures.computedYears(of: $0))
        }
    }

    /// Rows in the key-figure output format; `area`, `year`, `figure` filter,
    /// `unsuppressed=true` asks for unsuppressed rows where the account may have them.
    @Sendable func keyFigures(req: Request) async throws -> Response {
        let area = req.pageQuery["area"]
        let wantsFull = req.pageQuery["unsuppressed"] == "true"
        let account = try req.requireAccount()
        if wantsFull && !AccessPolicy.mayRequestUnsuppressed(account.role) {
            throw Abort(.forbidden, reason: "This account may not see unsuppressed figures.")
        }
        let access = try await load(req, area: area, unsuppressed: wantsFull)
        if let area, !access.figures.areas.contains(area) { throw Abort(.badRequest, reason: "Unknown area '\(area)'.") }
        var figures = KeyFigure.allCases
        if let code = req.pageQuery["figure"] {
            guard let figure = KeyFigure(code: code.uppercased()) else { throw Abort(.badRequest, reason: "Unknown figure '\(code)'.") }
            figures = [figure]
        }
        let year = req.pageQuery.int("year")
        if let year, !access.figures.years.contains(year) { throw Abort(.badRequest, reason: "Year \(year) is outside the extract's period.") }
        let rows = access.allRows(figures, areas: area.map { [$0] }, year: year)
        try await req.audit(.apiRequest, area: area, detail: "\(req.url.path)?\(req.url.query ?? ""): \(rows.count) rows, v\(access.version.version)")
        try await access.auditIfUnsuppressed(req, page: "API \(req.url.path)", areas: area.map { [$0] })
        let csv = req.pageQuery["format"] == "csv"
        let response = Response(status: .ok, body: .init(string: csv ? KeyFigureOutput.csv(rows) : KeyFigureOutput.json(rows)))
        response.headers.contentType = csv ? HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]) : .json
        return response
    }

    private func load(_ req: Request, area: String?, unsuppressed: Bool) async throws -> FigureAccess {
        guard let access = try await FigureAccess.load(req, area: area, wantsFull: unsuppressed) else {
            throw Abort(.notFound, reason: "No extract has been imported for this account's area.")
        }
        return access
    }
}
