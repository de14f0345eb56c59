import Foundation
import RoretCore
import RoretImport
import RoretStore
import RoretTestSupport
import Testing

/// Versioned, all-or-nothing imports and the figures computed from them.
@Suite struct ExtractStoreTests {
    @Test(arguments: TestDatabase.available)
    func aValidExtractIsStoredAsVersionOneAndReadsBackIdentically(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let files = TestExtracts.demo()
            let outcome = try await host.store.extracts.importExtract(files: files, source: "test", importedBy: "tester")
            guard case .imported(let version, let superseded) = outcome else {
                Issue.record("expected an import, got \(outcome)")
                return
            }
            #expect(version.version == 1)
            #expect(superseded.isEmpty)
            #expect(version.municipalities == ["253", "265", "350"])
            #expect(version.years == 2017...2024)
            #expect(version.importedBy == "tester")
            #expect(version.summary.hasPrefix("gyldigt: municipalities.csv 3 rækker"))
            #expect(try await host.store.extracts.files(of: version) == files, "stored byte for byte")
            let stored = try await host.store.extracts.registerData(of: version)
            let direct = try #require({ if case .valid(let d, _) = ExtractReader.read(files: files) { d } else { nil } }())
            #expect(KeyFigureEngine.compute(stored) == KeyFigureEngine.compute(direct))
        }
    }

    @Test(arguments: TestDatabase.available)
    func anInvalidExtractStoresNothingAndReportsEveryProblem(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            var files = TestExtracts.demo()
            let interventions = String(decoding: files["interventions.csv"]!, as: UTF8.self)
            var lines = interventions.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[2] = "p-bad,265,85,2021-04-15,2021-03-01,sindslidelse"
            lines[5] = "p-bad2,999,85,2021-04-15,,sindslidelse"
            files["interventions.csv"] = Array(lines.joined(separator: "\n").utf8)
            let outcome = try await host.store.extracts.importExtract(files: files, source: "test", importedBy: "tester")
            guard case .rejected(let problems) = outcome else {
                Issue.record("expected a rejection")
                return
            }
            #expect(problems.contains { $0.description == "interventions.csv:3: end_date 2021-03-01 er før start_date 2021-04-15" })
            #expect(problems.contains { $0.file == "interventions.csv" && $0.line == 6 && $0.reason.contains("999") })
            #expect(try await host.store.extracts.history().isEmpty)
            #expect(try await host.store.extracts.current(for: nationalArea) == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aNewImportOfTheSameCoverageSupersedesTheOldWhichStaysInHistory(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let extracts = host.store.extracts
            _ = try await extracts.importExtract(files: TestExtracts.demo(seed: 1), source: "first", importedBy: "t")
            let second = try await extracts.importExtract(files: TestExtracts.demo(seed: 2), source: "second", importedBy: "t")
            guard case .imported(let v2, let superseded) = second else {
                Issue.record("expected an import")
                return
            }
            #expect(v2.version == 2)
            #expect(superseded == [1])
            let history = try await extracts.history()
            #expect(history.map(\.version) == [2, 1])
            #expect(history.map(\.supersededBy) == [nil, 2])
            #expect(try await extracts.current(for: "265")?.version == 2)
            #expect(try await extracts.version(1)?.isCurrent == false)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aNarrowerImportLeavesTheWiderCurrentAndEachAreaGetsTheNewestThatHoldsIt(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let extracts = host.store.extracts
            _ = try await extracts.importExtract(files: TestExtracts.tiny(municipalities: ["101", "147"], years: 2020...2023), source: "wide", importedBy: "t")
            // Covers only 101 and fewer years: supersedes nothing.
            let narrow = try await extracts.importExtract(files: TestExtracts.tiny(municipalities: ["101"], years: 2021...2022), source: "narrow", importedBy: "t")
            guard case .imported(_, let none) = narrow else {
                Issue.record("expected an import")
                return
            }
            #expect(none.isEmpty)
            #expect(try await extracts.current(for: "101")?.version == 2)
            #expect(try await extracts.current(for: "147")?.version == 1)
            #expect(try await extracts.current(for: nationalArea)?.version == 2)
            #expect(try await extracts.current(for: "999") == nil)
            // A wider one covering both supersedes both.
            let wider = try await extracts.importExtract(files: TestExtracts.tiny(municipalities: ["101", "147", "151"], years: 2019...2023), source: "wider", importedBy: "t")
            guard case .imported(_, let both) = wider else {
                Issue.record("expected an import")
                return
            }
            #expect(both == [1, 2])
        }
    }

    @Test(arguments: TestDatabase.available)
    func figuresAreComputedOncePerVersionAndANewVersionGetsItsOwn(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let extracts = host.store.extracts
            let cache = KeyFigureCache(extracts: extracts)
            _ = try await extracts.importExtract(files: TestExtracts.tiny(municipalities: ["101"], years: 2020...2021), source: "a", importedBy: "t")
            let v1 = try #require(try await extracts.current(for: "101"))
            let first = try await cache.figures(of: v1, answers: nil)
            #expect(first.rows(area: "101", figure: .nt02, unsuppressed: true).map(\.numerator) == [.count(1), .count(1)])
            _ = try await extracts.importExtract(files: TestExtracts.tiny(municipalities: ["101", "147"], years: 2020...2021), source: "b", importedBy: "t")
            let v2 = try #require(try await extracts.current(for: "101"))
            #expect(v2.version == 2)
            let second = try await cache.figures(of: v2, answers: nil)
            #expect(second.areas == ["101", "147", "national"])
            #expect(first.areas == ["101", "national"], "the old version's set is unchanged")
        }
    }

    @Test(arguments: TestDatabase.available)
    func currentVersionsAreRememberedBrieflyAndForgottenOnImport(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let extracts = host.store.extracts
            _ = try await extracts.importExtract(files: TestExtracts.tiny(municipalities: ["101"], years: 2020...2021), source: "a", importedBy: "t")
            let remembered = CurrentVersions(maxAge: 3_600)
            #expect(try await remembered.current(for: "101", using: extracts)?.version == 1)
            _ = try await extracts.importExtract(files: TestExtracts.tiny(municipalities: ["101"], years: 2020...2021), source: "b", importedBy: "t")
            #expect(try await remembered.current(for: "101", using: extracts)?.version == 1, "within maxAge, without invalidation")
            remembered.invalidate()
            #expect(try await remembered.current(for: "101", using: extracts)?.version == 2)
            let fresh = CurrentVersions(maxAge: 0)
            #expect(try await fresh.current(for: "101", using: extracts)?.version == 2)
            #expect(try await fresh.current(for: "999", using: extracts) == nil)
        }
    }
}
