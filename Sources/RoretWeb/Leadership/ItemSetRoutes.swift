import RoretCore
import RoretStore
import Vapor

/// *Spørgesæt* (administrators): a municipality's own statements for the
/// temperature measurement. Saving makes a new version; rounds already
/// answered keep theirs, and trends compare rounds within one version.
struct ItemSetRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "spoergesaet", use: show)
        routes.post("admin", "spoergesaet", use: save)
    }

    struct Page: Encodable {
        struct Row: Encodable {
            var index: Int
            var number: Int
            var id: String
            var group: String
            var text: String
        }

        var chrome: Chrome
        var municipality: String
        var municipalityName: String
        var version: Int
        var provenance: String
        var rows: [Row]
        var municipalities: [Choice]
        var problems: [String]
        var hasProblems: Bool
    }

    static let emptyRows = 3

    private func page(_ req: Request, municipality: String, items: [QuestionnaireItem]? = nil, problems: [String] = []) async throws -> Response {
        let set = try await req.store.leadership.itemSet(.temperature, municipality: municipality)
        let shown = (items ?? set.items) + (0..<Self.emptyRows).map { _ in QuestionnaireItem(id: "", group: "", text: "") }
        let page = Page(
            chrome: try Chrome(req, title: "Spørgesæt", active: "/admin/spoergesaet"), municipality: municipality,
            municipalityName: DanishMunicipality.name(of: municipality) ?? municipality, version: set.version, provenance: set.provenance,
            rows: shown.enumerated().map { Page.Row(index: $0.offset, number: $0.offset + 1, id: $0.element.id, group: $0.element.group, text: $0.element.text) },
            municipalities: DanishMunicipality.all.map { Choice(value: $0.code, label: "\($0.name) (\($0.code))", selected: $0.code == municipality) },
            problems: problems, hasProblems: !problems.isEmpty)
        return try await req.renderPage("item-set", page, chrome: page.chrome, status: problems.isEmpty ? .ok : .badRequest)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let asked = req.pageQuery["kommune"] ?? ""
        return try await page(req, municipality: DanishMunicipality.name(of: asked) == nil ? "265" : asked)
    }

    @Sendable func save(req: Request) async throws -> Response {
        var form = FormReader(req)
        let municipality = form.text("municipality")
        guard DanishMunicipality.name(of: municipality) != nil else { throw Abort(.badRequest, reason: "Ukendt kommune.") }
        var items: [QuestionnaireItem] = []
        var added = 0
        for i in 0..<200 {
            guard (try? req.content.get(String.self, at: "text\(i)")) != nil else { break }
            let text = form.text("text\(i)"), group = form.text("group\(i)")
            var id = form.text("id\(i)")
            if text.allSatisfy(\.isWhitespace) && group.allSatisfy(\.isWhitespace) { continue }
            if id.isEmpty {
                added += 1
                id = "N\(added)"
            }
            items.append(QuestionnaireItem(id: id, group: group, text: text))
        }
        let username = try req.requireAccount().username
        do {
            let saved = try await req.audited(.leadershipChanged, area: municipality, detail: { "temperaturmålingens spørgesæt, version \($0.version)" }) { [items] store in
                try await store.leadership.saveItemSet(.temperature, municipality: municipality, items: items, by: username)
            }
            req.notice("Spørgesættet er gemt som version \(saved.version). Nye runder bruger det; tidligere runder beholder deres.")
        } catch let refused as LeadershipRefused {
            return try await page(req, municipality: municipality, items: items, problems: refused.problems)
        }
        return req.redirect(to: "/admin/spoergesaet?kommune=\(municipality)")
    }
}
