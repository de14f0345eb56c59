import Foundation
import NIOConcurrencyHelpers
import RoretCore
import RoretStore
import Vapor

/// Accounts with their passwords (*brugeradministration og log ind*):
/// Bcrypt hashes, throttled sign-in, generated passwords. Shared by the web
/// pages and `roret user`.
public struct AccountService: Sendable {
    let store: Store
    let bcryptCost: Int
    let throttle: SignInThrottle
    /// Attempts at one username are checked one at a time on this instance.
    let gate: SignInGate
    let threadPool: NIOThreadPool
    /// The roles that may sign in with a local password (the others use the municipality's login).
    let passwordRoles: Set<Role>

    public init(store: Store, bcryptCost: Int, throttle: SignInThrottle = SignInThrottle(), gate: SignInGate = SignInGate(), threadPool: NIOThreadPool = .singleton,
                passwordRoles: Set<Role> = Set(Role.allCases)) {
        self.store = store
        self.bcryptCost = bcryptCost
        self.throttle = throttle
        self.gate = gate
        self.threadPool = threadPool
        self.passwordRoles = passwordRoles
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
        let passwordHash = try await hash(password)
        let account = try await store.transaction { store in
            let account = try await store.accounts.create(
                username: username, displayName: displayName ?? username, role: role, area: area, passwordHash: passwordHash, provider: provider
            )
            try await store.audit.record(.accountAdded, username: actor, area: area, detail: "\(username) (\(role.danishName))")
            return account
        }
        return (account, password)
    }

    /// Gives the account a new generated password (and enables it); returns the password.
    public func reset(username: String, by actor: String) async throws -> String {
        let password = Self.generatePassword()
        let passwordHash = try await hash(password)
        try await store.transaction { store in
            try await store.accounts.setPasswordHash(username: username, passwordHash)
            try await Self.endSessionsAndTokens(of: username, in: store)
            try await store.audit.record(.accountReset, username: actor, detail: "\(username): sessioner afsluttet, API-nøgler tilbagekaldt")
        }
        return password
    }

    /// Disables the account; its sessions and tokens stop working at once.
    public func disable(username: String, by actor: String) async throws {
        try await store.transaction { store in
            try await store.accounts.disable(username: username)
            try await Self.endSessionsAndTokens(of: username, in: store)
            try await store.audit.record(.accountDisabled, username: actor, detail: username)
        }
    }

    /// Signs the account out everywhere and revokes its API keys.
    private static func endSessionsAndTokens(of username: String, in store: Store) async throws {
        guard let account = try await store.accounts.find(username: username) else { return }
        try await store.sessions.deleteAll(accountID: account.id)
        try await store.tokens.revokeAll(of: account.id)
    }

    /// Clears a username's failed sign-ins (an administrator's act, audited).
    public func clearSignInFailures(username: String, by actor: String) async throws {
        try await store.audit.record(.signInCleared, username: actor, detail: username)
    }

    /// Enables a disabled account again.
    public func enable(username: String, by actor: String) async throws {
        try await store.transaction { store in
            try await store.accounts.enable(username: username)
            try await store.audit.record(.accountEnabled, username: actor, detail: username)
        }
    }

    /// The outcome of a sign-in attempt.
    public enum SignInResult: Sendable {
        case signedIn(Account)
        case refused
        /// Too many failures: the next attempt is checked after this many seconds.
        case throttled(seconds: Int)
        /// The right password, but the role signs in through the municipality's login.
        case passwordNotAllowed
    }

    /// Checks a username and password. Every attempt is audited. Failures
    /// counted from the audit log (so across instances) give a wait that
    /// grows with each one (`SignInThrottle`), per name from one address,
    /// per name and per address; while it lasts, even the right password is
    /// not checked. Attempts at one name are checked one at a time, so
    /// parallel guesses cannot all slip in before the first is counted.
    public func signIn(username: String, password: String, address: String?) async throws -> SignInResult {
        let name = String(username.prefix(AuditLog.maxUsernameLength))
        return try await gate.serialize(name) {
            try await self.check(username: name, password: password, address: address)
        }
    }

    private func check(username: String, password: String, address: String?) async throws -> SignInResult {
        let now = Date()
        var since = now.addingTimeInterval(-throttle.window)
        if let cleared = try await store.audit.lastCleared(username: username), cleared > since { since = cleared }
        let nameAndAddress = address == nil ? SignInThrottle.Failures.none : try await store.audit.failedSignIns(username: username, address: address, since: since)
        let byName = try await store.audit.failedSignIns(username: username, since: since)
        let byAddress = address == nil ? SignInThrottle.Failures.none : try await store.audit.failedSignIns(address: address, since: now.addingTimeInterval(-throttle.window))
        if let wait = throttle.wait(nameAndAddress: nameAndAddress, name: byName, address: byAddress, now: now.timeIntervalSince1970) {
            let seconds = Int(wait.rounded(.up))
            try await store.audit.record(.signInThrottled, username: username, detail: "for mange mislykkede forsøg; næste forsøg om \(seconds) s", address: address)
            return .throttled(seconds: seconds)
        }
        let found = try await store.accounts.credentials(username: username)
        // An unknown name costs the same check as a known one: no timing tells which names exist.
        // An account of the municipality's login has no password: it is checked against the dummy, and never matches.
        let sso = found?.passwordHash == SingleSignOnRepository.ssoPasswordHash
        let hash = sso ? Self.dummyHash(cost: bcryptCost) : found?.passwordHash ?? Self.dummyHash(cost: bcryptCost)
        let matches = try await threadPool.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false } && !sso
        guard let found, matches, !found.account.isDisabled else {
            try await store.audit.record(.signInFailed, username: username, detail: found == nil ? "ukendt bruger" : "forkert adgangskode eller deaktiveret", address: address)
            return .refused
        }
        guard AccessPolicy.mayUsePassword(found.account.role, passwordRoles: passwordRoles) else {
            try await store.audit.record(.signInFailed, username: username, detail: "adgangskode ikke tilladt for rollen; kommunens login", address: address)
            return .passwordNotAllowed
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
        dummyHashes.withLockedValue { hashes in
            if let hash = hashes[cost] { return hash }
            let hash = (try? Bcrypt.hash(Secrets.random(bytes: 16), cost: cost)) ?? ""
            hashes[cost] = hash
            return hash
        }
    }

    /// One dummy hash per Bcrypt cost (tests use a cheaper cost).
    private static let dummyHashes = NIOLockedValueBox<[Int: String]>([:])
}

/// Runs the work for one key at a time (*kø pr. brugernavn*): sign-in
/// attempts at one username wait for each other on this instance.
public actor SignInGate {
    private var tails: [String: Task<Void, Never>] = [:]

    public init() {}

    func serialize<T: Sendable>(_ key: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let previous = tails[key]
        let work = Task { () async throws -> T in
            await previous?.value
            return try await body()
        }
        let tail = Task { _ = try? await work.value }
        tails[key] = tail
        defer { if tails[key] == tail { tails[key] = nil } }
        return try await work.value
    }
}
