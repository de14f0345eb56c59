import ArgumentParser
import Foundation
import RoretStore

/// `roret backup FILE`: a consistent copy of the SQLite database, taken while Roret serves.
struct BackUp: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Copy the SQLite database to FILE while Roret serves (for PostgreSQL: pg_dump).")

    @Argument(help: "The new backup file.")
    var file: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        do {
            let summary = try await Backup.backUp(store.configuration, to: file)
            print("backed up \(store.configuration) to \(summary.path): \(summary.bytes) bytes, \(summary.migrations) migrations, integrity ok")
        } catch let error as BackupError {
            throw ValidationError(error.description)
        }
    }
}

/// `roret restore FILE`: the database replaced by a backup (Roret stopped).
struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Replace the SQLite database with the backup FILE; stop Roret first. The replaced file is kept.")

    @Argument(help: "A file made by roret backup.")
    var file: String

    @Flag(help: "Restore even though the database's write-ahead log is in use (after a crash).")
    var force = false

    @OptionGroup var store: StoreOptions

    func run() async throws {
        do {
            let summary = try await Backup.restore(store.configuration, from: file, force: force)
            print("restored \(file) into \(summary.path): \(summary.bytes) bytes, \(summary.migrations) migrations, integrity ok" + (summary.kept.map { "; the replaced database is kept as \($0)" } ?? ""))
        } catch let error as BackupError {
            throw ValidationError(error.description)
        }
    }
}
