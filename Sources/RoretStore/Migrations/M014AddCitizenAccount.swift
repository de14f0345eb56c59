import FluentKit

/// A citizen's own account, for their own view of plan and answers.
struct M014AddCitizenAccount: AsyncMigration {
    var name: String { "M014AddCitizenAccount" }

    func prepare(on database: any Database) async throws {
        try await database.schema("citizens").field("account_username", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("citizens").deleteField("account_username").update()
    }
}
