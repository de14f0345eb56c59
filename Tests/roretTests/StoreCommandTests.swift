import ArgumentParser
import Foundation
import RoretCore
import RoretStore
import Testing
@testable import roret

/// `roret migrate`, `import` and `user` on a temporary SQLite file.
@Suite struct StoreCommandTests {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("roret-store-cli-\(UUID().uuidString)").path
    var database: String { base + ".sqlite" }
    var extract: String { base + "-extract" }

    func cleanUp() {
        for path in [database, database + "-wal", database + "-shm", extract] { try? FileManager.default.removeItem(atPath: path) }
    }

    func exitCode(_ body: () async throws -> Void) async -> Int32? {
        do {
            try await body()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            return nil
        }
    }

    func history() async throws -> [ExtractVersion] {
        try await StoreHost.withStore(.sqlite(path: database)) { try await $0.store.extracts.history() }
    }

    @Test func importStoresAValidExtractAsANewVersion() async throws {
        defer { cleanUp() }
        try DemoExtract.parse(["--scale", "small", "--seed", "2", "--output", extract]).run()
        try await Migrate.parse(["--sqlite", database]).run()
        #expect(await exitCode { try await Import.parse([extract, "--sqlite", database]).run() } == 0)
        #expect(await exitCode { try await Import.parse([extract, "--sqlite", database]).run() } == 0)
        let versions = try await history()
        #expect(versions.map(\.version) == [2, 1])
        #expect(versions.map(\.supersededBy) == [nil, 2])
        #expect(versions.first?.importedBy.hasPrefix("cli:") == true)
    }

    @Test func aBadExtractExitsOneAndStoresNothing() async throws {
        defer { cleanUp() }
        try DemoExtract.parse(["--scale", "small", "--seed", "2", "--output", extract]).run()
        let path = (extract as NSString).appendingPathComponent("interventions.csv")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "p-x,265,85,2021-04-15,2021-03-01,sindslidelse\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(await exitCode { try await Import.parse([extract, "--sqlite", database]).run() } == 1)
        #expect(try await history().isEmpty)
        #expect(await exitCode { try await Import.parse([base + "-missing", "--sqlite", database]).run() } == 1)
    }

    @Test func usersAreAddedResetAndDisabled() async throws {
        defer { cleanUp() }
        try await User.Add.parse(["leder", "--role", "leader", "--area", "265", "--sqlite", database]).run()
        var accounts = try await StoreHost.withStore(.sqlite(path: database)) { try await $0.store.accounts.all() }
        #expect(accounts.map(\.username) == ["leder"])
        #expect(accounts.first?.role == .leader)
        #expect(await exitCode { try await User.Add.parse(["leder", "--role", "leader", "--area", "265", "--sqlite", database]).run() } == nil, "taken")
        #expect(await exitCode { try await User.Add.parse(["x1", "--role", "chef", "--area", "265", "--sqlite", database]).run() } == nil, "unknown role")
        #expect(await exitCode { try await User.Add.parse(["x2", "--role", "leader", "--area", "Roskilde", "--sqlite", database]).run() } == nil, "bad area")
        try await User.Disable.parse(["leder", "--sqlite", database]).run()
        accounts = try await StoreHost.withStore(.sqlite(path: database)) { try await $0.store.accounts.all() }
        #expect(accounts.map(\.username) == ["leder"], "refused accounts were not created")
        #expect(accounts.first?.isDisabled == true)
        try await User.Reset.parse(["leder", "--sqlite", database]).run()
        accounts = try await StoreHost.withStore(.sqlite(path: database)) { try await $0.store.accounts.all() }
        #expect(accounts.first?.isDisabled == false)
        let audit = try await StoreHost.withStore(.sqlite(path: database)) { try await $0.store.audit.events(AuditQuery()) }
        #expect(audit.map(\.action) == [.accountReset, .accountDisabled, .accountAdded])
    }
}

/// `roret export-measurements` on a temporary SQLite file.
@Suite struct ExportMeasurementsCommandTests {
    @Test func writesTheStoredAnswersAndAuditsTheExport() async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("roret-export-\(UUID().uuidString)").path
        let database = base + ".sqlite", output = base + ".csv"
        defer { for p in [database, output] { try? FileManager.default.removeItem(atPath: p) } }
        try await StoreHost.withStore(.sqlite(path: database)) { host in
            let c = try await host.store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: nil, followUpStartedOn: Day.yearStart(2024))
            try await host.store.measurements.record(citizenID: c.id, instrument: .who5, answeredOn: Day.yearStart(2024), items: [1, 2, 3, 4, 5], channel: .paper, enteredBy: "s", today: Day.yearStart(2024))
        }
        try await ExportMeasurements.parse(["--output", output, "--sqlite", database]).run()
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text == "person_id,municipality_code,instrument,date,item1,item2,item3,item4,item5\nB-001,265,WHO-5,2024-01-01,1,2,3,4,5\n")
        let audit = try await StoreHost.withStore(.sqlite(path: database)) { try await $0.store.audit.events(AuditQuery(action: .export)) }
        #expect(audit.first?.detail == "measurements.csv, 1 rækker")
    }
}

/// `roret backup` and `roret restore`.
extension StoreCommandTests {
    @Test func backupAndRestoreOnTheCommandLine() async throws {
        let backup = base + "-backup.sqlite", scratch = base + "-restored.sqlite"
        defer {
            cleanUp()
            for path in [backup, scratch] { try? FileManager.default.removeItem(atPath: path) }
        }
        try await Migrate.parse(["--sqlite", database]).run()
        #expect(await exitCode { try await BackUp.parse([backup, "--sqlite", database]).run() } == 0)
        #expect(await exitCode { try await BackUp.parse([backup, "--sqlite", database]).run() } == nil, "never overwrites a file")
        #expect(await exitCode { try await Restore.parse([backup, "--sqlite", scratch]).run() } == 0)
        #expect(try await StoreHost.withStore(.sqlite(path: scratch), migrate: false) { try await $0.store.extracts.history() }.isEmpty)
    }
}
