import Fluent
import Foundation
import RoretStore
import Vapor

/// For operations: `/health` (the process answers: liveness), `/ready`
/// (the database answers and its schema is Roret's current one: send
/// traffic), and `/metrics` (Prometheus), which answers only with the
/// bearer token `RORET_METRICS_TOKEN` and does not exist without it.
struct HealthRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("health") { _ in "ok" }
        routes.get("ready", use: ready)
        routes.get("metrics", use: metrics)
    }

    struct Readiness: Content {
        var ready: Bool
        var database: String
        var migrations: String
    }

    @Sendable func ready(req: Request) async throws -> Response {
        var state = Readiness(ready: false, database: "ok", migrations: "ok")
        do {
            let done = try await req.db.query(MigrationLog.self).count()
            if done < StoreMigrations.all.count { state.migrations = "\(done) af \(StoreMigrations.all.count) kørt" }
        } catch {
            state.database = "svarer ikke: \(String(describing: error).prefix(200))"
            state.migrations = "ukendt"
        }
        state.ready = state.database == "ok" && state.migrations == "ok"
        let response = try await state.encodeResponse(for: req)
        response.status = state.ready ? .ok : .serviceUnavailable
        return response
    }

    @Sendable func metrics(req: Request) async throws -> Response {
        guard let token = req.roret.configuration.metricsToken else { throw Abort(.notFound) }
        guard let sent = req.headers.bearerAuthorization?.token, Secrets.equal(sent, token) else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"])
        }
        let metrics = req.roret.metrics
        for (kind, counts) in [("reminder", try await req.store.measurements.reminderCounts()), ("action_reminder", try await req.store.leadership.actionReminderCounts())] {
            for (state, n) in counts { metrics.outbox(kind: kind, state: state.rawValue, count: n) }
        }
        for (state, n) in try await req.store.messages.counts() { metrics.outbox(kind: "message", state: state.rawValue, count: n) }
        let response = Response(status: .ok, body: .init(string: metrics.text()))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return response
    }
}
