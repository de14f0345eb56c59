import Foundation
import RoretCore
import RoretStore
import Vapor

/// Sign-in through the municipality's identity provider (*kommunens login*,
/// OpenID Connect, authorization code flow with PKCE): `/log-ind/sso` sends
/// the browser to the provider with a fresh state, nonce and code challenge
/// (the state also in a cookie, binding the answer to this browser);
/// `/log-ind/sso/svar` takes the state once, exchanges the code, verifies
/// the ID token and signs in the account the claims give — a new session as
/// with a password, audited, and through the second factor (the provider's).
struct SingleSignOnRoutes: RouteCollection {
    static let cookie = "roret-sso"

    func boot(routes: any RoutesBuilder) throws {
        routes.get("log-ind", "sso", use: start)
        routes.get("log-ind", "sso", "svar", use: answer)
    }

    private func redirectURI(_ req: Request) -> String? { req.roret.configuration.linkOrigin.map { $0 + "/log-ind/sso/svar" } }

    @Sendable func start(req: Request) async throws -> Response {
        guard let oidc = req.roret.oidc else { throw Abort(.notFound) }
        guard let redirect = redirectURI(req) else { return try await refuse(req, "Roret kender ikke sin offentlige adresse (RORET_PUBLIC_URL). Kontakt it-afdelingen.", .serviceUnavailable) }
        let state = Secrets.random(bytes: 24), nonce = Secrets.random(bytes: 24), verifier = Secrets.random(bytes: 32)
        let challenge = Secrets.base64URL(Data(SHA256.hash(data: Data(verifier.utf8))))
        try await req.store.singleSignOn.begin(stateHash: Secrets.sha256(state), nonce: nonce, verifier: verifier)
        let url: String
        do {
            url = try await oidc.authorizationURL(req.client, redirect: redirect, state: state, nonce: nonce, challenge: challenge)
        } catch {
            req.logger.error("single sign-on: \(error)")
            return try await refuse(req, "Kommunens login svarer ikke lige nu. Prøv igen om lidt, eller kontakt it-afdelingen.", .badGateway)
        }
        let response = req.redirect(to: url)
        response.cookies[Self.cookie] = HTTPCookies.Value(string: state, expires: Date().addingTimeInterval(600), maxAge: 600, path: "/log-ind/sso",
                                                          isSecure: req.roret.configuration.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    @Sendable func answer(req: Request) async throws -> Response {
        guard let oidc = req.roret.oidc, let redirect = redirectURI(req) else { throw Abort(.notFound) }
        let address = req.remoteAddress?.ipAddress
        func failed(_ reason: String, _ shown: String, _ status: HTTPStatus, username: String? = nil) async throws -> Response {
            req.logger.warning("single sign-on refused: \(reason)")
            try await req.store.audit.record(.signInFailed, username: username, detail: "kommunens login: \(reason)", address: address)
            req.roret.metrics.signInFailed()
            return try await refuse(req, shown, status)
        }
        if let error = req.query[String.self, at: "error"] {
            return try await failed("udbyderen svarede \(error)", "Kommunens login afviste log ind. Prøv igen, eller kontakt it-afdelingen.", .unauthorized)
        }
        guard let state = req.query[String.self, at: "state"], let code = req.query[String.self, at: "code"],
              let cookie = req.cookies[Self.cookie]?.string, Secrets.equal(cookie, state),
              let pending = try await req.store.singleSignOn.take(stateHash: Secrets.sha256(state)) else {
            return try await failed("ukendt, brugt eller udløbet state", "Log ind tog for lang tid eller blev startet et andet sted. Prøv igen.", .badRequest)
        }
        let claims: OIDCClient.Claims
        do {
            let token = try await oidc.idToken(req.client, code: code, redirect: redirect, verifier: pending.verifier)
            claims = try await oidc.verify(req.client, token, nonce: pending.nonce)
        } catch {
            return try await failed(String(describing: error).prefix(300).description, "Kommunens login kunne ikke bekræftes. Prøv igen, eller kontakt it-afdelingen.", .unauthorized)
        }
        let sso = oidc.configuration
        guard let username = claims.values[sso.usernameClaim]?.first.map({ String($0.prefix(AuditLog.maxUsernameLength)) }), !username.isEmpty else {
            return try await failed("intet brugernavn i \(sso.usernameClaim)", SingleSignOn.Refusal.noUsername.danishText, .forbidden)
        }
        let resolved = SingleSignOn.resolve(roleValues: claims.values[sso.roleClaim] ?? [], areaClaim: claims.values[sso.areaClaim]?.first,
                                            rules: try await req.store.singleSignOn.rules())
        let role: Role, area: String
        switch resolved {
        case .success(let r): (role, area) = r
        case .failure(let refusal): return try await failed("\(refusal)", refusal.danishText, .forbidden, username: username)
        }
        let account = try await req.store.singleSignOn.account(username: username, displayName: claims.values[sso.nameClaim]?.first ?? username, role: role, area: area)
        // The provider's e-mail claim is where the account's reminders go (kept as the provider says).
        if let email = claims.values["email"]?.first, CitizenContact.isEmailAddress(email), email != account.email {
            try await req.store.accounts.setEmail(username: username, email)
        }
        guard !account.isDisabled else { return try await failed("deaktiveret i Roret", "Din bruger er deaktiveret i Roret. Kontakt en administrator.", .forbidden, username: username) }
        try await req.store.audit.record(.signIn, username: username, role: role.rawValue, area: area, detail: "kommunens login", address: address)
        try await req.beginSession([SessionAuthenticator.accountKey: account.id.uuidString, SecondFactorRoutes.passedKey: "kommunens login"])
        let response = req.redirect(to: SignInRoutes.home(for: role))
        response.cookies[Self.cookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/log-ind/sso")
        return response
    }

    private func refuse(_ req: Request, _ text: String, _ status: HTTPStatus) async throws -> Response {
        let response = try await req.view.render("signin", SignInPage(req, username: "", error: text)).encodeResponse(for: req).withSignInToken(from: req)
        response.status = status
        return response
    }
}

/// *Kommunens login*: the administrator maps the identity provider's role values (groups, app roles) to a
/// Roret role and, if the value says it, a municipality.
struct SingleSignOnAdminRoutes: RouteCollection {
    struct Page: Encodable {
        struct Rule: Encodable {
            var value: String
            var role: String
            var area: String
        }

        var chrome: Chrome
        var configured: Bool
        var issuer: String
        var claims: String
        var passwordRoles: String
        var rules: [Rule]
        var hasRules: Bool
        var form: FormModel
    }

    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("admin", "sso")
        r.get(use: show)
        r.post(use: save)
        r.post("slet", use: remove)
    }

    @Sendable func show(req: Request) async throws -> Response { try await page(req, failed: nil) }

    func page(_ req: Request, failed: FailedForm?) async throws -> Response {
        let config = req.roret.configuration
        let sso = config.singleSignOn
        let rules = try await req.store.singleSignOn.rules()
        let page = Page(chrome: try Chrome(req, title: "Kommunens login", active: "/admin/sso"), configured: sso != nil, issuer: sso?.issuer ?? "",
                        claims: sso.map { "brugernavn: \($0.usernameClaim) · navn: \($0.nameClaim) · rolle: \($0.roleClaim) · kommune: \($0.areaClaim)" } ?? "",
                        passwordRoles: Role.allCases.filter { config.passwordRoles.contains($0) }.map(\.danishName).joined(separator: ", "),
                        rules: rules.map { .init(value: $0.value, role: $0.role.danishName, area: $0.area.map { DanishMunicipality.name(of: $0) ?? $0 } ?? "fra kommune-claim") },
                        hasRules: !rules.isEmpty,
                        form: FormModel(id: "rule", values: [:], options: ["role": Role.allCases.map { ($0.rawValue, $0.danishName) }], failed: failed))
        return try await req.renderPage("sso-admin", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    @Sendable func save(req: Request) async throws -> Response {
        var form = FormReader(req)
        let value = form.text("value").trimmingCharacters(in: .whitespaces)
        let role: Role? = form.choice("role", "Rolle")
        let area = form.text("area").trimmingCharacters(in: .whitespaces)
        var problems = form.problems
        if value.isEmpty { problems.append("Værdi: skriv værdien fra kommunens login (fx gruppens navn).") }
        if !area.isEmpty && !AccountService.isValidArea(area) { problems.append("Kommune: skriv en kommunekode med tre cifre, »national« eller lad feltet stå tomt.") }
        guard problems.isEmpty, let role else { return try await page(req, failed: FailedForm(id: "rule", values: form.values, problems: problems)) }
        let rule = SingleSignOn.Rule(value: value, role: role, area: area.isEmpty ? nil : area)
        let user = try req.requireAccount().username
        try await req.audited(.singleSignOnChanged, area: rule.area, detail: { _ in "kommunens login: »\(value)« giver \(role.danishName)\(area.isEmpty ? "" : " i \(area)")" }) { store in
            try await store.singleSignOn.save(rule, by: user)
        }
        req.notice("»\(value)« giver nu rollen \(role.danishName)\(area.isEmpty ? "" : " i kommune \(area)").")
        return req.redirect(to: "/admin/sso")
    }

    @Sendable func remove(req: Request) async throws -> Response {
        let value = req.formField("value") ?? ""
        try await req.audited(.singleSignOnChanged, area: nil, detail: { _ in "kommunens login: »\(value)« fjernet" }) { store in try await store.singleSignOn.remove(value: value) }
        req.notice("»\(value)« er fjernet.")
        return req.redirect(to: "/admin/sso")
    }
}
