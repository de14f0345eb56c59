import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// The JSON API: bearer tokens, the same suppression rules, audit.
@Suite struct APITests {
    /// Signs in as `username`, creates a token on the API-key page, returns it.
    func token(_ app: Application, _ username: String) async throws -> String {
        var browser = Browser(app)
        try await browser.signIn(username)
        _ = try await browser.get("/api-noegler")
        let page = try await browser.post("/api-noegler", ["name": "test"])
        let html = page.body.string
        let start = try #require(html.range(of: "<code id=\"new-token\">"))
        let rest = html[start.upperBound...]
        return String(rest[..<rest.firstIndex(of: "<")!])
    }

    func get(_ app: Application, _ path: String, token: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        return try await app.testing().performTest(request: TestingHTTPRequest(method: .GET, url: URI(string: path), headers: headers, body: ByteBuffer()))
    }

    @Test func theAPIAnswersWithAnIndexOfItsEndpoints() async throws {
        try await withRoretApp(importDemo: false) { app in
            let index = try await get(app, "/api/v1", token: nil)
            #expect(index.status == .ok)
            let body = try JSONSerialization.jsonObject(with: Data(buffer: index.body)) as? [String: Any]
            let paths = (body?["endpoints"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
            #expect(paths == ["/api/v1/extract", "/api/v1/areas", "/api/v1/figures", "/api/v1/keyfigures", "/api/v1/movement-change", "/api/v1/forecast", "/api/v1/practice"])
        }
    }

    @Test func withoutAValidTokenTheAPIAnswers401() async throws {
        try await withRoretApp { app in
            #expect(try await get(app, "/api/v1/keyfigures", token: nil).status == .unauthorized)
            let wrong = try await get(app, "/api/v1/keyfigures", token: "roret_not-a-token")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.string.contains("\"error\":true"))
            // A browser session is no API credential.
            var browser = Browser(app)
            try await browser.signIn("analytiker")
            let withCookie = try await browser.get("/api/v1/keyfigures")
            #expect(withCookie.status == .unauthorized)
        }
    }

    @Test func anAnalystsTokenReadsTheFiguresWithTheSameSuppressionAsThePages() async throws {
        try await withRoretApp { app in
            let store = Store(database: app.db)
            let version = try #require(try await store.extracts.current(for: nationalArea))
            let set = try await app.roret.figures.figures(of: version, answers: try await Store(database: app.db).publications.latest())
            let token = try await token(app, "analytiker")

            let suppressed = try await get(app, "/api/v1/keyfigures?figure=NT07&area=265&format=csv", token: token)
            #expect(suppressed.status == .ok)
            #expect(suppressed.body.string == KeyFigureOutput.csv(set.rows(area: "265", figure: .nt07, unsuppressed: false)))

            let own = try await get(app, "/api/v1/keyfigures?figure=NT07&area=265&format=csv&unsuppressed=true", token: token)
            #expect(own.body.string == KeyFigureOutput.csv(set.rows(area: "265", figure: .nt07, unsuppressed: true)))

            let other = try await get(app, "/api/v1/keyfigures?figure=NT07&area=253&format=csv&unsuppressed=true", token: token)
            #expect(other.body.string == KeyFigureOutput.csv(set.showingInFull("265").rows(area: "253", figure: .nt07, unsuppressed: false)), "another municipality stays suppressed, with 265 counted as shown")

            let json = try await get(app, "/api/v1/keyfigures?figure=NT02&area=265&year=2024", token: token)
            #expect(json.headers.contentType == .json)
            #expect(json.body.string == KeyFigureOutput.json(set.rows(area: "265", figure: .nt02, unsuppressed: false).filter { $0.year == 2024 }))

            #expect(try await auditEvents(app, .apiRequest, username: "analytiker").count == 4)
            #expect(try await auditEvents(app, .viewUnsuppressed, username: "analytiker").count == 1, "only the request that showed 265 unsuppressed")
        }
    }

    @Test func changeBesideMovementsWithTheSameRules() async throws {
        try await withRoretApp { app in
            let store = Store(database: app.db)
            let version = try #require(try await store.extracts.current(for: nationalArea))
            let set = try await app.roret.figures.figures(of: version, answers: try await store.publications.latest())
            let token = try await token(app, "analytiker")
            let suppressed = try await get(app, "/api/v1/movement-change?area=265&format=csv", token: token)
            #expect(suppressed.body.string == MovementChangeOutput.csv(set.movementChange(area: "265", year: 2024, unsuppressed: false)), "default year: the latest")
            let own = try await get(app, "/api/v1/movement-change?area=265&year=2023&format=csv&unsuppressed=true", token: token)
            #expect(own.body.string == MovementChangeOutput.csv(set.movementChange(area: "265", year: 2023, unsuppressed: true)))
            let other = try await get(app, "/api/v1/movement-change?area=253&format=csv&unsuppressed=true", token: token)
            #expect(other.body.string == MovementChangeOutput.csv(set.movementChange(area: "253", year: 2024, unsuppressed: false)))
            let json = try await get(app, "/api/v1/movement-change?area=265", token: token)
            #expect(json.headers.contentType == .json)
            #expect(json.body.string == MovementChangeOutput.json(set.movementChange(area: "265", year: 2024, unsuppressed: false)))
            // Of its declared form but not in the extract: 404; not of its form: 400 (docs/openapi.yaml).
            for query in ["year=2017", "year=1990", "area=999"] {
                #expect(try await get(app, "/api/v1/movement-change?\(query)", token: token).status == .notFound, "\(query)")
            }
            for query in ["year=1800", "area=Roskilde", "unsuppressed=ja", "format=xml"] {
                #expect(try await get(app, "/api/v1/movement-change?\(query)", token: token).status == .badRequest, "\(query)")
            }
            #expect(try await auditEvents(app, .viewUnsuppressed, username: "analytiker").count == 1)
        }
    }

    @Test func theDescriptiveEndpointsAnswer() async throws {
        try await withRoretApp { app in
            let token = try await token(app, "analytiker-land")
            let extract = try await get(app, "/api/v1/extract", token: token)
            #expect(extract.status == .ok)
            #expect(extract.body.string.contains("\"version\":1"))
            let areas = try await get(app, "/api/v1/areas", token: token)
            #expect(areas.body.string.contains("\"code\":\"265\""))
            #expect(areas.body.string.contains("Hele landet"))
            let figures = try await get(app, "/api/v1/figures", token: token)
            #expect(figures.body.string.contains("\"code\":\"Q01\""))
        }
    }

    @Test func badQueriesAreRefusedClearly() async throws {
        try await withRoretApp { app in
            let token = try await token(app, "analytiker")
            for (query, reason) in [("figure=NT99", "Unknown figure"), ("figure=nt03", "Unknown figure"), ("year=1800", "from 1900 to 2100"),
                                    ("area=abc", "three-digit"), ("unsuppressed=1", "true or false")] {
                let response = try await get(app, "/api/v1/keyfigures?\(query)", token: token)
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.body.string.contains(reason), "\(query)")
            }
            for (query, reason) in [("area=999", "no figures for area 999"), ("year=1990", "outside the extract")] {
                let response = try await get(app, "/api/v1/keyfigures?\(query)", token: token)
                #expect(response.status == .notFound, "\(query)")
                #expect(response.body.string.contains(reason), "\(query)")
            }
        }
    }

    @Test func aRevokedTokenOrADisabledAccountStopsWorking() async throws {
        try await withRoretApp { app in
            let store = Store(database: app.db)
            let first = try await token(app, "analytiker")
            #expect(try await get(app, "/api/v1/extract", token: first).status == .ok)
            let analyst = try #require(try await store.accounts.find(username: "analytiker"))
            let id = try #require(try await store.tokens.tokens(of: analyst.id).first?.id)
            var browser = Browser(app)
            try await browser.signIn("analytiker")
            _ = try await browser.get("/api-noegler")
            let asked = try await browser.post("/api-noegler/\(id.uuidString)/tilbagekald", [:])
            #expect(asked.status == .ok && asked.body.string.contains("Ja, tilbagekald"), "revoking asks for a confirmation first")
            #expect(try await get(app, "/api/v1/extract", token: first).status == .ok, "not revoked before the confirmation")
            let revoke = try await browser.post("/api-noegler/\(id.uuidString)/tilbagekald", ["bekraeft": "ja"])
            #expect(revoke.status == .seeOther)
            #expect(try await get(app, "/api/v1/extract", token: first).status == .unauthorized)

            let second = try await token(app, "analytiker")
            try await store.accounts.disable(username: "analytiker")
            #expect(try await get(app, "/api/v1/extract", token: second).status == .unauthorized)
        }
    }

    @Test func tokensAreStoredOnlyAsHashes() async throws {
        try await withRoretApp { app in
            let secret = try await token(app, "analytiker")
            let store = Store(database: app.db)
            #expect(try await store.tokens.use(tokenHash: secret) == nil)
            #expect(try await store.tokens.use(tokenHash: Secrets.sha256(secret)) != nil)
        }
    }
}
