import RoretCore
import Vapor

/// *API-nøgler*: an analyst creates and revokes tokens for scripts.
struct TokenRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("api-noegler", use: list)
        routes.post("api-noegler", use: create)
        routes.post("api-noegler", ":id", "tilbagekald", use: revoke)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let page = try TokensPage(req, tokens: try await req.store.tokens.tokens(of: account.id))
        return try await req.renderPage("tokens", page, chrome: page.chrome)
    }

    @Sendable func create(req: Request) async throws -> Response {
        struct Form: Content { var name: String? }
        let account = try req.requireAccount()
        let name = (try? req.content.decode(Form.self).name)?.trimmingCharacters(in: .whitespaces) ?? ""
        let secret = "roret_" + Secrets.random(bytes: 32)
        try await req.audited(.tokenCreated, area: account.area, detail: { _ in name }) { store in
            try await store.tokens.create(accountID: account.id, name: name.isEmpty ? "script" : name, tokenHash: Secrets.sha256(secret))
        }
        let page = try TokensPage(req, tokens: try await req.store.tokens.tokens(of: account.id), newToken: secret)
        return try await req.renderPage("tokens", page, chrome: page.chrome)
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let token = try await req.store.tokens.tokens(of: account.id).first(where: { $0.id == id && $0.revokedAt == nil }) else {
            throw Abort(.notFound, reason: "Nøglen findes ikke, eller den er allerede tilbagekaldt.")
        }
        guard ConfirmPage.isConfirmed(req) else {
            return try await ConfirmPage.ask(
                req, title: "Tilbagekald nøglen «\(token.name)»?", question: "Vil du tilbagekalde API-nøglen «\(token.name)»?",
                consequence: "Scripts, der bruger nøglen, holder straks op med at virke. Det kan ikke fortrydes; du kan oprette en ny nøgle.",
                action: "/api-noegler/\(id.uuidString)/tilbagekald", confirmLabel: "Ja, tilbagekald", cancelHref: "/api-noegler", active: "/api-noegler")
        }
        try await req.audited(.tokenRevoked, area: account.area, detail: { _ in "«\(token.name)»" }) { store in
            guard try await store.tokens.revoke(id: id, of: account.id) else { throw Abort(.notFound, reason: "Nøglen findes ikke.") }
        }
        req.notice("Nøglen «\(token.name)» er tilbagekaldt.")
        return req.redirect(to: "/api-noegler")
    }
}
