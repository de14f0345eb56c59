import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
import Testing

/// Accounts, sessions, API tokens and the audit log in the store, on SQLite
/// and (in CI) PostgreSQL.
@Suite struct AccountStoreTests {
    @Test(arguments: TestDatabase.available)
    func accountsAreCreatedFoundAndDisabled(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            #expect(try await store.accounts.isEmpty())
            let made = try await store.accounts.create(username: "leder", displayName: "Lea", role: .leader, area: "265", passwordHash: "h1")
            #expect(!(try await store.accounts.isEmpty()))
            #expect(try await store.accounts.find(username: "leder") == made)
            #expect(try await store.accounts.find(id: made.id)?.role == .leader)
            #expect(try await store.accounts.credentials(username: "leder")?.passwordHash == "h1")
            await #expect(throws: StoreError.usernameTaken("leder")) {
                try await store.accounts.create(username: "leder", displayName: "x", role: .analyst, area: "265", passwordHash: "h")
            }
            await #expect(throws: StoreError.invalidUsername("no spaces")) {
                try await store.accounts.create(username: "no spaces", displayName: "x", role: .analyst, area: "265", passwordHash: "h")
            }
            try await store.accounts.disable(username: "leder")
            #expect(try await store.accounts.find(username: "leder")?.isDisabled == true)
            // A new password enables the account again.
            try await store.accounts.setPasswordHash(username: "leder", "h2")
            let after = try await store.accounts.credentials(username: "leder")
            #expect(after?.passwordHash == "h2")
            #expect(after?.account.isDisabled == false)
            await #expect(throws: StoreError.noSuchAccount("ingen")) { try await store.accounts.disable(username: "ingen") }
        }
    }

    @Test(arguments: TestDatabase.available)
    func sessionsLiveUntilDeletedOrExpired(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let sessions = host.store.sessions
            try await sessions.create(key: "k1", data: ["account": "a", "csrf": "c"])
            #expect(try await sessions.read(key: "k1") == ["account": "a", "csrf": "c"])
            #expect(try await sessions.update(key: "k1", data: ["csrf": "d"]))
            #expect(try await sessions.read(key: "k1") == ["csrf": "d"])
            #expect(!(try await sessions.update(key: "unknown", data: [:])))
            #expect(try await sessions.read(key: "unknown") == nil)
            try await sessions.delete(key: "k1")
            #expect(try await sessions.read(key: "k1") == nil)
            try await sessions.create(key: "k2", data: [:])
            // Purging "as of" a time past the lifetime removes it.
            #expect(try await sessions.purgeExpired(now: Date().addingTimeInterval(SessionRepository.lifetime + 60)) == 1)
            #expect(try await sessions.read(key: "k2") == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theAuditLogFiltersAndCounts(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let audit = host.store.audit
            let t0 = Date(timeIntervalSince1970: 1_800_000_000)
            try await audit.record(.signInFailed, username: "a", detail: "1", at: t0)
            try await audit.record(.signInFailed, username: "a", detail: "2", at: t0.addingTimeInterval(60))
            try await audit.record(.signInFailed, username: "b", detail: "3", at: t0.addingTimeInterval(120))
            try await audit.record(.signIn, username: "a", role: "leader", area: "265", detail: "4", address: "127.0.0.1", at: t0.addingTimeInterval(180))
            #expect(try await audit.failedSignIns(username: "a", since: t0) == .init(count: 2, last: t0.addingTimeInterval(60).timeIntervalSince1970))
            #expect(try await audit.failedSignIns(username: "a", since: t0.addingTimeInterval(30)).count == 1)
            #expect(try await audit.failedSignIns(address: "127.0.0.1", since: t0).count == 0, "a sign-in from that address is not a failure")
            #expect(try await audit.failedSignIns(username: "b", address: nil, since: t0).count == 1)
            let all = try await audit.events(AuditQuery())
            #expect(all.map(\.detail) == ["4", "3", "2", "1"], "newest first")
            #expect(all.first?.address == "127.0.0.1")
            #expect(try await audit.events(AuditQuery(username: "a")).map(\.detail) == ["4", "2", "1"])
            #expect(try await audit.events(AuditQuery(action: .signIn)).map(\.detail) == ["4"])
            #expect(try await audit.events(AuditQuery(from: t0.addingTimeInterval(60), to: t0.addingTimeInterval(180))).map(\.detail) == ["3", "2"])
            #expect(try await audit.events(AuditQuery(limit: 1)).count == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func apiTokensWorkUntilRevoked(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let analyst = try await store.accounts.create(username: "ana", displayName: "Ana", role: .analyst, area: "265", passwordHash: "h")
            let other = try await store.accounts.create(username: "bo", displayName: "Bo", role: .analyst, area: "253", passwordHash: "h")
            let token = try await store.tokens.create(accountID: analyst.id, name: "script", tokenHash: "hash-1")
            let used = try await store.tokens.use(tokenHash: "hash-1")
            #expect(used?.1.username == "ana")
            #expect(try await store.tokens.tokens(of: analyst.id).first?.lastUsedAt != nil)
            #expect(try await store.tokens.use(tokenHash: "hash-2") == nil)
            // Another account cannot revoke it.
            #expect(!(try await store.tokens.revoke(id: token.id, of: other.id)))
            #expect(try await store.tokens.revoke(id: token.id, of: analyst.id))
            #expect(try await store.tokens.use(tokenHash: "hash-1") == nil)
            #expect(try await store.tokens.tokens(of: analyst.id).first?.isActive == false)
        }
    }

    @Test(arguments: TestDatabase.available)
    func migratingTwiceChangesNothing(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            _ = try await host.store.accounts.create(username: "x1", displayName: "X", role: .leader, area: "265", passwordHash: "h")
            try await host.migrate()
            #expect(try await host.store.accounts.all().map(\.username) == ["x1"])
        }
    }
}
