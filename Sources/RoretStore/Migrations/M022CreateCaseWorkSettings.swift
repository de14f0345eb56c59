import FluentKit

/// Each municipality's follow-up intervals and help text (*opfølgningsintervaller*).
struct M022CreateCaseWorkSettings: AsyncMigration {
    var name: String { "M022CreateCaseWorkSettings" }

    func prepare(on database: any Database) async throws {
        try await database.schema("case_work_settings")
            .id()
            .field("municipality", .string, .required)
            .field("goal_follow_up_months", .int, .required)
            .field("meeting_interval_months", .int, .required)
            .field("reminder_lead_days", .int, .required)
            .field("help_text", .string)
            .unique(on: "municipality")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("case_work_settings").delete()
    }
}
