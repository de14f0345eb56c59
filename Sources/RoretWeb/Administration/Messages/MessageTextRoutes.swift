import RoretCore
import RoretStore
import Vapor

/// The administrator edits a municipality's message texts (*beskedtekster*):
/// every problem at once with the text kept; a saved text is used for
/// messages made from then on; "Brug Rorets standardtekst" goes back.
struct MessageTextRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let texts = routes.grouped("admin", "beskeder")
        texts.get(use: page)
        texts.post(":kind", use: save)
        texts.post(":kind", "standard", use: reset)
    }

    @Sendable func page(req: Request) async throws -> Response {
        try await render(req, municipality: try await municipality(req, req.pageQuery["kommune"]), failed: nil)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let kind = try Self.kind(req)
        var form = FormReader(req)
        let municipality = try await municipality(req, form.text("municipality"))
        let template = MessageTemplate(kind: kind, subject: form.text("subject").trimmingCharacters(in: .whitespaces), body: form.text("body").replacingOccurrences(of: "\r\n", with: "\n"))
        let problems = template.problems
        guard problems.isEmpty else { return try await render(req, municipality: municipality, failed: form.failed(kind.rawValue, more: problems), status: .badRequest) }
        let username = try req.requireAccount().username
        try await req.audited(.messagesChanged, area: municipality, detail: { _ in "beskedtekst \(kind.rawValue) for \(municipality) ændret" }) { store in
            try await store.messageTemplates.save(template, municipality: municipality, by: username)
        }
        req.notice("Teksten »\(kind.danishName)« er gemt. Den bruges til beskeder, der laves fra nu af.")
        return req.redirect(to: "/admin/beskeder?kommune=\(municipality)#\(kind.rawValue)")
    }

    @Sendable func reset(req: Request) async throws -> Response {
        let kind = try Self.kind(req)
        let municipality = try await municipality(req, req.formField("municipality"))
        try await req.audited(.messagesChanged, area: municipality, detail: { _ in "beskedtekst \(kind.rawValue) for \(municipality): standardtekst" }) { store in
            try await store.messageTemplates.reset(kind, municipality: municipality)
        }
        req.notice("»\(kind.danishName)« bruger nu Rorets standardtekst.")
        return req.redirect(to: "/admin/beskeder?kommune=\(municipality)#\(kind.rawValue)")
    }

    private static func kind(_ req: Request) throws -> MessageKind {
        guard let kind = req.parameters.get("kind").flatMap(MessageKind.init(rawValue:)) else { throw Abort(.notFound) }
        return kind
    }

    /// The municipalities the administrator may edit: their own, or for the country's all 98 (by name).
    private func municipalities(_ req: Request) throws -> [String] {
        let account = try req.requireAccount()
        return account.area == nationalArea ? DanishMunicipality.all.map(\.code) : [account.area]
    }

    /// The municipality asked for, when the administrator may edit it (else the first they may; refused when none or another's).
    private func municipality(_ req: Request, _ asked: String?) async throws -> String {
        let account = try req.requireAccount()
        let chosen = asked.flatMap { $0.isEmpty ? nil : $0 } ?? (account.area == nationalArea ? DanishMunicipality.all.first?.code ?? account.area : account.area)
        guard DanishMunicipality.name(of: chosen) != nil else { throw Abort(.notFound) }
        guard AccessPolicy.mayEditMessageTexts(role: account.role, area: account.area, municipality: chosen) else {
            try await req.audit(.accessDenied, area: chosen, detail: "beskedtekster for \(chosen)")
            throw Abort(.forbidden)
        }
        return chosen
    }

    private func render(_ req: Request, municipality: String, failed: FailedForm?, status: HTTPResponseStatus = .ok) async throws -> Response {
        var texts: [(MessageTemplate, Bool)] = []
        for kind in MessageKind.allCases { texts.append(try await req.store.messageTemplates.template(kind, municipality: municipality)) }
        let page = try MessageTextsPage(req, municipality: municipality, municipalities: try municipalities(req), texts: texts, failed: failed)
        return try await req.renderPage("message-texts", page, chrome: page.chrome, status: status)
    }
}
