import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Borgerrejser*: the time × swimlane grid for a concrete citizen, a
/// typical course or a planned one. A concrete citizen's journey is
/// person-level: only the offer's own staff see it, and each view is audited.
struct CitizenJourneyRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("tilbud", ":offer", "borgerrejser")
        r.get(use: list)
        r.post(use: create)
        r.get(":journey", use: show)
        r.post(":journey", use: save)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await listPage(req, OfferContext(req, .read), failed: nil)
    }

    func listPage(_ req: Request, _ context: OfferContext, failed: FailedForm?) async throws -> Response {
        let page = try await JourneyListPage(req, context, failed: failed)
        return try await req.renderPage("offer-journeys", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    /// The pseudonyms of the offer's citizens today (those a concrete journey may name).
    static func pseudonyms(_ req: Request, _ context: OfferContext) async throws -> [String] {
        try await req.store.citizens.withActiveIntervention(at: context.offerID, on: DanishDate.today).map(\.pseudonym).sorted()
    }

    static func columns(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Sendable func create(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        let kind: CitizenJourney.Kind? = form.choice("kind", "Slags rejse")
        let pseudonym = form.text("pseudonym")
        let journey = CitizenJourney(id: OfferContext.newKey(), title: form.text("title").trimmingCharacters(in: .whitespaces), kind: kind ?? .typical,
                                     pseudonym: kind == .concrete && !pseudonym.isEmpty ? pseudonym : nil, columns: Self.columns(form.text("columns")))
        var problems = form.problems + journey.problems
        if let p = journey.pseudonym, try await !Self.pseudonyms(req, context).contains(p) { problems.append("Borger: \(p) har ikke en indsats i tilbuddet i dag.") }
        guard problems.isEmpty else { return try await listPage(req, context, failed: FailedForm(id: "journey", values: form.values, problems: problems)) }
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, "borgerrejse »\(journey.title)« oprettet") { store in
            try await store.offers.save(journey, offer: offerID, kind: .journey, key: journey.id, by: user)
        }
        return context.saved(req, "Borgerrejsen »\(journey.title)« er oprettet. Udfyld felterne i skemaet.", to: context.base + "/borgerrejser/\(journey.id)")
    }

    private func stored(_ req: Request, _ context: OfferContext) async throws -> CitizenJourney {
        guard let key = req.parameters.get("journey"), key.count <= 40,
              let j = try await req.store.offers.current(CitizenJourney.self, offer: context.offerID, kind: .journey, key: key)?.value else { throw Abort(.notFound) }
        return j
    }

    @Sendable func show(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .read)
        return try await page(req, context, try await stored(req, context), failed: nil)
    }

    func page(_ req: Request, _ context: OfferContext, _ journey: CitizenJourney, failed: FailedForm?) async throws -> Response {
        if journey.kind == .concrete {
            guard context.canEdit else {
                try await req.audit(.accessDenied, area: context.offer.municipality, detail: "borgerrejse for en konkret borger i tilbud \(context.offer.name)")
                throw Abort(.forbidden)
            }
            try await req.audit(.offerRead, area: context.offer.municipality, detail: "borgerrejse »\(journey.title)« for borger \(journey.pseudonym ?? "")")
        }
        let page = try JourneyPage(req, context, journey, failed: failed)
        return try await req.renderPage("offer-journey", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    /// The whole grid at once: time points, cells and the marked points.
    @Sendable func save(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var journey = try await stored(req, context)
        var form = FormReader(req)
        let old = journey.columns.count
        var columns: [String] = (0..<old).map { form.text("col-\($0)").trimmingCharacters(in: .whitespaces) }
        let added = form.text("newColumn").trimmingCharacters(in: .whitespaces)
        if !added.isEmpty { columns.append(added) }
        journey.title = form.text("title").trimmingCharacters(in: .whitespaces)
        journey.columns = columns
        journey.cells = CitizenJourney.lanes.indices.map { lane in columns.indices.map { c in c < old ? form.text("cell-\(lane)-\(c)") : "" } }
        journey.documentationPoints = Set(form.list("documentation").compactMap(Int.init))
        journey.usePoints = Set(form.list("use").compactMap(Int.init))
        let problems = journey.problems
        guard problems.isEmpty else { return try await page(req, context, journey, failed: FailedForm(id: "grid", values: form.values, problems: problems)) }
        let saved = journey, offerID = context.offerID, user = context.account.username
        try await context.audited(req, "borgerrejse »\(saved.title)« gemt") { store in
            try await store.offers.save(saved, offer: offerID, kind: .journey, key: saved.id, by: user)
        }
        return context.saved(req, "Borgerrejsen er gemt\(added.isEmpty ? "" : " med tidspunktet »\(added)«").", to: context.base + "/borgerrejser/\(saved.id)")
    }
}

/// The offer's citizen journeys and the form for a new one.
struct JourneyListPage: Encodable {
    struct Row: Encodable {
        var href: String?
        var title: String
        var kind: String
        var citizen: String
        var points: String
    }

    var chrome: Chrome
    var base: String
    var name: String
    var canEdit: Bool
    var rows: [Row]
    var hasRows: Bool
    var form: FormModel

    init(_ req: Request, _ context: OfferContext, failed: FailedForm?) async throws {
        let journeys = try await req.store.offers.current(CitizenJourney.self, offer: context.offerID, kind: .journey)
        chrome = try Chrome(req, title: "Borgerrejser · \(context.offer.name)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        canEdit = context.canEdit
        rows = journeys.map { j in
            let concrete = j.value.kind == .concrete
            return Row(href: concrete && !context.canEdit ? nil : context.base + "/borgerrejser/\(j.key)", title: j.value.title, kind: j.value.kind.danishName,
                       citizen: concrete ? (context.canEdit ? j.value.pseudonym ?? "" : "Skjult (kun tilbuddets medarbejdere)") : "–",
                       points: j.value.documentationPointNames.isEmpty ? "Ingen" : j.value.documentationPointNames.joined(separator: ", "))
        }
        hasRows = !rows.isEmpty
        let pseudonyms = context.canEdit ? try await CitizenJourneyRoutes.pseudonyms(req, context) : []
        form = FormModel(id: "journey", values: ["kind": CitizenJourney.Kind.typical.rawValue, "columns": "Visitation\nOpstart\n3 måneder\n6 måneder\nAfslutning"],
                         options: ["kind": CitizenJourney.Kind.allCases.map { ($0.rawValue, $0.danishName) }, "pseudonym": [("", "(ingen – ikke en konkret borger)")] + pseudonyms.map { ($0, $0) }],
                         failed: failed)
    }
}

/// One citizen journey as a grid, with its form.
struct JourneyPage: Encodable {
    struct Column: Encodable {
        var index: Int
        var name: String
        var documentation: Bool
        var use: Bool
    }

    struct Lane: Encodable {
        struct Cell: Encodable {
            var name: String
            var text: String
            var label: String
        }

        var name: String
        var cells: [Cell]
    }

    var chrome: Chrome
    var base: String
    var offerName: String
    var action: String
    var title: String
    var kind: String
    var citizen: String?
    var canEdit: Bool
    var columns: [Column]
    var lanes: [Lane]
    var problems: [String]
    var hasProblems: Bool

    init(_ req: Request, _ context: OfferContext, _ j: CitizenJourney, failed: FailedForm?) throws {
        chrome = try Chrome(req, title: "Borgerrejse · \(j.title)", active: "/tilbud")
        base = context.base
        offerName = context.offer.name
        action = context.base + "/borgerrejser/\(j.id)"
        title = j.title
        kind = j.kind.danishName
        citizen = j.pseudonym
        canEdit = context.canEdit
        columns = j.columns.enumerated().map { Column(index: $0.offset, name: $0.element, documentation: j.documentationPoints.contains($0.offset), use: j.usePoints.contains($0.offset)) }
        lanes = CitizenJourney.lanes.enumerated().map { l, lane in
            Lane(name: lane, cells: j.columns.indices.map { c in .init(name: "cell-\(l)-\(c)", text: j.cell(l, c), label: "\(lane), \(j.columns[c])") })
        }
        problems = failed?.problems ?? []
        hasProblems = !problems.isEmpty
    }
}
