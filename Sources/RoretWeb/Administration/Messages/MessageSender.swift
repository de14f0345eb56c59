import RoretCore
import RoretStore

/// A sender plug-in (*afsender*): delivers one message by its channel, or
/// throws a `DeliveryFailure` saying why (any other error counts as a
/// failure worth trying again).
protocol MessageSender: Sendable {
    func send(_ message: OutgoingMessage) async throws
}
