import FluentKit
import Foundation

/// An API token (*API-nøgle*) as the rest of Roret sees it; the secret itself
/// is shown once at creation and never stored, only its hash.
public struct APIToken: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var accountID: UUID
    public var name: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public var isActive: Bool { revokedAt == nil }

    init(_ model: APITokenModel) {
        id = model.id!
        accountID = model.accountID
        name = model.name
        createdAt = model.createdAt
        lastUsedAt = model.lastUsedAt
        revokedAt = model.revokedAt
    }
}

/// API tokens for analysts' scripts, kept as hashes.
public struct APITokenRepository: Sendable {
    let database: any Database

    /// Stores a token's hash for an account.
    public func create(accountID: UUID, name: String, tokenHash: String) async throws -> APIToken {
        let model = APITokenModel()
        model.id = UUID()
        model.accountID = accountID
        model.name = name
        model.tokenHash = tokenHash
        model.createdAt = Date()
        try await model.create(on: database)
        return APIToken(model)
    }

    /// The active token with this hash and its account; records its use.
    public func use(tokenHash: String) async throws -> (APIToken, Account)? {
        guard let token = try await APITokenModel.query(on: database)
            .filter(\.$tokenHash == tokenHash).filter(\.$revokedAt == nil).first(),
            let account = try await AccountModel.find(token.accountID, on: database)
        else { return nil }
        token.lastUsedAt = Date()
        try await token.save(on: database)
        return (APIToken(token), Account(account))
    }

    /// An account's tokens, newest first.
    public func tokens(of accountID: UUID) async throws -> [APIToken] {
        try await APITokenModel.query(on: database).filter(\.$accountID == accountID)
            .sort(\.$createdAt, .descending).all().map(APIToken.init)
    }

    /// Revokes every token of the account (a reset or a deactivation): a
    /// reactivated account never gets its old tokens back.
    public func revokeAll(of accountID: UUID) async throws {
        try await APITokenModel.query(on: database).filter(\.$accountID == accountID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: Date()).update()
    }

    /// Revokes one of the account's tokens; false when it has no such token.
    @discardableResult
    public func revoke(id: UUID, of accountID: UUID) async throws -> Bool {
        guard let token = try await APITokenModel.query(on: database)
            .filter(\.$id == id).filter(\.$accountID == accountID).first()
        else { return false }
        if token.revokedAt == nil {
            token.revokedAt = Date()
            try await token.save(on: database)
        }
        return true
    }
}
