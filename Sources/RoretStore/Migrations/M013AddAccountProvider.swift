import FluentKit

/// Provider staff belong to a provider (*udfører*, e.g. a housing offer):
/// they see the citizens with an active intervention there.
struct M013AddAccountProvider: AsyncMigration {
    var name: String { "M013AddAccountProvider" }

    func prepare(on database: any Database) async throws {
        try await database.schema("accounts").field("provider", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("accounts").deleteField("provider").update()
    }
}
