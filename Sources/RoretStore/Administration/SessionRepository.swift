import FluentKit
import FluentSQL
import Foundation

/// Browser sessions (*sessioner*) in the database, so every instance shares them.
public struct SessionRepository: Sendable {
    let database: any Database

    /// Sessions over `database`.
    public init(database: any Database) { self.database = database }

    /// How long a session lives after it was last written.
    public static let lifetime: TimeInterval = 8 * 60 * 60

    /// Stores a new session under `key`.
    public func create(key: String, data: [String: String]) async throws {
        let model = SessionModel()
        model.id = UUID()
        model.key = key
        model.data = try Self.encode(data)
        model.expiresAt = Date().addingTimeInterval(Self.lifetime)
        try await model.create(on: database)
    }

    /// The session's data, or nil when unknown or expired. Read on every
    /// page view: through SQLKit's builder into a `Decodable` row, not a
    /// Fluent model (model reflection was ~8 % of a page's CPU under load).
    public func read(key: String) async throws -> [String: String]? {
        struct Row: Decodable {
            var data: String
            var expires_at: Date
        }
        let row: Row?
        if let sql = database as? any SQLDatabase {
            row = try await sql.select().columns("data", "expires_at").from(SessionModel.schema)
                .where("key", .equal, key).limit(1).first(decoding: Row.self)
        } else {
            row = try await SessionModel.query(on: database).filter(\.$key == key).first().map { Row(data: $0.data, expires_at: $0.expiresAt) }
        }
        guard let row, row.expires_at > Date() else { return nil }
        return try JSONDecoder().decode([String: String].self, from: Data(row.data.utf8))
    }

    /// Replaces the session's data and extends its life; false when it is gone.
    @discardableResult
    public func update(key: String, data: [String: String]) async throws -> Bool {
        guard let model = try await SessionModel.query(on: database).filter(\.$key == key).first() else { return false }
        model.data = try Self.encode(data)
        model.expiresAt = Date().addingTimeInterval(Self.lifetime)
        try await model.save(on: database)
        return true
    }

    /// Ends the session.
    public func delete(key: String) async throws {
        try await SessionModel.query(on: database).filter(\.$key == key).delete()
    }

    /// Ends every session of an account (its id is in each session's data):
    /// a password reset or a deactivation signs it out everywhere.
    public func deleteAll(accountID: UUID) async throws {
        try await SessionModel.query(on: database).filter(\.$data ~~ accountID.uuidString).delete()
    }

    /// Removes expired sessions; returns how many.
    @discardableResult
    public func purgeExpired(now: Date = Date()) async throws -> Int {
        let count = try await SessionModel.query(on: database).filter(\.$expiresAt <= now).count()
        try await SessionModel.query(on: database).filter(\.$expiresAt <= now).delete()
        return count
    }

    private static func encode(_ data: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(data), as: UTF8.self)
    }
}
