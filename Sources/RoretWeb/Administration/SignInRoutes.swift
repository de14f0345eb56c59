import RoretCore
import Vapor

/// *Log ind* and *log ud*.
struct SignInRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("log-ind", use: page)
        routes.post("log-ind", use: signIn)
        routes.post("log-ud", use: signOut)
    }

    @Sendable func page(req: Request) async throws -> Response {
        if let account = req.account { return req.redirect(to: Self.home(for: account.role)) }
        return try await req.view.render("signin", SignInPage(req, username: "", error: nil)).encodeResponse(for: req).withSignInToken(from: req)
    }

    @Sendable func signIn(req: Request) async throws -> Response {
        struct Form: Content {
            var username: String
            var password: String
        }
        let form = try req.content.decode(Form.self)
        let username = form.username.trimmingCharacters(in: .whitespaces)
        let service = req.accountService
        switch try await service.signIn(username: username, password: form.password, address: req.remoteAddress?.ipAddress) {
        case .signedIn(let account):
            // With a confirmed second factor the password only opens the code step.
            if try await req.store.secondFactors.find(account: account.id)?.isConfirmed == true {
                try await req.beginSession([SecondFactorRoutes.pendingKey: account.id.uuidString, SecondFactorRoutes.pendingSinceKey: String(Date().timeIntervalSince1970)])
                return req.redirect(to: "/log-ind/kode")
            }
            try await req.beginSession([SessionAuthenticator.accountKey: account.id.uuidString])
            return req.redirect(to: Self.home(for: account.role))
        case .refused:
            req.roret.metrics.signInFailed()
            return try await rerender(req, username, "Forkert brugernavn eller adgangskode.", .unauthorized)
        case .passwordNotAllowed:
            req.roret.metrics.signInFailed()
            return try await rerender(req, username, "Din rolle logger ind med kommunens login, ikke med adgangskode. Brug knappen »Log ind med kommunens login«.", .forbidden)
        case .throttled(let seconds):
            req.roret.metrics.signInFailed()
            let wait = seconds < 90 ? "\(seconds) sekunder" : "\((seconds + 59) / 60) minutter"
            return try await rerender(req, username, "For mange mislykkede forsøg. Vent \(wait), og prøv igen — eller bed en administrator om at ophæve spærringen.", .tooManyRequests)
        }
    }

    @Sendable func signOut(req: Request) async throws -> Response {
        if req.account != nil { try await req.audit(.signOut, detail: "browser") }
        req.auth.logout(SignedIn.self)
        req.session.destroy()
        return req.redirect(to: "/log-ind")
    }

    private func rerender(_ req: Request, _ username: String, _ error: String, _ status: HTTPStatus) async throws -> Response {
        let response = try await req.view.render("signin", SignInPage(req, username: username, error: error)).encodeResponse(for: req).withSignInToken(from: req)
        response.status = status
        return response
    }

    /// Where a role lands after sign-in.
    static func home(for role: Role) -> String {
        switch role {
        case .citizen: "/min-side"
        case .caseworker, .provider: "/borgere"
        default: "/oversigt"
        }
    }
}

extension Request {
    var accountService: AccountService {
        let c = roret.configuration
        return AccountService(store: store, bcryptCost: c.bcryptCost, throttle: c.signInThrottle, gate: roret.signInGate, threadPool: application.threadPool, passwordRoles: c.passwordRoles)
    }
}
