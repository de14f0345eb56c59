import Foundation
import Vapor

/// The page around a body: the chrome (user, menu, CSRF token) and the body's HTML.
struct Layout: Encodable {
    var chrome: Chrome?
    var body: String
}

extension Request {
    /// Renders `template` with `model` as the body, inside the layout with `chrome`.
    func renderPage<Model: Encodable>(_ template: String, _ model: Model, chrome: Chrome?, status: HTTPStatus = .ok) async throws -> Response {
        let body = try await renderBody(template, model)
        return try await renderLayout(chrome: chrome, body: body, status: status)
    }

    /// Renders a dashboard page whose body depends only on `key` (extract
    /// version, access scope, page and query): the body is built and
    /// rendered once and then reused; only the chrome is rendered per request.
    func renderCachedPage<Model: Encodable>(_ template: String, key: String, chrome: Chrome, build: () throws -> Model) async throws -> Response {
        let cache = roret.renderedBodies
        let body: String
        if let hit = cache[key] {
            body = hit
        } else {
            body = try await renderBody(template, try build())
            cache[key] = body
        }
        return try await renderLayout(chrome: chrome, body: body, status: .ok)
    }

    private func renderBody<Model: Encodable>(_ template: String, _ model: Model) async throws -> String {
        String(buffer: try await view.render(template, model).data)
    }

    private func renderLayout(chrome: Chrome?, body: String, status: HTTPStatus) async throws -> Response {
        let response = try await view.render("layout", Layout(chrome: chrome, body: body)).encodeResponse(for: self)
        response.status = status
        return response
    }
}

/// Rendered dashboard bodies (*færdige sider*), keyed by everything they
/// depend on. An extract version never changes, so an entry never goes
/// stale; a new version has new keys. Bounded by size, oldest out first.
final class RenderedBodies: @unchecked Sendable {
    private let lock = NSLock()
    private var bodies: [String: String] = [:]
    private var order: [String] = []
    private var bytes = 0
    /// At most this many bytes of HTML are kept.
    let capacity: Int

    init(capacity: Int = 64 << 20) { self.capacity = capacity }

    subscript(key: String) -> String? {
        get { lock.withLock { bodies[key] } }
        set {
            guard let body = newValue, body.utf8.count <= capacity else { return }
            lock.withLock {
                guard bodies[key] == nil else { return }
                bodies[key] = body
                order.append(key)
                bytes += body.utf8.count
                while bytes > capacity, !order.isEmpty {
                    let oldest = order.removeFirst()
                    bytes -= bodies.removeValue(forKey: oldest)?.utf8.count ?? 0
                }
            }
        }
    }

    var count: Int { lock.withLock { bodies.count } }
}
