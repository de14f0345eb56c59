import FluentKit

/// Citizens followed up (*borgere*): pseudonym, name only for those with access, caseworker.
struct M007CreateCitizens: AsyncMigration {
    var name: String { "M007CreateCitizens" }

    func prepare(on database: any Database) async throws {
        try await database.schema("citizens")
            .id()
            .field("municipality", .string, .required)
            .field("pseudonym", .string, .required)
            .field("name", .string)
            .field("caseworker", .string)
            .field("phase", .string, .required)
            .field("follow_up_started_on", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "municipality", "pseudonym")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("citizens").delete()
    }
}
