import Vapor

/// Headers that keep the pages from being framed, sniffed or leaking their
/// address, and allow only the app's own scripts, styles and images.
struct SecurityHeaders: AsyncMiddleware {
    /// Behind HTTPS (`RORET_PUBLIC_URL` is https): browsers keep to HTTPS for a year.
    var strictTransportSecurity = false

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if strictTransportSecurity { response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000") }
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        if response.headers.first(name: .cacheControl) == nil {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
