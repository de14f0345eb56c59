import Foundation
import NIOConcurrencyHelpers
import Vapor

/// A stub sms gateway on loopback that records every request (headers and
/// body) and answers with the status the test sets next (200 by default).
final class TestGateway: Sendable {
    struct Request: Sendable {
        var headers: HTTPHeaders
        var body: String
        var json: [String: String] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: String]) ?? [:]
        }
    }

    let app: Application
    let port: Int
    private let state = NIOLockedValueBox<(requests: [Request], answers: [HTTPResponseStatus])>(([], []))

    var url: String { "http://127.0.0.1:\(port)/sms" }

    static func start() async throws -> TestGateway {
        let app = try await Application.make(.testing)
        let gateway = TestGateway(app: app, port: DriverPorts.free(count: 1))
        app.post("sms") { req async -> Response in
            let body = req.body.string ?? ""
            let status = gateway.state.withLockedValue { state -> HTTPResponseStatus in
                state.requests.append(Request(headers: req.headers, body: body))
                return state.answers.isEmpty ? .ok : state.answers.removeFirst()
            }
            return Response(status: status, body: .init(string: status == .ok ? #"{"id":"gw-1"}"# : #"{"error":"nej"}"#))
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: gateway.port))
        return gateway
    }

    private init(app: Application, port: Int) {
        self.app = app
        self.port = port
    }

    /// The next answers, in order (then 200 again).
    func answer(_ statuses: HTTPResponseStatus...) { state.withLockedValue { $0.answers.append(contentsOf: statuses) } }

    var requests: [Request] { state.withLockedValue { $0.requests } }

    func shutdown() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}
