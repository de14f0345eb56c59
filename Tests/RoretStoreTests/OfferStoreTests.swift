import FluentKit
import FluentSQL
import Foundation
import RoretCore
@testable import RoretStore
import RoretTestSupport
import Testing

/// Offers in the store: the migration of free-text providers to offers,
/// renaming, and the versioned documents.
@Suite(.serialized) struct OfferStoreTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test(arguments: TestDatabase.available)
    func providerNamesOfExistingRowsBecomeOffersAndNothingIsLost(_ backend: TestDatabase) async throws {
        try await backend.withFreshStore(suite: "store") { config in
            try await StoreHost.withStore(config, migrate: false) { host in
                let before = StoreMigrations.all.firstIndex { $0.name == "M033CreateOffers" }!
                try await host.migrate(first: before)
                let sql = try #require(host.database as? any SQLDatabase)
                let now = Date(timeIntervalSince1970: 1_700_000_000)
                // Two staff of "Bostedet" in 265, one of a "Bostedet" in 253 (another offer), one caseworker without a provider.
                for (user, role, area, provider) in [("a", "provider", "265", "Bostedet" as String?), ("b", "provider", "265", "Bostedet"),
                                                     ("c", "provider", "253", "Bostedet"), ("d", "caseworker", "265", nil)] {
                    try await sql.insert(into: "accounts").columns("id", "username", "display_name", "role", "area", "password_hash", "disabled", "created_at", "provider")
                        .values(SQLBind(UUID()), SQLBind(user), SQLBind(user), SQLBind(role), SQLBind(area), SQLBind("x"), SQLBind(false), SQLBind(now), SQLBind(provider)).run()
                }
                let anna = UUID(), bo = UUID()
                for (id, municipality, pseudonym) in [(anna, "265", "P1"), (bo, "253", "P2")] {
                    try await sql.insert(into: "citizens").columns("id", "municipality", "pseudonym", "phase", "follow_up_started_on", "created_at")
                        .values(SQLBind(id), SQLBind(municipality), SQLBind(pseudonym), SQLBind("opening"), SQLBind("2026-01-01"), SQLBind(now)).run()
                }
                // Anna: §85 at Bostedet and §104 at Værestedet (265); Bo: §107 at Bostedet (253).
                for (citizen, paragraph, provider) in [(anna, "85", "Bostedet"), (anna, "104", "Værestedet"), (bo, "107", "Bostedet")] {
                    try await sql.insert(into: "citizen_interventions").columns("id", "citizen_id", "paragraph", "provider", "start_on")
                        .values(SQLBind(UUID()), SQLBind(citizen), SQLBind(paragraph), SQLBind(provider), SQLBind("2026-01-01")).run()
                }
                try await host.migrate()
                let store = host.store
                let offers = try await store.offers.all()
                #expect(offers.map { "\($0.municipality) \($0.name) \($0.paragraphs.map(\.code))" } == ["253 Bostedet [\"107\"]", "265 Bostedet [\"85\"]", "265 Værestedet [\"104\"]"])
                let bostedet265 = try #require(offers.first { $0.municipality == "265" && $0.name == "Bostedet" })
                let bostedet253 = try #require(offers.first { $0.municipality == "253" })
                let a = try #require(try await store.accounts.find(username: "a")), c = try #require(try await store.accounts.find(username: "c"))
                let d = try #require(try await store.accounts.find(username: "d"))
                #expect(a.offerKey == bostedet265.id && a.provider == "Bostedet")
                #expect(c.offerKey == bostedet253.id, "the same name in another municipality is another offer")
                #expect(d.offerID == nil && d.provider == nil)
                #expect(try await store.offers.staff(of: UUID(uuidString: bostedet265.id)!).map(\.username) == ["a", "b"])
                let spells = try await store.citizens.interventions(of: anna)
                #expect(spells.map(\.provider).sorted() == ["Bostedet", "Værestedet"] && spells.allSatisfy { $0.offerID != nil })
                // Access now follows the offer, not the name: staff of Bostedet in 253 do not see Anna in 265.
                let annaCitizen = try #require(try await store.citizens.find(id: anna))
                let facts = try await store.citizens.accessFacts(of: annaCitizen, on: day("2026-06-01"))
                #expect(AccessPolicy.mayReadCitizen(role: .provider, username: "a", area: "265", provider: a.offerKey, facts))
                #expect(!AccessPolicy.mayReadCitizen(role: .provider, username: "c", area: "253", provider: c.offerKey, facts))
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func aRenameReachesStaffAndInterventionsAndNamesAreUniquePerMunicipality(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let staff = try await store.accounts.create(username: "ulla", displayName: "Ulla", role: .provider, area: "265", passwordHash: "x", provider: "Bostøtten")
            let citizen = try await store.citizens.create(municipality: "265", pseudonym: "P100", name: nil, caseworker: "s", followUpStartedOn: day("2026-01-01"))
            try await store.citizens.addIntervention(to: citizen.id, paragraph: .p85, provider: " Bostøtten ", start: day("2026-01-01"), end: nil)
            let offer = try #require(try await store.offers.all(municipality: "265").first)
            #expect(try await store.offers.all().count == 1, "the account and the intervention refer to one offer")
            #expect(staff.offerKey == offer.id)
            let id = UUID(uuidString: offer.id)!
            _ = try await store.offers.update(id, name: "Bostøtteteamet", paragraphs: [.p85], leader: "ulla")
            #expect(try await store.accounts.find(username: "ulla")?.provider == "Bostøtteteamet")
            #expect(try await store.citizens.interventions(of: citizen.id).map(\.provider) == ["Bostøtteteamet"])
            #expect(try await store.offers.find(id)?.leader == "ulla")
            _ = try await store.offers.create(municipality: "265", name: "Skovvang", paragraphs: [.p107], leader: nil)
            await #expect(throws: OfferRefused(["Navn: kommunen har allerede et tilbud med navnet »Skovvang«."])) {
                _ = try await store.offers.update(id, name: "Skovvang", paragraphs: [], leader: nil)
            }
            _ = try await store.offers.create(municipality: "253", name: "Skovvang", paragraphs: [], leader: nil)
            #expect(try await store.offers.all().count == 3)
        }
    }

    @Test(arguments: TestDatabase.available)
    func documentsAreVersionsThatNeverChange(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let offer = try await store.offers.create(municipality: "265", name: "Bostedet", paragraphs: [.p85], leader: "leder")
            let id = UUID(uuidString: offer.id)!
            var theory = TheoryOfChange(boxes: [.init(id: "B1", column: .activities, text: "Samtaler"), .init(id: "B2", column: .immediate, text: "Tryghed")],
                                        arrows: [.init(from: "B1", to: "B2", mechanism: "Relation")])
            let first = try await store.offers.save(theory, offer: id, kind: .theory, key: "map", by: "leder")
            theory.boxes[1].uncertain = true
            let second = try await store.offers.save(theory, offer: id, kind: .theory, key: "map", by: "udfoerer")
            #expect((first.version, second.version) == (1, 2))
            let versions = try await store.offers.versions(TheoryOfChange.self, offer: id, kind: .theory, key: "map")
            #expect(versions.map(\.version) == [1, 2] && !versions[0].value.boxes[1].uncertain && versions[1].value.boxes[1].uncertain)
            #expect(versions.map(\.savedBy) == ["leder", "udfoerer"])
            // One current version per key; another offer's documents are apart.
            let other = try await store.offers.create(municipality: "265", name: "Andet", paragraphs: [], leader: nil)
            try await store.offers.save(OfferAction(id: "a", text: "x", owner: "y", due: nil, source: "z"), offer: id, kind: .action, key: "a", by: "leder")
            try await store.offers.save(OfferAction(id: "a", text: "x", owner: "y", due: nil, done: true, source: "z"), offer: id, kind: .action, key: "a", by: "leder")
            try await store.offers.save(OfferAction(id: "b", text: "x", owner: "y", due: day("2026-03-01"), source: "z"), offer: id, kind: .action, key: "b", by: "leder")
            try await store.offers.save(OfferAction(id: "c", text: "x", owner: "y", due: nil, source: "z"), offer: UUID(uuidString: other.id)!, kind: .action, key: "c", by: "leder")
            let actions = try await store.offers.current(OfferAction.self, offer: id, kind: .action)
            #expect(actions.map(\.key) == ["a", "b"] && actions[0].value.done && actions[0].version == 2 && actions[1].value.due == day("2026-03-01"))
            // A self-evaluation round with "Ved ikke" (nil) survives the round trip.
            let answers: [String: Int?] = ["S1": 4, "O5": Int?.none]
            try await store.offers.save(answers, offer: id, kind: .selfEvaluationAnswer, key: "r1/leder", by: "leder")
            let back = try #require(try await store.offers.current([String: Int?].self, offer: id, kind: .selfEvaluationAnswer, key: "r1/leder"))
            #expect(back.value == answers)
        }
    }
}
