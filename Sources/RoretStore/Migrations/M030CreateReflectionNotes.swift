import FluentKit

/// A reflection meeting's notes, append-only: preparation notes, answers to
/// the dialogue's questions, observations (themes) and explanations.
struct M030CreateReflectionNotes: AsyncMigration {
    var name: String { "M030CreateReflectionNotes" }

    func prepare(on database: any Database) async throws {
        try await database.schema("reflection_notes")
            .id()
            .field("meeting_id", .uuid, .required, .references("reflection_meetings", "id"))
            .field("author", .string, .required)
            .field("phase", .int, .required)
            .field("kind", .string, .required)
            .field("question", .int)
            .field("observation_kind", .string)
            .field("theme_id", .string)
            .field("text", .string, .required)
            .field("recorded_on", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reflection_notes").delete()
    }
}
