import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
import Testing

/// The recovery plan in the store: versioned goals, verbatim entries, history kept.
@Suite struct PlanStoreTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test(arguments: TestDatabase.available)
    func aChangedGoalIsStoredAsANewVersionAndTheHistoryReadsBack(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let c = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: "s", followUpStartedOn: day("2024-01-01"))
            let goal = try await store.plans.addGoal(to: c.id, .init(text: "Få et fritidsjob", horizon: .longTerm), on: day("2024-01-05"), by: "s")
            let sub = try await store.plans.addGoal(to: c.id, .init(text: "Skrive en ansøgning", horizon: .shortTerm, followUpOn: day("2024-02-01"), parentGoalID: goal), on: day("2024-01-05"), by: "s")
            try await store.plans.reviseGoal(goal, of: c.id, to: .init(text: "Få et fritidsjob i en butik", horizon: .longTerm), on: day("2024-03-01"), by: "u")
            let ledger = try await store.plans.goals(of: c.id)
            #expect(ledger.history(goal).map(\.text) == ["Få et fritidsjob", "Få et fritidsjob i en butik"])
            #expect(ledger.history(goal).map(\.changedBy) == ["s", "u"])
            #expect(ledger.current(sub)?.parentGoalID == goal)
            #expect(ledger.current(sub)?.followUpOn == day("2024-02-01"))
            await #expect(throws: GoalLedger.Refusal.unchanged) {
                try await store.plans.reviseGoal(goal, of: c.id, to: .init(text: "Få et fritidsjob i en butik", horizon: .longTerm), on: day("2024-03-02"), by: "u")
            }
            #expect(try await store.plans.goals(of: c.id).versions.count == 3, "a refused change stores nothing")
        }
    }

    @Test(arguments: TestDatabase.available)
    func theCitizensOwnWordsAreKeptVerbatimAndAnEditKeepsTheOld(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let c = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: "s", followUpStartedOn: day("2024-01-01"))
            let words = "  Jeg drømmer om at få min hund tilbage,\nog om at spille musik igen!  "
            let first = try await store.plans.addEntry(to: c.id, kind: .hopesWishesDreams, text: words, inCitizensWords: true, on: day("2024-01-05"), by: "s")
            #expect(first.text == words, "not trimmed, not rewritten")
            #expect(first.inCitizensWords)
            try await store.plans.addEntry(to: c.id, kind: .network, text: "Min søster Lise", role: "Ringer hver søndag", inCitizensWords: false, on: day("2024-01-05"), by: "s")
            let edit = try await store.plans.addEntry(to: c.id, kind: .hopesWishesDreams, text: "At spille musik igen", inCitizensWords: true, on: day("2024-06-01"), by: "s", replaces: first.id)
            let current = try await store.plans.texts(of: c.id).map(\.current)
            #expect(current.map(\.id).contains(edit.id))
            #expect(!current.map(\.id).contains(first.id))
            #expect(current.first { $0.kind == .network }?.role == "Ringer hver søndag")
            #expect(try await store.plans.history(of: c.id).count == 3)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anEntryCannotReplaceAnotherPlansEntryOrBeEmpty(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let a = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: nil, followUpStartedOn: day("2024-01-01"))
            let b = try await store.citizens.create(municipality: "265", pseudonym: "B-002", name: nil, caseworker: nil, followUpStartedOn: day("2024-01-01"))
            let entry = try await store.plans.addEntry(to: a.id, kind: .resource, text: "God til at lave mad", inCitizensWords: true, on: day("2024-01-05"), by: "s")
            await #expect(throws: CitizenError.self) {
                try await store.plans.addEntry(to: b.id, kind: .resource, text: "x", inCitizensWords: false, on: day("2024-01-06"), by: "s", replaces: entry.id)
            }
            await #expect(throws: CitizenError.self) {
                try await store.plans.addEntry(to: a.id, kind: .resource, text: " \n ", inCitizensWords: false, on: day("2024-01-06"), by: "s")
            }
            #expect(try await store.plans.history(of: b.id).isEmpty)
            #expect(try await store.plans.history(of: a.id).count == 1)
        }
    }

    /// Texts keep the place of their first version; each edit lists the
    /// versions it replaced, newest first; editing an old version is refused
    /// and stores nothing; within one day the time of writing orders entries.
    @Test(arguments: TestDatabase.available)
    func editsFormOneChainPerTextAndAnOldVersionCannotBeEditedAgain(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let c = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: "s", followUpStartedOn: day("2024-01-01"))
            let d = day("2024-01-05")
            let dog = try await store.plans.addEntry(to: c.id, kind: .hopesWishesDreams, text: "Få min hund tilbage", inCitizensWords: true, on: d, by: "s")
            let music = try await store.plans.addEntry(to: c.id, kind: .hopesWishesDreams, text: "Spille musik", inCitizensWords: true, on: d, by: "s")
            let dog2 = try await store.plans.addEntry(to: c.id, kind: .hopesWishesDreams, text: "Have en hund igen", inCitizensWords: true, on: day("2024-03-01"), by: "u", replaces: dog.id)
            let dog3 = try await store.plans.addEntry(to: c.id, kind: .hopesWishesDreams, text: "Gå tur med en hund hver dag", inCitizensWords: false, on: day("2024-03-01"), by: "s", replaces: dog2.id)
            let texts = try await store.plans.texts(of: c.id)
            #expect(texts.map(\.current.id) == [dog3.id, music.id], "the edited text keeps its place before 'music'")
            #expect(texts[0].earlier.map(\.id) == [dog2.id, dog.id], "newest first")
            #expect(texts[0].earlier.map(\.text) == ["Have en hund igen", "Få min hund tilbage"])
            #expect(texts[1].earlier.isEmpty)
            await #expect(throws: CitizenError.entryAlreadyChanged) {
                try await store.plans.addEntry(to: c.id, kind: .hopesWishesDreams, text: "Forældet rettelse", inCitizensWords: true, on: day("2024-03-02"), by: "s", replaces: dog2.id)
            }
            #expect(try await store.plans.history(of: c.id).count == 4, "the refused edit stored nothing")
            #expect(try await store.plans.history(of: c.id).map(\.id) == [dog.id, music.id, dog2.id, dog3.id], "same day: in the order written")
        }
    }

    /// Two edits of the same version racing past the check: the unique index lets one through.
    @Test(arguments: TestDatabase.available)
    func racingEditsOfOneVersionStoreOnlyOne(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let c = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: "s", followUpStartedOn: day("2024-01-01"))
            let first = try await store.plans.addEntry(to: c.id, kind: .resource, text: "Laver god mad", inCitizensWords: true, on: day("2024-01-05"), by: "s")
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for n in 0..<6 {
                    group.addTask {
                        (try? await store.plans.addEntry(to: c.id, kind: .resource, text: "Rettelse \(n)", inCitizensWords: true, on: day("2024-01-06"), by: "s", replaces: first.id)) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let texts = try await store.plans.texts(of: c.id)
            #expect(texts.count == 1 && texts[0].earlier.map(\.id) == [first.id])
            #expect(try await store.plans.history(of: c.id).count == 2)
        }
    }
}
