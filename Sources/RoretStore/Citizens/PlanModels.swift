import FluentKit
import Foundation

/// Fluent row of `goal_versions`; never leaves RoretStore (see `GoalVersion`).
final class GoalVersionModel: Model, @unchecked Sendable {
    static let schema = "goal_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "citizen_id") var citizenID: UUID
    @Field(key: "goal_id") var goalID: Int
    @Field(key: "version") var version: Int
    @OptionalField(key: "parent_goal_id") var parentGoalID: Int?
    @Field(key: "text") var text: String
    @Field(key: "horizon") var horizon: String
    @Field(key: "status") var status: String
    @OptionalField(key: "follow_up_on") var followUpOn: String?
    @Field(key: "changed_on") var changedOn: String
    @Field(key: "changed_by") var changedBy: String
    /// Comma-separated ids of the hopes texts served; nil for none (M021).
    @OptionalField(key: "serves_hopes") var servesHopes: String?

    init() {}
}

/// Fluent row of `plan_entries`; never leaves RoretStore (see `PlanEntry`).
final class PlanEntryModel: Model, @unchecked Sendable {
    static let schema = "plan_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "citizen_id") var citizenID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "text") var text: String
    @OptionalField(key: "role") var role: String?
    @Field(key: "in_citizens_words") var inCitizensWords: Bool
    @Field(key: "written_on") var writtenOn: String
    @Field(key: "written_by") var writtenBy: String
    @OptionalField(key: "replaces") var replaces: UUID?
    /// When the entry was stored; nil for entries from before M018.
    @OptionalField(key: "written_at") var writtenAt: Date?

    init() {}
}
