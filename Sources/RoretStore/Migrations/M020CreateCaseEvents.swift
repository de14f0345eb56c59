import FluentKit

/// The case's facts (*sagshændelser*), append-only: each row one fact of a
/// citizen's case, numbered per citizen in recording order.
struct M020CreateCaseEvents: AsyncMigration {
    var name: String { "M020CreateCaseEvents" }

    func prepare(on database: any Database) async throws {
        try await database.schema("case_events")
            .id()
            .field("citizen_id", .uuid, .required, .references("citizens", "id"))
            .field("sequence", .int, .required)
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("recorded_on", .string, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "citizen_id", "sequence")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("case_events").delete()
    }
}
