import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Where Roret keeps its data: an SQLite file by default (zero set-up), or
/// PostgreSQL when `DATABASE_URL` is set (several instances, one database).
public enum StoreConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite database in this file (created when missing).
    case sqlite(path: String)
    /// A PostgreSQL database at this `postgres://user:password@host:port/db` URL.
    case postgres(url: String)

    /// The default SQLite file in the working folder.
    public static let defaultSQLitePath = "roret.sqlite"

    /// `DATABASE_URL` when set, else `RORET_SQLITE` or the default file.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> StoreConfiguration {
        if let url = environment["DATABASE_URL"], !url.isEmpty { return .postgres(url: url) }
        return .sqlite(path: environment["RORET_SQLITE"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultSQLitePath)
    }

    /// The Fluent driver configuration.
    public func databaseFactory() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqlite(let path):
            // SQLite has one connection per event loop and writers take turns, so
            // a burst queues for a connection: with the default 10 s, 9 of 64
            // simultaneous link answers gave up waiting while the test suite ran
            // beside them. A citizen's answer waits rather than fails.
            return .sqlite(.file(path), connectionPoolTimeout: .seconds(60))
        case .postgres(let url):
            var config = try SQLPostgresConfiguration(url: url)
            // Local and CI servers have no TLS; a remote server's URL says `sslmode=require`.
            if !url.contains("sslmode=require") { config.coreConfiguration.tls = .disable }
            return .postgres(configuration: config)
        }
    }

    /// The Fluent database id.
    public var databaseID: DatabaseID {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .psql
        }
    }

    /// Safe to print: the PostgreSQL password is never shown.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "SQLite file \(path)"
        case .postgres(let url):
            guard var parts = URLComponents(string: url) else { return "PostgreSQL" }
            if parts.password != nil { parts.password = "***" }
            return "PostgreSQL \(parts.string ?? "")"
        }
    }
}
