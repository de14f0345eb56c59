import FluentKit
import Foundation

/// Fluent row of `messages`; never leaves RoretStore (see `OutgoingMessage`).
final class MessageModel: Model, @unchecked Sendable {
    static let schema = "messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "idempotency_key") var idempotencyKey: String
    @Field(key: "kind") var kind: String
    @Field(key: "channel") var channel: String
    @Field(key: "address") var address: String
    @Field(key: "addressee") var addressee: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "municipality") var municipality: String
    @OptionalField(key: "citizen_id") var citizenID: UUID?
    @Field(key: "state") var state: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "claim_token") var claimToken: String?
    @OptionalField(key: "claimed_at") var claimedAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// Fluent row of `citizen_contacts`; never leaves RoretStore (see `StoredContact`).
final class CitizenContactModel: Model, @unchecked Sendable {
    static let schema = "citizen_contacts"

    @ID(key: .id) var id: UUID?
    @Field(key: "citizen_id") var citizenID: UUID
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "email") var email: String?
    @Field(key: "consent_recorded_by") var consentRecordedBy: String
    @Field(key: "consent_on") var consentOn: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// Fluent row of `message_templates`; never leaves RoretStore (see `MessageTemplate`).
final class MessageTemplateModel: Model, @unchecked Sendable {
    static let schema = "message_templates"

    @ID(key: .id) var id: UUID?
    @Field(key: "municipality") var municipality: String
    @Field(key: "kind") var kind: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
