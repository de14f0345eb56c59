import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Planlægning*: the documentation strategy per element of the theory of
/// change, the instrument catalogue, the measurement points, the data
/// collection plan and the annual plan (*årshjul*).
struct PlanningRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("tilbud", ":offer", "planlaegning")
        r.get(use: show)
        r.post("strategi", use: saveStrategy)
        r.post("redskab", use: addInstrument)
        r.post("maalepunkter", use: saveMeasurementPlan)
        r.post("dataindsamling", use: saveCollectionPlan)
        r.post("aarshjul", use: addEvent)
        r.post("aarshjul", "slet", use: removeEvent)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await page(req, OfferContext(req, .read), failed: nil)
    }

    func page(_ req: Request, _ context: OfferContext, failed: FailedForm?) async throws -> Response {
        let page = try await PlanningPage(req, context, failed: failed)
        return try await req.renderPage("offer-planning", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    private func save<T: Codable & Sendable>(_ req: Request, _ context: OfferContext, _ value: T, _ kind: OfferDocumentKind, what: String, message: String, anchor: String) async throws -> Response {
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, what) { store in
            try await store.offers.save(value, offer: offerID, kind: kind, key: PlanningPage.key(kind), by: user)
        }
        return context.saved(req, message, to: context.base + "/planlaegning#\(anchor)")
    }

    @Sendable func saveStrategy(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        let dossier = try await OfferDossier(req, context.offerID)
        var form = FormReader(req)
        var strategy = DocumentationStrategy()
        for box in PlanningPage.elements(dossier) {
            let answers = (0..<3).map { form.text("q\($0)-\(box.id)").trimmingCharacters(in: .whitespacesAndNewlines) }
            if answers.contains(where: { !$0.isEmpty }) { strategy.answers[box.id] = answers }
        }
        return try await save(req, context, strategy, .strategy, what: "strategi for dokumentation",
                              message: "Strategien for dokumentation er gemt: \(strategy.complete) \(strategy.complete == 1 ? "element har" : "elementer har") svar på alle tre spørgsmål.", anchor: "strategi")
    }

    @Sendable func addInstrument(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var catalogue = try await OfferDossier(req, context.offerID).instruments
        var form = FormReader(req)
        let kind: OfferInstrument.Kind = form.text("kind") == "goalAttainment" ? .goalAttainment : .simple
        let formID = kind == .simple ? "instrument" : "gas"
        let purpose: OfferInstrument.Purpose? = form.choice("purpose", "Formål")
        let collection: OfferInstrument.CollectionForm? = form.choice("collectionForm", "Indsamlingsform")
        let items = kind == .simple ? form.text("items").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
        let low = kind == .simple ? form.number("scaleMin", "Svarskala fra", in: 0...100) : nil
        let high = kind == .simple ? form.number("scaleMax", "Svarskala til", in: 0...100) : nil
        let instrument = OfferInstrument(id: OfferContext.newKey(), name: form.text("name").trimmingCharacters(in: .whitespaces), kind: kind, purpose: purpose ?? .measurement,
                                         targetGroups: form.text("targetGroups"), collectionForm: collection ?? .professional, validated: form.flag("validated"),
                                         training: form.text("training"), items: items, scaleMin: low ?? 0, scaleMax: high ?? (kind == .simple ? 0 : 6))
        var problems = form.problems + instrument.problems
        if kind == .simple && (low == nil || high == nil) && !problems.contains(where: { $0.hasPrefix("Svarskala") }) { problems.append("Svarskala: skriv den laveste og den højeste værdi.") }
        if catalogue.all.contains(where: { $0.name.lowercased() == instrument.name.lowercased() }) { problems.append("Navn: kataloget har allerede et redskab med navnet »\(instrument.name)«.") }
        guard problems.isEmpty else { return try await page(req, context, failed: FailedForm(id: formID, values: form.values, problems: problems)) }
        catalogue.own.append(instrument)
        let range = instrument.sumRange.map { " (sumscore \($0.lowerBound)–\($0.upperBound))" } ?? ""
        return try await save(req, context, catalogue, .instruments, what: "redskab »\(instrument.name)« tilføjet",
                              message: "Redskabet »\(instrument.name)« er føjet til kataloget\(range).", anchor: "redskaber")
    }

    @Sendable func saveMeasurementPlan(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        let interval = form.number("followUpMonths", "Opfølgning hver", in: 1...36)
        let after = form.number("afterEndMonths", "Måling efter afslutning", in: 1...36)
        let plan = MeasurementPlan(points: MeasurementPoints(followUpMonths: interval, afterEndMonths: after), atPhaseChanges: form.flag("atPhaseChanges"),
                                   instruments: form.list("instruments"), fromJourneys: form.list("fromJourneys"))
        let problems = form.problems + plan.problems
        guard problems.isEmpty else { return try await page(req, context, failed: FailedForm(id: "points", values: form.values, problems: problems)) }
        return try await save(req, context, plan, .measurementPlan, what: "målepunkter", message: "Målepunkterne er gemt.", anchor: "maalepunkter")
    }

    @Sendable func saveCollectionPlan(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        var plan = DataCollectionPlan()
        for n in 1...DataCollectionPlan.questions.count {
            let text = form.text("q\(n)").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { plan.agreements[n] = text }
        }
        return try await save(req, context, plan, .collectionPlan, what: "dataindsamlingsplan",
                              message: "Dataindsamlingsplanen er gemt: \(plan.agreed) af \(DataCollectionPlan.questions.count) spørgsmål har en aftale.", anchor: "dataindsamling")
    }

    @Sendable func addEvent(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var plan = try await OfferDossier(req, context.offerID).annualPlan
        var form = FormReader(req)
        let kind: AnnualPlan.Kind? = form.choice("kind", "Slags")
        let event = AnnualPlan.Event(id: OfferContext.newKey(), month: Int(form.text("month")) ?? 0, kind: kind ?? .measurement, text: form.text("text").trimmingCharacters(in: .whitespaces))
        let problems = form.problems + AnnualPlan.problems(event)
        guard problems.isEmpty else { return try await page(req, context, failed: FailedForm(id: "event", values: form.values, problems: problems)) }
        plan.events.append(event)
        return try await save(req, context, plan, .annualPlan, what: "årshjul: \(event.text)",
                              message: "»\(event.text)« er sat i årshjulet i \(AnnualPlan.months[event.month - 1].lowercased()).", anchor: "aarshjul")
    }

    @Sendable func removeEvent(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var plan = try await OfferDossier(req, context.offerID).annualPlan
        var form = FormReader(req)
        let id = form.text("id")
        guard let event = plan.events.first(where: { $0.id == id }) else { throw Abort(.notFound) }
        plan.events.removeAll { $0.id == id }
        return try await save(req, context, plan, .annualPlan, what: "årshjul: \(event.text) fjernet", message: "»\(event.text)« er fjernet fra årshjulet.", anchor: "aarshjul")
    }
}
