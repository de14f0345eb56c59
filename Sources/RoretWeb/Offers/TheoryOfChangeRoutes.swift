import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Forandringsteori*: the offer's result map edited with plain forms in a
/// working draft, drawn as SVG, and saved as versions that never change;
/// every version readable and printable on A4 landscape.
struct TheoryOfChangeRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("tilbud", ":offer", "forandringsteori")
        r.get(use: show)
        r.post("tekst", use: saveTexts)
        r.post("boks", use: saveBox)
        r.post("boks", "slet", use: removeBox)
        r.post("pil", use: saveArrow)
        r.post("pil", "slet", use: removeArrow)
        r.post("gem", use: saveVersion)
        r.get("version", ":number", use: version)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await page(req, OfferContext(req, .read), failed: nil)
    }

    func page(_ req: Request, _ context: OfferContext, failed: FailedForm?) async throws -> Response {
        let page = try await TheoryOfChangePage(req, context, failed: failed)
        return try await req.renderPage("offer-theory", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    private func draft(_ req: Request, _ context: OfferContext) async throws -> TheoryOfChange {
        if let d = try await req.store.offers.current(TheoryOfChange.self, offer: context.offerID, kind: .theoryDraft, key: "map") { return d.value }
        return try await req.store.offers.versions(TheoryOfChange.self, offer: context.offerID, kind: .theory, key: "map").last?.value ?? TheoryOfChange()
    }

    /// Stores the changed draft when it has no problems; otherwise the form again with every problem.
    private func store(_ req: Request, _ context: OfferContext, _ changed: TheoryOfChange, form: String, values: [String: String], what: String, message: String) async throws -> Response {
        let problems = changed.problems
        guard problems.isEmpty else { return try await page(req, context, failed: FailedForm(id: form, values: values, problems: problems)) }
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, "forandringsteoriens kladde: \(what)") { store in
            try await store.offers.save(changed, offer: offerID, kind: .theoryDraft, key: "map", by: user)
        }
        return context.saved(req, message + " Kladden er gemt; gem en ny version, når kortet er klar.", to: context.base + "/forandringsteori#kort")
    }

    @Sendable func saveTexts(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var theory = try await draft(req, context)
        var form = FormReader(req)
        theory.goals = form.text("goals")
        theory.targetGroup = form.text("targetGroup")
        theory.gaps = form.text("gaps")
        theory.minutes = form.text("minutes")
        return try await store(req, context, theory, form: "texts", values: form.values, what: "tekster", message: "Mål, målgruppe, huller og referat er gemt.")
    }

    @Sendable func saveBox(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var theory = try await draft(req, context)
        var form = FormReader(req)
        let raw = form.text("id")
        let column: TheoryOfChange.Column? = Int(form.text("column")).flatMap(TheoryOfChange.Column.init(rawValue:))
        let indicator = form.text("indicator").trimmingCharacters(in: .whitespaces)
        let id = raw.isEmpty ? theory.nextBoxID : raw
        let box = TheoryOfChange.Box(id: id, column: column ?? .activities, row: form.text("row").trimmingCharacters(in: .whitespaces),
                                     text: form.text("text").trimmingCharacters(in: .whitespacesAndNewlines), indicator: indicator.isEmpty ? nil : indicator, uncertain: form.flag("uncertain"))
        let formID = raw.isEmpty ? "box-new" : "box-\(raw)"
        guard column != nil else { return try await page(req, context, failed: FailedForm(id: formID, values: form.values, problems: ["Kolonne: vælg en af de fire kolonner."])) }
        if raw.isEmpty { theory.boxes.append(box) } else {
            guard let i = theory.boxes.firstIndex(where: { $0.id == raw }) else { throw Abort(.notFound) }
            theory.boxes[i] = box
        }
        return try await store(req, context, theory, form: formID, values: form.values, what: "boks \(id)", message: "Boks \(id) er gemt.")
    }

    @Sendable func removeBox(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        let theory = try await draft(req, context)
        var form = FormReader(req)
        let id = form.text("id")
        guard theory.boxes.contains(where: { $0.id == id }) else { throw Abort(.notFound) }
        return try await store(req, context, theory.removing(box: id), form: "box-\(id)", values: form.values, what: "boks \(id) slettet",
                               message: "Boks \(id) og dens pile er slettet.")
    }

    @Sendable func saveArrow(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var theory = try await draft(req, context)
        var form = FormReader(req)
        let arrow = TheoryOfChange.Arrow(from: form.text("from"), to: form.text("to"), mechanism: form.text("mechanism").trimmingCharacters(in: .whitespacesAndNewlines),
                                         feedback: form.flag("feedback"), uncertain: form.flag("uncertain"))
        let existing = form.text("existing") == "ja"
        var problems: [String] = []
        if arrow.mechanism.isEmpty { problems.append("Mekanisme: skriv hvorfor det ene fører til det andet.") }
        if let i = theory.arrows.firstIndex(where: { $0.from == arrow.from && $0.to == arrow.to }) {
            if existing { theory.arrows[i] = arrow } else { problems.append("Pil \(arrow.from) → \(arrow.to): findes allerede; ret den i listen over pile.") }
        } else {
            if existing { throw Abort(.notFound) }
            theory.arrows.append(arrow)
        }
        let formID = existing ? "arrow-\(arrow.from)-\(arrow.to)" : "arrow-new"
        guard problems.isEmpty else { return try await page(req, context, failed: FailedForm(id: formID, values: form.values, problems: problems + theory.problems)) }
        return try await store(req, context, theory, form: formID, values: form.values, what: "pil \(arrow.from) → \(arrow.to)", message: "Pilen \(arrow.from) → \(arrow.to) er gemt.")
    }

    @Sendable func removeArrow(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var theory = try await draft(req, context)
        var form = FormReader(req)
        let (from, to) = (form.text("from"), form.text("to"))
        guard theory.arrows.contains(where: { $0.from == from && $0.to == to }) else { throw Abort(.notFound) }
        theory.arrows.removeAll { $0.from == from && $0.to == to }
        return try await store(req, context, theory, form: "arrow-\(from)-\(to)", values: form.values, what: "pil \(from) → \(to) slettet", message: "Pilen \(from) → \(to) er slettet.")
    }

    /// Saves the draft as the next version (refused with every problem, or when nothing changed).
    @Sendable func saveVersion(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        let theory = try await draft(req, context)
        let stored = try await req.store.offers.versions(TheoryOfChange.self, offer: context.offerID, kind: .theory, key: "map")
        var history = TheoryOfChangeHistory(versions: stored.map { .init(number: $0.version, theory: $0.value, savedOn: DanishDate.dayOf($0.savedAt), by: $0.savedBy) })
        let number: Int
        do {
            number = try history.save(theory, on: DanishDate.today, by: context.account.username)
        } catch let refused as TheoryOfChangeRefused {
            return try await page(req, context, failed: FailedForm(id: "version", values: [:], problems: refused.problems))
        }
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, "forandringsteori version \(number)") { store in
            try await store.offers.save(theory, offer: offerID, kind: .theory, key: "map", by: user)
        }
        return context.saved(req, "Forandringsteorien er gemt som version \(number). Tidligere versioner kan stadig læses.", to: context.base + "/forandringsteori#versioner")
    }

    @Sendable func version(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .read)
        let versions = try await req.store.offers.versions(TheoryOfChange.self, offer: context.offerID, kind: .theory, key: "map")
        guard let n = req.parameters.get("number").flatMap(Int.init), let v = versions.first(where: { $0.version == n }) else { throw Abort(.notFound) }
        let results = try await OfferResults(req, context)
        let catalogue = try await req.store.offers.current(InstrumentCatalogue.self, offer: context.offerID, kind: .instruments, key: "catalogue")?.value ?? InstrumentCatalogue()
        let values = MeasuredValue.values(catalogue: catalogue, answers: results.answers, goals: results.goals, courses: results.courses, on: DanishDate.today,
                                          personLevel: context.canEdit, format: { DanishFormat.decimal($0, decimals: 1) })
        let page = try TheoryVersionPage(req, context, v, latest: versions.last?.version ?? n, names: try await req.accountNames(), values: values)
        return try await req.renderPage("offer-theory-version", page, chrome: page.chrome)
    }
}
