import FluentKit

/// A citizen's interventions (*indsatser*): paragraph, provider and spell,
/// so the citizen's step over time is visible and provider staff get access.
struct M015CreateCitizenInterventions: AsyncMigration {
    var name: String { "M015CreateCitizenInterventions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("citizen_interventions")
            .id()
            .field("citizen_id", .uuid, .required, .references("citizens", "id", onDelete: .restrict))
            .field("paragraph", .string, .required)
            .field("provider", .string, .required)
            .field("start_on", .string, .required)
            .field("end_on", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("citizen_interventions").delete()
    }
}
