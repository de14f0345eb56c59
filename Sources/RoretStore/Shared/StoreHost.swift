import FluentKit
import FluentSQL
import Foundation
import Logging
import NIOCore
import NIOPosix

/// Opens the store outside the web application (the command line, store
/// tests): owns the Fluent `Databases`, runs migrations, and always shuts
/// down through `withStore`.
public final class StoreHost: Sendable {
    public let configuration: StoreConfiguration

    /// The default logger: warnings and errors only (migrations run quietly).
    public static var quietLogger: Logger {
        var logger = Logger(label: "roret.store")
        logger.logLevel = .warning
        return logger
    }
    private let databases: Databases
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger

    /// A store host logging warnings and worse (`logger` to see more).
    public init(_ configuration: StoreConfiguration, logger: Logger = StoreHost.quietLogger) throws {
        self.configuration = configuration
        self.logger = logger
        eventLoopGroup = MultiThreadedEventLoopGroup.singleton
        databases = Databases(threadPool: NIOThreadPool.singleton, on: eventLoopGroup)
        databases.use(try configuration.databaseFactory(), as: configuration.databaseID, isDefault: true)
    }

    /// The default database.
    public var database: any Database {
        databases.database(logger: logger, on: eventLoopGroup.any())!
    }

    /// The repositories.
    public var store: Store { Store(database: database) }

    /// Runs every migration not yet run.
    public func migrate() async throws {
        try await migrator().setupIfNeeded().get()
        try await migrator().prepareBatch().get()
    }

    /// Runs the first `count` migrations only (tests of a migration with
    /// the data before it); `migrate()` runs the rest later.
    public func migrate(first count: Int) async throws {
        try await migrator(StoreMigrations.all.prefix(count)).setupIfNeeded().get()
        try await migrator(StoreMigrations.all.prefix(count)).prepareBatch().get()
    }

    /// Reverts every migration (tests only: drops Roret's tables).
    public func revertAll() async throws {
        try await migrator().setupIfNeeded().get()
        try await migrator().revertAllBatches().get()
    }

    private func migrator(_ list: ArraySlice<any Migration> = StoreMigrations.all[...]) -> Migrator {
        let migrations = Migrations()
        migrations.add(Array(list))
        return Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoopGroup.any())
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }

    /// Opens the store, runs `body`, and shuts down whatever happens.
    public static func withStore<T>(
        _ configuration: StoreConfiguration, migrate: Bool = true,
        _ body: (StoreHost) async throws -> T
    ) async throws -> T {
        let host = try StoreHost(configuration)
        do {
            if migrate { try await host.migrate() }
            let result = try await body(host)
            await host.shutdown()
            return result
        } catch {
            await host.shutdown()
            throw error
        }
    }
}

extension StoreHost {
    /// Every table Roret owns, children before parents.
    static let tables = ["messages", "citizen_contacts", "message_templates", "sso_requests", "sso_role_mappings", "second_factors", "budget_scenarios", "offer_documents", "offers", "action_reminders", "review_grants", "case_review_answers", "case_reviews", "reflection_notes", "reflection_meetings", "round_reflections", "leadership_action_versions", "round_answers", "leadership_rounds", "leadership_item_sets", "case_work_settings", "case_events", "figure_publications", "municipality_settings", "measurement_requests", "citizen_interventions", "plan_entries", "goal_versions", "reminders", "measurement_links", "measurements", "citizens", "api_tokens", "extract_files", "extract_imports", "audit_events", "sessions", "accounts", "_fluent_migrations"]

    /// Drops every table of Roret's, whatever state a previous run left
    /// them in (tests on a shared PostgreSQL database, also one a newer
    /// schema used). The one place the store issues SQL itself: SQLKit's
    /// dialect-neutral `DROP TABLE IF EXISTS … CASCADE` (CASCADE only where
    /// the dialect has it: PostgreSQL yes, SQLite no).
    public func dropAllTables() async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for table in Self.tables {
            try await sql.drop(table: table).ifExists().cascade().run()
        }
    }

    /// SQLite only: write-ahead logging, so readers never wait for a writer
    /// and a writer never waits for readers (it stays set in the file). The
    /// one dialect-specific statement Roret issues, here beside the other
    /// SQL of its own; PostgreSQL needs nothing.
    /// SQLite answers with the mode in force and keeps the old one while another
    /// connection is busy, so the answer is checked and the switch tried again
    /// (once, under a loaded test run, the file stayed in "delete" mode).
    public static func useWriteAheadLog(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        struct Mode: Decodable { var journal_mode: String }
        for attempt in 1...50 {
            let mode = try await sql.raw("PRAGMA journal_mode=WAL").first(decoding: Mode.self)?.journal_mode
            if mode?.lowercased() == "wal" { return }
            try await Task.sleep(for: .milliseconds(20 * attempt))
        }
    }

    /// SQLite only: a consistent copy of the whole database as it stood at
    /// one moment, written to the new file `path` while others go on reading
    /// and writing (`VACUUM INTO`: one read transaction; in WAL mode writers
    /// never wait for it). Dialect-specific, so here beside the other SQL.
    public static func copySQLite(on database: any Database, to path: String) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { throw BackupError.notSQLite }
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }

    /// SQLite only: what `PRAGMA integrity_check` finds wrong (empty: the file is whole).
    public static func integrityProblems(on database: any Database) async throws -> [String] {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { throw BackupError.notSQLite }
        struct Row: Decodable { var integrity_check: String }
        return try await sql.raw("PRAGMA integrity_check").all(decoding: Row.self).map(\.integrity_check).filter { $0 != "ok" }
    }
}

