import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Writes that meet another writer (*samtidige skrivninger*): SQLite answers
/// "database is locked" when two transactions that began by reading both
/// want to write (its busy handler is not asked in that case), and
/// PostgreSQL may end a transaction with a serialisation failure or a
/// deadlock. Such a transaction did nothing, so it is run again, a few
/// times, after a short random pause. 13 of 30 simultaneous link answers
/// once failed this way.
enum Contention {
    /// Runs `work` (a whole transaction) again while it fails only because of another writer.
    /// Inside a transaction already begun on `database` it runs once: the
    /// transaction that began it is the one to run again.
    static func retrying<T: Sendable>(on database: (any Database)? = nil, attempts: Int = 24, _ work: () async throws -> T) async throws -> T {
        if database?.inTransaction == true { return try await work() }
        var attempt = 1
        while true {
            do {
                return try await work()
            } catch where attempt < attempts && isContention(error) {
                attempt += 1
                // Up to 24 attempts, pauses growing to at most 400 ms: about 5 s in all before giving up
                // (12 attempts, about 0.8 s, let 3 of 64 simultaneous answers fail while the test suite ran beside them).
                try await Task.sleep(for: .milliseconds(Int.random(in: 5...min(20 * attempt, 400))))
            }
        }
    }

    /// Whether `error` means "another writer was in the way; nothing was done".
    static func isContention(_ error: any Error) -> Bool {
        if let sqlite = error as? SQLiteError {
            return [.busy, .locked, .busyInSnapshot, .busyInRecovery, .busyTimeout, .lockedBySharedCache].contains(sqlite.reason)
        }
        if let postgres = error as? PSQLError, let state = postgres.serverInfo?[.sqlState] {
            return state == "40001" || state == "40P01"
        }
        return false
    }
}
