import FluentKit

/// The audit log (*logning*): append-only; the store has no update or delete for it.
struct M003CreateAuditEvents: AsyncMigration {
    var name: String { "M003CreateAuditEvents" }

    func prepare(on database: any Database) async throws {
        try await database.schema("audit_events")
            .id()
            .field("at", .datetime, .required)
            .field("username", .string)
            .field("role", .string)
            .field("action", .string, .required)
            .field("area", .string)
            .field("detail", .string, .required)
            .field("address", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_events").delete()
    }
}
