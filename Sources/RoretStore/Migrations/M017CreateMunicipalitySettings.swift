import FluentKit

/// Settings per municipality: the measurement cadence (*målingskadence*).
struct M017CreateMunicipalitySettings: AsyncMigration {
    var name: String { "M017CreateMunicipalitySettings" }

    func prepare(on database: any Database) async throws {
        try await database.schema("municipality_settings")
            .id()
            .field("municipality", .string, .required)
            .field("cadence_months", .int, .required)
            .unique(on: "municipality")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("municipality_settings").delete()
    }
}
