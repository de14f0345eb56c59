import FluentKit

/// The group's answers to the reflection questions after a temperature
/// round (*refleksionsspørgsmål*): append-only, the latest per question in force.
struct M028CreateRoundReflections: AsyncMigration {
    var name: String { "M028CreateRoundReflections" }

    func prepare(on database: any Database) async throws {
        try await database.schema("round_reflections")
            .id()
            .field("round_id", .uuid, .required, .references("leadership_rounds", "id"))
            .field("question", .int, .required)
            .field("text", .string, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("round_reflections").delete()
    }
}
