import FluentKit

/// Citizens' WHO-5 and Brief INSPIRE-O answers (*målinger*), item by item; never changed.
struct M008CreateMeasurements: AsyncMigration {
    var name: String { "M008CreateMeasurements" }

    func prepare(on database: any Database) async throws {
        try await database.schema("measurements")
            .id()
            .field("citizen_id", .uuid, .required, .references("citizens", "id", onDelete: .restrict))
            .field("instrument", .string, .required)
            .field("answered_on", .string, .required)
            .field("item1", .int)
            .field("item2", .int)
            .field("item3", .int)
            .field("item4", .int)
            .field("item5", .int)
            .field("channel", .string, .required)
            .field("entered_by", .string, .required)
            .field("entered_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("measurements").delete()
    }
}
