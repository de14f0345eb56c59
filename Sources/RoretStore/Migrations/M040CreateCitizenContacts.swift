import FluentKit

/// The citizen's contact for measurement links (*kontakt til målinger*),
/// kept only while the citizen's consent stands: one row per citizen.
struct M040CreateCitizenContacts: AsyncMigration {
    var name: String { "M040CreateCitizenContacts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("citizen_contacts")
            .id()
            .field("citizen_id", .uuid, .required, .references("citizens", "id", onDelete: .cascade))
            .field("phone", .string)
            .field("email", .string)
            .field("consent_recorded_by", .string, .required)
            .field("consent_on", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "citizen_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("citizen_contacts").delete()
    }
}
