import FluentKit
import Foundation

/// Fluent row of `leadership_item_sets`; never leaves RoretStore (see `ItemSet`).
final class ItemSetModel: Model, @unchecked Sendable {
    static let schema = "leadership_item_sets"

    @ID(key: .id) var id: UUID?
    @Field(key: "municipality") var municipality: String
    @Field(key: "kind") var kind: String
    @Field(key: "version") var version: Int
    /// The items as JSON.
    @Field(key: "items") var items: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// Fluent row of `leadership_rounds`; never leaves RoretStore (see `Round`).
final class RoundModel: Model, @unchecked Sendable {
    static let schema = "leadership_rounds"

    @ID(key: .id) var id: UUID?
    @Field(key: "municipality") var municipality: String
    @Field(key: "kind") var kind: String
    @Field(key: "item_set_version") var itemSetVersion: Int
    @Field(key: "items") var items: String
    @Field(key: "provenance") var provenance: String
    @Field(key: "round_date") var roundDate: String
    /// Comma-separated usernames of invited respondents besides the leaders and analysts.
    @Field(key: "invitees") var invitees: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// Fluent row of `round_answers`: a respondent's answer (`respondent` set) or
/// the group's agreed score (`respondent` nil, with its comment).
final class RoundAnswerModel: Model, @unchecked Sendable {
    static let schema = "round_answers"

    @ID(key: .id) var id: UUID?
    @Field(key: "round_id") var roundID: UUID
    @OptionalField(key: "respondent") var respondent: String?
    @Field(key: "item_id") var itemID: String
    @Field(key: "answer") var answer: String
    @OptionalField(key: "comment") var comment: String?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// Fluent row of `leadership_action_versions`; never leaves RoretStore (see `LeadershipAction`).
final class ActionVersionModel: Model, @unchecked Sendable {
    static let schema = "leadership_action_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "action_id") var actionID: UUID
    @Field(key: "municipality") var municipality: String
    @Field(key: "version") var version: Int
    @Field(key: "action") var action: String
    @OptionalField(key: "note") var note: String?
    @Field(key: "recorded_on") var recordedOn: String
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// Fluent row of `round_reflections`; never leaves RoretStore.
final class RoundReflectionModel: Model, @unchecked Sendable {
    static let schema = "round_reflections"

    @ID(key: .id) var id: UUID?
    @Field(key: "round_id") var roundID: UUID
    /// 1…5, the reflection question.
    @Field(key: "question") var question: Int
    @Field(key: "text") var text: String
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// Fluent row of `reflection_meetings`; never leaves RoretStore (see `ReflectionMeeting`).
final class ReflectionMeetingModel: Model, @unchecked Sendable {
    static let schema = "reflection_meetings"

    @ID(key: .id) var id: UUID?
    @Field(key: "municipality") var municipality: String
    @Field(key: "title") var title: String
    @Field(key: "meeting_date") var meetingDate: String
    @Field(key: "phase") var phase: Int
    /// `[MeetingParticipant]` as JSON.
    @Field(key: "participants") var participants: String
    /// `FrozenDocumentation` as JSON.
    @Field(key: "documentation") var documentation: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// Fluent row of `reflection_notes`; never leaves RoretStore (see `ReflectionNote`).
final class ReflectionNoteModel: Model, @unchecked Sendable {
    static let schema = "reflection_notes"

    @ID(key: .id) var id: UUID?
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "author") var author: String
    @Field(key: "phase") var phase: Int
    @Field(key: "kind") var kind: String
    @OptionalField(key: "question") var question: Int?
    @OptionalField(key: "observation_kind") var observationKind: String?
    @OptionalField(key: "theme_id") var themeID: String?
    @Field(key: "text") var text: String
    @Field(key: "recorded_on") var recordedOn: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// Fluent row of `action_reminders`; never leaves RoretStore (see `ActionReminder`).
final class ActionReminderModel: Model, @unchecked Sendable {
    static let schema = "action_reminders"

    @ID(key: .id) var id: UUID?
    @Field(key: "action_id") var actionID: UUID
    @Field(key: "municipality") var municipality: String
    @Field(key: "what") var what: String
    @Field(key: "recipient") var recipient: String
    @Field(key: "due_on") var dueOn: String
    @Field(key: "state") var state: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
