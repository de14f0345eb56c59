import Vapor

/// Cross-site request forgery protection: every form carries the session's
/// token in a hidden `csrf` field, and every state-changing request must
/// present it. GET and HEAD change nothing and pass.
struct CSRFProtection: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let field = "csrf"
    /// Before sign-in there is no session: the sign-in form's token is also
    /// in this cookie (double submit), so no session row is made for a visit.
    static let signInCookie = "roret-csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method != .GET, request.method != .HEAD else { return try await next.respond(to: request) }
        if request.headers.contentType?.type == "multipart" {
            // Only a route that reads its stream checks the token there, before
            // any file byte (`ExtractUpload`); any other multipart post is refused.
            guard request.route?.userInfo[ExtractUpload.checksCSRFInStream] as? Bool == true else {
                throw Abort(.forbidden, reason: "Formularen var udløbet. Gå tilbage, genindlæs siden og prøv igen.")
            }
            return try await next.respond(to: request)
        }
        // A form body larger than one network read arrives as a stream that
        // the route collects only after the middleware: collect it here (up
        // to the routes' limit), or a long text would read as "no token".
        if request.body.data == nil {
            _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
        }
        struct Form: Content { var csrf: String? }
        let sent = (try? request.content.decode(Form.self))?.csrf ?? request.headers.first(name: "X-CSRF-Token")
        guard let expected = Self.expectedToken(request), let sent, Secrets.equal(sent, expected) else {
            throw Abort(.forbidden, reason: "Formularen var udløbet. Gå tilbage, genindlæs siden og prøv igen.")
        }
        return try await next.respond(to: request)
    }
}

extension CSRFProtection {
    /// The token a form posted in `request` must carry.
    static func expectedToken(_ request: Request) -> String? {
        request.hasSession ? request.session.data[sessionKey] : request.cookies[signInCookie]?.string
    }
}

extension Request {
    /// The CSRF token for forms: the session's, created when missing; before
    /// sign-in (no session) the sign-in cookie's, which `withSignInToken` sets.
    var csrfToken: String {
        if !hasSession && account == nil {
            if let token = cookies[CSRFProtection.signInCookie]?.string, !token.isEmpty { return token }
            if let token = storage[NewSignInToken.self] { return token }
            let token = Secrets.random(bytes: 24)
            storage[NewSignInToken.self] = token
            return token
        }
        if let token = session.data[CSRFProtection.sessionKey] { return token }
        let token = Secrets.random(bytes: 24)
        session.data[CSRFProtection.sessionKey] = token
        return token
    }
}

/// A sign-in token made on this request, to be set as the cookie.
struct NewSignInToken: StorageKey {
    typealias Value = String
}

extension Response {
    /// Sets the sign-in form's CSRF cookie when this request made a new token.
    func withSignInToken(from request: Request) -> Response {
        if let token = request.storage[NewSignInToken.self] {
            cookies[CSRFProtection.signInCookie] = HTTPCookies.Value(
                string: token, path: "/", isSecure: request.roret.configuration.secureCookies, isHTTPOnly: true, sameSite: .strict)
        }
        return self
    }
}
