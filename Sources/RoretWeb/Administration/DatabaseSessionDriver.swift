import Foundation
import RoretStore
import Vapor

/// Vapor sessions kept in Roret's store (`sessions` table), so every
/// instance on one PostgreSQL shares them. A session whose data did not
/// change is not written back (saves a write per page view).
struct DatabaseSessionDriver: SessionDriver {
    private struct Loaded: StorageKey { typealias Value = [String: String] }

    /// A session unused this long ends (besides the absolute 8 hours).
    let idleTimeout: TimeInterval
    /// Session data key: when the session was last used (seconds since 1970).
    static let seenKey = "seen"

    /// The database holds only the SHA-256 of a session id, as for API
    /// tokens: a copy of the table gives no one a working cookie.
    static func storedKey(_ id: SessionID) -> String { Secrets.sha256(id.string) }

    private static func now() -> String { String(Int(Date().timeIntervalSince1970)) }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        let key = SessionID(string: Secrets.random(bytes: 32))
        let store = request.store
        var snapshot = data.snapshot
        snapshot[Self.seenKey] = Self.now()
        return request.eventLoop.makeFutureWithTask { [snapshot] in
            try await store.sessions.create(key: Self.storedKey(key), data: snapshot)
            return key
        }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        let store = request.store
        let idle = idleTimeout
        return request.eventLoop.makeFutureWithTask { () -> [String: String]? in
            guard let data = try await store.sessions.read(key: Self.storedKey(sessionID)) else { return nil }
            let seen = data[Self.seenKey].flatMap(TimeInterval.init) ?? 0
            if Date().timeIntervalSince1970 - seen > idle {
                try await store.sessions.delete(key: Self.storedKey(sessionID))
                return nil
            }
            return data
        }.map { (data: [String: String]?) -> SessionData? in
            guard var data else { return nil }
            request.storage[Loaded.self] = data
            // Marked as used at most once a minute: one write a minute, not one per page view.
            let seen = data[Self.seenKey].flatMap(TimeInterval.init) ?? 0
            if Date().timeIntervalSince1970 - seen > 60 { data[Self.seenKey] = Self.now() }
            return SessionData(initialData: data)
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if request.storage[Loaded.self] == data.snapshot { return request.eventLoop.makeSucceededFuture(sessionID) }
        let store = request.store
        return request.eventLoop.makeFutureWithTask {
            if try await store.sessions.update(key: Self.storedKey(sessionID), data: data.snapshot) { return sessionID }
            let key = SessionID(string: Secrets.random(bytes: 32))
            var snapshot = data.snapshot
            snapshot[Self.seenKey] = Self.now()
            try await store.sessions.create(key: Self.storedKey(key), data: snapshot)
            return key
        }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        let store = request.store
        return request.eventLoop.makeFutureWithTask {
            try await store.sessions.delete(key: Self.storedKey(sessionID))
        }
    }
}
