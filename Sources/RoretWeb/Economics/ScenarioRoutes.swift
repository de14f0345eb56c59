import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Budgetpotentiale*: scenarios of citizens who move on, saved, owned and
/// dated, compared side by side and printed for the political committee.
struct ScenarioRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("oekonomi", "budgetpotentiale")
        r.get(use: list)
        r.post(use: create)
        r.get("sammenlign", use: compare)
        r.get(":scenario", use: show)
    }

    /// The figures for the area asked (`omraade`), and whether the user keeps its scenarios.
    static func access(_ req: Request) async throws -> FigureAccess {
        guard let access = try await FigureAccess.load(req) else { throw Abort(.notFound, reason: "Der er ikke indlæst et registerudtræk endnu.") }
        return access
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await listPage(req, access: Self.access(req), failed: nil)
    }

    func listPage(_ req: Request, access: FigureAccess, failed: FailedForm?) async throws -> Response {
        let keeps = AccessPolicy.mayKeepScenarios(role: access.account.role, userArea: access.account.area, area: access.area)
        let scenarios = keeps ? try await req.store.scenarios.all(area: access.area) : []
        let page = try ScenarioListPage(req, access: access, scenarios: scenarios, keeps: keeps, names: try await req.accountNames(), failed: failed)
        return try await req.renderPage("budget-scenarios", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let access = try await Self.access(req)
        guard AccessPolicy.mayKeepScenarios(role: access.account.role, userArea: access.account.area, area: access.area) else {
            try await req.audit(.accessDenied, area: access.area, detail: "budgetpotentiale for \(access.area)")
            throw Abort(.forbidden)
        }
        var form = FormReader(req)
        let defaults = ScenarioDefaults(access, view: ForecastView(req, access: access))
        let (scenario, problems) = defaults.read(&form, by: access.account.displayName)
        guard problems.isEmpty, let scenario else {
            return try await listPage(req, access: access, failed: FailedForm(id: "scenario", values: form.values, problems: problems))
        }
        let owner = access.account.username
        let saved = try await req.audited(.economicsChanged, area: access.area, detail: { (s: StoredScenario) in "scenarie »\(s.scenario.name)« gemt" }) { store in
            try await store.scenarios.save(scenario, by: owner)
        }
        req.notice("Scenariet »\(scenario.name)« er gemt.")
        return req.redirect(to: "/oekonomi/budgetpotentiale/\(saved.id.uuidString)?omraade=\(scenario.area)")
    }

    /// A scenario the user may keep, or 403 (audited) / 404.
    private func scenario(_ req: Request, _ raw: String?) async throws -> StoredScenario {
        let account = try req.requireAccount()
        guard let id = raw.flatMap(UUID.init(uuidString:)), let stored = try await req.store.scenarios.find(id) else { throw Abort(.notFound) }
        guard AccessPolicy.mayKeepScenarios(role: account.role, userArea: account.area, area: stored.scenario.area) else {
            try await req.audit(.accessDenied, area: stored.scenario.area, detail: "budgetscenarie")
            throw Abort(.forbidden)
        }
        return stored
    }

    @Sendable func show(req: Request) async throws -> Response {
        let stored = try await scenario(req, req.parameters.get("scenario"))
        guard let access = try await FigureAccess.load(req, area: stored.scenario.area, wantsFull: false) else { throw Abort(.notFound) }
        let page = try ScenarioPage(req, access: access, stored: stored, names: try await req.accountNames())
        return try await req.renderPage("budget-scenario", page, chrome: page.chrome)
    }

    @Sendable func compare(req: Request) async throws -> Response {
        let ids = (try? req.query.get([String].self, at: "id")) ?? []
        guard (2...4).contains(ids.count) else {
            req.notice("Vælg to til fire scenarier at sammenligne.")
            return req.redirect(to: "/oekonomi/budgetpotentiale")
        }
        var scenarios: [StoredScenario] = []
        for id in ids { scenarios.append(try await scenario(req, id)) }
        guard let access = try await FigureAccess.load(req, area: scenarios[0].scenario.area, wantsFull: false) else { throw Abort(.notFound) }
        let page = try ScenarioComparePage(req, access: access, scenarios: scenarios, names: try await req.accountNames())
        return try await req.renderPage("budget-compare", page, chrome: page.chrome)
    }
}
