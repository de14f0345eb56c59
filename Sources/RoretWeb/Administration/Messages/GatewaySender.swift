import Foundation
import RoretCore
import RoretStore
import Vapor

/// Delivers sms through an HTTP gateway (or Digital Post through a broker):
/// one POST of the configured JSON body with the message's
/// `Idempotency-Key`. 2xx is delivered; 408, 429 and 5xx (or no answer)
/// may be tried again; any other answer is a permanent failure.
struct GatewaySender: MessageSender {
    let configuration: SMSGatewayConfiguration
    /// The application's HTTP client, asked for at each delivery (not at start, so its configuration can still be set).
    let client: @Sendable () -> any Client

    func send(_ message: OutgoingMessage) async throws {
        var headers = HTTPHeaders([("Content-Type", "application/json"), ("Idempotency-Key", message.idempotencyKey)])
        if let authorization = configuration.authorization { headers.add(name: .authorization, value: authorization) }
        let body = configuration.body(to: message.address, text: message.body, subject: message.subject, key: message.idempotencyKey)
        let response: ClientResponse
        do {
            response = try await client().post(URI(string: configuration.url), headers: headers) { request in
                request.body = ByteBuffer(string: body)
                request.timeout = .seconds(configuration.timeout)
            }
        } catch {
            throw DeliveryFailure("Gatewayen \(configuration.url) svarede ikke: \(error)")
        }
        let code = response.status.code
        guard !(200..<300).contains(code) else { return }
        let said = response.body.map { String(buffer: $0).prefix(200) }.map { ": \($0)" } ?? ""
        let permanent = (400..<500).contains(code) && code != 408 && code != 429
        throw DeliveryFailure("Gatewayen svarede \(code) \(response.status.reasonPhrase)\(said)", permanent: permanent)
    }
}
