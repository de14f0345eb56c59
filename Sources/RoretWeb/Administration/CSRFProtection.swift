import Vapor

/// Cross-site request forgery protection: every form carries the session's
/// token in a hidden `csrf` field, and every state-changing request must
/// present it. GET and HEAD change nothing and pass.
struct CSRFProtection: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let field = "csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method != .GET && request.method != .HEAD {
            // A file upload streams in: collect it (up to the configured limit)
            // so the token can be read, and the route then reads the same body.
            if request.body.data == nil, request.headers.contentType?.type == "multipart" {
                let limit = request.application.roret.configuration.maxUploadBytes
                do {
                    _ = try await request.body.collect(max: limit).get()
                } catch {
                    throw Abort(.payloadTooLarge, reason: "Det sendte er større end grænsen på \(limit / 1024 / 1024) MB.")
                }
            }
            struct Form: Content { var csrf: String? }
            let sent = request.headers.contentType?.type == "multipart"
                ? MultipartUpload.firstField(Self.field, in: request)
                : (try? request.content.decode(Form.self))?.csrf ?? request.headers.first(name: "X-CSRF-Token")
            guard let expected = request.session.data[Self.sessionKey], let sent, Secrets.equal(sent, expected) else {
                throw Abort(.forbidden, reason: "Formularen var udløbet. Gå tilbage, genindlæs siden og prøv igen.")
            }
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    /// The session's CSRF token for forms, created when missing.
    var csrfToken: String {
        if let token = session.data[CSRFProtection.sessionKey] { return token }
        let token = Secrets.random(bytes: 24)
        session.data[CSRFProtection.sessionKey] = token
        return token
    }
}
