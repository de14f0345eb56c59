import FluentKit

/// The reminder outbox (*påmindelser*) a sender plug-in delivers from.
struct M010CreateReminders: AsyncMigration {
    var name: String { "M010CreateReminders" }

    func prepare(on database: any Database) async throws {
        try await database.schema("reminders")
            .id()
            .field("citizen_id", .uuid, .required, .references("citizens", "id", onDelete: .cascade))
            .field("instrument", .string, .required)
            .field("due_on", .string, .required)
            .field("recipient", .string, .required)
            .field("state", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reminders").delete()
    }
}
