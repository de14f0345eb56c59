import Vapor

/// An error of Roret's own whose reason is written in Danish for the user.
protocol DanishError: AbortError {}

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
            if error is DecodingError {
                // Vapor's own reason is English and names internal fields.
                request.logger.info("undecodable request: \(error)")
                status = .badRequest
                reason = "Formularen eller adressen indeholdt noget, der ikke kunne læses. Gå tilbage og prøv igen."
            } else if let abort = error as? any AbortError {
                status = abort.status
                if status.code >= 500 { request.logger.report(error: error) }
                reason = abort.reason == status.reasonPhrase || !Self.isOurs(abort) ? Self.danishReason(status) : abort.reason
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
            let page = MessagePage(title: "\(status.code) — \(Self.danishTitle(status))", message: reason)
            let chrome = request.account == nil ? nil : try? Chrome(request, title: "Fejl", active: "")
            let response = (try? await request.renderPage("message", page, chrome: chrome, status: status)) ?? Response(status: status, body: .init(string: reason))
            response.status = status
            for (name, value) in headers where name.lowercased() != "content-type" { response.headers.replaceOrAdd(name: name, value: value) }
            return response
        }
    }

    /// Our own errors carry Danish reasons; Vapor's (`Abort` raised inside
    /// the framework with an English reason) get a Danish one instead.
    static func isOurs(_ abort: any AbortError) -> Bool {
        if abort is any DanishError { return true }
        guard let abort = abort as? Abort else { return false }
        return abort.reason.unicodeScalars.contains { "æøåÆØÅ".unicodeScalars.contains($0) } || abort.reason.hasSuffix(".")
    }

    /// A Danish page title for a status.
    static func danishTitle(_ status: HTTPStatus) -> String {
        switch status.code {
        case 400: "Ugyldig forespørgsel"
        case 401: "Ikke logget ind"
        case 403: "Ingen adgang"
        case 404: "Ikke fundet"
        case 405: "Ikke tilladt"
        case 413: "For stor"
        case 415: "Ukendt format"
        case 429: "For mange forsøg"
        case 500..<600: "Fejl på serveren"
        default: "Fejl"
        }
    }

    /// A Danish reason where the framework gave none of ours.
    static func danishReason(_ status: HTTPStatus) -> String {
        switch status.code {
        case 400: "Forespørgslen kunne ikke læses. Gå tilbage og prøv igen."
        case 401: "Du skal logge ind."
        case 403: "Du har ikke adgang til denne side."
        case 404: "Siden findes ikke."
        case 405: "Siden kan ikke bruges på den måde."
        case 413: "Det sendte er større, end Roret tager imod."
        case 415: "Det sendte har et format, Roret ikke kender."
        case 429: "For mange forsøg. Vent lidt, og prøv igen."
        case 500..<600: "Der skete en uventet fejl."
        default: "Der skete en fejl."
        }
    }
}
