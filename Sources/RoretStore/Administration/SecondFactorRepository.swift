import FluentKit
import FluentSQL
import Foundation

/// Fluent row of `second_factors`; never leaves RoretStore.
final class SecondFactorModel: Model, @unchecked Sendable {
    static let schema = "second_factors"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "secret") var secret: String
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @Field(key: "last_step") var lastStep: Int64
    @Field(key: "recovery_hashes") var recoveryHashes: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// An account's second factor as it stands.
public struct SecondFactor: Sendable, Hashable {
    /// The shared TOTP secret (Base32).
    public var secret: String
    /// Set once the user has shown a first code: from then on sign-in asks for one.
    public var confirmedAt: Date?
    /// The last TOTP time step accepted (a code is used once).
    public var lastStep: Int64
    /// SHA-256 hashes of the recovery codes not yet used.
    public var recoveryHashes: [String]

    public var isConfirmed: Bool { confirmedAt != nil }
}

/// Two-factor authentication's store: a secret begun, confirmed, a code's
/// time step or a recovery code spent — each spend one conditional UPDATE,
/// so two sign-ins with the same code cannot both pass.
public struct SecondFactorRepository: Sendable {
    let database: any Database

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func find(account: UUID) async throws -> SecondFactor? {
        try await SecondFactorModel.query(on: database).filter(\.$accountID == account).first().map(Self.value)
    }

    /// The accounts with a confirmed second factor.
    public func confirmedAccounts() async throws -> Set<UUID> {
        Set(try await SecondFactorModel.query(on: database).filter(\.$confirmedAt != nil).all().map(\.accountID))
    }

    /// A new unconfirmed secret for the account (replacing an unconfirmed one; a confirmed one stays until reset).
    public func begin(account: UUID, secret: String) async throws {
        if let existing = try await SecondFactorModel.query(on: database).filter(\.$accountID == account).first() {
            guard existing.confirmedAt == nil else { return }
            existing.secret = secret
            try await existing.save(on: database)
            return
        }
        let m = SecondFactorModel()
        m.id = UUID()
        m.accountID = account
        m.secret = secret
        m.lastStep = 0
        m.recoveryHashes = "[]"
        m.createdAt = Date()
        try await m.create(on: database)
    }

    /// Confirms the secret with the first code's time step and stores the recovery codes' hashes.
    public func confirm(account: UUID, step: Int64, recoveryHashes: [String], at now: Date = Date()) async throws {
        guard let m = try await SecondFactorModel.query(on: database).filter(\.$accountID == account).first() else { return }
        m.confirmedAt = now
        m.lastStep = step
        m.recoveryHashes = String(decoding: try JSONEncoder().encode(recoveryHashes), as: UTF8.self)
        try await m.save(on: database)
    }

    /// Spends the time step `step`: true when it is later than the last one used (and now is the last).
    public func spend(account: UUID, step: Int64) async throws -> Bool {
        let moved = try await sql.update(SecondFactorModel.schema).set("last_step", to: step)
            .where("account_id", .equal, account).where("last_step", .lessThan, step).returning("id").all()
        return !moved.isEmpty
    }

    /// Spends one recovery code by its hash: true when it was unused (and now is used).
    public func spendRecovery(account: UUID, hash: String) async throws -> Bool {
        guard let m = try await SecondFactorModel.query(on: database).filter(\.$accountID == account).first(),
              var hashes = try? JSONDecoder().decode([String].self, from: Data(m.recoveryHashes.utf8)), let i = hashes.firstIndex(of: hash) else { return false }
        let before = m.recoveryHashes
        hashes.remove(at: i)
        let after = String(decoding: try JSONEncoder().encode(hashes), as: UTF8.self)
        let moved = try await sql.update(SecondFactorModel.schema).set("recovery_hashes", to: after)
            .where("account_id", .equal, account).where("recovery_hashes", .equal, before).returning("id").all()
        return !moved.isEmpty
    }

    /// Removes the account's second factor (an administrator's reset after a lost phone): enrolment starts again.
    public func remove(account: UUID) async throws {
        try await SecondFactorModel.query(on: database).filter(\.$accountID == account).delete()
    }

    static func value(_ m: SecondFactorModel) -> SecondFactor {
        SecondFactor(secret: m.secret, confirmedAt: m.confirmedAt, lastStep: m.lastStep,
                     recoveryHashes: (try? JSONDecoder().decode([String].self, from: Data(m.recoveryHashes.utf8))) ?? [])
    }
}
