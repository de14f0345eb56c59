import FluentKit
import FluentSQL
import Foundation
@testable import RoretStore
import Testing

/// `roret backup` and `roret restore` on SQLite: a copy taken while rows are
/// being written holds every row committed before it began, is whole, and
/// restores in place of the database.
@Suite struct BackupTests {
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("roret-backup-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func details(_ path: String) async throws -> Set<String> {
        try await StoreHost.withStore(.sqlite(path: path), migrate: false) { host in
            Set(try await host.store.audit.events(AuditQuery(action: .export, limit: 100_000)).map(\.detail))
        }
    }

    @Test func aBackupTakenDuringWritesHoldsEveryCommittedRowAndRestores() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let live = dir + "/roret.sqlite", backup = dir + "/backup.sqlite"
        let total = try await StoreHost.withStore(.sqlite(path: live)) { host in
            try await StoreHost.useWriteAheadLog(on: host.database)
            let audit = host.store.audit
            for i in 0..<200 { try await audit.record(.export, username: "skriver", detail: "række \(i)") }
            // Writes go on while the backup is taken.
            let writer = Task {
                for i in 200..<1_200 { try await audit.record(.export, username: "skriver", detail: "række \(i)") }
            }
            let summary = try await Backup.backUp(.sqlite(path: live), to: backup)
            try await writer.value
            #expect(summary.bytes > 0 && summary.migrations == StoreMigrations.all.count)
            return try await audit.events(AuditQuery(action: .export, limit: 100_000)).count
        }
        #expect(total == 1_200)
        // Every row committed before the backup began is in it, and the copy is a whole prefix of the writes.
        let copied = try await details(backup)
        #expect((0..<200).allSatisfy { copied.contains("række \($0)") })
        let n = copied.count
        #expect((0..<n).allSatisfy { copied.contains("række \($0)") }, "the copy is the database at one moment: rows 0..<\(n)")
        // A second backup to the same name is refused; PostgreSQL is pg_dump's.
        await #expect(throws: BackupError.targetExists(backup)) { try await Backup.backUp(.sqlite(path: live), to: backup) }
        await #expect(throws: BackupError.notSQLite) { try await Backup.backUp(.postgres(url: "postgres://x@127.0.0.1/roret"), to: dir + "/pg.sqlite") }
        // Restore in place of the live database: the copy's rows, the replaced file kept.
        let summary = try await Backup.restore(.sqlite(path: live), from: backup)
        #expect(summary.migrations == StoreMigrations.all.count)
        #expect(try await details(live) == copied)
        let kept = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("roret.sqlite.before-restore-") }
        #expect(kept.count == 1 && summary.kept == live + "." + kept[0].dropFirst("roret.sqlite.".count))
        #expect(try await details(dir + "/" + kept[0]).count == 1_200)
    }

    @Test func aRestoreRefusesWhatIsNotAWholeRoretDatabaseOrAServingOne() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let live = dir + "/roret.sqlite"
        try "ikke en database".write(toFile: dir + "/tekst.sqlite", atomically: true, encoding: .utf8)
        await #expect(throws: (any Error).self) { try await Backup.restore(.sqlite(path: live), from: dir + "/tekst.sqlite") }
        await #expect(throws: BackupError.missing(dir + "/ingen.sqlite")) { try await Backup.restore(.sqlite(path: live), from: dir + "/ingen.sqlite") }
        // An SQLite file without Roret's tables.
        try await StoreHost.withStore(.sqlite(path: dir + "/fremmed.sqlite"), migrate: false) { host in
            try await (host.database as! any SQLDatabase).create(table: "andet").column("id", type: .int).run()
        }
        await #expect(throws: BackupError.notRoret(dir + "/fremmed.sqlite")) { try await Backup.restore(.sqlite(path: live), from: dir + "/fremmed.sqlite") }
        // While the live database's write-ahead log is in use.
        try await StoreHost.withStore(.sqlite(path: live)) { host in
            try await StoreHost.useWriteAheadLog(on: host.database)
            try await host.store.audit.record(.export, username: "x", detail: "før")
            let backup = dir + "/b.sqlite"
            _ = try await Backup.backUp(.sqlite(path: live), to: backup)
            try await host.store.audit.record(.export, username: "x", detail: "efter")
            await #expect(throws: BackupError.inUse(live)) { try await Backup.restore(.sqlite(path: live), from: backup) }
        }
        #expect(!FileManager.default.fileExists(atPath: live + ".restoring"))
    }
}
