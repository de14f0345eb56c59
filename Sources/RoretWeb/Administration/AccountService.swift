import Foundation
import RoretCore
import RoretStore
import Vapor

/// Accounts with their passwords (*brugeradministration og log ind*):
/// Bcrypt hashes, throttled sign-in, generated passwords. Shared by the web
/// pages and `roret user`.
public struct AccountService: Sendable {
    let store: Store
    let bcryptCost: Int
    let throttleLimit: Int
    let throttleWindow: TimeInterval
    let threadPool: NIOThreadPool

    public init(store: Store, bcryptCost: Int, throttleLimit: Int = 5, throttleWindow: TimeInterval = 15 * 60, threadPool: NIOThreadPool = .singleton) {
        self.store = store
        self.bcryptCost = bcryptCost
        self.throttleLimit = throttleLimit
        self.throttleWindow = throttleWindow
        self.threadPool = threadPool
    }

    /// Whether `area` names an area: `national` or the code of one of the 98 municipalities.
    public static func isValidArea(_ area: String) -> Bool {
        area == nationalArea || DanishMunicipality.name(of: area) != nil
    }

    /// A new readable password: 3 groups of 4 from an alphabet without look-alikes (~62 bits).
    public static func generatePassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return (0..<3).map { _ in String((0..<4).map { _ in alphabet.randomElement(using: &generator)! }) }.joined(separator: "-")
    }

    /// Creates an account; returns it with its password (the given one, or a generated one).
    public func add(username: String, displayName: String?, role: Role, area: String, password: String? = nil, provider: String? = nil, by actor: String) async throws -> (Account, String) {
        guard Self.isValidArea(area) else {
            throw Abort(.badRequest, reason: "Området «\(area.prefix(20))» findes ikke. Skriv 'national' eller koden på en af de 98 kommuner, fx 265 for Roskilde.")
        }
        let password = password ?? Self.generatePassword()
        guard password.count >= 10 else { throw Abort(.badRequest, reason: "Adgangskoden skal have mindst 10 tegn.") }
        let account = try await store.accounts.create(
            username: username, displayName: displayName ?? username, role: role, area: area,
            passwordHash: try await hash(password), provider: provider
        )
        try await store.audit.record(.accountAdded, username: actor, area: area, detail: "\(username) (\(role.danishName))")
        return (account, password)
    }

    /// Gives the account a new generated password (and enables it); returns the password.
    public func reset(username: String, by actor: String) async throws -> String {
        let password = Self.generatePassword()
        try await store.accounts.setPasswordHash(username: username, try await hash(password))
        try await endSessionsAndTokens(of: username)
        try await store.audit.record(.accountReset, username: actor, detail: "\(username): sessioner afsluttet, API-nøgler tilbagekaldt")
        return password
    }

    /// Disables the account; its sessions and tokens stop working at once.
    public func disable(username: String, by actor: String) async throws {
        try await store.accounts.disable(username: username)
        try await endSessionsAndTokens(of: username)
        try await store.audit.record(.accountDisabled, username: actor, detail: username)
    }

    /// Signs the account out everywhere and revokes its API keys.
    private func endSessionsAndTokens(of username: String) async throws {
        guard let account = try await store.accounts.find(username: username) else { return }
        try await store.sessions.deleteAll(accountID: account.id)
        try await store.tokens.revokeAll(of: account.id)
    }

    /// Enables a disabled account again.
    public func enable(username: String, by actor: String) async throws {
        try await store.accounts.enable(username: username)
        try await store.audit.record(.accountEnabled, username: actor, detail: username)
    }

    /// The outcome of a sign-in attempt.
    public enum SignInResult: Sendable {
        case signedIn(Account)
        case refused
        case throttled
    }

    /// Checks a username and password. Every attempt is audited; after
    /// `throttleLimit` failures within `throttleWindow` the username is
    /// refused without checking, on every instance (the count comes from the audit log).
    public func signIn(username: String, password: String, address: String?) async throws -> SignInResult {
        let since = Date().addingTimeInterval(-throttleWindow)
        if try await store.audit.count(.signInFailed, username: username, since: since) >= throttleLimit {
            try await store.audit.record(.signInThrottled, username: username, detail: "for mange mislykkede forsøg", address: address)
            return .throttled
        }
        let found = try await store.accounts.credentials(username: username)
        // An unknown name costs the same check as a known one: no timing tells which names exist.
        let hash = found?.passwordHash ?? Self.dummyHash(cost: bcryptCost)
        let matches = try await threadPool.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false }
        guard let found, matches, !found.account.isDisabled else {
            try await store.audit.record(.signInFailed, username: username, detail: found == nil ? "ukendt bruger" : "forkert adgangskode eller deaktiveret", address: address)
            return .refused
        }
        try await store.audit.record(.signIn, username: username, role: found.account.role.rawValue, area: found.account.area, detail: "browser", address: address)
        return .signedIn(found.account)
    }

    private func hash(_ password: String) async throws -> String {
        let cost = bcryptCost
        return try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    /// A Bcrypt hash of a random password at the accounts' own cost, compared
    /// against for unknown usernames, so the time taken never tells whether
    /// a name exists (a cheaper dummy did: 63 ms against 234 ms).
    static func dummyHash(cost: Int) -> String {
        dummyHashes.withLock { hashes in
            if let hash = hashes[cost] { return hash }
            let hash = (try? Bcrypt.hash(Secrets.random(bytes: 16), cost: cost)) ?? ""
            hashes[cost] = hash
            return hash
        }
    }

    private static let dummyHashes = LockedDictionary()
}

/// A dictionary behind a lock (the dummy hashes, one per Bcrypt cost).
final class LockedDictionary: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: String] = [:]

    func withLock<T>(_ body: (inout [Int: String]) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&values)
    }
}
