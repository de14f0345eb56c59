import FluentKit

/// The plan's written parts (*planens tekster*): append-only; an edit replaces, never overwrites.
struct M012CreatePlanEntries: AsyncMigration {
    var name: String { "M012CreatePlanEntries" }

    func prepare(on database: any Database) async throws {
        try await database.schema("plan_entries")
            .id()
            .field("citizen_id", .uuid, .required, .references("citizens", "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("role", .string)
            .field("in_citizens_words", .bool, .required)
            .field("written_on", .string, .required)
            .field("written_by", .string, .required)
            .field("replaces", .uuid)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_entries").delete()
    }
}
