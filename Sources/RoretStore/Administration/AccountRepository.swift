import FluentKit
import FluentSQL
import Foundation
import RoretCore

/// Accounts (*brugere*): create, find, change password, disable.
public struct AccountRepository: Sendable {
    let database: any Database

    /// Whether a username is acceptable: 2–64 of `[A-Za-z0-9._-]`.
    public static func isValidUsername(_ name: String) -> Bool {
        (2...64).contains(name.count) && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_" || $0 == "@"
        }
    }

    /// Creates an account; the username must be free. Provider staff belong
    /// to the offer named `provider` in their area, registered if new.
    public func create(username: String, displayName: String, role: Role, area: String, passwordHash: String, provider: String? = nil) async throws -> Account {
        guard Self.isValidUsername(username) else { throw StoreError.invalidUsername(username) }
        if try await model(username: username) != nil { throw StoreError.usernameTaken(username) }
        var offer: Offer?
        if let provider { offer = try await OfferRepository(database: database).ensure(municipality: area, name: provider) }
        let model = AccountModel()
        model.id = UUID()
        model.username = username
        model.displayName = displayName
        model.role = role.rawValue
        model.area = area
        model.passwordHash = passwordHash
        model.disabled = false
        model.provider = offer?.name
        model.offerID = offer.flatMap { UUID(uuidString: $0.id) }
        // Whole seconds: every database keeps them exactly, so a stored account equals the one returned here.
        model.createdAt = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        try await model.create(on: database)
        return Account(model)
    }

    /// The account with this id, if any. Read on every signed-in page view:
    /// through SQLKit's builder into a `Decodable` row, not a Fluent model
    /// (model reflection was ~8 % of a page's CPU under load).
    public func find(id: UUID) async throws -> Account? {
        struct Row: Decodable {
            var id: UUID
            var username: String
            var display_name: String
            var role: String
            var area: String
            var disabled: Bool
            var created_at: Date
            var provider: String?
            var offer_id: UUID?
            var email: String?
        }
        guard let sql = database as? any SQLDatabase else {
            return try await AccountModel.find(id, on: database).map(Account.init)
        }
        let row = try await sql.select()
            .columns("id", "username", "display_name", "role", "area", "disabled", "created_at", "provider", "offer_id", "email")
            .from(AccountModel.schema).where("id", .equal, id).limit(1).first(decoding: Row.self)
        return row.map {
            Account(id: $0.id, username: $0.username, displayName: $0.display_name, role: Role(rawValue: $0.role) ?? .citizen,
                    area: $0.area, isDisabled: $0.disabled, createdAt: $0.created_at, provider: $0.provider, offerID: $0.offer_id, email: $0.email)
        }
    }

    /// The account with this username, if any.
    public func find(username: String) async throws -> Account? {
        try await model(username: username).map(Account.init)
    }

    /// The account and its password hash, for the sign-in check only.
    public func credentials(username: String) async throws -> (account: Account, passwordHash: String)? {
        guard let model = try await model(username: username) else { return nil }
        return (Account(model), model.passwordHash)
    }

    /// Every account, by username.
    public func all() async throws -> [Account] {
        try await AccountModel.query(on: database).sort(\.$username).all().map(Account.init)
    }

    /// Whether there are no accounts at all (a new database).
    public func isEmpty() async throws -> Bool {
        try await AccountModel.query(on: database).count() == 0
    }

    /// Sets a new password hash and enables the account.
    public func setPasswordHash(username: String, _ hash: String) async throws {
        guard let model = try await model(username: username) else { throw StoreError.noSuchAccount(username) }
        model.passwordHash = hash
        model.disabled = false
        try await model.save(on: database)
    }

    /// Sets or clears (nil) the account's e-mail address for reminders.
    public func setEmail(username: String, _ email: String?) async throws {
        guard let model = try await model(username: username) else { throw StoreError.noSuchAccount(username) }
        model.email = email
        try await model.save(on: database)
    }

    /// Disables the account: no sign-in, and its sessions and tokens stop working.
    public func disable(username: String) async throws {
        guard let model = try await model(username: username) else { throw StoreError.noSuchAccount(username) }
        model.disabled = true
        try await model.save(on: database)
    }

    /// Enables a disabled account again (sign-in with its current password).
    public func enable(username: String) async throws {
        guard let model = try await model(username: username) else { throw StoreError.noSuchAccount(username) }
        model.disabled = false
        try await model.save(on: database)
    }

    private func model(username: String) async throws -> AccountModel? {
        try await AccountModel.query(on: database).filter(\.$username == username).first()
    }
}
