import FluentKit

/// Single sign-on: the administrator's mapping of identity-provider role
/// values to Roret roles and areas, and the sign-ins on their way through
/// the identity provider (state, nonce and PKCE verifier, used once).
struct M038CreateSingleSignOn: AsyncMigration {
    var name: String { "M038CreateSingleSignOn" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sso_role_mappings")
            .id()
            .field("claim_value", .string, .required)
            .field("role", .string, .required)
            .field("area", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "claim_value")
            .create()
        try await database.schema("sso_requests")
            .id()
            .field("state_hash", .string, .required)
            .field("nonce", .string, .required)
            .field("verifier", .string, .required)
            .field("created_at", .datetime, .required)
            .field("used", .bool, .required)
            .unique(on: "state_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sso_requests").delete()
        try await database.schema("sso_role_mappings").delete()
    }
}
