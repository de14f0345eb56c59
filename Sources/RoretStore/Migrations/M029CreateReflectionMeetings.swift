import FluentKit

/// Reflection meetings (*refleksionsmøder*): the documentation frozen when
/// the meeting is prepared and the participants, as JSON; the phase it is in.
struct M029CreateReflectionMeetings: AsyncMigration {
    var name: String { "M029CreateReflectionMeetings" }

    func prepare(on database: any Database) async throws {
        try await database.schema("reflection_meetings")
            .id()
            .field("municipality", .string, .required)
            .field("title", .string, .required)
            .field("meeting_date", .string, .required)
            .field("phase", .int, .required)
            .field("participants", .string, .required)
            .field("documentation", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reflection_meetings").delete()
    }
}
