import FluentKit

/// Two-factor authentication (*totrinsgodkendelse*) for local accounts: the
/// account's TOTP secret, when it was confirmed, the last time step used
/// (a code works once), and the hashes of its unused recovery codes.
struct M037CreateSecondFactors: AsyncMigration {
    var name: String { "M037CreateSecondFactors" }

    func prepare(on database: any Database) async throws {
        try await database.schema("second_factors")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("secret", .string, .required)
            .field("confirmed_at", .datetime)
            .field("last_step", .int64, .required)
            .field("recovery_hashes", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "account_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("second_factors").delete()
    }
}
