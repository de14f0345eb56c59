import Foundation
import JWT
import RoretCore
@testable import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// Single sign-on against a real OpenID Connect provider on loopback
/// (`TestOIDCProvider`, signing with ES256 keys): a caseworker signs in and
/// gets an account; a wrong audience, an expired token and an unknown role
/// are refused; the administrator's mapping gives a role; the provider
/// rotates its keys; a state is used once; passwords can be switched off
/// per role; the claims' rules in Core.
@Suite(.serialized) struct SingleSignOnTests {
    /// Roret served on a port chosen first (the redirect URI names it) with the provider configured.
    func withSSO(_ adjust: @escaping (inout RoretConfiguration) -> Void = { _ in },
                 _ body: (Application, String, TestOIDCProvider) async throws -> Void) async throws {
        let provider = try await TestOIDCProvider.start()
        do {
            let port = DriverPorts.free(count: 1)
            try await withRoretApp(.sqlite, importDemo: false, configure: { config in
                config.singleSignOn = provider.configuration
                config.port = port
                config.publicURL = "http://127.0.0.1:\(port)"
                adjust(&config)
            }) { app in
                app.http.client.configuration.redirectConfiguration = .disallow
                try await app.server.start(address: .hostname("127.0.0.1", port: port))
                do {
                    try await body(app, "http://127.0.0.1:\(port)", provider)
                } catch {
                    await app.server.shutdown()
                    throw error
                }
                await app.server.shutdown()
            }
        } catch {
            try? await provider.shutdown()
            throw error
        }
        try await provider.shutdown()
    }

    /// Through the provider as a browser goes: Roret → provider → back with the code; the last answer.
    func signIn(_ client: inout LoopbackClient, _ site: String) async throws -> (ClientResponse, callback: String) {
        let start = try await client.get(site + "/log-ind/sso")
        let authorize = try #require(start.headers.first(name: .location), "\(body(start).firstMatch(of: /class="error"[^>]*>([^<]*)/)?.1 ?? "")")
        #expect(start.status == .seeOther && authorize.contains("code_challenge_method=S256") && authorize.contains("nonce="))
        let back = try await client.get(authorize)
        let callback = try #require(back.headers.first(name: .location))
        return (try await client.get(callback), callback)
    }

    func body(_ r: ClientResponse) -> String { r.body.map { String(buffer: $0) } ?? "" }

    @Test func aCaseworkerSignsInThroughTheMunicipalitysLoginWithoutASecondFactor() async throws {
        try await withSSO({ $0.requireSecondFactor = true }) { app, site, provider in
            var client = LoopbackClient(client: app.client)
            #expect(body(try await client.get(site + "/log-ind")).contains("Log ind med kommunens login"))
            let (answer, callback) = try await signIn(&client, site)
            #expect(answer.status == .seeOther && answer.headers.first(name: .location) == "/borgere")
            // Signed in, and through the second factor: the provider's.
            #expect(try await client.get(site + "/borgere").status == .ok)
            let account = try #require(try await Store(database: app.db).accounts.find(username: "anna@roskilde.dk"))
            #expect(account.role == .caseworker && account.area == "265" && account.displayName == "Anna Andersen")
            #expect(try await auditEvents(app, .signIn, username: "anna@roskilde.dk").map(\.detail) == ["kommunens login"])
            // The state is taken once: the same answer again is refused.
            var replay = LoopbackClient(client: app.client)
            replay.cookies = client.cookies.filter { $0.key == SingleSignOnRoutes.cookie }
            #expect(try await replay.get(callback).status == .badRequest)
            // The account has no password.
            var password = Browser(app)
            _ = try await password.get("/log-ind")
            #expect(try await password.post("/log-ind", ["username": "anna@roskilde.dk", "password": "!sso"]).status == .unauthorized)
            #expect(provider.read(\.tokenRequests) == 1)
        }
    }

    @Test func aWrongAudienceAnExpiredTokenAndAnUnknownRoleAreRefused() async throws {
        try await withSSO { app, site, provider in
            provider.update { $0.next.audience = "en-anden-app" }
            var client = LoopbackClient(client: app.client)
            let wrongAudience = try await signIn(&client, site).0
            #expect(wrongAudience.status == .unauthorized && body(wrongAudience).contains("Kommunens login kunne ikke bekræftes"))
            #expect(try await client.get(site + "/borgere").status == .seeOther, "not signed in")
            provider.update { $0.next = TestOIDCProvider.NextUser(); $0.next.expiresIn = -120 }
            let expired = try await signIn(&client, site).0
            #expect(expired.status == .unauthorized)
            provider.update { $0.next = TestOIDCProvider.NextUser(); $0.next.claims["roles"] = ["Roret-Ledere-Roskilde"] }
            let unknown = try await signIn(&client, site).0
            #expect(unknown.status == .forbidden && body(unknown).contains("Din bruger har ingen rolle i Roret (»Roret-Ledere-Roskilde« kendes ikke)"))
            let failures = try await auditEvents(app, .signInFailed).map(\.detail)
            #expect(failures.contains { $0.contains("audience") } && failures.contains { $0.contains("expired") || $0.contains("exp") } && failures.contains { $0.contains("unknownRole") })
            #expect(try await Store(database: app.db).accounts.find(username: "anna@roskilde.dk") == nil, "no account from a refused token")
            // The administrator maps the group to a leader in Roskilde: the same sign-in now works.
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/sso")
            let bad = try await admin.post("/admin/sso", ["value": "", "role": "leader", "area": "999"])
            #expect(bad.status == .badRequest && bad.body.string.contains("Værdi: skriv værdien") && bad.body.string.contains("Kommune: skriv en kommunekode"))
            #expect(try await admin.post("/admin/sso", ["value": "Roret-Ledere-Roskilde", "role": "leader", "area": "265"]).status == .seeOther)
            let mapped = try await signIn(&client, site).0
            #expect(mapped.status == .seeOther && mapped.headers.first(name: .location) == "/oversigt")
            #expect(try await Store(database: app.db).accounts.find(username: "anna@roskilde.dk")?.role == .leader)
            for name in ["leder", "sagsbehandler"] {
                var other = Browser(app)
                try await other.signIn(name)
                _ = try await other.get("/")
                #expect(try await other.get("/admin/sso").status == .forbidden)
                #expect(try await other.post("/admin/sso", ["value": "X", "role": "administrator"]).status == .forbidden, "\(name) cannot map a role")
            }
        }
    }

    @Test func theProviderRotatesItsKeysAndRoretFetchesThemAgain() async throws {
        try await withSSO { app, site, provider in
            var client = LoopbackClient(client: app.client)
            let first = try await signIn(&client, site).0
            #expect(first.status == .seeOther)
            #expect(provider.read(\.jwksRequests) == 1)
            provider.rotate(to: "k2")
            var again = LoopbackClient(client: app.client)
            let second = try await signIn(&again, site).0
            #expect(second.status == .seeOther, "a token signed with the new key")
            #expect(provider.read(\.jwksRequests) == 2, "fetched once more for the unknown key")
            var third = LoopbackClient(client: app.client)
            let third3 = try await signIn(&third, site).0
            #expect(third3.status == .seeOther)
            #expect(provider.read(\.jwksRequests) == 2, "and kept")
        }
    }

    @Test func passwordsCanBeSwitchedOffPerRole() async throws {
        try await withSSO({ $0.passwordRoles = [.administrator, .citizen] }) { app, _, _ in
            var caseworker = Browser(app)
            _ = try await caseworker.get("/log-ind")
            let refused = try await caseworker.post("/log-ind", ["username": "sagsbehandler", "password": testPassword])
            #expect(refused.status == .forbidden && refused.body.string.contains("Din rolle logger ind med kommunens login"))
            var citizen = Browser(app)
            #expect(try await citizen.signIn("borger").status == .seeOther)
        }
        let fromEnvironment = RoretConfiguration.fromEnvironment(["RORET_PASSWORD_ROLES": "citizen, administrator", "RORET_OIDC_ISSUER": "https://login.example/", "RORET_OIDC_CLIENT_ID": "roret",
                                                                  "RORET_OIDC_CLIENT_SECRET": "s", "RORET_OIDC_ROLE_CLAIM": "groups"])
        #expect(fromEnvironment.passwordRoles == [.citizen, .administrator] && fromEnvironment.singleSignOn?.issuer == "https://login.example" && fromEnvironment.singleSignOn?.roleClaim == "groups")
        #expect(RoretConfiguration.fromEnvironment([:]).singleSignOn == nil && RoretConfiguration.fromEnvironment([:]).passwordRoles == Set(Role.allCases))
    }

    @Test func theClaimsGiveOneRoleAndAnArea() {
        let rules = [SingleSignOn.Rule(value: "Roret-Sagsbehandlere", role: .caseworker, area: "265"), SingleSignOn.Rule(value: "Roret-Analyse", role: .analyst, area: nil)]
        func role(_ values: [String], _ area: String? = nil) -> String {
            switch SingleSignOn.resolve(roleValues: values, areaClaim: area, rules: rules) {
            case .success(let r): "\(r.role.rawValue)@\(r.area)"
            case .failure(let f): "\(f)"
            }
        }
        #expect(role(["caseworker"], "265") == "caseworker@265", "a Roret role by name, the area from its claim")
        #expect(role(["Roret-Sagsbehandlere"]) == "caseworker@265", "a mapped group with its area")
        #expect(role(["Roret-Sagsbehandlere", "Alle-Medarbejdere"], "253") == "caseworker@265", "other values are ignored when one gives a role; the rule's area wins")
        #expect(role(["Roret-Analyse"], "national") == "analyst@national")
        #expect(role(["Roret-Analyse"]) == "\(SingleSignOn.Refusal.noArea)")
        #expect(role(["Alle-Medarbejdere"], "265") == "\(SingleSignOn.Refusal.unknownRole(["Alle-Medarbejdere"]))")
        #expect(role(["caseworker", "leader"], "265") == "\(SingleSignOn.Refusal.severalRoles([.caseworker, .leader]))")
        #expect(role(["caseworker"], "99") == "\(SingleSignOn.Refusal.unknownArea("99"))")
        #expect(SingleSignOn.Refusal.unknownRole([]).danishText == "Din bruger har ingen rolle i Roret. Kontakt it-afdelingen.")
    }
}
