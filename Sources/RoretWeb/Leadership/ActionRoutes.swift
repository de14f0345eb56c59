import RoretCore
import RoretStore
import Vapor

/// *Handlinger*: every action of the municipality from meetings, rounds and
/// reviews, filtered by owner, status and source; an action's own page
/// with its history of dated notes. Leaders and analysts.
struct ActionRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let a = routes.grouped("ledelse", "handlinger")
        a.get(use: board)
        a.get("ny", use: new)
        a.post(use: create)
        a.get(":action", use: show)
        a.post(":action", use: update)
    }

    @Sendable func board(req: Request) async throws -> Response {
        let context = try LeadershipContext(req)
        try await context.requireRunning(req)
        let all = try await req.store.leadership.actions(municipality: context.municipality)
        let values = try await IndicatorValues(req, municipality: context.municipality)
        var page = try ActionBoardPage(req, context: context, actions: all, values: values)
        page.offerActions = try await Self.offerActions(req, municipality: context.municipality)
        page.hasOfferActions = !page.offerActions.isEmpty
        return try await req.renderPage("leadership-actions", page, chrome: page.chrome)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let context = try LeadershipContext(req)
        try await context.requireRunning(req)
        let page = try ActionPage(req, context: context, action: nil, history: [], people: try await Self.people(req, context), scenarios: try await req.store.scenarios.all(area: context.municipality), failed: nil)
        return try await req.renderPage("leadership-action", page, chrome: page.chrome)
    }

    /// The open actions of the municipality's offers (from their learning meetings, self-evaluations and start pages), soonest first.
    static func offerActions(_ req: Request, municipality: String) async throws -> [ActionBoardPage.OfferRow] {
        let account = try req.requireAccount()
        let today = DanishDate.today
        var rows: [(Day, ActionBoardPage.OfferRow)] = []
        for offer in try await req.store.offers.all(municipality: municipality)
        where AccessPolicy.mayReadOffer(role: account.role, username: account.username, area: account.area, offerID: account.offerKey, offer) {
            guard let id = UUID(uuidString: offer.id) else { continue }
            for a in try await req.store.offers.current(OfferAction.self, offer: id, kind: .action).map(\.value) where !a.done {
                rows.append((a.due ?? Day(rawValue: .max), .init(href: "/tilbud/\(offer.id)#handlinger", offer: offer.name, what: a.text, owner: a.owner, source: a.source,
                                                               due: a.due?.danish ?? "–", overdue: a.due.map { $0 < today } ?? false)))
            }
        }
        return rows.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The accounts an action may remind: the municipality's leaders, analysts and caseworkers.
    static func people(_ req: Request, _ context: LeadershipContext) async throws -> [String] {
        try await req.store.accounts.all().filter { $0.area == context.municipality && !$0.isDisabled && [.leader, .analyst, .caseworker].contains($0.role) }.map(\.username)
    }

    /// The action as posted; every problem collected.
    /// The indicators' values today, read only when the posted sign names a
    /// new indicator (its value when agreed is taken then; otherwise kept).
    static func values(_ req: Request, for action: LeadershipAction?, municipality: String) async throws -> IndicatorValues? {
        guard let code = req.formField("indicator"), code != action?.sign?.indicator else { return nil }
        return try await IndicatorValues(req, municipality: municipality)
    }

    static func read(_ form: inout FormReader, into action: inout LeadershipAction, values: IndicatorValues?) {
        action.what = form.text("what")
        action.owner = form.text("owner")
        action.involve = form.text("involve")
        action.followsUp = form.text("followsUp")
        action.due = form.day("due", "Opfølgning senest")
        let remind = form.text("remind")
        action.remind = remind.isEmpty ? nil : remind
        if let status: ActionStatus = form.choice("status", "Status", required: false) { action.status = status }
        let code = form.text("indicator"), signText = form.text("sign")
        if !code.isEmpty {
            if let title = IndicatorValues.title(code) {
                let then = action.sign?.indicator == code ? action.sign?.valueThen : values?.value(code, area: action.municipality)
                action.sign = ActionSign(indicator: code, area: action.municipality, valueThen: then, text: signText.isEmpty ? title : signText)
            } else {
                form.problems.append("Tegn: ukendt nøgletal eller indikator.")
            }
        } else {
            action.sign = signText.allSatisfy(\.isWhitespace) ? nil : ActionSign(indicator: nil, area: nil, valueThen: nil, text: signText)
        }
    }

    @Sendable func create(req: Request) async throws -> Response {
        let context = try LeadershipContext(req)
        try await context.requireRunning(req)
        var form = FormReader(req)
        let source: ActionSource = form.choice("source", "Kilde") ?? .meeting
        var action = LeadershipAction(id: "", municipality: context.municipality, source: source, sourceID: form.text("sourceID"), what: "", owner: "", agreedOn: DanishDate.today)
        Self.read(&form, into: &action, values: try await Self.values(req, for: nil, municipality: context.municipality))
        form.problems += action.problems
        // A meeting's actions are agreed from Forbered handling on, in that municipality's meeting.
        var meeting: ReflectionMeeting? = nil
        if source == .meeting, let id = UUID(uuidString: action.sourceID) {
            meeting = try await req.store.reflection.meeting(id)
            if let m = meeting, m.municipality != context.municipality || !ReflectionRules.mayAct(in: m.phase) {
                form.problems.append("Handlinger aftales i mødets faser »Forbered handling« og »Handling«; mødet er i »\(m.phase.danishName)«.")
            }
        }
        guard form.problems.isEmpty else {
            let page = try ActionPage(req, context: context, action: nil, history: [], people: try await Self.people(req, context), scenarios: try await req.store.scenarios.all(area: context.municipality), failed: form.failed("action"))
            return try await req.renderPage("leadership-action", page, chrome: page.chrome, status: .badRequest)
        }
        let username = context.account.username
        let saved = try await req.audited(.leadershipChanged, area: context.municipality, detail: { "handling »\($0.what)« aftalt" }) { [action] store in
            try await store.leadership.saveAction(action, note: nil, on: DanishDate.today, by: username)
        }
        req.notice("Handlingen »\(saved.what)« er gemt på handlingsoversigten.")
        if let meeting { return req.redirect(to: "/refleksion/\(meeting.id)#handling") }
        return req.redirect(to: "/ledelse/handlinger" + context.query)
    }

    private func action(_ req: Request, _ context: LeadershipContext) async throws -> (LeadershipAction, UUID) {
        guard let id = req.parameters.get("action").flatMap(UUID.init(uuidString:)),
              let action = try await req.store.leadership.actions(municipality: context.municipality).first(where: { $0.id == id.uuidString }) else { throw Abort(.notFound) }
        return (action, id)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let context = try LeadershipContext(req)
        try await context.requireRunning(req)
        let (action, id) = try await action(req, context)
        let page = try ActionPage(req, context: context, action: action, history: try await req.store.leadership.history(ofAction: id), people: try await Self.people(req, context), scenarios: try await req.store.scenarios.all(area: context.municipality), failed: nil)
        return try await req.renderPage("leadership-action", page, chrome: page.chrome)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let context = try LeadershipContext(req)
        try await context.requireRunning(req)
        var (action, id) = try await action(req, context)
        var form = FormReader(req)
        Self.read(&form, into: &action, values: try await Self.values(req, for: action, municipality: context.municipality))
        let note = form.text("note")
        form.problems += action.problems
        guard form.problems.isEmpty else {
            let page = try ActionPage(req, context: context, action: action, history: try await req.store.leadership.history(ofAction: id), people: try await Self.people(req, context), scenarios: try await req.store.scenarios.all(area: context.municipality), failed: form.failed("action"))
            return try await req.renderPage("leadership-action", page, chrome: page.chrome, status: .badRequest)
        }
        let username = context.account.username
        let changed = action
        try await req.audited(.leadershipChanged, area: context.municipality, detail: { _ in "handling »\(changed.what)«: \(changed.status.danishName.lowercased())" }) { store in
            try await store.leadership.saveAction(changed, note: note, on: DanishDate.today, by: username)
        }
        req.notice("Handlingen er opdateret (\(action.status.danishName.lowercased())).")
        return req.redirect(to: "/ledelse/handlinger/\(id)" + context.query)
    }
}
