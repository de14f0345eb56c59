import FluentKit

/// A goal names the hopes it serves (*mål knyttet til håb*): the ids of the
/// hopes texts' first versions, comma-separated; NULL for none.
struct M021AddGoalHopes: AsyncMigration {
    var name: String { "M021AddGoalHopes" }

    func prepare(on database: any Database) async throws {
        try await database.schema("goal_versions").field("serves_hopes", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("goal_versions").deleteField("serves_hopes").update()
    }
}
