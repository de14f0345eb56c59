import Foundation
import RoretCore

/// One message in the outbox (*besked*), as the senders and the administrator see it.
public struct OutgoingMessage: Sendable, Hashable, Identifiable {
    public var id: UUID
    /// Sent at most once per key: `link:<hash>`, `reminder:<id>`, `action-reminder:<id>`.
    public var idempotencyKey: String
    public var kind: MessageKind
    public var channel: MessageChannel
    /// The e-mail address or phone number.
    public var address: String
    /// Who it is for, for the administrator: a username, or the citizen's pseudonym.
    public var addressee: String
    public var subject: String
    public var body: String
    public var municipality: String
    public var citizenID: UUID?
    public var state: MessageState
    public var attempts: Int
    public var nextAttemptAt: Date
    /// Why the last attempt failed, in Danish.
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?

    init(_ m: MessageModel) {
        id = m.id!
        idempotencyKey = m.idempotencyKey
        kind = MessageKind(rawValue: m.kind) ?? .measurementReminder
        channel = MessageChannel(rawValue: m.channel) ?? .email
        address = m.address
        addressee = m.addressee
        subject = m.subject
        body = m.body
        municipality = m.municipality
        citizenID = m.citizenID
        state = MessageState(rawValue: m.state) ?? .pending
        attempts = m.attempts
        nextAttemptAt = m.nextAttemptAt
        lastError = m.lastError
        createdAt = m.createdAt
        sentAt = m.sentAt
    }
}

/// A message to put in the outbox.
public struct NewMessage: Sendable, Hashable {
    public var idempotencyKey: String
    public var kind: MessageKind
    public var channel: MessageChannel
    public var address: String
    public var addressee: String
    public var subject: String
    public var body: String
    public var municipality: String
    public var citizenID: UUID?

    public init(idempotencyKey: String, kind: MessageKind, channel: MessageChannel, address: String, addressee: String,
                subject: String, body: String, municipality: String, citizenID: UUID? = nil) {
        self.idempotencyKey = idempotencyKey
        self.kind = kind
        self.channel = channel
        self.address = address
        self.addressee = addressee
        self.subject = subject
        self.body = body
        self.municipality = municipality
        self.citizenID = citizenID
    }
}
