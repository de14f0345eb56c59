import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// The password every test account has.
let testPassword = "test-password-1"

/// The accounts every test app has: one per role in Roskilde (265), a leader
/// in Greve (253), a national analyst and a national administrator.
let testAccounts: [(username: String, role: Role, area: String, provider: String?)] = [
    ("admin", .administrator, nationalArea, nil),
    ("leder", .leader, "265", nil),
    ("leder-greve", .leader, "253", nil),
    ("analytiker", .analyst, "265", nil),
    ("analytiker-land", .analyst, nationalArea, nil),
    ("sagsbehandler", .caseworker, "265", nil),
    ("sagsbehandler-2", .caseworker, "265", nil),
    ("udfoerer", .provider, "265", "Bostedet"),
    ("udfoerer-2", .provider, "265", "Værestedet"),
    ("borger", .citizen, "265", nil),
    ("borger-2", .citizen, "265", nil),
]

/// Builds the application in-process on a fresh database with the demo
/// extract imported and the test accounts, runs `body`, and always shuts down.
func withRoretApp<T>(
    _ backend: TestDatabase = .sqlite, importDemo: Bool = true,
    configure adjust: (inout RoretConfiguration) -> Void = { _ in },
    _ body: (Application) async throws -> T
) async throws -> T {
    try await backend.withFreshStore(suite: "web") { storeConfig in
        var config = RoretConfiguration(store: storeConfig, bcryptCost: 4, runsHousekeeping: false)
        adjust(&config)
        let app = try await Application.make(.testing)
        do {
            try await configure(app, config)
            let store = Store(database: app.db)
            if importDemo {
                _ = try await ExtractImport.run(store: store, figures: app.roret.figures, currentVersions: app.roret.currentVersions, files: TestExtracts.demo(), source: "test", importedBy: "test")
            }
            let accounts = AccountService(store: store, bcryptCost: 4, threadPool: app.threadPool)
            for a in testAccounts {
                _ = try await accounts.add(username: a.username, displayName: a.username, role: a.role, area: a.area, password: testPassword, provider: a.provider, by: "test")
            }
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

/// A browser for route tests: keeps the session cookie and the page's CSRF token.
struct Browser {
    let app: Application
    /// The session cookie's value.
    var cookie: String?
    /// The sign-in form's CSRF cookie (before sign-in there is no session).
    var signInCookie: String?
    var csrf: String?

    init(_ app: Application) { self.app = app }

    /// Signs in through the form; returns the response to the POST.
    @discardableResult
    mutating func signIn(_ username: String, password: String = testPassword) async throws -> TestingHTTPResponse {
        _ = try await get("/log-ind")
        return try await post("/log-ind", ["username": username, "password": password])
    }

    mutating func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a form; the CSRF token of the last page is added unless `csrf` is given.
    mutating func post(_ path: String, _ form: [String: String], csrf: String? = nil) async throws -> TestingHTTPResponse {
        var fields = form
        if let token = csrf ?? self.csrf, fields["csrf"] == nil { fields["csrf"] = token }
        let body = fields.keys.sorted().map { "\($0)=\(Self.encode(fields[$0]!))" }.joined(separator: "&")
        return try await send(.POST, path, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    mutating func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> TestingHTTPResponse {
        var headers = headers
        let jar = [cookie.map { "roret-session=\($0)" }, signInCookie.map { "roret-csrf=\($0)" }].compactMap { $0 }
        if !jar.isEmpty { headers.replaceOrAdd(name: .cookie, value: jar.joined(separator: "; ")) }
        let request = TestingHTTPRequest(method: method, url: URI(string: path), headers: headers, body: body ?? ByteBuffer())
        let response = try await app.testing().performTest(request: request)
        if let set = response.headers.setCookie?["roret-session"] {
            cookie = set.string.isEmpty ? nil : set.string
        }
        if let set = response.headers.setCookie?["roret-csrf"] {
            signInCookie = set.string.isEmpty ? nil : set.string
        }
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
        return response
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }
}

/// The audit events of one action, newest first.
func auditEvents(_ app: Application, _ action: AuditAction, username: String? = nil) async throws -> [AuditEvent] {
    try await Store(database: app.db).audit.events(AuditQuery(username: username, action: action))
}

/// A page without its random parts — ids (UUIDs) and the form token — so a
/// test that looks for a pseudonym such as "C-1" is not fooled by "…C-1…" in an id.
func withoutRandomParts(_ html: String) -> String {
    var text = html.replacingOccurrences(of: "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}", with: "", options: .regularExpression)
    if let token = Browser.csrfToken(in: html) { text = text.replacingOccurrences(of: token, with: "") }
    return text
}

extension Application {
    /// Serves on a free loopback port the system picks (a random port could be taken by a concurrent test) and returns it.
    func serveOnFreePort() async throws -> Int {
        try await server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = http.server.shared.localAddress?.port else { throw Abort(.internalServerError, reason: "the test server has no port") }
        return port
    }
}
