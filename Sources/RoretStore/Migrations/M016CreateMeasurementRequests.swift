import FluentKit

/// Ad-hoc measurements asked for at a life change (*ekstra måling*).
struct M016CreateMeasurementRequests: AsyncMigration {
    var name: String { "M016CreateMeasurementRequests" }

    func prepare(on database: any Database) async throws {
        try await database.schema("measurement_requests")
            .id()
            .field("citizen_id", .uuid, .required, .references("citizens", "id", onDelete: .restrict))
            .field("requested_on", .string, .required)
            .field("reason", .string, .required)
            .field("requested_by", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("measurement_requests").delete()
    }
}
