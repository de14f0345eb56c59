import FluentKit

/// Staff's e-mail address (*e-mailadresse*), where their reminders go; NULL: none.
struct M042AddAccountEmail: AsyncMigration {
    var name: String { "M042AddAccountEmail" }

    func prepare(on database: any Database) async throws {
        try await database.schema("accounts").field("email", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("accounts").deleteField("email").update()
    }
}
