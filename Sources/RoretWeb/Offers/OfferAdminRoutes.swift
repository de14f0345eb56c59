import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Tilbud* for the administrator: register offers, name their paragraphs
/// and leader, rename them. Staff are tied to an offer on *Brugere*.
/// The administrator reads none of an offer's documentation.
struct OfferAdminRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("admin", "tilbud")
        r.get(use: list)
        r.post(use: save)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await page(req, failed: nil)
    }

    func page(_ req: Request, failed: FailedForm?) async throws -> Response {
        let page = try await OfferAdminPage(req, failed: failed)
        return try await req.renderPage("admin-offers", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    /// A new offer (no `id`) or changes to one.
    @Sendable func save(req: Request) async throws -> Response {
        var form = FormReader(req)
        let raw = form.text("id")
        let existing = raw.isEmpty ? nil : try await UUID(uuidString: raw).asyncFlatMap { try await req.store.offers.find($0) }
        if !raw.isEmpty && existing == nil { throw Abort(.notFound) }
        let formID = raw.isEmpty ? "offer-new" : "offer-\(raw)"
        let municipality = existing?.municipality ?? form.text("municipality").trimmingCharacters(in: .whitespaces)
        let name = form.text("name").trimmingCharacters(in: .whitespaces)
        let paragraphs = form.list("paragraphs").compactMap(Paragraph.init(code:))
        let leaderName = form.text("leader").trimmingCharacters(in: .whitespaces)
        var problems: [String] = []
        if !(municipality.count == 3 && municipality.allSatisfy(\.isNumber)) { problems.append("Kommune: skriv kommunekoden (tre cifre).") }
        if name.isEmpty { problems.append("Navn: skriv tilbuddets navn.") }
        if !leaderName.isEmpty {
            if let leader = try await req.store.accounts.find(username: leaderName) {
                if !AccessPolicy.mayLeadOffer(role: leader.role, area: leader.area, municipality: municipality) {
                    problems.append("Leder: \(leaderName) skal være udfører eller leder i kommune \(municipality).")
                }
            } else {
                problems.append("Leder: der findes ingen bruger \(leaderName).")
            }
        }
        guard problems.isEmpty else { return try await page(req, failed: FailedForm(id: formID, values: form.values, problems: problems)) }
        let leader = leaderName.isEmpty ? nil : leaderName
        do {
            let offer = try await req.audited(.offerChanged, area: municipality, detail: { (o: Offer) in "tilbud \(o.name) \(existing == nil ? "oprettet" : "ændret")" }) { store in
                if let existing, let id = UUID(uuidString: existing.id) {
                    return try await store.offers.update(id, name: name, paragraphs: paragraphs, leader: leader)
                }
                return try await store.offers.create(municipality: municipality, name: name, paragraphs: paragraphs, leader: leader)
            }
            req.notice(existing == nil ? "Tilbuddet »\(offer.name)« er oprettet i kommune \(offer.municipality)." : "Tilbuddet »\(offer.name)« er gemt.")
            return req.redirect(to: "/admin/tilbud")
        } catch let refused as OfferRefused {
            return try await page(req, failed: FailedForm(id: formID, values: form.values, problems: refused.problems))
        }
    }
}

/// The administrator's list of offers with their forms.
struct OfferAdminPage: Encodable {
    struct Row: Encodable {
        var id: String
        var name: String
        var municipality: String
        var paragraphs: String
        var leader: String
        var staff: String
        var form: FormModel
    }

    var chrome: Chrome
    var rows: [Row]
    var hasRows: Bool
    var newForm: FormModel
    var leaders: [String]

    init(_ req: Request, failed: FailedForm?) async throws {
        chrome = try Chrome(req, title: "Tilbud", active: "/admin/tilbud")
        let accounts = try await req.store.accounts.all()
        let paragraphOptions = Paragraph.allCases.map { p in (p.code, "§ \(p.code)" + (Staircase.standard.step(of: p) > 0 ? " (trin \(Staircase.standard.step(of: p)))" : "")) }
        rows = try await req.store.offers.all().map { o in
            let staff = accounts.filter { $0.offerKey == o.id && !$0.isDisabled }.map(\.username)
            return Row(id: o.id, name: o.name, municipality: o.municipality, paragraphs: OfferPage.paragraphs(o), leader: o.leader ?? "–",
                       staff: staff.isEmpty ? "Ingen" : staff.joined(separator: ", "),
                       form: FormModel(id: "offer-\(o.id)", values: ["id": o.id, "name": o.name, "leader": o.leader ?? "", "paragraphs": o.paragraphs.map(\.code).joined(separator: "\n")],
                                       options: ["paragraphs": paragraphOptions], failed: failed))
        }
        hasRows = !rows.isEmpty
        newForm = FormModel(id: "offer-new", values: [:], options: ["paragraphs": paragraphOptions], failed: failed)
        leaders = accounts.filter { ($0.role == .provider || $0.role == .leader) && !$0.isDisabled }.map(\.username)
    }
}
