import FluentKit
import Foundation

/// Fluent row of `case_events`; never leaves RoretStore (see `CaseEvent`).
final class CaseEventModel: Model, @unchecked Sendable {
    static let schema = "case_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "citizen_id") var citizenID: UUID
    /// 1, 2, 3, … per citizen: the recording order.
    @Field(key: "sequence") var sequence: Int
    /// The fact's kind, for reading the table by hand.
    @Field(key: "kind") var kind: String
    /// The fact as JSON.
    @Field(key: "payload") var payload: String
    @Field(key: "recorded_on") var recordedOn: String
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// Fluent row of `case_work_settings`; never leaves RoretStore (see `CaseWorkSettings`).
final class CaseWorkSettingsModel: Model, @unchecked Sendable {
    static let schema = "case_work_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "municipality") var municipality: String
    @Field(key: "goal_follow_up_months") var goalFollowUpMonths: Int
    @Field(key: "meeting_interval_months") var meetingIntervalMonths: Int
    @Field(key: "reminder_lead_days") var reminderLeadDays: Int
    @OptionalField(key: "help_text") var helpText: String?

    init() {}
}
