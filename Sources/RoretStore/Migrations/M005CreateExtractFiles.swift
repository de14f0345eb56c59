import FluentKit

/// The validated CSV files of each import, byte for byte.
struct M005CreateExtractFiles: AsyncMigration {
    var name: String { "M005CreateExtractFiles" }

    func prepare(on database: any Database) async throws {
        try await database.schema("extract_files")
            .id()
            .field("import_id", .uuid, .required, .references("extract_imports", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("content", .data, .required)
            .unique(on: "import_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("extract_files").delete()
    }
}
