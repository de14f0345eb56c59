import FluentKit
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

    /// The session's data, or nil when unknown or expired.
    public func read(key: String) async throws -> [String: String]? {
        guard let model = try await SessionModel.query(on: database).filter(\.$key == key).first(),
              model.expiresAt > Date()
        else { return nil }
        return try JSONDecoder().decode([String: String].self, from: Data(model.data.utf8))
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
