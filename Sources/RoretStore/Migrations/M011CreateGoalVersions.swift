import FluentKit

/// Every version of every goal of a recovery plan (*målhistorik*); a change is a new row.
struct M011CreateGoalVersions: AsyncMigration {
    var name: String { "M011CreateGoalVersions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("goal_versions")
            .id()
            .field("citizen_id", .uuid, .required, .references("citizens", "id", onDelete: .restrict))
            .field("goal_id", .int, .required)
            .field("version", .int, .required)
            .field("parent_goal_id", .int)
            .field("text", .string, .required)
            .field("horizon", .string, .required)
            .field("status", .string, .required)
            .field("follow_up_on", .string)
            .field("changed_on", .string, .required)
            .field("changed_by", .string, .required)
            .unique(on: "citizen_id", "goal_id", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("goal_versions").delete()
    }
}
