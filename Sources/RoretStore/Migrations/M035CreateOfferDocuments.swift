import FluentKit

/// The offer's results documentation (*resultatdokumentation*): each
/// document (a self-evaluation round, the theory of change, a citizen
/// journey, the plans) is stored as numbered versions, never changed;
/// the highest version is the current one.
struct M035CreateOfferDocuments: AsyncMigration {
    var name: String { "M035CreateOfferDocuments" }

    func prepare(on database: any Database) async throws {
        try await database.schema("offer_documents")
            .id()
            .field("offer_id", .uuid, .required, .references("offers", "id"))
            .field("kind", .string, .required)
            .field("doc_key", .string, .required)
            .field("version", .int, .required)
            .field("payload", .string, .required)
            .field("saved_by", .string, .required)
            .field("saved_at", .datetime, .required)
            .unique(on: "offer_id", "kind", "doc_key", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("offer_documents").delete()
    }
}
