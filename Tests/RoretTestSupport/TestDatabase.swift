import Foundation
import RoretStore

/// The databases the store and web tests run on: SQLite always, and
/// PostgreSQL too when `RORET_TEST_POSTGRES_URL` names a server (CI starts one).
public enum TestDatabase: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// The backends available here.
    public static var available: [TestDatabase] {
        postgresBaseURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static var postgresBaseURL: String? {
        ProcessInfo.processInfo.environment["RORET_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A fresh, empty database for one test: a new SQLite file, or the
    /// PostgreSQL database `<base>_<suite>` with every table dropped. Tests on
    /// one PostgreSQL database run one at a time (`lock`).
    public func withFreshStore<T>(suite: String, _ body: (StoreConfiguration) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("roret-test-\(UUID().uuidString).sqlite").path
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            return try await body(.sqlite(path: path))
        case .postgres:
            guard let base = Self.postgresBaseURL else { throw TestDatabaseUnavailable() }
            let config = StoreConfiguration.postgres(url: base + "_" + suite)
            let lock = PostgresLocks.shared.lock(for: suite)
            await lock.acquire()
            do {
                try await StoreHost.withStore(config, migrate: false) { try await $0.dropAllTables() }
                let result = try await body(config)
                await lock.release()
                return result
            } catch {
                await lock.release()
                throw error
            }
        }
    }
}

struct TestDatabaseUnavailable: Error {}

/// One lock per PostgreSQL test database: its tests run one at a time.
final class PostgresLocks: @unchecked Sendable {
    static let shared = PostgresLocks()
    private var locks: [String: AsyncLock] = [:]
    private let guardLock = NSLock()

    func lock(for name: String) -> AsyncLock {
        guardLock.lock()
        defer { guardLock.unlock() }
        if let lock = locks[name] { return lock }
        let lock = AsyncLock()
        locks[name] = lock
        return lock
    }
}

/// A mutex for async code: waiters are resumed in order.
actor AsyncLock {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}
