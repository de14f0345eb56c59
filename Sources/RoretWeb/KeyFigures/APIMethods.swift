import Vapor

/// The API is read-only: any method but GET and HEAD on `/api/v1` is a 405
/// with `Allow: GET, HEAD` (the router alone would say 404), as
/// `docs/openapi.yaml` declares.
struct APIMethods: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        if path == "/api/v1" || path.hasPrefix("/api/v1/"), request.method != .GET, request.method != .HEAD {
            throw Abort(.methodNotAllowed, headers: ["Allow": "GET, HEAD"], reason: "Only GET and HEAD are allowed here.")
        }
        return try await next.respond(to: request)
    }
}
