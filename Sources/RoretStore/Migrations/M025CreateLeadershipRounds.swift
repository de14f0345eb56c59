import FluentKit

/// Rounds of the leaders' questionnaires (*runder*), with the item set they
/// were answered on (copied, so a later edit changes no round) and the
/// caseworkers invited to answer (comma-separated usernames).
struct M025CreateLeadershipRounds: AsyncMigration {
    var name: String { "M025CreateLeadershipRounds" }

    func prepare(on database: any Database) async throws {
        try await database.schema("leadership_rounds")
            .id()
            .field("municipality", .string, .required)
            .field("kind", .string, .required)
            .field("item_set_version", .int, .required)
            .field("items", .string, .required)
            .field("provenance", .string, .required)
            .field("round_date", .string, .required)
            .field("invitees", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("leadership_rounds").delete()
    }
}
