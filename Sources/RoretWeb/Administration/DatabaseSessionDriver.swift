import Foundation
import RoretStore
import Vapor

/// Vapor sessions kept in Roret's store (`sessions` table), so every
/// instance on one PostgreSQL shares them. A session whose data did not
/// change is not written back (saves a write per page view).
struct DatabaseSessionDriver: SessionDriver {
    private struct Loaded: StorageKey { typealias Value = [String: String] }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        let key = SessionID(string: Secrets.random(bytes: 32))
        let store = request.store
        return request.eventLoop.makeFutureWithTask {
            try await store.sessions.create(key: key.string, data: data.snapshot)
            return key
        }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        let store = request.store
        return request.eventLoop.makeFutureWithTask { () -> [String: String]? in
            try await store.sessions.read(key: sessionID.string)
        }.map { (data: [String: String]?) -> SessionData? in
            guard let data else { return nil }
            request.storage[Loaded.self] = data
            return SessionData(initialData: data)
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if request.storage[Loaded.self] == data.snapshot { return request.eventLoop.makeSucceededFuture(sessionID) }
        let store = request.store
        return request.eventLoop.makeFutureWithTask {
            if try await store.sessions.update(key: sessionID.string, data: data.snapshot) { return sessionID }
            let key = SessionID(string: Secrets.random(bytes: 32))
            try await store.sessions.create(key: key.string, data: data.snapshot)
            return key
        }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        let store = request.store
        return request.eventLoop.makeFutureWithTask {
            try await store.sessions.delete(key: sessionID.string)
        }
    }
}
