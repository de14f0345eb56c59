import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
import Testing

/// Citizens' interventions, providers and the facts access is decided on.
@Suite struct CitizenStoreTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test(arguments: TestDatabase.available)
    func providerStaffKeepTheirProviderThroughTheHotPath(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let made = try await host.store.accounts.create(username: "ulla", displayName: "Ulla", role: .provider, area: "265", passwordHash: "h", provider: "Bostedet")
            #expect(try await host.store.accounts.find(id: made.id)?.provider == "Bostedet")
            #expect(try await host.store.accounts.find(username: "ulla")?.provider == "Bostedet")
            let other = try await host.store.accounts.create(username: "sara", displayName: "Sara", role: .caseworker, area: "265", passwordHash: "h")
            #expect(try await host.store.accounts.find(id: other.id)?.provider == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func interventionsGiveTheStepOverTimeAndTheActiveProviders(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let citizens = host.store.citizens
            let anna = try await citizens.create(municipality: "265", pseudonym: "B-001", name: "Anna", caseworker: "sara", followUpStartedOn: day("2024-01-01"))
            let bo = try await citizens.create(municipality: "265", pseudonym: "B-002", name: nil, caseworker: "sara", followUpStartedOn: day("2024-01-01"))
            // Anna: § 107 at Bostedet until 31 March, then § 85 from Støtteteamet.
            try await citizens.addIntervention(to: anna.id, paragraph: .p107, provider: "Bostedet", start: day("2023-06-01"), end: day("2024-03-31"))
            try await citizens.addIntervention(to: anna.id, paragraph: .p85, provider: "Støtteteamet", start: day("2024-04-01"), end: nil)
            try await citizens.addIntervention(to: bo.id, paragraph: .p108, provider: "Bostedet", start: day("2022-01-01"), end: nil)
            let spells = try await citizens.interventions(of: anna.id)
            #expect(spells.map(\.step) == [3, 2], "down the staircase")
            let bostedet = try #require(spells.first?.offerID), teamet = try #require(spells.last?.offerID)
            #expect(try await citizens.withActiveIntervention(at: bostedet, on: day("2024-03-31")).map(\.pseudonym) == ["B-001", "B-002"])
            #expect(try await citizens.withActiveIntervention(at: bostedet, on: day("2024-04-01")).map(\.pseudonym) == ["B-002"], "the last day is inclusive")
            let facts = try await citizens.accessFacts(of: anna, on: day("2024-04-01"))
            #expect(facts.activeProviders == [teamet.uuidString], "the offers by id")
            #expect(facts.caseworker == "sara")
            await #expect(throws: CitizenError.self) {
                try await citizens.addIntervention(to: anna.id, paragraph: .p85, provider: "X", start: day("2024-05-01"), end: day("2024-04-01"))
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func aCitizensOwnAccountFindsOnlyTheirRecord(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let citizens = host.store.citizens
            let anna = try await citizens.create(municipality: "265", pseudonym: "B-001", name: "Anna", caseworker: "sara", followUpStartedOn: day("2024-01-01"))
            _ = try await citizens.create(municipality: "265", pseudonym: "B-002", name: nil, caseworker: "sara", followUpStartedOn: day("2024-01-01"))
            try await citizens.linkAccount("anna", to: anna.id)
            #expect(try await citizens.find(accountUsername: "anna")?.id == anna.id)
            #expect(try await citizens.find(accountUsername: "bo") == nil)
            let facts = try await citizens.accessFacts(of: try #require(try await citizens.find(id: anna.id)), on: day("2024-01-02"))
            #expect(AccessPolicy.mayReadCitizen(role: .citizen, username: "anna", area: "265", provider: nil, facts))
        }
    }
}

/// Each municipality's cadence and ad-hoc requests decide when a measurement is due.
@Suite struct ScheduleStoreTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test(arguments: TestDatabase.available)
    func cadencePerMunicipalityAndAdHocRequests(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            #expect(try await store.schedules.schedule(for: "265").cadenceMonths == 6, "the default")
            try await store.schedules.setCadence(3, for: "265")
            try await store.schedules.setCadence(4, for: "265")
            #expect(try await store.schedules.schedule(for: "265").cadenceMonths == 4, "set again, not duplicated")
            #expect(try await store.schedules.schedule(for: "253").cadenceMonths == 6)
            await #expect(throws: CitizenError.self) { try await store.schedules.setCadence(0, for: "265") }

            let c = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: "s", followUpStartedOn: day("2024-01-01"))
            try await store.measurements.record(citizenID: c.id, instrument: .who5, answeredOn: day("2024-01-10"), items: [3, 3, 3, 3, 3], channel: .interview, enteredBy: "s", today: day("2024-01-10"))
            let answers = try await store.measurements.measurements(of: c.id)
            // Every 4 months in 265: due 10 May.
            #expect(try await store.schedules.status(of: c, .who5, answers: answers, today: day("2024-03-01")).0 == .notDue(until: day("2024-05-10")))
            // A life change on 1 March makes it due at once.
            try await store.schedules.requestAdHoc(for: c.id, on: day("2024-03-01"), reason: "flytning", by: "s")
            #expect(try await store.schedules.status(of: c, .who5, answers: answers, today: day("2024-03-01")).0 == .due(since: day("2024-03-01")))
            #expect(try await store.schedules.adHocRequests(of: c.id) == [day("2024-03-01")])
        }
    }
}
