import Foundation
import RoretCore
import RoretStore
import Vapor
import VaporTesting
import RoretTestSupport
@testable import RoretWeb
import Testing

/// Reminders go to the outbox when due, once, and stop when answered.
@Suite struct ReminderJobTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test(arguments: TestDatabase.available)
    func dueMeasurementsGetOneReminderEachUntilAnswered(_ backend: TestDatabase) async throws {
        try await backend.withFreshStore(suite: "store") { config in
            try await StoreHost.withStore(config) { host in
                let store = host.store
                // Follow-up from 1 March; nothing answered. Bo starts in the future.
                let anna = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: "sara", followUpStartedOn: day("2024-03-01"))
                _ = try await store.citizens.create(municipality: "265", pseudonym: "B-002", name: nil, caseworker: nil, followUpStartedOn: day("2024-06-01"))
                #expect(try await ReminderJob.run(store: store, today: day("2024-02-29")) == 0, "not due yet")
                #expect(try await ReminderJob.run(store: store, today: day("2024-03-01")) == 2, "WHO-5 and Brief INSPIRE-O")
                #expect(try await ReminderJob.run(store: store, today: day("2024-03-02")) == 2, "no duplicates")
                let pending = try await store.measurements.reminders(.pending)
                #expect(Set(pending.map(\.recipient)) == ["sara"])
                #expect(Set(pending.map(\.dueOn)) == [day("2024-03-01")])
                // The WHO-5 answer stops its reminder; the next is due in six months.
                try await store.measurements.record(citizenID: anna.id, instrument: .who5, answeredOn: day("2024-03-05"), items: [3, 3, 3, 3, 3], channel: .interview, enteredBy: "sara", today: day("2024-03-05"))
                #expect(try await ReminderJob.run(store: store, today: day("2024-03-06")) == 1)
                #expect(try await store.measurements.reminders(.pending).map(\.instrument) == [.briefInspireO])
                // Bo's come due with nobody assigned: addressed so someone picks them up.
                #expect(try await ReminderJob.run(store: store, today: day("2024-06-01")) == 3)
                #expect(try await store.measurements.reminders(.pending).filter { $0.recipient == ReminderJob.unassigned }.count == 2)
                // Six months after the WHO-5 answer, it is due again.
                #expect(try await ReminderJob.run(store: store, today: day("2024-09-05")) == 4)
            }
        }
    }
}

/// The outbox is visible to the caseworker it addresses and to administrators.
@Suite struct OutboxPageTests {
    @Test func theCaseworkerSeesTheirRemindersAndTheAdministratorTheOutbox() async throws {
        try await withRoretApp(importDemo: false) { app in
            let store = Store(database: app.db)
            let citizen = try await store.citizens.create(municipality: "265", pseudonym: "B-009", name: nil, caseworker: "sagsbehandler", followUpStartedOn: Day.yearStart(2024))
            try await ReminderJob.run(store: store, today: Day(iso: "2024-01-02")!)
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            let list = try await caseworker.get("/borgere").body.string
            #expect(list.contains("B-009: WHO-5 Trivselsindeks skal måles (fra 01.01.2024)"))
            #expect(list.contains("Påmindelser til dig"))
            var other = Browser(app)
            try await other.signIn("sagsbehandler-2")
            let otherList = try await other.get("/borgere").body.string
            #expect(!otherList.contains("B-009"))
            #expect(!otherList.contains("Påmindelser til dig"), "no reminders, no heading")
            var admin = Browser(app)
            try await admin.signIn("admin")
            let outbox = try await admin.get("/admin/udbakke").body.string
            #expect(outbox.components(separatedBy: "<td>Venter</td>").count - 1 == 2)
            try await store.measurements.record(citizenID: citizen.id, instrument: .who5, answeredOn: Day(iso: "2024-01-03")!, items: [1, 1, 1, 1, 1], channel: .paper, enteredBy: "s", today: Day(iso: "2024-01-03")!)
            let after = try await admin.get("/admin/udbakke").body.string
            #expect(after.contains("<td>Stoppet (besvaret)</td>"))
        }
    }
}
