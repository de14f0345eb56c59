import FluentKit

/// Each respondent's answers in a round, and the group's agreed scores:
/// append-only, the latest row per (round, respondent or group, item) in force.
struct M026CreateRoundAnswers: AsyncMigration {
    var name: String { "M026CreateRoundAnswers" }

    func prepare(on database: any Database) async throws {
        try await database.schema("round_answers")
            .id()
            .field("round_id", .uuid, .required, .references("leadership_rounds", "id"))
            .field("respondent", .string)
            .field("item_id", .string, .required)
            .field("answer", .string, .required)
            .field("comment", .string)
            .field("recorded_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("round_answers").delete()
    }
}
