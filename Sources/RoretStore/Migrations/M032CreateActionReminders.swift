import FluentKit

/// Reminders of overdue leadership actions in the outbox (*påmindelser om
/// handlinger*): once per action and due day, to the account named on it.
struct M032CreateActionReminders: AsyncMigration {
    var name: String { "M032CreateActionReminders" }

    func prepare(on database: any Database) async throws {
        try await database.schema("action_reminders")
            .id()
            .field("action_id", .uuid, .required)
            .field("municipality", .string, .required)
            .field("what", .string, .required)
            .field("recipient", .string, .required)
            .field("due_on", .string, .required)
            .field("state", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "action_id", "due_on")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("action_reminders").delete()
    }
}
