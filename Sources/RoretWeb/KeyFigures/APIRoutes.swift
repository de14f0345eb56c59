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
        routes.get("movement-change", use: movementChange)
    }

    struct Endpoint: Content {
        var method: String
        var path: String
        var description: String
    }

    struct Index: Content {
        var name: String
        var documentation: String
        var authentication: String
        var endpoints: [Endpoint]
    }

    /// `GET /api/v1`: the endpoints, so a script writer finds their way (no token needed; no data).
    @Sendable static func index(req: Request) async throws -> Index {
        Index(
            name: "Roret API v1", documentation: "docs/openapi.yaml",
            authentication: "Authorization: Bearer <nøgle fra siden API-nøgler>",
            endpoints: [
                Endpoint(method: "GET", path: "/api/v1/extract", description: "Det gældende udtræk: version, kommuner og år."),
                Endpoint(method: "GET", path: "/api/v1/areas", description: "Områderne: kommuner og national."),
                Endpoint(method: "GET", path: "/api/v1/figures", description: "Nøgletallene med definition, opdelinger og år."),
                Endpoint(method: "GET", path: "/api/v1/keyfigures", description: "Nøgletallene som rækker (area, year, figure, format=csv|json, unsuppressed)."),
                Endpoint(method: "GET", path: "/api/v1/movement-change", description: "Borgernes egen udvikling ved siden af bevægelserne (year, area, format)."),
                Endpoint(method: "GET", path: "/api/v1/forecast", description: "Fremskrivningen af trappen for et område med intervaller og backtest (area, window, horizon, format)."),
                Endpoint(method: "GET", path: "/api/v1/practice", description: "Praksisindikatorerne I1–I16 pr. kommune og kvartal, diskretionerede (area, format)."),
            ]
        )
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
        let access = try await Self.load(req, area: nil, unsuppressed: false)
        let v = access.version
        return ExtractInfo(version: v.version, importedAt: v.importedAt, municipalities: v.municipalities, firstYear: v.years.lowerBound, lastYear: v.years.upperBound)
    }

    @Sendable func areas(req: Request) async throws -> [AreaInfo] {
        let access = try await Self.load(req, area: nil, unsuppressed: false)
        return access.figures.areas.map { AreaInfo(code: $0, name: access.figures.areaName($0)) }
    }

    @Sendable func figures(req: Request) async throws -> [FigureInfo] {
        let access = try await Self.load(req, area: nil, unsuppressed: false)
        return KeyFigure.allCases.map {
            FigureInfo(code: $0.code, title: $0.danishTitle, definition: $0.danishDefinition,
                       breakdowns: $0.breakdowns.filter { !$0.isEmpty }, years: access.figures.computedYears(of: $0))
        }
    }

    /// Rows in the key-figure output format; `area`, `year`, `figure` filter,
    /// `unsuppressed=true` asks for unsuppressed rows where the account may have them.
    @Sendable func keyFigures(req: Request) async throws -> Response {
        let (access, area) = try await Self.loadAsked(req)
        var figures = KeyFigure.allCases
        if let code = req.pageQuery["figure"] {
            guard let figure = KeyFigure(code: code) else { throw Abort(.badRequest, reason: "Unknown figure '\(code)'; codes are NT01–NT20 and Q01.") }
            figures = [figure]
        }
        let year = try Self.year(req)
        if let year, !access.figures.years.contains(year) { throw Abort(.notFound, reason: "Year \(year) is outside the extract's period.") }
        let rows = access.allRows(figures, areas: area.map { [$0] }, year: year)
        try await req.audit(.apiRequest, area: area, detail: "\(req.url.path)?\(req.url.query ?? ""): \(rows.count) rows, v\(access.version.version)")
        try await access.auditIfUnsuppressed(req, page: "API \(req.url.path)", areas: area.map { [$0] })
        if req.pageQuery["format"] == "csv" { return .csv(KeyFigureOutput.csv(rows)) }
        let response = Response(status: .ok, body: .init(string: KeyFigureOutput.json(rows)))
        response.headers.contentType = .json
        return response
    }

    /// `year` when given: a whole number, else 400 — never silently ignored
    /// (which answered with every year).
    static func year(_ req: Request) throws -> Int? {
        guard let text = req.pageQuery["year"] else { return nil }
        guard let year = Int(text), (1900...2100).contains(year) else { throw Abort(.badRequest, reason: "year must be a whole number from 1900 to 2100, e.g. 2024.") }
        return year
    }

    /// A boolean query item: absent is false; anything but `true`/`false` is 400.
    static func flag(_ req: Request, _ name: String) throws -> Bool {
        switch req.pageQuery[name] {
        case nil, "false": false
        case "true": true
        default: throw Abort(.badRequest, reason: "\(name) must be true or false.")
        }
    }

    /// The citizens' change beside their staircase movements
    /// (docs/definitions.md 35); `area`, `year` (default: the latest with
    /// NT07), `unsuppressed` and `format` as for `/keyfigures`.
    @Sendable func movementChange(req: Request) async throws -> Response {
        let (access, area) = try await Self.loadAsked(req)
        let years = access.figures.computedYears(of: .nt07)
        let year = try Self.year(req) ?? years.last
        guard let year, years.contains(year) else { throw Abort(.notFound, reason: "No movements for that year in this extract (years: \(years.map(String.init).joined(separator: ", ")))." ) }
        let rows = access.movementChange(areas: area.map { [$0] }, year: year)
        try await req.audit(.apiRequest, area: area, detail: "\(req.url.path)?\(req.url.query ?? ""): \(rows.count) rows, v\(access.version.version)")
        try await access.auditIfUnsuppressed(req, page: "API \(req.url.path)", areas: area.map { [$0] })
        if req.pageQuery["format"] == "csv" { return .csv(MovementChangeOutput.csv(rows)) }
        let response = Response(status: .ok, body: .init(string: MovementChangeOutput.json(rows)))
        response.headers.contentType = .json
        return response
    }

    /// The figures for `area` and `unsuppressed=true` as asked, refusing what the account may not have.
    /// Shared by every figure endpoint (the forecast's too).
    static func loadAsked(_ req: Request) async throws -> (FigureAccess, area: String?) {
        let area = req.pageQuery["area"]
        if let area, !(area == nationalArea || (area.count == 3 && area.allSatisfy(\.isASCII) && area.allSatisfy(\.isNumber))) {
            throw Abort(.badRequest, reason: "area must be a three-digit municipality code or national.")
        }
        let wantsFull = try Self.flag(req, "unsuppressed")
        if let format = req.pageQuery["format"], format != "json", format != "csv" { throw Abort(.badRequest, reason: "format must be json or csv.") }
        let account = try req.requireAccount()
        if wantsFull && !AccessPolicy.mayRequestUnsuppressed(account.role) {
            throw Abort(.forbidden, reason: "This account may not see unsuppressed figures.")
        }
        let access = try await Self.load(req, area: area, unsuppressed: wantsFull)
        if let area, !access.figures.areas.contains(area) { throw Abort(.notFound, reason: "The extract has no figures for area \(area).") }
        return (access, area)
    }

    private static func load(_ req: Request, area: String?, unsuppressed: Bool) async throws -> FigureAccess {
        guard let access = try await FigureAccess.load(req, area: area, wantsFull: unsuppressed) else {
            throw Abort(.notFound, reason: "No extract has been imported for this account's area.")
        }
        return access
    }
}
