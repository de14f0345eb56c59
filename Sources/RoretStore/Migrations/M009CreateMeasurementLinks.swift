import FluentKit

/// Single-use measurement links (*målingslinks*); only a hash of each secret is kept.
struct M009CreateMeasurementLinks: AsyncMigration {
    var name: String { "M009CreateMeasurementLinks" }

    func prepare(on database: any Database) async throws {
        try await database.schema("measurement_links")
            .id()
            .field("citizen_id", .uuid, .required, .references("citizens", "id", onDelete: .cascade))
            .field("instrument", .string, .required)
            .field("token_hash", .string, .required)
            .field("issued_on", .string, .required)
            .field("expires_on", .string, .required)
            .field("state", .string, .required)
            .field("measurement_id", .uuid)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("measurement_links").delete()
    }
}
