import FluentKit
import Foundation

/// Fluent row of `measurement_requests`; never leaves RoretStore.
final class MeasurementRequestModel: Model, @unchecked Sendable {
    static let schema = "measurement_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "citizen_id") var citizenID: UUID
    @Field(key: "requested_on") var requestedOn: String
    @Field(key: "reason") var reason: String
    @Field(key: "requested_by") var requestedBy: String

    init() {}
}

/// Fluent row of `municipality_settings`; never leaves RoretStore.
final class MunicipalitySettingsModel: Model, @unchecked Sendable {
    static let schema = "municipality_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "municipality") var municipality: String
    @Field(key: "cadence_months") var cadenceMonths: Int

    init() {}
}
