import FluentKit

/// A reminder can be about a goal's follow-up (*påmindelse om opfølgning på
/// mål*): the goal's id; NULL for a measurement reminder.
struct M023AddReminderGoal: AsyncMigration {
    var name: String { "M023AddReminderGoal" }

    func prepare(on database: any Database) async throws {
        try await database.schema("reminders").field("goal_id", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reminders").deleteField("goal_id").update()
    }
}
