import Foundation
import RoretCore
import RoretStore
import Vapor

/// Two-factor authentication for local accounts (*totrinsgodkendelse*,
/// TOTP RFC 6238): after the password, an account with a confirmed factor
/// types the code from its app (or a recovery code) at `/log-ind/kode`;
/// an account whose role requires it and has none is led to `/to-faktor`
/// to enrol — a secret to scan or type, a first code, ten recovery codes
/// shown once. Wrong codes are throttled (`SecondFactorThrottle`) and audited.
struct SecondFactorRoutes: RouteCollection {
    static let pendingKey = "pending-account"
    static let pendingSinceKey = "pending-since"
    /// Set in a session whose sign-in passed the second factor (or enrolled in it).
    static let passedKey = "second-factor"
    static let newCodesKey = "recovery-codes"
    /// How long the code may take after the password.
    static let pendingLifetime: TimeInterval = 5 * 60
    static let issuer = "Roret"

    /// The code step: the browser group (a session, CSRF), not signed in yet.
    struct CodeStep: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            routes.get("log-ind", "kode", use: SecondFactorRoutes.codeForm)
            routes.post("log-ind", "kode", use: SecondFactorRoutes.checkCode)
        }
    }

    /// Enrolment: signed in, but not yet through the second factor.
    func boot(routes: any RoutesBuilder) throws {
        routes.get("to-faktor", use: Self.enrolment)
        routes.post("to-faktor", use: Self.confirm)
    }

    struct CodePage: Encodable {
        var csrf: String
        var error: String?
    }

    /// The account waiting for its code, while the wait lasts.
    static func pending(_ req: Request) async throws -> Account? {
        guard req.hasSession, let raw = req.session.data[pendingKey], let id = UUID(uuidString: raw),
              let since = req.session.data[pendingSinceKey].flatMap(TimeInterval.init), Date().timeIntervalSince1970 - since < pendingLifetime,
              let account = try await req.store.accounts.find(id: id), !account.isDisabled else { return nil }
        return account
    }

    @Sendable static func codeForm(req: Request) async throws -> Response {
        guard try await pending(req) != nil else { return req.redirect(to: "/log-ind") }
        return try await req.view.render("signin-code", CodePage(csrf: req.csrfToken, error: nil)).encodeResponse(for: req)
    }

    @Sendable static func checkCode(req: Request) async throws -> Response {
        guard let account = try await pending(req), let factor = try await req.store.secondFactors.find(account: account.id), factor.isConfirmed else {
            req.notice("Log ind igen: der gik for lang tid, før koden blev skrevet.")
            return req.redirect(to: "/log-ind")
        }
        func refuse(_ text: String, _ status: HTTPStatus) async throws -> Response {
            let response = try await req.view.render("signin-code", CodePage(csrf: req.csrfToken, error: text)).encodeResponse(for: req)
            response.status = status
            return response
        }
        let throttle = SecondFactorThrottle()
        let failures = try await req.store.audit.count(.secondFactorFailed, username: account.username, since: Date().addingTimeInterval(-throttle.window))
        if throttle.mustWait(failuresInWindow: failures) {
            req.roret.metrics.signInFailed()
            return try await refuse("For mange forkerte koder. Vent et kvarter, og prøv igen — eller bed en administrator om hjælp.", .tooManyRequests)
        }
        let typed = (try? req.content.get(String.self, at: "code")) ?? ""
        let address = req.remoteAddress?.ipAddress
        var passed = false
        if let secret = Base32.decode(factor.secret), let step = TOTP(secret: secret).matchingStep(typed, at: Date()) {
            passed = try await req.store.secondFactors.spend(account: account.id, step: step)
        } else if typed.filter({ $0.isLetter || $0.isNumber }).count == 10 {
            passed = try await req.store.secondFactors.spendRecovery(account: account.id, hash: recoveryHash(typed))
            if passed { try await req.store.audit.record(.secondFactorRecovery, username: account.username, role: account.role.rawValue, detail: "gendannelseskode brugt ved log ind", address: address) }
        }
        guard passed else {
            try await req.store.audit.record(.secondFactorFailed, username: account.username, role: account.role.rawValue, detail: "forkert eller brugt kode", address: address)
            req.roret.metrics.signInFailed()
            return try await refuse("Koden passer ikke, eller den er allerede brugt. Skriv den næste kode fra appen.", .unauthorized)
        }
        // Signed in: a new session, marked as through the second factor.
        try await req.beginSession([SessionAuthenticator.accountKey: account.id.uuidString, passedKey: "ja"])
        return req.redirect(to: SignInRoutes.home(for: account.role))
    }

    struct EnrolmentPage: Encodable {
        var chrome: Chrome
        var enrolled: Bool
        var required: Bool
        var secret: String
        var uri: String
        var qr: String
        var codes: [String]?
        var error: String?
    }

    @Sendable static func enrolment(req: Request) async throws -> Response {
        try await enrolmentPage(req, error: nil)
    }

    static func enrolmentPage(_ req: Request, error: String?) async throws -> Response {
        let account = try req.requireAccount()
        var factor = try await req.store.secondFactors.find(account: account.id)
        if factor == nil {
            try await req.store.secondFactors.begin(account: account.id, secret: Base32.encode((0..<20).map { _ in UInt8.random(in: .min ... .max) }))
            factor = try await req.store.secondFactors.find(account: account.id)
        }
        guard let factor, let secret = Base32.decode(factor.secret) else { throw Abort(.internalServerError) }
        let codes = req.session.data[newCodesKey].map { $0.split(separator: " ").map(String.init) }
        if codes != nil { req.session.data[newCodesKey] = nil }
        let uri = TOTP(secret: secret).provisioningURI(account: account.username, issuer: issuer)
        let grouped = stride(from: 0, to: factor.secret.count, by: 4).map { i in
            String(factor.secret.dropFirst(i).prefix(4))
        }.joined(separator: " ")
        let page = EnrolmentPage(chrome: try Chrome(req, title: "Totrinsgodkendelse", active: ""), enrolled: factor.isConfirmed,
                                 required: req.roret.configuration.requireSecondFactor && AccessPolicy.requiresSecondFactor(account.role),
                                 secret: factor.isConfirmed ? "" : grouped, uri: factor.isConfirmed ? "" : uri,
                                 qr: factor.isConfirmed ? "" : QRCode.svg(uri, title: "QR-kode til autentificeringsappen"), codes: codes, error: error)
        return try await req.renderPage("second-factor", page, chrome: page.chrome, status: error == nil ? .ok : .badRequest)
    }

    @Sendable static func confirm(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        guard let factor = try await req.store.secondFactors.find(account: account.id), !factor.isConfirmed, let secret = Base32.decode(factor.secret) else {
            return req.redirect(to: "/to-faktor")
        }
        let typed = (try? req.content.get(String.self, at: "code")) ?? ""
        guard let step = TOTP(secret: secret).matchingStep(typed, at: Date()) else {
            return try await enrolmentPage(req, error: "Koden passer ikke. Tjek, at appen har den nye nøgle, og skriv den kode, den viser nu (6 cifre).")
        }
        let codes = (0..<10).map { _ in newRecoveryCode() }
        try await req.audited(.secondFactorEnrolled, area: account.area, detail: { _ in "totrinsgodkendelse slået til" }) { store in
            try await store.secondFactors.confirm(account: account.id, step: step, recoveryHashes: codes.map(recoveryHash))
        }
        req.session.data[passedKey] = "ja"
        req.session.data[newCodesKey] = codes.joined(separator: " ")
        req.notice("Totrinsgodkendelse er slået til. Gem gendannelseskoderne nu; de vises kun denne ene gang.")
        return req.redirect(to: "/to-faktor")
    }

    /// A recovery code: ten Base32 characters, shown as "abcde-fghij".
    static func newRecoveryCode() -> String {
        let raw = Base32.encode((0..<7).map { _ in UInt8.random(in: .min ... .max) }).lowercased()
        return String(raw.prefix(5)) + "-" + String(raw.dropFirst(5).prefix(5))
    }

    /// The stored form of a recovery code: SHA-256 of its letters and digits, lower case.
    static func recoveryHash(_ code: String) -> String { Secrets.sha256(code.lowercased().filter { $0.isLetter || $0.isNumber }) }
}

/// An account whose role requires a second factor reaches nothing but
/// enrolment (and sign-out) until its session has passed one.
struct RequireSecondFactor: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.roret.configuration.requireSecondFactor, let account = request.account, AccessPolicy.requiresSecondFactor(account.role),
              request.session.data[SecondFactorRoutes.passedKey] == nil else { return try await next.respond(to: request) }
        if request.method == .GET || request.method == .HEAD { return request.redirect(to: "/to-faktor") }
        throw Abort(.forbidden, reason: "Slå totrinsgodkendelse til først (Totrinsgodkendelse).")
    }
}
