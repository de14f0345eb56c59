import FluentKit
import Foundation

/// Fluent row of `citizens`; never leaves RoretStore (see `Citizen`).
final class CitizenModel: Model, @unchecked Sendable {
    static let schema = "citizens"

    @ID(key: .id) var id: UUID?
    @Field(key: "municipality") var municipality: String
    @Field(key: "pseudonym") var pseudonym: String
    @OptionalField(key: "name") var name: String?
    @OptionalField(key: "caseworker") var caseworker: String?
    @Field(key: "phase") var phase: String
    /// ISO day.
    @Field(key: "follow_up_started_on") var followUpStartedOn: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "account_username") var accountUsername: String?

    init() {}
}

/// Fluent row of `citizen_interventions`; never leaves RoretStore (see `CitizenIntervention`).
final class CitizenInterventionModel: Model, @unchecked Sendable {
    static let schema = "citizen_interventions"

    @ID(key: .id) var id: UUID?
    @Field(key: "citizen_id") var citizenID: UUID
    @Field(key: "paragraph") var paragraph: String
    /// The offer's name as it was when the row was written.
    @Field(key: "provider") var provider: String
    /// The offer delivering it (M034).
    @OptionalField(key: "offer_id") var offerID: UUID?
    @Field(key: "start_on") var startOn: String
    @OptionalField(key: "end_on") var endOn: String?

    init() {}
}

/// Fluent row of `measurements`; never leaves RoretStore (see `StoredMeasurement`).
final class MeasurementModel: Model, @unchecked Sendable {
    static let schema = "measurements"

    @ID(key: .id) var id: UUID?
    @Field(key: "citizen_id") var citizenID: UUID
    @Field(key: "instrument") var instrument: String
    /// ISO day.
    @Field(key: "answered_on") var answeredOn: String
    @OptionalField(key: "item1") var item1: Int?
    @OptionalField(key: "item2") var item2: Int?
    @OptionalField(key: "item3") var item3: Int?
    @OptionalField(key: "item4") var item4: Int?
    @OptionalField(key: "item5") var item5: Int?
    @Field(key: "channel") var channel: String
    @Field(key: "entered_by") var enteredBy: String
    @Field(key: "entered_at") var enteredAt: Date

    init() {}
}

/// Fluent row of `measurement_links`; never leaves RoretStore.
final class MeasurementLinkModel: Model, @unchecked Sendable {
    static let schema = "measurement_links"

    @ID(key: .id) var id: UUID?
    @Field(key: "citizen_id") var citizenID: UUID
    @Field(key: "instrument") var instrument: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "issued_on") var issuedOn: String
    @Field(key: "expires_on") var expiresOn: String
    @Field(key: "state") var state: String
    @OptionalField(key: "measurement_id") var measurementID: UUID?

    init() {}
}

/// Fluent row of `reminders`; never leaves RoretStore (see `Reminder`).
final class ReminderModel: Model, @unchecked Sendable {
    static let schema = "reminders"

    @ID(key: .id) var id: UUID?
    @Field(key: "citizen_id") var citizenID: UUID
    /// The instrument's code, or `goal` for a goal follow-up.
    @Field(key: "instrument") var instrument: String
    /// The goal to follow up (M023); nil for a measurement.
    @OptionalField(key: "goal_id") var goalID: Int?
    @Field(key: "due_on") var dueOn: String
    @Field(key: "recipient") var recipient: String
    @Field(key: "state") var state: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
