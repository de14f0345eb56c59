import FluentKit
import Foundation
import Logging
import NIOConcurrencyHelpers
import RoretCore
@testable import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// Operations (issue 14): liveness and readiness, Prometheus metrics behind
/// their token, JSON log lines, and two instances on one PostgreSQL serving
/// the same session.
@Suite struct OperationsTests {
    static let token = "maalinger-0123456789abcdef"

    @Test func healthAndReadinessAnswerForOperations() async throws {
        try await withRoretApp(.sqlite, importDemo: false) { app in
            var b = Browser(app)
            #expect(try await b.get("/health").body.string == "ok")
            let ready = try await b.get("/ready")
            #expect(ready.status == .ok && ready.body.string.contains("\"ready\":true") && ready.body.string.contains("\"migrations\":\"ok\""))
            // Without a token configured, /metrics does not exist.
            #expect(try await b.get("/metrics").status == .notFound)
            // A database behind Roret's schema (a migration not run) is not ready.
            let last = try #require(try await MigrationLog.query(on: app.db).sort(\.$createdAt, .descending).first())
            try await last.delete(on: app.db)
            let behind = try await b.get("/ready")
            #expect(behind.status == .serviceUnavailable && behind.body.string.contains("\"ready\":false")
                && behind.body.string.contains("\(StoreMigrations.all.count - 1) af \(StoreMigrations.all.count) kørt"))
        }
    }

    @Test func metricsCountRequestsFiguresOutboxAndFailedSignInsForTheTokenOnly() async throws {
        try await withRoretApp(.sqlite, importDemo: true, configure: { $0.metricsToken = Self.token }) { app in
            var b = Browser(app)
            #expect(try await b.get("/metrics").status == .unauthorized)
            #expect(try await b.get("/metrics", headers: ["Authorization": "Bearer forkert-0123456789abcdef"]).status == .unauthorized)
            _ = try await b.get("/log-ind")
            _ = try await b.post("/log-ind", ["username": "leder", "password": "forkert"])
            try await b.signIn("leder")
            _ = try await b.get("/oversigt")
            let store = Store(database: app.db)
            let anna = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: "Anna", caseworker: "sagsbehandler", followUpStartedOn: Day.yearStart(2024))
            _ = try await store.measurements.enqueueReminder(citizenID: anna.id, instrument: .who5, dueOn: Day.yearStart(2024), recipient: "sagsbehandler")
            let failing = try await store.messages.enqueue(NewMessage(idempotencyKey: "m1", kind: .actionReminder, channel: .email, address: "a@b.dk", addressee: "leder",
                                                                      subject: "s", body: "b", municipality: "265"))
            _ = try await store.messages.claim(failing.id, token: "t")
            try await store.messages.attemptFailed(failing.id, token: "t", DeliveryFailure("nej", permanent: true), policy: DeliveryPolicy())
            let metrics = try await b.get("/metrics", headers: ["Authorization": "Bearer \(Self.token)"])
            let text = metrics.body.string
            /// The value of one series (its name and labels as emitted), if present.
            func value(_ series: String) -> Double? {
                text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.dropFirst(series.count + 1)) }
            }
            #expect(metrics.status == .ok && metrics.headers.contentType?.subType == "plain")
            #expect(text.contains("# TYPE roret_http_requests_total counter"))
            #expect(value(#"roret_http_requests_total{method="GET",route="/log-ind",status="200"}"#) == 2, "route patterns, not paths")
            #expect(value(#"roret_http_requests_total{method="POST",route="/log-ind",status="401"}"#) == 1)
            #expect(value(#"roret_http_requests_total{method="GET",route="/metrics",status="401"}"#) == 2)
            #expect(value(#"roret_http_request_duration_seconds_count{method="GET",route="/oversigt"}"#) == 1)
            #expect(value("roret_signin_failures_total") == 1)
            #expect(value(#"roret_outbox_messages{kind="reminder",state="pending"}"#) == 1)
            #expect(value(#"roret_outbox_messages{kind="action_reminder",state="pending"}"#) == 0)
            #expect(value(#"roret_outbox_messages{kind="message",state="failed"}"#) == 1 && value(#"roret_outbox_messages{kind="message",state="sent"}"#) == 0)
            // The demo extract's figures were computed on import, with their time.
            #expect((value("roret_figure_cache_builds_total") ?? 0) >= 1)
            #expect((value("roret_figure_cache_build_duration_seconds_count") ?? 0) >= 1)
            #expect(!text.contains(anna.id.uuidString) && !text.contains("B-001"), "no ids or pseudonyms in labels")
        }
    }

    @Test func operationsSettingsAreReadOnceFromTheEnvironment() {
        let plain = RoretConfiguration.fromEnvironment([:])
        #expect(plain.metricsToken == nil && !plain.jsonLogs && plain.runsHousekeeping)
        let set = RoretConfiguration.fromEnvironment(["RORET_METRICS_TOKEN": Self.token, "RORET_LOG_FORMAT": "JSON", "RORET_HOUSEKEEPING": "off"])
        #expect(set.metricsToken == Self.token && set.jsonLogs && !set.runsHousekeeping)
        #expect(RoretConfiguration.fromEnvironment(["RORET_METRICS_TOKEN": "kort"]).metricsToken == nil, "a guessable token is no token")
    }

    @Test func logLinesAreJSONObjectsWithTheirMetadata() throws {
        let lines = NIOLockedValueBox<[String]>([])
        var logger = Logger(label: "roret.test") { JSONLogHandler(label: $0, level: .info, write: { line in lines.withLockedValue { $0.append(line) } }) }
        logger[metadataKey: "request-id"] = "abc-123"
        logger.debug("ikke med")
        logger.info("Roret kører \"nu\"", metadata: ["port": "8080"])
        let written = lines.withLockedValue { $0 }
        #expect(written.count == 1, "below the level nothing is written")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: Any])
        #expect(object["level"] as? String == "info" && object["logger"] as? String == "roret.test" && object["message"] as? String == "Roret kører \"nu\"")
        #expect(object["metadata"] as? [String: String] == ["request-id": "abc-123", "port": "8080"])
        #expect((object["time"] as? String)?.hasSuffix("Z") == true && !written[0].contains("\n"))
    }

    /// Two instances of Roret on one PostgreSQL database, each serving on its own loopback port (as behind a load
    /// balancer): a session begun on one is the same session on the other, and signing out on one ends it on both.
    @Test(.enabled(if: TestDatabase.available.contains(.postgres))) func twoInstancesOnOnePostgreSQLServeTheSameSession() async throws {
        try await withRoretApp(.postgres, importDemo: false) { first in
            // A browser sees each redirect itself (with its cookie) rather than the client following it.
            first.http.client.configuration.redirectConfiguration = .disallow
            let second = try await Application.make(.testing)
            do {
                try await configure(second, first.roret.configuration)
                let one = try await first.serveOnFreePort(), two = try await second.serveOnFreePort()
                var client = LoopbackClient(client: first.client)
                // Sign in on the first instance.
                let form = try await client.get("http://127.0.0.1:\(one)/log-ind")
                let csrf = try #require(Browser.csrfToken(in: form.body.map { String(buffer: $0) } ?? ""))
                let signedIn = try await client.post("http://127.0.0.1:\(one)/log-ind", ["username": "leder", "password": testPassword, "csrf": csrf])
                #expect(signedIn.status == .seeOther && client.cookies["roret-session"] != nil)
                // The same cookie on the second instance: the same signed-in user.
                let page = try await client.get("http://127.0.0.1:\(two)/oversigt")
                let body = page.body.map { String(buffer: $0) } ?? ""
                #expect(page.status == .ok && body.contains("Log ud") && body.contains("leder"))
                // Sign out on the second: the first no longer knows the session.
                let token = try #require(Browser.csrfToken(in: body))
                _ = try await client.post("http://127.0.0.1:\(two)/log-ud", ["csrf": token])
                let after = try await client.get("http://127.0.0.1:\(one)/oversigt")
                #expect(after.status == .seeOther && after.headers.first(name: .location)?.hasPrefix("/log-ind") == true)
                await second.server.shutdown()
                await first.server.shutdown()
                try await second.asyncShutdown()
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
        }
    }
}

/// An HTTP client over real sockets that keeps cookies, as a browser behind a load balancer would.
struct LoopbackClient {
    let client: any Client
    var cookies: [String: String] = [:]

    mutating func get(_ url: String) async throws -> ClientResponse {
        let response = try await client.get(URI(string: url), headers: headers)
        keep(response)
        return response
    }

    mutating func post(_ url: String, _ form: [String: String]) async throws -> ClientResponse {
        var headers = self.headers
        headers.contentType = .urlEncodedForm
        let body = form.keys.sorted().map { "\($0)=\(Browser.encode(form[$0]!))" }.joined(separator: "&")
        let response = try await client.post(URI(string: url), headers: headers) { $0.body = ByteBuffer(string: body) }
        keep(response)
        return response
    }

    private var headers: HTTPHeaders {
        cookies.isEmpty ? [:] : ["Cookie": cookies.keys.sorted().map { "\($0)=\(cookies[$0]!)" }.joined(separator: "; ")]
    }

    private mutating func keep(_ response: ClientResponse) {
        for (name, value) in response.headers.setCookie?.all ?? [:] { cookies[name] = value.string.isEmpty ? nil : value.string }
    }
}
