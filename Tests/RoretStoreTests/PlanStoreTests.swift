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
            let current = try await store.plans.currentEntries(of: c.id)
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
}
