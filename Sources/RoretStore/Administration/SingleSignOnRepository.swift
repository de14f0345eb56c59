import FluentKit
import FluentSQL
import Foundation
import RoretCore

final class SSORoleMappingModel: Model, @unchecked Sendable {
    static let schema = "sso_role_mappings"

    @ID(key: .id) var id: UUID?
    @Field(key: "claim_value") var claimValue: String
    @Field(key: "role") var role: String
    @OptionalField(key: "area") var area: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

final class SSORequestModel: Model, @unchecked Sendable {
    static let schema = "sso_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "state_hash") var stateHash: String
    @Field(key: "nonce") var nonce: String
    @Field(key: "verifier") var verifier: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "used") var used: Bool

    init() {}
}

/// A sign-in on its way through the identity provider.
public struct SSORequest: Sendable, Hashable {
    public var nonce: String
    public var verifier: String
    public var createdAt: Date
}

/// Single sign-on's store: the mapping table, the sign-ins under way (each
/// taken once, with one conditional UPDATE), and the accounts the identity
/// provider vouches for (no local password: `ssoPasswordHash` matches none).
public struct SingleSignOnRepository: Sendable {
    let database: any Database

    /// The password hash of an account that signs in through the identity provider only: no password verifies against it.
    public static let ssoPasswordHash = "!sso"

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func rules() async throws -> [SingleSignOn.Rule] {
        try await SSORoleMappingModel.query(on: database).sort(\.$claimValue).all().compactMap { m in
            Role(rawValue: m.role).map { SingleSignOn.Rule(value: m.claimValue, role: $0, area: m.area) }
        }
    }

    /// Adds or replaces the rule for its value.
    public func save(_ rule: SingleSignOn.Rule, by user: String) async throws {
        try await SSORoleMappingModel.query(on: database).filter(\.$claimValue == rule.value).delete()
        let m = SSORoleMappingModel()
        m.id = UUID()
        m.claimValue = rule.value
        m.role = rule.role.rawValue
        m.area = rule.area
        m.createdBy = user
        m.createdAt = Date()
        try await m.create(on: database)
    }

    public func remove(value: String) async throws {
        try await SSORoleMappingModel.query(on: database).filter(\.$claimValue == value).delete()
    }

    public func begin(stateHash: String, nonce: String, verifier: String, at now: Date = Date()) async throws {
        let m = SSORequestModel()
        m.id = UUID()
        m.stateHash = stateHash
        m.nonce = nonce
        m.verifier = verifier
        m.createdAt = now
        m.used = false
        try await m.create(on: database)
    }

    /// Takes the sign-in with this state once (nil when unknown, used, or older than `maxAge`).
    public func take(stateHash: String, maxAge: TimeInterval = 600, now: Date = Date()) async throws -> SSORequest? {
        guard let m = try await SSORequestModel.query(on: database).filter(\.$stateHash == stateHash).first(), !m.used,
              now.timeIntervalSince(m.createdAt) <= maxAge else { return nil }
        let moved = try await sql.update(SSORequestModel.schema).set("used", to: true)
            .where("state_hash", .equal, stateHash).where("used", .equal, false).returning("id").all()
        return moved.isEmpty ? nil : SSORequest(nonce: m.nonce, verifier: m.verifier, createdAt: m.createdAt)
    }

    /// The account the identity provider vouches for: created on its first sign-in, its name, role and area
    /// kept as the provider says; it has no local password.
    public func account(username: String, displayName: String, role: Role, area: String) async throws -> Account {
        let accounts = AccountRepository(database: database)
        if try await accounts.find(username: username) == nil {
            return try await accounts.create(username: username, displayName: displayName, role: role, area: area, passwordHash: Self.ssoPasswordHash)
        }
        try await sql.update(AccountModel.schema).set("display_name", to: displayName).set("role", to: role.rawValue).set("area", to: area)
            .set("password_hash", to: Self.ssoPasswordHash).where("username", .equal, username).run()
        guard let account = try await accounts.find(username: username) else { throw StoreError.noSuchAccount(username) }
        return account
    }
}
