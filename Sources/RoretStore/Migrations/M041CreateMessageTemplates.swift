import FluentKit

/// A municipality's own message texts (*beskedtekster*), one per kind;
/// a kind without a row uses Roret's standard text.
struct M041CreateMessageTemplates: AsyncMigration {
    var name: String { "M041CreateMessageTemplates" }

    func prepare(on database: any Database) async throws {
        try await database.schema("message_templates")
            .id()
            .field("municipality", .string, .required)
            .field("kind", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "municipality", "kind")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("message_templates").delete()
    }
}
