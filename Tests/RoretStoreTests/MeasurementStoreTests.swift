import Foundation
import RoretCore
import RoretImport
@testable import RoretStore
import RoretTestSupport
import Testing

/// Citizens, answers, single-use links and the reminder outbox in the store.
@Suite struct MeasurementStoreTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test(arguments: TestDatabase.available)
    func anAnswerThroughALinkIsStoredAndSpendsTheLinkAndStopsTheReminder(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let citizen = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: "Anna", caseworker: "sagsbehandler", followUpStartedOn: day("2024-01-01"))
            try await store.measurements.enqueueReminder(citizenID: citizen.id, instrument: .who5, dueOn: day("2024-05-01"), recipient: "sagsbehandler")
            _ = try await store.measurements.issueLink(citizenID: citizen.id, instrument: .who5, tokenHash: "h1", issuedOn: day("2024-05-01"))
            try await store.measurements.openLink(tokenHash: "h1", on: day("2024-05-02"))
            let stored = try await store.measurements.record(
                citizenID: citizen.id, instrument: .who5, answeredOn: day("2024-05-02"), items: [3, 3, 3, 3, 3],
                channel: .link, enteredBy: "borger", linkHash: "h1", today: day("2024-05-02"))
            #expect(stored.score == 60)
            #expect(try await store.measurements.link(tokenHash: "h1")?.link.state == .answered)
            #expect(try await store.measurements.reminders(.pending).isEmpty)
            #expect(try await store.measurements.reminders(.cancelled).count == 1, "the reminder stopped on the answer")
            // The spent link stores nothing more.
            await #expect(throws: MeasurementLink.Refusal.alreadyAnswered) {
                try await store.measurements.record(citizenID: citizen.id, instrument: .who5, answeredOn: day("2024-05-03"), items: [5, 5, 5, 5, 5], channel: .link, enteredBy: "borger", linkHash: "h1", today: day("2024-05-03"))
            }
            #expect(try await store.measurements.measurements(of: citizen.id).count == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anExpiredUnknownOrForeignLinkStoresNothing(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let a = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: nil, followUpStartedOn: day("2024-01-01"))
            let b = try await store.citizens.create(municipality: "265", pseudonym: "B-002", name: nil, caseworker: nil, followUpStartedOn: day("2024-01-01"))
            _ = try await store.measurements.issueLink(citizenID: a.id, instrument: .who5, tokenHash: "h1", issuedOn: day("2024-05-01"), validDays: 14)
            let answer: [Int?] = [1, 1, 1, 1, 1]
            await #expect(throws: MeasurementLink.Refusal.expired) {
                try await store.measurements.record(citizenID: a.id, instrument: .who5, answeredOn: day("2024-05-15"), items: answer, channel: .link, enteredBy: "x", linkHash: "h1", today: day("2024-05-15"))
            }
            await #expect(throws: CitizenError.noSuchLink) {
                try await store.measurements.record(citizenID: a.id, instrument: .who5, answeredOn: day("2024-05-02"), items: answer, channel: .link, enteredBy: "x", linkHash: "tampered", today: day("2024-05-02"))
            }
            await #expect(throws: CitizenError.noSuchLink, "another citizen's link") {
                try await store.measurements.record(citizenID: b.id, instrument: .who5, answeredOn: day("2024-05-02"), items: answer, channel: .link, enteredBy: "x", linkHash: "h1", today: day("2024-05-02"))
            }
            await #expect(throws: CitizenError.noSuchLink, "a WHO-5 link does not take Brief INSPIRE-O") {
                try await store.measurements.record(citizenID: a.id, instrument: .briefInspireO, answeredOn: day("2024-05-02"), items: answer, channel: .link, enteredBy: "x", linkHash: "h1", today: day("2024-05-02"))
            }
            #expect(try await store.measurements.measurements(of: a.id).isEmpty)
            #expect(try await store.measurements.measurements(of: b.id).isEmpty)
            #expect(try await store.measurements.link(tokenHash: "h1")?.link.state == .issued)
        }
    }

    @Test(arguments: TestDatabase.available)
    func paperAndInterviewAnswersKeepTheirRealDateAndIncompleteOnesAreKeptUnscored(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let c = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: "s", followUpStartedOn: day("2024-01-01"))
            try await store.measurements.record(citizenID: c.id, instrument: .who5, answeredOn: day("2024-06-01"), items: [3, 3, 3, 3, 3], channel: .interview, enteredBy: "s", today: day("2024-06-01"))
            // A paper answer from January entered in June; one item left out in March.
            try await store.measurements.record(citizenID: c.id, instrument: .who5, answeredOn: day("2024-01-10"), items: [2, 2, 2, 2, 1], channel: .paper, enteredBy: "s", today: day("2024-06-02"))
            try await store.measurements.record(citizenID: c.id, instrument: .who5, answeredOn: day("2024-03-10"), items: [4, nil, 4, 4, 4], channel: .paper, enteredBy: "s", today: day("2024-06-02"))
            let all = try await store.measurements.measurements(of: c.id)
            #expect(all.map(\.answeredOn) == [day("2024-01-10"), day("2024-03-10"), day("2024-06-01")])
            #expect(all.map(\.score) == [36, nil, 60])
            #expect(all.map(\.channel) == [.paper, .paper, .interview])
            let trajectory = Trajectory(instrument: .who5, answers: all.map { (date: $0.answeredOn, items: $0.items) })
            #expect(trajectory.changeSinceBaseline == 24)
            #expect(trajectory.changeCategory == .improved)
        }
    }

    @Test(arguments: TestDatabase.available)
    func badAnswersAreRefusedClearly(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let c = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: nil, followUpStartedOn: day("2024-01-01"))
            for items in [[5, 5, 5, 5] as [Int?], [5, 5, 5, 5, 6], [-1, 0, 0, 0, 0]] {
                await #expect(throws: CitizenError.self) {
                    try await store.measurements.record(citizenID: c.id, instrument: .who5, answeredOn: day("2024-01-02"), items: items, channel: .interview, enteredBy: "s", today: day("2024-01-02"))
                }
            }
            await #expect(throws: CitizenError.self, "Brief INSPIRE-O stops at 4") {
                try await store.measurements.record(citizenID: c.id, instrument: .briefInspireO, answeredOn: day("2024-01-02"), items: [5, 0, 0, 0, 0], channel: .interview, enteredBy: "s", today: day("2024-01-02"))
            }
            await #expect(throws: CitizenError.self, "no answers from the future") {
                try await store.measurements.record(citizenID: c.id, instrument: .who5, answeredOn: day("2024-01-03"), items: [1, 1, 1, 1, 1], channel: .paper, enteredBy: "s", today: day("2024-01-02"))
            }
            await #expect(throws: CitizenError.noSuchCitizen) {
                try await store.measurements.record(citizenID: UUID(), instrument: .who5, answeredOn: day("2024-01-02"), items: [1, 1, 1, 1, 1], channel: .paper, enteredBy: "s", today: day("2024-01-02"))
            }
            #expect(try await store.measurements.measurements(of: c.id).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func declinedLinksAreSpentAndRemindersAreNotDuplicated(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let c = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: "s", followUpStartedOn: day("2024-01-01"))
            _ = try await store.measurements.issueLink(citizenID: c.id, instrument: .briefInspireO, tokenHash: "h2", issuedOn: day("2024-02-01"))
            try await store.measurements.declineLink(tokenHash: "h2", on: day("2024-02-02"))
            await #expect(throws: MeasurementLink.Refusal.alreadyDeclined) { try await store.measurements.openLink(tokenHash: "h2", on: day("2024-02-03")) }
            let first = try await store.measurements.enqueueReminder(citizenID: c.id, instrument: .who5, dueOn: day("2024-07-01"), recipient: "s")
            let again = try await store.measurements.enqueueReminder(citizenID: c.id, instrument: .who5, dueOn: day("2024-07-01"), recipient: "s")
            #expect(first.id == again.id)
            try await store.measurements.mark(reminder: first.id, .sent)
            #expect(try await store.measurements.reminders(.sent).map(\.id) == [first.id])
            await #expect(throws: CitizenError.pseudonymTaken("B-001")) {
                try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: nil, followUpStartedOn: day("2024-01-01"))
            }
            #expect(try await store.citizens.assigned(to: "s").map(\.pseudonym) == ["B-001"])
        }
    }
}

/// Stored answers leave as `measurements.csv` in the extract format.
@Suite struct MeasurementExportTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test(arguments: TestDatabase.available)
    func theExportReadsBackAsAnExtractsMeasurements(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let a = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: "Anna", caseworker: "s", followUpStartedOn: day("2024-01-01"))
            let b = try await store.citizens.create(municipality: "253", pseudonym: "G-7", name: nil, caseworker: "s", followUpStartedOn: day("2024-01-01"))
            try await store.measurements.record(citizenID: a.id, instrument: .who5, answeredOn: day("2024-02-01"), items: [3, 3, 3, 3, 3], channel: .interview, enteredBy: "s", today: day("2024-02-01"))
            try await store.measurements.record(citizenID: a.id, instrument: .briefInspireO, answeredOn: day("2024-02-01"), items: [3, 3, 3, 4, nil], channel: .paper, enteredBy: "s", today: day("2024-02-01"))
            try await store.measurements.record(citizenID: b.id, instrument: .who5, answeredOn: day("2024-03-01"), items: [1, 1, 1, 1, 1], channel: .interview, enteredBy: "s", today: day("2024-03-01"))
            // Stored last, sorted before B-001 in 265.
            let c = try await store.citizens.create(municipality: "265", pseudonym: "A-9", name: nil, caseworker: "s", followUpStartedOn: day("2024-01-01"))
            try await store.measurements.record(citizenID: c.id, instrument: .who5, answeredOn: day("2024-04-01"), items: [2, 2, 2, 2, 2], channel: .paper, enteredBy: "s", today: day("2024-04-01"))
            let rows = try await store.measurements.exportRows()
            let text = MeasurementsCSV.text(rows)
            #expect(text == """
                person_id,municipality_code,instrument,date,item1,item2,item3,item4,item5
                G-7,253,WHO-5,2024-03-01,1,1,1,1,1
                A-9,265,WHO-5,2024-04-01,2,2,2,2,2
                B-001,265,WHO-5,2024-02-01,3,3,3,3,3
                B-001,265,BRIEF-INSPIRE-O,2024-02-01,3,3,3,4,

                """)
            var files = TestExtracts.tiny(municipalities: ["253", "265"], years: 2023...2024)
            files["measurements.csv"] = Array(text.utf8)
            guard case .valid(let data, let summary) = ExtractReader.read(files: files) else {
                Issue.record("the exported measurements.csv does not validate")
                return
            }
            #expect(data.measurements?.count == 4)
            #expect(summary.incompleteMeasurements == 1)
            #expect(try await store.measurements.exportRows(municipality: "253").map(\.personID) == ["G-7"])
            #expect(try await store.measurements.exportRows(municipality: "265").map(\.personID) == ["A-9", "B-001", "B-001"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func aPseudonymFollowsTheExtractsRuleAndACPRNumberIsNeverEchoed(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let citizens = host.store.citizens
            do {
                _ = try await citizens.create(municipality: "265", pseudonym: "010190-1234", name: nil, caseworker: nil, followUpStartedOn: day("2024-01-01"))
                Issue.record("a CPR-like pseudonym was accepted")
            } catch CitizenError.invalidPseudonym(let reason) {
                #expect(reason.contains("CPR"))
                #expect(!reason.contains("010190"))
            }
            await #expect(throws: CitizenError.self) {
                try await citizens.create(municipality: "265", pseudonym: "Anna Hansen", name: nil, caseworker: nil, followUpStartedOn: day("2024-01-01"))
            }
            #expect(try await citizens.all().isEmpty)
        }
    }
}

/// Answers collected in Roret count in NT16–NT20 and Q01 beside the extract's.
@Suite struct StoredAnswersInFiguresTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test(arguments: TestDatabase.available)
    func aStoredAnswerOfATargetGroupPersonCountsAndOthersAreIgnored(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            // p1 is on § 85 in 101 from 1 January 2020 (the tiny extract); no measurements.csv.
            _ = try await store.extracts.importExtract(files: TestExtracts.tiny(municipalities: ["101", "147"], years: 2020...2021), source: "t", importedBy: "t")
            let version = try #require(try await store.extracts.current(for: "101"))
            let cache = KeyFigureCache(extracts: store.extracts, measurements: store.measurements)
            let before = try await cache.figures(of: version, answers: nil)
            #expect(before.rows(area: "101", figure: .nt16, unsuppressed: true).isEmpty, "no measurements: NT16 is not computed")

            let p1 = try await store.citizens.create(municipality: "101", pseudonym: "p1", name: nil, caseworker: "s", followUpStartedOn: day("2021-01-01"))
            let stranger = try await store.citizens.create(municipality: "101", pseudonym: "not-in-register", name: nil, caseworker: "s", followUpStartedOn: day("2021-01-01"))
            let elsewhere = try await store.citizens.create(municipality: "999", pseudonym: "p1", name: nil, caseworker: "s", followUpStartedOn: day("2021-01-01"))
            // p1: 3·5 × 4 = 60 on 1 June 2021. The stranger has no spell; 999 is not in the extract.
            try await store.measurements.record(citizenID: p1.id, instrument: .who5, answeredOn: day("2021-06-01"), items: [3, 3, 3, 3, 3], channel: .interview, enteredBy: "s", today: day("2021-06-01"))
            try await store.measurements.record(citizenID: stranger.id, instrument: .who5, answeredOn: day("2021-06-01"), items: [5, 5, 5, 5, 5], channel: .interview, enteredBy: "s", today: day("2021-06-01"))
            try await store.measurements.record(citizenID: elsewhere.id, instrument: .who5, answeredOn: day("2021-06-01"), items: [0, 0, 0, 0, 0], channel: .interview, enteredBy: "s", today: day("2021-06-01"))
            // Published on 31 December 2021: answers dated 2020 or later count.
            let after = try await cache.figures(of: version, answers: AnswersPublication.now(Date(), today: day("2021-12-31")))
            let nt16 = try #require(after.rows(area: "101", figure: .nt16, unsuppressed: true).first { $0.year == 2021 })
            #expect(nt16.numerator == .count(60))
            #expect(nt16.denominator == .count(1))
            let q01 = try #require(after.rows(area: "101", figure: .q01, unsuppressed: true).first { $0.year == 2021 })
            #expect(q01.numerator == .count(1))
            #expect(q01.denominator == .count(1))
        }
    }

    @Test func storedRowsAreAppendedToTheExtractsOwnFile() {
        let existing = Array("person_id,municipality_code,instrument,date,item1,item2,item3,item4,item5\r\na,101,WHO-5,2021-01-01,1,1,1,1,1".utf8)
        let row = MeasurementsCSV.Row(personID: "b", municipality: "101", instrument: "WHO-5", date: "2021-02-01", items: [2, 2, 2, 2, nil])
        let merged = String(decoding: MeasurementsCSV.appending([row], to: existing), as: UTF8.self)
        #expect(merged == "person_id,municipality_code,instrument,date,item1,item2,item3,item4,item5\r\na,101,WHO-5,2021-01-01,1,1,1,1,1\nb,101,WHO-5,2021-02-01,2,2,2,2,\n")
        #expect(String(decoding: MeasurementsCSV.appending([row], to: nil), as: UTF8.self) == MeasurementsCSV.text([row]))
    }
}
