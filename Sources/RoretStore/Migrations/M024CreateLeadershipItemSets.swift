import FluentKit

/// The leaders' questionnaires' item sets per municipality (*spørgesæt*),
/// versioned: an edit is a new version; the items as JSON.
struct M024CreateLeadershipItemSets: AsyncMigration {
    var name: String { "M024CreateLeadershipItemSets" }

    func prepare(on database: any Database) async throws {
        try await database.schema("leadership_item_sets")
            .id()
            .field("municipality", .string, .required)
            .field("kind", .string, .required)
            .field("version", .int, .required)
            .field("items", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "municipality", "kind", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("leadership_item_sets").delete()
    }
}
