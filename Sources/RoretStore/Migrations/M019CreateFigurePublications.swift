import FluentKit

/// When the answers stored in Roret were last brought into the leaders'
/// figures (*offentliggørelse af svar i nøgletallene*): one row per rebuild.
struct M019CreateFigurePublications: AsyncMigration {
    var name: String { "M019CreateFigurePublications" }

    func prepare(on database: any Database) async throws {
        try await database.schema("figure_publications")
            .id()
            .field("published_at", .datetime, .required)
            .field("cutoff", .datetime, .required)
            .field("counted_from_year", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("figure_publications").delete()
    }
}
