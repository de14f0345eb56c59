import Vapor

/// Errors as a Danish page in the browser and as JSON on the API; the
/// reason of an unexpected error is logged, never shown.
struct ErrorPages: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let status: HTTPStatus
            var reason: String
            var headers: HTTPHeaders = [:]
            if let abort = error as? any AbortError {
                status = abort.status
                reason = abort.reason
                headers = abort.headers
            } else {
                request.logger.report(error: error)
                status = .internalServerError
                reason = "Der skete en uventet fejl."
            }
            if request.url.path.hasPrefix("/api/") {
                struct Body: Content {
                    var error: Bool
                    var reason: String
                }
                let response = try await Body(error: true, reason: reason).encodeResponse(status: status, headers: headers, for: request)
                return response
            }
            switch status {
            case .notFound: reason = "Siden findes ikke."
            case .forbidden where reason == HTTPStatus.forbidden.reasonPhrase: reason = "Du har ikke adgang til denne side."
            default: break
            }
            let page = MessagePage(title: "\(status.code) — \(status.reasonPhrase)", message: reason)
            let chrome = request.account == nil ? nil : try? Chrome(request, title: "Fejl", active: "")
            let response = (try? await request.renderPage("message", page, chrome: chrome, status: status)) ?? Response(status: status, body: .init(string: reason))
            response.status = status
            for (name, value) in headers where name.lowercased() != "content-type" { response.headers.replaceOrAdd(name: name, value: value) }
            return response
        }
    }
}
