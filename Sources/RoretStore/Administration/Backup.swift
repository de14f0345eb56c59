import FluentKit
import FluentSQL
import Foundation

/// Why a backup or a restore was refused.
public enum BackupError: Error, Equatable, CustomStringConvertible {
    /// Only SQLite files are backed up by Roret; PostgreSQL has `pg_dump`.
    case notSQLite
    case targetExists(String)
    case missing(String)
    case notRoret(String)
    case damaged(String, [String])
    /// The database's write-ahead log is in use: Roret seems to be serving from it.
    case inUse(String)

    public var description: String {
        switch self {
        case .notSQLite: "Roret backs up its SQLite file; for PostgreSQL use pg_dump (docs/operations.md)."
        case .targetExists(let path): "\(path) exists already; choose a new file name."
        case .missing(let path): "\(path) does not exist."
        case .notRoret(let path): "\(path) is not a Roret database (no migrations table)."
        case .damaged(let path, let problems): "\(path) is damaged: " + problems.prefix(5).joined(separator: "; ")
        case .inUse(let path): "\(path)-wal is in use: stop Roret before restoring (or pass --force after a crash)."
        }
    }
}

/// Backups of the SQLite database (*sikkerhedskopi*): a consistent copy
/// taken while Roret serves, checked after it is written; and a restore
/// that checks the copy, keeps the database it replaces, and swaps the file
/// in one rename.
public enum Backup {
    /// What a backup or restore did.
    public struct Summary: Sendable, Equatable {
        public var path: String
        public var bytes: Int
        /// Migrations recorded in the copy: the schema version.
        public var migrations: Int
        /// After a restore: where the replaced database was kept, if there was one.
        public var kept: String? = nil
    }

    /// Copies the database of `configuration` into the new file `file`.
    public static func backUp(_ configuration: StoreConfiguration, to file: String) async throws -> Summary {
        guard case .sqlite(let source) = configuration else { throw BackupError.notSQLite }
        guard FileManager.default.fileExists(atPath: source) else { throw BackupError.missing(source) }
        guard !FileManager.default.fileExists(atPath: file) else { throw BackupError.targetExists(file) }
        try await StoreHost.withStore(configuration, migrate: false) { host in
            try await StoreHost.copySQLite(on: host.database, to: file)
        }
        return try await check(file)
    }

    /// Replaces the database of `configuration` with the backup `file`; the
    /// replaced database is kept beside it as `<name>.before-restore-<time>`.
    @discardableResult
    public static func restore(_ configuration: StoreConfiguration, from file: String, force: Bool = false, now: Date = Date()) async throws -> Summary {
        guard case .sqlite(let target) = configuration else { throw BackupError.notSQLite }
        let files = FileManager.default
        guard files.fileExists(atPath: file) else { throw BackupError.missing(file) }
        _ = try await check(file)
        let wal = target + "-wal"
        if !force, let size = (try? files.attributesOfItem(atPath: wal))?[.size] as? Int, size > 0 { throw BackupError.inUse(target) }
        let incoming = target + ".restoring"
        try? files.removeItem(atPath: incoming)
        try await StoreHost.withStore(.sqlite(path: file), migrate: false) { host in
            try await StoreHost.copySQLite(on: host.database, to: incoming)
        }
        var kept: String?
        if files.fileExists(atPath: target) {
            let stamp = ISO8601DateFormatter().string(from: now).replacingOccurrences(of: ":", with: "")
            kept = target + ".before-restore-" + stamp
            try files.moveItem(atPath: target, toPath: kept!)
        }
        for stale in [wal, target + "-shm"] { try? files.removeItem(atPath: stale) }
        try files.moveItem(atPath: incoming, toPath: target)
        var summary = try await check(target)
        summary.kept = kept
        return summary
    }

    /// A copy is whole (integrity check) and Roret's (its migrations table).
    static func check(_ path: String) async throws -> Summary {
        guard FileManager.default.fileExists(atPath: path) else { throw BackupError.missing(path) }
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return try await StoreHost.withStore(.sqlite(path: path), migrate: false) { host in
            let problems = try await StoreHost.integrityProblems(on: host.database)
            guard problems.isEmpty else { throw BackupError.damaged(path, problems) }
            guard let migrations = try? await host.database.query(MigrationLog.self).count() else { throw BackupError.notRoret(path) }
            return Summary(path: path, bytes: bytes, migrations: migrations)
        }
    }
}
