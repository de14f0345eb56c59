import FluentKit

/// The messages Roret sends (*beskeder*): each once at most, by its
/// idempotency key; its state, attempts, next attempt and last reason.
struct M039CreateMessages: AsyncMigration {
    var name: String { "M039CreateMessages" }

    func prepare(on database: any Database) async throws {
        try await database.schema("messages")
            .id()
            .field("idempotency_key", .string, .required)
            .field("kind", .string, .required)
            .field("channel", .string, .required)
            .field("address", .string, .required)
            .field("addressee", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("municipality", .string, .required)
            .field("citizen_id", .uuid, .references("citizens", "id", onDelete: .cascade))
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("claim_token", .string)
            .field("claimed_at", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("updated_at", .datetime, .required)
            .unique(on: "idempotency_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("messages").delete()
    }
}
