import Foundation
import FluentKit
@testable import RoretStore
import RoretCore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// Sign-in, sessions, CSRF, throttling, sign-out and disabled accounts.
@Suite struct SignInTests {
    @Test func theSignInFormCarriesACSRFTokenAndTheCookieIsHttpOnlyAndSameSite() async throws {
        try await withRoretApp { app in
            var browser = Browser(app)
            let page = try await browser.get("/log-ind")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Log ind"))
            #expect(browser.csrf != nil)
            #expect(page.headers.setCookie?["roret-session"] == nil, "a visit makes no session")
            let cookie = try #require(page.headers.setCookie?["roret-csrf"], "the form's token is double-submitted in a cookie")
            #expect(cookie.string == browser.csrf)
            #expect(cookie.isHTTPOnly)
            #expect(cookie.sameSite == .strict)
            #expect(!cookie.isSecure, "plain http in tests")
            let sessions = try await SessionModel.query(on: app.db).count()
            for _ in 0..<5 {
                var visitor = Browser(app)
                _ = try await visitor.get("/log-ind")
            }
            #expect(try await SessionModel.query(on: app.db).count() == sessions, "anonymous visits create no session rows")
            var leader = Browser(app)
            let signedIn = try await leader.signIn("leder")
            let session = try #require(signedIn.headers.setCookie?["roret-session"])
            #expect(session.isHTTPOnly && session.sameSite == .lax)
        }
    }

    @Test func sessionIdsAreStoredOnlyAsHashesAndIdleSessionsEnd() async throws {
        try await withRoretApp(importDemo: false, configure: { $0.sessionIdleTimeout = 30 * 60 }) { app in
            var leader = Browser(app)
            try await leader.signIn("leder")
            let cookie = try #require(leader.cookie)
            let keys = try await SessionModel.query(on: app.db).all().map(\.key)
            #expect(!keys.contains(cookie), "the cookie's value is not in the database")
            #expect(keys.contains(Secrets.sha256(cookie)))
            #expect(try await leader.get("/oversigt").status == .ok)
            // The session was last used 31 minutes ago.
            let session = try #require(try await SessionModel.query(on: app.db).filter(\.$key == Secrets.sha256(cookie)).first())
            var data = try JSONDecoder().decode([String: String].self, from: Data(session.data.utf8))
            data[DatabaseSessionDriver.seenKey] = String(Int(Date().timeIntervalSince1970) - 31 * 60)
            session.data = String(decoding: try JSONEncoder().encode(data), as: UTF8.self)
            try await session.save(on: app.db)
            #expect(try await leader.get("/oversigt").status == .seeOther, "unused longer than the idle timeout: signed out")
            #expect(try await SessionModel.query(on: app.db).filter(\.$key == Secrets.sha256(cookie)).count() == 0, "and gone from the database")
        }
    }

    @Test func secureCookiesWhenConfigured() async throws {
        try await withRoretApp(importDemo: false, configure: { $0.secureCookies = true }) { app in
            var browser = Browser(app)
            let page = try await browser.get("/log-ind")
            #expect(page.headers.setCookie?["roret-csrf"]?.isSecure == true)
            let signedIn = try await browser.post("/log-ind", ["username": "leder", "password": testPassword])
            #expect(signedIn.headers.setCookie?["roret-session"]?.isSecure == true)
        }
    }

    @Test func aFormWithoutTheSessionsCSRFTokenIsRefused() async throws {
        try await withRoretApp(importDemo: false) { app in
            var browser = Browser(app)
            _ = try await browser.get("/log-ind")
            let forged = try await browser.post("/log-ind", ["username": "leder", "password": testPassword], csrf: "forged")
            #expect(forged.status == .forbidden)
            var stranger = Browser(app)
            let noSession = try await stranger.post("/log-ind", ["username": "leder", "password": testPassword], csrf: "x")
            #expect(noSession.status == .forbidden)
            #expect(try await auditEvents(app, .signIn).isEmpty)
        }
    }

    @Test func aRightPasswordSignsInWithANewSessionAndIsAudited() async throws {
        try await withRoretApp(importDemo: false) { app in
            var browser = Browser(app)
            _ = try await browser.get("/log-ind")
            let before = browser.cookie
            let response = try await browser.post("/log-ind", ["username": "leder", "password": testPassword])
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/oversigt")
            #expect(browser.cookie != nil && browser.cookie != before, "a new session id at sign-in")
            let events = try await auditEvents(app, .signIn, username: "leder")
            #expect(events.count == 1)
            #expect(events.first?.role == "leader")
            // The pre-sign-in session is gone: replaying its cookie is not signed in.
            var replay = Browser(app)
            replay.cookie = before
            let r1 = try await replay.get("/oversigt")
            #expect(r1.status == .seeOther)
        }
    }

    @Test func aWrongPasswordOrUnknownNameIsRefusedAndAudited() async throws {
        try await withRoretApp(importDemo: false) { app in
            var browser = Browser(app)
            let r2 = try await browser.signIn("leder", password: "wrong-password")
            #expect(r2.status == .unauthorized)
            let r3 = try await browser.signIn("ingen-saadan", password: "wrong-password")
            #expect(r3.status == .unauthorized)
            let r4 = try await browser.get("/oversigt")
            #expect(r4.status == .seeOther)
            #expect(try await auditEvents(app, .signInFailed).map(\.username) == ["ingen-saadan", "leder"])
        }
    }

    /// In-process test requests have no client address, so only the per-name
    /// count applies here; it is set to 5 (the per-address rules are tested on the service).
    @Test func failuresGiveAWaitEvenForTheRightPasswordAndAnAdministratorCanClearIt() async throws {
        var throttle = SignInThrottle()
        throttle.perName = 5
        try await withRoretApp(importDemo: false, configure: { $0.signInThrottle = throttle }) { app in
            var browser = Browser(app)
            for _ in 0..<5 {
                let failed = try await browser.signIn("analytiker", password: "guess-guess")
                #expect(failed.status == .unauthorized)
            }
            let throttled = try await browser.signIn("analytiker", password: testPassword)
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.body.string.contains("For mange mislykkede forsøg. Vent ") && throttled.body.string.contains(" sekunder, og prøv igen"))
            #expect(try await auditEvents(app, .signInThrottled, username: "analytiker").count == 1)
            // Another name is not affected.
            var other = Browser(app)
            let r5 = try await other.signIn("leder")
            #expect(r5.status == .seeOther)
            // An administrator clears it (audited); the right password works at once.
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/brugere")
            #expect(try await admin.post("/admin/brugere/analytiker/ophaev", [:]).status == .seeOther)
            #expect(try await auditEvents(app, .signInCleared, username: "admin").first?.detail == "analytiker")
            var again = Browser(app)
            #expect(try await again.signIn("analytiker").status == .seeOther)
        }
    }

    /// The rules on the service, with addresses: guessing from one address
    /// never locks the user out elsewhere; twenty parallel guesses are
    /// counted one by one, so only five are checked.
    @Test func throttlingIsPerNameAndAddressAndParallelGuessesAreCountedOneByOne() async throws {
        try await withRoretApp(importDemo: false) { app in
            let service = AccountService(store: Store(database: app.db), bcryptCost: 4, gate: SignInGate(), threadPool: app.threadPool)
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<20 {
                    group.addTask {
                        switch try await service.signIn(username: "admin", password: "guess-\(i)", address: "203.0.113.9") {
                        case .signedIn: "in"
                        case .refused: "refused"
                        case .throttled: "throttled"
                        case .passwordNotAllowed: "not allowed"
                        }
                    }
                }
                var all: [String] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            #expect(outcomes.filter { $0 == "refused" }.count == 5, "only five guesses were checked: \(outcomes)")
            #expect(outcomes.filter { $0 == "throttled" }.count == 15)
            // The attacker's address waits, even with the right password; the administrator's own address does not.
            guard case .throttled = try await service.signIn(username: "admin", password: testPassword, address: "203.0.113.9") else {
                Issue.record("the guessing address must wait"); return
            }
            guard case .signedIn = try await service.signIn(username: "admin", password: testPassword, address: "198.51.100.7") else {
                Issue.record("the administrator is not locked out"); return
            }
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await withRoretApp(importDemo: false) { app in
            var browser = Browser(app)
            try await browser.signIn("leder")
            let old = browser.cookie
            _ = try await browser.get("/oversigt")
            let out = try await browser.post("/log-ud", [:])
            #expect(out.status == .seeOther)
            var replay = Browser(app)
            replay.cookie = old
            let after = try await replay.get("/oversigt")
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location) == "/log-ind")
            #expect(try await auditEvents(app, .signOut, username: "leder").count == 1)
        }
    }

    @Test func aDisabledAccountsSessionStopsAtItsNextRequest() async throws {
        try await withRoretApp { app in
            var leader = Browser(app)
            try await leader.signIn("leder")
            let r6 = try await leader.get("/oversigt")
            #expect(r6.status == .ok)
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/brugere")
            let r7 = try await admin.post("/admin/brugere/leder/deaktiver", ["bekraeft": "ja"])
            #expect(r7.status == .seeOther)
            let r8 = try await leader.get("/oversigt")
            #expect(r8.status == .seeOther)
            var again = Browser(app)
            let r9 = try await again.signIn("leder")
            #expect(r9.status == .unauthorized)
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await withRoretApp(importDemo: false) { app in
            var browser = Browser(app)
            let page = try await browser.get("/log-ind")
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
            #expect(page.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(page.headers.first(name: .cacheControl) == "no-store")
        }
    }
}
