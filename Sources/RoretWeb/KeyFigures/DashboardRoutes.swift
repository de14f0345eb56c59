import RoretCore
import Vapor

/// The key-figure dashboards: overview, one page per figure, movements,
/// themes, and every table as CSV.
struct DashboardRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("oversigt", use: overview)
        routes.get("noegletal", use: index)
        routes.get("noegletal", ":code", use: figure)
        routes.get("bevaegelser", use: movements)
        routes.get("tema", ":theme", use: theme)
        routes.get("hent", ":file", use: download)
    }

    @Sendable func overview(req: Request) async throws -> Response {
        try await render(req, "overview", title: "Oversigt", active: "/oversigt") { OverviewPage(req, $0) }
    }

    /// `/noegletal`: the index of the 20 key figures and Q01, by theme, with the area's latest values.
    @Sendable func index(req: Request) async throws -> Response {
        try await render(req, "figures-index", title: "Nøgletal", active: "/noegletal") { FigureIndexPage(req, $0) }
    }

    @Sendable func figure(req: Request) async throws -> Response {
        guard let figure = KeyFigure(code: req.parameters.get("code")?.uppercased() ?? "") else { throw Abort(.notFound) }
        let active = figure.theme == .movements ? "/bevaegelser" : "/tema/\(figure.theme.rawValue)"
        return try await render(req, "figure", title: "\(figure.code) \(figure.danishTitle)", active: active) { FigurePage(req, $0, figure: figure) }
    }

    @Sendable func movements(req: Request) async throws -> Response {
        try await render(req, "movements", title: "Bevægelser på indsatstrappen", active: "/bevaegelser") { MovementsPage(req, $0) }
    }

    @Sendable func theme(req: Request) async throws -> Response {
        guard let theme = KeyFigureTheme(rawValue: req.parameters.get("theme") ?? "") else { throw Abort(.notFound) }
        if theme == .movements { return req.redirect(to: QueryLink.current(req, path: "/bevaegelser", setting: [:])) }
        return try await render(req, "theme", title: theme.danishTitle, active: "/tema/\(theme.rawValue)") { ThemePage(req, $0, theme: theme) }
    }

    /// `/hent/NT03.csv`, `/hent/oversigt.csv`: the rows behind a table, in
    /// the key-figure output format, suppressed as the user's pages are.
    @Sendable func download(req: Request) async throws -> Response {
        let file = req.parameters.get("file") ?? ""
        let excel = file.hasSuffix(".xlsx")
        guard file.hasSuffix(".csv") || excel else { throw Abort(.notFound) }
        let name = String(file.dropLast(excel ? 5 : 4))
        if name == "bevaegelser-svar" && !excel { return try await downloadMovementChange(req) }
        let figures: [KeyFigure]
        var areas: [String]? = nil
        if name == "oversigt" {
            figures = [.nt01, .nt02, .nt03, .nt04, .nt05, .nt09, .nt13]
        } else if let figure = KeyFigure(code: name.uppercased()) {
            figures = [figure]
        } else if let theme = KeyFigureTheme(rawValue: name) {
            figures = theme.figures
        } else {
            throw Abort(.notFound)
        }
        guard let access = try await FigureAccess.load(req) else { throw Abort(.notFound, reason: "Der er endnu ikke indlæst et udtræk.") }
        if name == "oversigt" { areas = [access.area] + (access.area == nationalArea ? [] : [nationalArea]) }
        let rows = access.allRows(figures, areas: areas, year: req.pageQuery.int("aar"))
        let detail = "\(file)\(access.showsUnsuppressed(in: areas) ? " (ikke-diskretioneret)" : ""), \(rows.count) rækker, udtræk v\(access.version.version)"
        try await req.audit(.export, area: access.area, detail: detail)
        try await access.auditIfUnsuppressed(req, page: "/hent/\(file)", areas: areas)
        let filename = "roret-\(name)-v\(access.version.version)"
        if excel {
            let title = "Socialpsykiatriens Nøgletal — \(name == "oversigt" ? "oversigt" : name), udtræk v\(access.version.version)"
            let data = try KeyFigureSpreadsheet.sheet(rows, names: access.figures.areaName, title: title).xlsx()
            return .spreadsheet(data, filename: filename + ".xlsx")
        }
        return .csv(KeyFigureOutput.csv(rows), filename: filename + ".csv")
    }

    /// `/hent/bevaegelser-svar.csv?aar=Y`: the citizens' change beside their
    /// movements in every area for one year (default: NT07's latest).
    private func downloadMovementChange(_ req: Request) async throws -> Response {
        guard let access = try await FigureAccess.load(req) else { throw Abort(.notFound, reason: "Der er endnu ikke indlæst et udtræk.") }
        guard let year = access.year(for: .nt07, req) else { throw Abort(.notFound) }
        let rows = access.movementChange(year: year)
        let file = "bevaegelser-svar.csv"
        try await req.audit(.export, area: access.area, detail: "\(file)\(access.showsUnsuppressed() ? " (ikke-diskretioneret)" : ""), \(year), \(rows.count) rækker, udtræk v\(access.version.version)")
        try await access.auditIfUnsuppressed(req, page: "/hent/\(file)")
        return .csv(MovementChangeOutput.csv(rows), filename: "roret-bevaegelser-svar-\(year)-v\(access.version.version).csv")
    }

    /// Loads the user's figures, audits an unsuppressed view, and renders the
    /// page; its body is built and rendered once per key (see `bodyKey`). A
    /// friendly page when nothing is imported yet.
    private func render<Page: Encodable>(
        _ req: Request, _ template: String, title: String, active: String, _ build: (FigureAccess) -> Page
    ) async throws -> Response {
        let loaded: FigureAccess?
        do {
            loaded = try await FigureAccess.load(req)
        } catch let failure as FiguresUnavailable {
            let message = MessagePage(title: "Nøgletallene kan ikke vises lige nu", message: failure.danishMessage)
            return try await req.renderPage("message", message, chrome: try Chrome(req, title: "Nøgletallene kan ikke vises", active: active), status: .serviceUnavailable)
        }
        guard let access = loaded else {
            let message = MessagePage(
                title: "Ingen tal endnu",
                message: "Der er endnu ikke indlæst et registerudtræk for dit område. En administrator kan indlæse et under Udtræk eller med kommandoen roret import."
            )
            return try await req.renderPage("message", message, chrome: try Chrome(req, title: "Ingen tal endnu", active: active))
        }
        try await access.auditIfUnsuppressed(req, page: "\(title) (\(req.url.path))")
        let chrome = try Chrome(req, title: title, active: active, version: access.version)
        return try await req.renderCachedPage(template, key: Self.bodyKey(req, template, access), chrome: chrome) { build(access) }
    }

    /// Everything a dashboard body depends on: the extract version and the
    /// revision of the stored answers, the
    /// page, the resolved area, who may unsuppress what and whether it was
    /// asked for, and the query items the page reads. Never the user or the
    /// CSRF token: those are in the chrome.
    static func bodyKey(_ req: Request, _ template: String, _ access: FigureAccess) -> String {
        let query = (QueryLink.kept + ["udskriv"]).sorted().map { "\($0)=\(req.pageQuery[$0] ?? "")" }.joined(separator: "&")
        let scope = AccessPolicy.mayRequestUnsuppressed(access.account.role)
            ? (access.unsuppressedRequested ? "open:\(access.account.area)" : "may-open") : "closed"
        return [access.version.id.uuidString, access.answersKey, template, req.url.path, access.area, scope, query].joined(separator: "|")
    }
}
