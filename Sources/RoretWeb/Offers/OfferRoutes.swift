import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Tilbud*: the offers a user may see, and an offer's start page — where
/// it stands in the seven-phase loop, what each phase has produced, the
/// chapter checklists, its interventions and its actions.
struct OfferRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("tilbud")
        r.get(use: list)
        r.get(":offer", use: show)
        r.post(":offer", "huskeliste", use: tick)
        r.post(":offer", "indsatser", use: saveIntervention)
        r.post(":offer", "handlinger", use: saveAction)
    }

    struct ListPage: Encodable {
        struct Row: Encodable {
            var href: String
            var name: String
            var municipality: String
            var paragraphs: String
            var role: String
        }

        var chrome: Chrome
        var rows: [Row]
        var hasRows: Bool
    }

    /// The offers the user may read: their own and the ones they lead; the municipality's for its leaders and analysts.
    @Sendable func list(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let all = try await req.store.offers.all()
        let rows = all.filter { AccessPolicy.mayReadOffer(role: account.role, username: account.username, area: account.area, offerID: account.offerKey, $0) }.map { o in
            ListPage.Row(href: "/tilbud/\(o.id)", name: o.name, municipality: o.municipality, paragraphs: OfferPage.paragraphs(o),
                         role: o.leader == account.username ? "Leder" : o.id == account.offerKey ? "Medarbejder" : "Læser")
        }
        let page = ListPage(chrome: try Chrome(req, title: "Tilbud", active: "/tilbud"), rows: rows, hasRows: !rows.isEmpty)
        return try await req.renderPage("offers", page, chrome: page.chrome)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await page(req, OfferContext(req, .read), failed: nil)
    }

    func page(_ req: Request, _ context: OfferContext, failed: FailedForm?) async throws -> Response {
        let page = try await OfferPage(req, context, failed: failed)
        return try await req.renderPage("offer", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    /// The checklist of one phase: the ticked items replace the earlier ones.
    @Sendable func tick(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        guard let phase = Int(form.text("phase")).flatMap(LoopPhase.init(rawValue:)), !phase.checklist.isEmpty else { throw Abort(.badRequest) }
        let ticked = form.list("items").compactMap(Int.init).filter { phase.checklist.indices.contains($0) }
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, "huskeliste for \(phase.danishName)") { store in
            try await store.offers.save(Set(ticked).sorted(), offer: offerID, kind: .checklist, key: "phase-\(phase.rawValue)", by: user)
        }
        return context.saved(req, "Huskelisten for \(phase.danishName) er gemt: \(Set(ticked).count) af \(phase.checklist.count) punkter er krydset af.", to: context.base + "#fase-\(phase.rawValue)")
    }

    /// A new or changed intervention (*indsats*).
    @Sendable func saveIntervention(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        let raw = form.text("id")
        let id = raw.isEmpty ? OfferContext.newKey() : raw
        if !raw.isEmpty && !context.offer.interventions.contains(where: { $0.id == raw }) { throw Abort(.notFound) }
        let intervention = OfferIntervention(
            id: id, name: form.text("name").trimmingCharacters(in: .whitespacesAndNewlines), targetGroup: form.text("targetGroup"), notInTargetGroup: form.text("notInTargetGroup"),
            subGroups: form.text("subGroups").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            goals: form.text("goals"), activities: form.text("activities"), mechanisms: form.text("mechanisms"),
            researchBasis: form.text("researchBasis"), practiceBasis: form.text("practiceBasis"), citizensBasis: form.text("citizensBasis"))
        let problems = intervention.problems
        guard problems.isEmpty else {
            return try await page(req, context, failed: FailedForm(id: raw.isEmpty ? "intervention-new" : "intervention-\(raw)", values: form.values, problems: problems))
        }
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, "indsats \(intervention.name) gemt") { store in
            try await store.offers.save(intervention, offer: offerID, kind: .intervention, key: id, by: user)
        }
        return context.saved(req, "Indsatsen »\(intervention.name)« er gemt.", to: context.base + "#indsatser")
    }

    /// A new action, or an existing one marked done or not done.
    @Sendable func saveAction(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        let offerID = context.offerID, user = context.account.username
        let raw = form.text("id")
        if !raw.isEmpty {
            guard var action = try await req.store.offers.current(OfferAction.self, offer: offerID, kind: .action, key: raw)?.value else { throw Abort(.notFound) }
            action.done = form.flag("done")
            let saved = action
            try await context.audited(req, "handling \(saved.done ? "udført" : "genåbnet")") { store in
                try await store.offers.save(saved, offer: offerID, kind: .action, key: raw, by: user)
            }
            return context.saved(req, saved.done ? "Handlingen er markeret som udført." : "Handlingen er åbnet igen.", to: context.base + "#handlinger")
        }
        let due = form.day("due", "Frist")
        let action = OfferAction(id: OfferContext.newKey(), text: form.text("text").trimmingCharacters(in: .whitespacesAndNewlines),
                                 owner: form.text("owner").trimmingCharacters(in: .whitespaces), due: due, source: form.text("source"))
        let problems = form.problems + action.problems
        guard problems.isEmpty else {
            return try await page(req, context, failed: FailedForm(id: "action", values: form.values, problems: problems))
        }
        try await context.audited(req, "handling oprettet") { store in
            try await store.offers.save(action, offer: offerID, kind: .action, key: action.id, by: user)
        }
        return context.saved(req, "Handlingen er oprettet med \(action.owner) som ansvarlig.", to: context.base + "#handlinger")
    }
}
