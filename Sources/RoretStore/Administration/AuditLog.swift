import FluentKit
import Foundation
import RoretCore

/// The audit log (*logning*): append and read, nothing else — there is no
/// update or delete, so the log is append-only through Roret.
public struct AuditLog: Sendable {
    let database: any Database

    /// The longest text kept per field; longer input (a 15 KB username in a
    /// guessing attack) is cut before it is written.
    public static let maxUsernameLength = 64
    public static let maxDetailLength = 1_000

    /// Appends one event; over-long fields are cut (`…` marks the cut).
    public func record(
        _ action: AuditAction, username: String?, role: String? = nil,
        area: String? = nil, detail: String, address: String? = nil, at: Date = Date()
    ) async throws {
        try await Self.write(AuditEntry(action, username: username, role: role, area: area, detail: detail, address: address), at: at, on: database)
    }

    /// Appends `entry` (in `Store.transaction`: with what it records).
    public func write(_ entry: AuditEntry) async throws {
        try await Self.write(entry, on: database)
    }

    /// Writes `entry` on `database` — inside a repository's transaction, so
    /// the entry is stored exactly when what it records is.
    static func write(_ entry: AuditEntry, at: Date = Date(), on database: any Database) async throws {
        let (action, username, role, area, detail, address) = (entry.action, entry.username, entry.role, entry.area, entry.detail, entry.address)
        let model = AuditEventModel()
        model.id = UUID()
        model.at = at
        model.username = username.map { Self.cut($0, Self.maxUsernameLength) }
        model.role = role.map { Self.cut($0, 32) }
        model.action = action.rawValue
        model.area = area.map { Self.cut($0, 32) }
        model.detail = Self.cut(detail, Self.maxDetailLength)
        model.address = address.map { Self.cut($0, 64) }
        try await model.create(on: database)
    }

    static func cut(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Events matching the query, newest first.
    public func events(_ query: AuditQuery) async throws -> [AuditEvent] {
        var builder = AuditEventModel.query(on: database)
        if let username = query.username { builder = builder.filter(\.$username == username) }
        if let action = query.action { builder = builder.filter(\.$action == action.rawValue) }
        if let from = query.from { builder = builder.filter(\.$at >= from) }
        if let to = query.to { builder = builder.filter(\.$at < to) }
        return try await builder.sort(\.$at, .descending).limit(query.limit).all().map(AuditEvent.init)
    }

    /// Failed sign-ins since `since`, for a username, an address, or both:
    /// how many and the latest (sign-in throttling, across instances).
    public func failedSignIns(username: String? = nil, address: String? = nil, since: Date) async throws -> SignInThrottle.Failures {
        var query = AuditEventModel.query(on: database).filter(\.$action == AuditAction.signInFailed.rawValue).filter(\.$at >= since)
        if let username { query = query.filter(\.$username == Self.cut(username, Self.maxUsernameLength)) }
        if let address { query = query.filter(\.$address == address) }
        let count = try await query.count()
        let last = count == 0 ? nil : try await query.max(\.$at)
        return SignInThrottle.Failures(count: count, last: last?.timeIntervalSince1970)
    }

    /// How many entries of `action` a username has since `since` (wrong second-factor codes, for the throttle).
    public func count(_ action: AuditAction, username: String, since: Date) async throws -> Int {
        try await AuditEventModel.query(on: database).filter(\.$action == action.rawValue).filter(\.$at >= since)
            .filter(\.$username == Self.cut(username, Self.maxUsernameLength)).count()
    }

    /// When an administrator last cleared a username's failed sign-ins.
    public func lastCleared(username: String) async throws -> Date? {
        try await AuditEventModel.query(on: database).filter(\.$action == AuditAction.signInCleared.rawValue)
            .filter(\.$detail == username).max(\.$at)
    }

}

/// An audit entry to be written together with what it records (one transaction).
public struct AuditEntry: Sendable, Hashable {
    public var action: AuditAction
    public var username: String?
    public var role: String?
    public var area: String?
    public var detail: String
    public var address: String?

    public init(_ action: AuditAction, username: String?, role: String? = nil, area: String? = nil, detail: String, address: String? = nil) {
        self.action = action
        self.username = username
        self.role = role
        self.area = area
        self.detail = detail
        self.address = address
    }
}
