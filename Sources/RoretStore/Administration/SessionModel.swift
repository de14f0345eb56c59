import FluentKit
import Foundation

/// Fluent row of `sessions`; never leaves RoretStore.
final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "data") var data: String
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}
