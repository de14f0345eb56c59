import RoretCore
import RoretStore
import Vapor

/// *Adgang til sagsgennemgang* (administrators): a named person may open a
/// review's sampled records until a day; every read through it is audited.
struct ReviewGrantRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "sagsgennemgang", use: list)
        routes.post("admin", "sagsgennemgang", ":review", "adgang", use: grant)
    }

    struct Page: Encodable {
        struct Row: Encodable {
            var id: String
            var title: String
            var grants: [String]
            var hasGrants: Bool
        }

        var chrome: Chrome
        var rows: [Row]
        var hasRows: Bool
        var until: String
    }

    @Sendable func list(req: Request) async throws -> Response {
        let today = DanishDate.today
        let reviews = try await req.store.caseReviews.reviews(municipality: nil)
        let page = Page(
            chrome: try Chrome(req, title: "Adgang til sagsgennemgang", active: "/admin/sagsgennemgang"),
            rows: reviews.map { r in
                Page.Row(id: r.id.uuidString, title: "\(DanishMunicipality.name(of: r.municipality) ?? r.municipality): \(r.date.danish) (startværdi \(r.seed))",
                         grants: r.grants.map { "\($0.username) til og med \($0.expiresOn.danish)" + ($0.expiresOn < today ? " (udløbet)" : "") }, hasGrants: !r.grants.isEmpty)
            },
            hasRows: !reviews.isEmpty, until: today.adding(days: 14).description)
        return try await req.renderPage("review-grants", page, chrome: page.chrome)
    }

    @Sendable func grant(req: Request) async throws -> Response {
        guard let id = req.parameters.get("review").flatMap(UUID.init(uuidString:)), let review = try await req.store.caseReviews.review(id) else { throw Abort(.notFound) }
        var form = FormReader(req)
        let username = form.text("username").trimmingCharacters(in: .whitespaces)
        let until = form.day("until", "Til og med", required: true)
        let account = try await req.store.accounts.find(username: username)
        if account == nil || account?.area != review.municipality { form.problems.append("Brugernavn: »\(username)« er ikke en bruger i kommunen.") }
        if let until, until < DanishDate.today { form.problems.append("Til og med: datoen er før i dag.") }
        if let until, until > DanishDate.today.adding(days: 90) { form.problems.append("Til og med: højst 90 dage frem.") }
        guard form.problems.isEmpty, let until else {
            req.notice("Adgangen blev ikke givet: " + form.problems.joined(separator: " "))
            return req.redirect(to: "/admin/sagsgennemgang")
        }
        let admin = try req.requireAccount().username
        try await req.audited(.leadershipChanged, area: review.municipality, detail: { _ in "adgang til sagsgennemgang \(review.date) for \(username) til \(until)" }) { store in
            try await store.caseReviews.grant(review: id, to: username, until: until, by: admin)
        }
        req.notice("\(username) kan åbne gennemgangens sager til og med \(until.danish).")
        return req.redirect(to: "/admin/sagsgennemgang")
    }
}
