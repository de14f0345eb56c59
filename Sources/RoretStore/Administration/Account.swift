import Foundation
import RoretCore

/// A user account (*bruger*) as the rest of Roret sees it: a value, never a
/// database row. The password hash stays inside the store's sign-in check.
public struct Account: Sendable, Hashable, Identifiable {
    public var id: UUID
    /// The sign-in name, unique.
    public var username: String
    /// The name shown in the interface.
    public var displayName: String
    public var role: Role
    /// A municipality code, or `national`.
    public var area: String
    /// A disabled account cannot sign in, and its sessions and tokens stop working.
    public var isDisabled: Bool
    public var createdAt: Date
    /// For provider staff: the name of the offer they work at.
    public var provider: String?
    /// For provider staff: the offer they work at (*tilbud*).
    public var offerID: UUID?
    /// Where the account's reminders go by e-mail (*e-mailadresse*); nil: none.
    public var email: String?

    /// The offer as `AccessPolicy` names it (its id), for provider staff.
    public var offerKey: String? { offerID?.uuidString }

    public init(id: UUID, username: String, displayName: String, role: Role, area: String, isDisabled: Bool, createdAt: Date, provider: String? = nil, offerID: UUID? = nil, email: String? = nil) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.area = area
        self.isDisabled = isDisabled
        self.createdAt = createdAt
        self.provider = provider
        self.offerID = offerID
        self.email = email
    }

    init(_ model: AccountModel) {
        self.init(
            id: model.id!, username: model.username, displayName: model.displayName,
            role: Role(rawValue: model.role) ?? .citizen, area: model.area,
            isDisabled: model.disabled, createdAt: model.createdAt, provider: model.provider, offerID: model.offerID, email: model.email
        )
    }
}

/// What goes wrong in the store that a caller can act on.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case usernameTaken(String)
    case noSuchAccount(String)
    case invalidUsername(String)

    public var description: String {
        switch self {
        case .usernameTaken(let name): "the username '\(name)' is already in use"
        case .noSuchAccount(let name): "there is no account '\(name)'"
        case .invalidUsername(let name): "'\(name)' is not a valid username (2–64 letters, digits, '.', '-', '_' or '@')"
        }
    }
}
