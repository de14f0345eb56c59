import FluentKit
import Foundation

/// The audit log (*logning*): append and read, nothing else — there is no
/// update or delete, so the log is append-only through Roret.
public struct AuditLog: Sendable {
    let database: any Database

    /// Appends one event.
    public func record(
        _ action: AuditAction, username: String?, role: String? = nil,
        area: String? = nil, detail: String, address: String? = nil, at: Date = Date()
    ) async throws {
        let model = AuditEventModel()
        model.id = UUID()
        model.at = at
        model.username = username
        model.role = role
        model.action = action.rawValue
        model.area = area
        model.detail = detail
        model.address = address
        try await model.create(on: database)
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

    /// How many events of this action for this username since `since`
    /// (sign-in throttling counts failed sign-ins this way, across instances).
    public func count(_ action: AuditAction, username: String, since: Date) async throws -> Int {
        try await AuditEventModel.query(on: database)
            .filter(\.$action == action.rawValue)
            .filter(\.$username == username)
            .filter(\.$at >= since)
            .count()
    }
}
