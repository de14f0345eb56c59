import FluentKit

/// Imported register extracts (*indlæste registerudtræk*), one row per version.
struct M004CreateExtractImports: AsyncMigration {
    var name: String { "M004CreateExtractImports" }

    func prepare(on database: any Database) async throws {
        try await database.schema("extract_imports")
            .id()
            .field("version", .int, .required)
            .field("imported_at", .datetime, .required)
            .field("imported_by", .string, .required)
            .field("source", .string, .required)
            .field("municipalities", .string, .required)
            .field("first_year", .int, .required)
            .field("last_year", .int, .required)
            .field("summary", .string, .required)
            .field("superseded_by", .int)
            .unique(on: "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("extract_imports").delete()
    }
}
