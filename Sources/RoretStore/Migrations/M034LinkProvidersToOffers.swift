import FluentKit
import Foundation

/// The free-text provider on staff accounts and citizens' interventions
/// becomes a reference to an offer (`offer_id`): one offer is made per
/// municipality and provider name already in use (the account's area; the
/// citizen's municipality), with the paragraphs of its interventions, and
/// every row points to it. The name stays on the rows as it was, so nothing is lost.
struct M034LinkProvidersToOffers: AsyncMigration {
    var name: String { "M034LinkProvidersToOffers" }

    func prepare(on database: any Database) async throws {
        try await database.schema("accounts").field("offer_id", .uuid).update()
        try await database.schema("citizen_interventions").field("offer_id", .uuid).update()
        try await database.transaction { db in
            let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            var offers: [String: UUID] = [:]
            var paragraphs: [String: Set<String>] = [:]
            func key(_ municipality: String, _ name: String) -> String { municipality + "\u{1F}" + name }
            let municipalities = try await CitizenModel.query(on: db).field(\.$id).field(\.$municipality).all()
                .reduce(into: [UUID: String]()) { $0[$1.id!] = $1.municipality }
            let spells = try await CitizenInterventionModel.query(on: db).field(\.$id).field(\.$citizenID).field(\.$paragraph).field(\.$provider).all()
            let accounts = try await AccountModel.query(on: db).field(\.$id).field(\.$area).field(\.$provider).all()
            var pending: [(municipality: String, name: String)] = []
            for s in spells { if let m = municipalities[s.citizenID] { pending.append((m, s.provider)); paragraphs[key(m, s.provider), default: []].insert(s.paragraph) } }
            for a in accounts { if let p = a.provider { pending.append((a.area, p)) } }
            for (municipality, name) in pending where offers[key(municipality, name)] == nil {
                let offer = OfferModel()
                offer.id = UUID()
                offer.municipality = municipality
                offer.name = name
                offer.paragraphs = (paragraphs[key(municipality, name)] ?? []).sorted().joined(separator: ",")
                offer.createdAt = now
                try await offer.create(on: db)
                offers[key(municipality, name)] = offer.id
            }
            for s in spells {
                guard let m = municipalities[s.citizenID], let id = offers[key(m, s.provider)] else { continue }
                try await CitizenInterventionModel.query(on: db).filter(\.$id == s.id!).set(\.$offerID, to: id).update()
            }
            for a in accounts {
                guard let p = a.provider, let id = offers[key(a.area, p)] else { continue }
                try await AccountModel.query(on: db).filter(\.$id == a.id!).set(\.$offerID, to: id).update()
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("citizen_interventions").deleteField("offer_id").update()
        try await database.schema("accounts").deleteField("offer_id").update()
    }
}
