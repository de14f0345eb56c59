import FluentKit
import Foundation
import RoretCore
@testable import RoretStore
import RoretTestSupport
import Testing

/// The citizen's data rights in the store, on SQLite and PostgreSQL: the
/// export holds every row naming the citizen and nobody else's, without
/// secrets; the erasure removes them all at once, keeps the audit log's acts
/// and touches no other citizen; ended records past their retention are listed.
@Suite struct CitizenDataStoreTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// Anna (B-001, with an account) and Bo (B-0012), each with a plan text, an answer, a link, an intervention,
    /// offer documents and audit entries.
    func seed(_ store: Store) async throws -> (anna: Citizen, bo: Citizen, offer: UUID) {
        let offer = try await store.offers.create(municipality: "265", name: "Bostedet", paragraphs: [.p85], leader: nil)
        let offerID = try #require(UUID(uuidString: offer.id))
        _ = try await store.accounts.create(username: "anna-borger", displayName: "Anna Andersen", role: .citizen, area: "265", passwordHash: "$2b$04$hemmelighed")
        var people: [Citizen] = []
        for (pseudonym, name) in [("B-001", "Anna"), ("B-0012", "Bo")] {
            let c = try await store.citizens.create(municipality: "265", pseudonym: pseudonym, name: name, caseworker: "sagsbehandler", followUpStartedOn: day("2026-01-01"))
            try await store.plans.addEntry(to: c.id, kind: .hopesWishesDreams, text: "\(name)s håb", inCitizensWords: true, on: day("2026-01-02"), by: "sagsbehandler")
            try await store.measurements.record(citizenID: c.id, instrument: .who5, answeredOn: day("2026-01-03"), items: [3, 3, 3, 3, 3], channel: .interview, enteredBy: "sagsbehandler", today: day("2026-11-30"))
            _ = try await store.measurements.issueLink(citizenID: c.id, instrument: .who5, tokenHash: "hash-\(pseudonym)", issuedOn: day("2026-02-01"))
            _ = try await store.citizens.addIntervention(to: c.id, paragraph: .p85, provider: "Bostedet", start: day("2026-01-01"), end: nil)
            try await store.offers.save(OfferAnswer(id: "svar-\(pseudonym)", citizen: c.id.uuidString, instrument: "who5", day: day("2026-01-05"), items: [], score: 60, point: .start,
                                                    method: .questionnaire, respondent: .citizen, enteredBy: "udfoerer"), offer: offerID, kind: .answer, key: "svar-\(pseudonym)", by: "udfoerer")
            try await store.offers.save(Enrolment(citizen: c.id.uuidString, intervention: nil, subGroup: nil), offer: offerID, kind: .enrolment, key: c.id.uuidString, by: "udfoerer")
            try await store.audit.record(.citizenRead, username: "sagsbehandler", detail: "borger \(pseudonym)")
            people.append(c)
        }
        try await store.citizens.linkAccount("anna-borger", to: people[0].id)
        try await store.offers.save(CitizenJourney(id: "konkret", title: "Annas rejse", kind: .concrete, pseudonym: "B-001", columns: ["Opstart"]), offer: offerID, kind: .journey, key: "konkret", by: "udfoerer")
        let anna = try #require(try await store.citizens.find(id: people[0].id))
        return (anna, people[1], offerID)
    }

    func rows(_ data: CitizenData, _ table: String) -> [[String: String?]] { data.tables.first { $0.name == table }?.rows ?? [] }

    @Test(arguments: TestDatabase.available)
    func theExportHoldsEveryRowNamingTheCitizenAndTheErasureRemovesThemOnly(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let (anna, bo, offer) = try await seed(store)
            let data = try await store.citizenData.export(anna, at: Date(timeIntervalSince1970: 1_800_000_000))
            #expect(rows(data, "citizens").count == 1 && rows(data, "citizens")[0]["pseudonym"] == "B-001" && rows(data, "citizens")[0]["id"] == anna.id.uuidString)
            #expect(rows(data, "citizens")[0]["created_at"]??.hasSuffix("Z") == true, "times in ISO 8601")
            #expect(rows(data, "plan_entries").count == 1 && rows(data, "plan_entries")[0]["text"] == "Annas håb")
            #expect(rows(data, "measurements").count == 1 && rows(data, "measurement_links").count == 1 && rows(data, "citizen_interventions").count == 1)
            // The offer's answer and enrolment by record id, the concrete journey by pseudonym; not Bo's.
            #expect(rows(data, "offer_documents").count == 3)
            #expect(rows(data, "offer_documents").allSatisfy { !(($0["payload"] ?? nil) ?? "").contains(bo.id.uuidString) })
            // The audit entry naming B-001, not the one naming B-0012.
            #expect(rows(data, "audit_events").map { $0["detail"] ?? nil } == ["borger B-001"])
            // Her own account, without its password hash.
            let account = try #require(rows(data, "accounts").first)
            #expect(account["display_name"] == "Anna Andersen" && account["password_hash"] == nil && !account.values.contains("$2b$04$hemmelighed"))
            #expect(data.rowCount == 1 + 1 + 1 + 1 + 1 + 1 + 3 + 1, "citizen, account, plan text, answer, link, intervention, 3 offer documents, audit; and the rest empty")
            let boBefore = try await store.citizenData.export(bo).rowCount

            let erased = try await store.citizenData.erase(anna, audit: AuditEntry(.citizenErased, username: "admin", detail: "borger B-001 slettet. Grundlag: anmodning"))
            #expect(erased.removed["offer_documents"] == 3 && erased.removed["measurements"] == 1 && erased.removed["citizens"] == 1)
            #expect(try await store.citizens.find(id: anna.id) == nil)
            #expect(try await store.offers.current(OfferAnswer.self, offer: offer, kind: .answer).map(\.value.citizen) == [bo.id.uuidString])
            #expect(try await store.offers.current(CitizenJourney.self, offer: offer, kind: .journey).isEmpty)
            #expect(try await store.citizenData.export(bo).rowCount == boBefore, "Bo is untouched")
            // The log keeps the acts, and the erasure itself.
            let log = try await store.audit.events(AuditQuery(limit: 1_000)).map(\.detail)
            #expect(log.contains("borger B-001") && log.contains("borger B-001 slettet. Grundlag: anmodning"))
            let disabled = try #require(try await store.accounts.find(username: "anna-borger"))
            #expect(disabled.isDisabled && disabled.displayName == "Slettet borger")
        }
    }

    @Test(arguments: TestDatabase.available)
    func recordsEndedBeforeTheRetentionCutoffAreListed(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let (anna, bo, _) = try await seed(store)
            try await store.cases.record(.opening(CaseOpening(firstContactOn: day("2019-01-02"), openedOn: day("2019-01-05"), answerPromisedOn: day("2019-01-20"), request: "Støtte")),
                                         for: anna.id, on: day("2019-01-05"), by: "sagsbehandler")
            try await store.cases.record(.ending(CaseEnding(endedOn: day("2021-11-30"), reason: .goalsReached, stepDownPlan: "", safetyNetGiven: true)), for: anna.id, on: day("2021-11-30"), by: "sagsbehandler")
            let cutoff = Retention(years: 5).cutoff(today: day("2026-11-30"))
            #expect(cutoff == day("2021-11-30"))
            #expect(try await store.citizenData.endedOnOrBefore(cutoff, today: day("2026-11-30")).map(\.citizen.id) == [anna.id])
            #expect(try await store.citizenData.endedOnOrBefore(day("2021-11-29"), today: day("2026-11-30")).isEmpty, "a day later than the cutoff")
            #expect(!(try await store.citizenData.endedOnOrBefore(cutoff, today: day("2026-11-30")).contains { $0.citizen.id == bo.id }), "a running record is never listed")
        }
    }
}
