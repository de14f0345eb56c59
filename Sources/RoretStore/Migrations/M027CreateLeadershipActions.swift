import FluentKit

/// The leaders' actions (*handlinger*) from meetings, rounds and reviews;
/// each change is a new version (the action as JSON), with a dated note.
struct M027CreateLeadershipActions: AsyncMigration {
    var name: String { "M027CreateLeadershipActions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("leadership_action_versions")
            .id()
            .field("action_id", .uuid, .required)
            .field("municipality", .string, .required)
            .field("version", .int, .required)
            .field("action", .string, .required)
            .field("note", .string)
            .field("recorded_on", .string, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "action_id", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("leadership_action_versions").delete()
    }
}
