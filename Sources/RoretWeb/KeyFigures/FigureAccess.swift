import RoretCore
import RoretStore
import Vapor

/// The figures could not be computed: pages that need them say so in
/// Danish; every other page goes on working.
struct FiguresUnavailable: DanishError {
    var status: HTTPStatus { .serviceUnavailable }
    var reason: String { danishMessage }
    var danishMessage: String {
        "Nøgletallene kan ikke beregnes lige nu. Fejlen er logget, og administratoren kan se den i loggen. Resten af Roret virker som normalt."
    }
}

/// The key figures as one signed-in user may see them on one request
/// (*visning af nøgletal*): the extract version for their area, the area and
/// year asked for, and per area whether rows come suppressed or not — always
/// decided by `AccessPolicy`, never here.
struct FigureAccess {
    let account: Account
    let version: ExtractVersion
    /// Which answers stored in Roret the figures include (nil: none yet).
    let answers: AnswersPublication?
    /// The figures' cache key part for those answers.
    var answersKey: String { answers?.id.uuidString ?? "none" }
    let figures: KeyFigureSet
    /// The area the page is about (`omraade`), one of `figures.areas`.
    let area: String
    /// The analyst asked for unsuppressed figures (`visning=fuld`) and may have them.
    let unsuppressedRequested: Bool

    /// Loads the figures for a browser request (`omraade`, `visning=fuld`);
    /// nil when no extract has been imported for the user's area.
    static func load(_ req: Request) async throws -> FigureAccess? {
        try await load(req, area: req.pageQuery["omraade"], wantsFull: req.pageQuery["visning"] == "fuld")
    }

    /// Loads the figures for the signed-in account, the asked area (default:
    /// their own, else national) and whether unsuppressed figures were asked for.
    static func load(_ req: Request, area asked: String?, wantsFull: Bool) async throws -> FigureAccess? {
        let account = try req.requireAccount()
        guard let version = try await req.roret.currentVersions.current(for: account.area, using: req.store.extracts) else { return nil }
        let answers = try await req.roret.answersPublication.value { try await req.store.publications.latest() }
        let unsuppressedRequested = wantsFull && AccessPolicy.mayRequestUnsuppressed(account.role)
        // A municipal analyst who opens their own municipality gets the other
        // areas suppressed with theirs counted as shown (nothing to subtract).
        let figures: KeyFigureSet
        do {
            figures = unsuppressedRequested && account.area != nationalArea
                ? try await req.roret.figures.figures(of: version, answers: answers, showingInFull: account.area)
                : try await req.roret.figures.figures(of: version, answers: answers)
        } catch {
            // Logged and put in the audit log (at most once a minute), where the administrator sees it.
            req.logger.error("key figures of extract v\(version.version) could not be computed: \(error)")
            if req.roret.figureFailureAlert.shouldAlert() {
                try? await req.store.audit.record(.figuresFailed, username: nil, detail: "udtræk v\(version.version): \(String(describing: error).prefix(500))")
            }
            throw FiguresUnavailable()
        }
        let area: String
        if let asked, figures.areas.contains(asked) {
            area = asked
        } else if figures.areas.contains(account.area) {
            area = account.area
        } else {
            area = nationalArea
        }
        return FigureAccess(
            account: account, version: version, answers: answers, figures: figures, area: area,
            unsuppressedRequested: unsuppressedRequested
        )
    }

    /// Whether rows of `area` are shown without disclosure control.
    func isUnsuppressed(_ area: String) -> Bool {
        unsuppressedRequested && AccessPolicy.mayUnsuppress(role: account.role, userArea: account.area, area: area)
    }

    /// Whether any of `areas` (default: every area) is shown unsuppressed; then the view is audited.
    func showsUnsuppressed(in areas: [String]? = nil) -> Bool {
        (areas ?? figures.areas).contains { isUnsuppressed($0) }
    }

    /// The rows of a figure in an area over all years, as this user may see them.
    func rows(_ figure: KeyFigure, area: String? = nil) -> [KeyFigureRow] {
        let area = area ?? self.area
        return figures.rows(area: area, figure: figure, unsuppressed: isUnsuppressed(area))
    }

    /// The row of a figure, area, year and breakdown.
    func row(_ figure: KeyFigure, area: String? = nil, year: Int, breakdown: String = "") -> KeyFigureRow? {
        rows(figure, area: area).first { $0.year == year && $0.breakdown == breakdown }
    }

    /// The year asked for (`aar`) if the figure is computed for it, else the latest such year.
    func year(for figure: KeyFigure, _ req: Request) -> Int? {
        let years = figures.computedYears(of: figure)
        if let asked = req.pageQuery.int("aar"), years.contains(asked) { return asked }
        return years.last
    }

    /// Every row of `figures` in every area, as this user may see them (downloads, API).
    func allRows(_ wanted: [KeyFigure], areas: [String]? = nil, year: Int? = nil) -> [KeyFigureRow] {
        var out: [KeyFigureRow] = []
        let wanted = wanted.sorted()
        for area in (areas ?? figures.areas) {
            let unsuppressed = isUnsuppressed(area)
            // Each figure's rows come by year, then breakdown in output order;
            // interleave them by year to get the output order area, year, figure, breakdown.
            let perFigure = wanted.map { figures.rows(area: area, figure: $0, unsuppressed: unsuppressed).filter { year == nil || $0.year == year } }
            let years = Set(perFigure.flatMap { $0.map(\.year) }).sorted()
            for y in years {
                for rows in perFigure { out += rows.filter { $0.year == y } }
            }
        }
        return out
    }

    /// The citizens' change beside their movements in one year, for `areas`
    /// (default: every area), as this user may see them.
    func movementChange(areas: [String]? = nil, year: Int) -> [MovementChangeRow] {
        (areas ?? figures.areas).flatMap { figures.movementChange(area: $0, year: year, unsuppressed: isUnsuppressed($0)) }
    }

    /// Audits the view when it showed unsuppressed figures of any of `areas` (default: every area).
    func auditIfUnsuppressed(_ req: Request, page: String, areas: [String]? = nil) async throws {
        guard showsUnsuppressed(in: areas) else { return }
        let areas = account.area == nationalArea ? "alle områder" : account.area
        try await req.audit(.viewUnsuppressed, area: area, detail: "\(page) — ikke-diskretionerede tal for \(areas), udtræk v\(version.version)")
    }
}
