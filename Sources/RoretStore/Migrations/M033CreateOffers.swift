import FluentKit

/// Social offers (*tilbud*): name, municipality, the paragraphs they
/// deliver and their leader; one name per municipality.
struct M033CreateOffers: AsyncMigration {
    var name: String { "M033CreateOffers" }

    func prepare(on database: any Database) async throws {
        try await database.schema("offers")
            .id()
            .field("municipality", .string, .required)
            .field("name", .string, .required)
            .field("paragraphs", .string, .required)
            .field("leader", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "municipality", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("offers").delete()
    }
}
