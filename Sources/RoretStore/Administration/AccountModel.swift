import FluentKit
import Foundation

/// Fluent row of `accounts`; never leaves RoretStore (see `Account`).
final class AccountModel: Model, @unchecked Sendable {
    static let schema = "accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: String
    @Field(key: "area") var area: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "disabled") var disabled: Bool
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "provider") var provider: String?
    /// The offer a provider account belongs to (M034).
    @OptionalField(key: "offer_id") var offerID: UUID?
    /// Where reminders go by e-mail (M042).
    @OptionalField(key: "email") var email: String?

    init() {}
}
