import FluentKit
import Foundation

/// Fluent row of `audit_events`; never leaves RoretStore (see `AuditEvent`).
final class AuditEventModel: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "username") var username: String?
    @OptionalField(key: "role") var role: String?
    @Field(key: "action") var action: String
    @OptionalField(key: "area") var area: String?
    @Field(key: "detail") var detail: String
    @OptionalField(key: "address") var address: String?

    init() {}
}
