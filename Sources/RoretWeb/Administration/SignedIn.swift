import RoretCore
import RoretStore
import Vapor

/// The account behind the current request (browser session or API token).
struct SignedIn: Authenticatable {
    let account: Account
}

extension Request {
    /// The signed-in account; routes behind `RequireSignIn` always have one.
    var account: Account? { auth.get(SignedIn.self)?.account }

    /// The signed-in account, or 401.
    func requireAccount() throws -> Account {
        guard let account else { throw Abort(.unauthorized) }
        return account
    }

    /// Runs `work` and writes its audit entry (by the current account, from
    /// the client's address) in one transaction: the change is never stored
    /// without its entry, nor the entry without the change.
    @discardableResult
    func audited<T: Sendable>(
        _ action: AuditAction, area: String?, detail: @escaping @Sendable (T) -> String,
        _ work: @escaping @Sendable (Store) async throws -> T
    ) async throws -> T {
        let (username, role, address) = (account?.username, account?.role.rawValue, remoteAddress?.ipAddress)
        return try await store.transaction { store in
            let result = try await work(store)
            try await store.audit.write(AuditEntry(action, username: username, role: role, area: area, detail: detail(result), address: address))
            return result
        }
    }

    /// Starts a new session (a new id: a session fixed before sign-in is
    /// worthless; the old one is deleted) holding `values` and a fresh CSRF
    /// token. Every way in — password, code, the municipality's login — ends here.
    func beginSession(_ values: [String: String]) async throws {
        if hasSession, let old = session.id { try await store.sessions.delete(key: DatabaseSessionDriver.storedKey(old)) }
        session.id = nil
        session.data = SessionData(initialData: values.merging([CSRFProtection.sessionKey: Secrets.random(bytes: 24)]) { a, _ in a })
    }

    /// Records an audit event for the current account and client address.
    func audit(_ action: AuditAction, area: String? = nil, detail: String) async throws {
        try await store.audit.record(
            action, username: account?.username, role: account?.role.rawValue,
            area: area, detail: detail, address: remoteAddress?.ipAddress
        )
    }
}

/// Restores the signed-in account from the session. A disabled or removed
/// account's session ends at its next request.
struct SessionAuthenticator: AsyncMiddleware {
    static let accountKey = "account"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Only a request with a session cookie touches the session: an
        // anonymous visit (the sign-in page) creates no session row.
        if request.hasSession, let raw = request.session.data[Self.accountKey], let id = UUID(uuidString: raw) {
            if let account = try await request.store.accounts.find(id: id), !account.isDisabled {
                request.auth.login(SignedIn(account: account))
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}

/// Browser pages: without a signed-in account, go to the sign-in page.
struct RequireSignIn: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.account != nil else {
            return request.redirect(to: "/log-ind")
        }
        return try await next.respond(to: request)
    }
}

/// Only accounts whose role passes `allowed`; others get 403 (and an audit line).
struct RequireRole: AsyncMiddleware {
    let allowed: @Sendable (Role) -> Bool

    /// The path for the audit log, with internal ids (a citizen's record) shown as "(id)".
    static func readablePath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { UUID(uuidString: String($0)) == nil ? String($0) : "(id)" }
            .joined(separator: "/")
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let account = try request.requireAccount()
        guard allowed(account.role) else {
            try await request.audit(.accessDenied, detail: "\(request.method == .GET ? "side" : "formular") \(Self.readablePath(request.url.path))")
            throw Abort(.forbidden)
        }
        return try await next.respond(to: request)
    }
}

/// API: `Authorization: Bearer <token>`; only roles that may use the API.
struct TokenAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization,
              let (_, account) = try await request.store.tokens.use(tokenHash: Secrets.sha256(bearer.token)),
              !account.isDisabled
        else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "A valid API token is required.")
        }
        guard AccessPolicy.mayUseAPI(account.role) else { throw Abort(.forbidden) }
        request.auth.login(SignedIn(account: account))
        return try await next.respond(to: request)
    }
}
