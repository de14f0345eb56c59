import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Indsamling*: the offer's staff record answers (with collection method
/// and respondent), citizens' goals at the offer and their follow-ups, and
/// each citizen's intervention and sub-group; due and overdue measurements
/// follow the offer's measurement plan. Person-level: the offer's staff only,
/// every view audited.
struct CollectionRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("tilbud", ":offer", "indsamling")
        r.get(use: show)
        r.get(":citizen", use: citizenPage)
        r.post("svar", use: answer)
        r.post("maal", use: goal)
        r.post("maal", "opfoelgning", use: followUp)
        r.post("tilknytning", use: enrol)
        r.post("link", use: issueLink)
        r.post("statusrapport", use: reportSent)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await page(req, OfferContext(req, .edit), failed: nil)
    }

    func page(_ req: Request, _ context: OfferContext, failed: FailedForm?) async throws -> Response {
        let page = try await CollectionPage(req, context)
        try await req.audit(.offerRead, area: context.offer.municipality, detail: "indsamling i tilbud \(context.offer.name) (\(page.citizens.count) borgere)")
        return try await req.renderPage("offer-collection", page, chrome: page.chrome)
    }

    @Sendable func citizenPage(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        guard let raw = req.parameters.get("citizen") else { throw Abort(.notFound) }
        return try await citizenPage(req, context, citizen: raw, failed: nil)
    }

    func citizenPage(_ req: Request, _ context: OfferContext, citizen: String, failed: FailedForm?) async throws -> Response {
        let spells = try await req.store.citizens.spells(atOffer: context.offerID).filter { $0.citizenID.uuidString == citizen }
        guard !spells.isEmpty else { throw Abort(.notFound) }
        let record = try await req.citizen(UUID(uuidString: citizen), .read)
        var page = try await CollectionCitizenPage(req, context, citizen: record, spells: spells, failed: failed)
        page.newLink = req.session.data[Request.newLinkKey]
        if page.newLink != nil { req.session.data[Request.newLinkKey] = nil }
        try await req.audit(.offerRead, area: context.offer.municipality, detail: "indsamling for borger \(record.pseudonym) i tilbud \(context.offer.name)")
        return try await req.renderPage("offer-collection-citizen", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    /// The citizen posted (`citizen`): one of the offer's citizens whose record the user may read
    /// (the offer's own staff while the course runs; else 403, audited, as for the record).
    private func offerCitizen(_ req: Request, _ context: OfferContext, _ form: inout FormReader) async throws -> String {
        let raw = form.text("citizen")
        guard let id = UUID(uuidString: raw), try await req.store.citizens.spells(atOffer: context.offerID).contains(where: { $0.citizenID == id }) else { throw Abort(.notFound) }
        return try await req.citizen(id, .read).id.uuidString
    }

    @Sendable func answer(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        let citizen = try await offerCitizen(req, context, &form)
        let catalogue = try await req.store.offers.current(InstrumentCatalogue.self, offer: context.offerID, kind: .instruments, key: "catalogue")?.value ?? InstrumentCatalogue()
        guard let instrument = catalogue.all.first(where: { $0.id == form.text("instrument") }) else { throw Abort(.badRequest) }
        let day = form.day("day", "Dato", required: true)
        let point: MeasurementPoints.Kind? = form.choice("point", "Målepunkt")
        let method: CollectionMethod? = form.choice("method", "Indsamlingsmetode")
        let respondent: Respondent? = form.choice("respondent", "Besvaret af")
        let items: [Int?] = instrument.itemTexts.indices.map { i in Int(form.text("item\(i + 1)")) }
        var problems = form.problems + instrument.problems(in: items)
        if let day, day > DanishDate.today { problems.append("Dato: kan ikke ligge efter i dag.") }
        let formID = "answer-\(instrument.id)"
        guard problems.isEmpty, let day, let point, let method, let respondent else {
            return try await citizenPage(req, context, citizen: citizen, failed: FailedForm(id: formID, values: form.values, problems: problems))
        }
        let answer = OfferAnswer(id: OfferContext.newKey(), citizen: citizen, instrument: instrument.id, day: day, items: items, score: instrument.score(items), point: point,
                                 method: method, respondent: respondent, enteredBy: context.account.username)
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, "svar på \(instrument.name) registreret") { store in
            try await store.offers.save(answer, offer: offerID, kind: .answer, key: answer.id, by: user)
        }
        let scored = answer.score.map { "Scoren er \(DanishFormat.decimal($0, decimals: 0))." } ?? "Besvarelsen er ufuldstændig og får ingen score."
        return context.saved(req, "\(point.danishName) med \(instrument.name) er gemt. \(scored)", to: context.base + "/indsamling/\(citizen)")
    }

    @Sendable func goal(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        let citizen = try await offerCitizen(req, context, &form)
        let kind: OfferGoal.Kind? = form.choice("kind", "Slags mål")
        let text = form.text("text").trimmingCharacters(in: .whitespacesAndNewlines)
        let planGoal = Int(form.text("planGoal"))
        var problems = form.problems
        if text.isEmpty { problems.append("Mål: skriv målet.") }
        guard problems.isEmpty, let kind else { return try await citizenPage(req, context, citizen: citizen, failed: FailedForm(id: "goal", values: form.values, problems: problems)) }
        let goal = OfferGoal(id: OfferContext.newKey(), citizen: citizen, text: text, kind: kind, planGoalID: planGoal)
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, "mål registreret") { store in try await store.offers.save(goal, offer: offerID, kind: .goal, key: goal.id, by: user) }
        return context.saved(req, "Målet »\(text)« er gemt.", to: context.base + "/indsamling/\(citizen)")
    }

    @Sendable func followUp(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        guard var goal = try await req.store.offers.current(OfferGoal.self, offer: context.offerID, kind: .goal, key: form.text("goal"))?.value else { throw Abort(.notFound) }
        _ = try await req.citizen(UUID(uuidString: goal.citizen), .read)
        let day = form.day("day", "Dato", required: true)
        let status = Int(form.text("status")).flatMap(GoalAttainment.init(rawValue:))
        var problems = form.problems
        if status == nil { problems.append("Status: vælg målopfyldelsen.") }
        if let day, let status { problems += goal.problems(.init(day: day, status: status)) }
        guard problems.isEmpty, let day, let status else {
            return try await citizenPage(req, context, citizen: goal.citizen, failed: FailedForm(id: "followup-\(goal.id)", values: form.values, problems: problems))
        }
        goal.followUps.append(.init(day: day, status: status, note: form.text("note")))
        let saved = goal, offerID = context.offerID, user = context.account.username
        try await context.audited(req, "opfølgning på mål") { store in try await store.offers.save(saved, offer: offerID, kind: .goal, key: saved.id, by: user) }
        return context.saved(req, "Opfølgningen er gemt: \(status.danishName).", to: context.base + "/indsamling/\(goal.citizen)#maal")
    }

    @Sendable func enrol(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        let citizen = try await offerCitizen(req, context, &form)
        let intervention = context.offer.interventions.first { $0.id == form.text("intervention") }
        let sub = form.text("subGroup")
        guard sub.isEmpty || (intervention?.subGroups.contains(sub) ?? false) else {
            return try await citizenPage(req, context, citizen: citizen, failed: FailedForm(id: "enrol", values: form.values, problems: ["Undergruppe: vælg en undergruppe af den valgte indsats."]))
        }
        let enrolment = Enrolment(citizen: citizen, intervention: intervention?.id, subGroup: sub.isEmpty ? nil : sub)
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, "tilknytning til indsats") { store in try await store.offers.save(enrolment, offer: offerID, kind: .enrolment, key: citizen, by: user) }
        return context.saved(req, "Tilknytningen er gemt: \(intervention?.name ?? "ingen indsats")\(sub.isEmpty ? "" : ", \(sub)").", to: context.base + "/indsamling/\(citizen)")
    }

    /// A personal link for the citizen to answer one of the offer's citizen-completed instruments at a measurement point; shown once.
    @Sendable func issueLink(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        let citizen = try await offerCitizen(req, context, &form)
        let record = try await req.citizen(UUID(uuidString: citizen), .read)
        let catalogue = try await req.store.offers.current(InstrumentCatalogue.self, offer: context.offerID, kind: .instruments, key: "catalogue")?.value ?? InstrumentCatalogue()
        guard let instrument = catalogue.all.first(where: { $0.id == form.text("instrument") && $0.isAnswered }) else { throw Abort(.badRequest) }
        let point: MeasurementPoints.Kind? = form.choice("point", "Målepunkt")
        var problems = form.problems
        // Never from the request's Host header: an attacker's Host would make the link point at them.
        let origin = req.roret.configuration.linkOrigin
        if origin == nil { problems.append(RoretConfiguration.noLinkOrigin) }
        guard problems.isEmpty, let point, let origin else {
            return try await citizenPage(req, context, citizen: citizen, failed: FailedForm(id: "link-\(instrument.id)", values: form.values, problems: problems))
        }
        let (sending, refused) = try await LinkMessage.sending(req, citizenID: record.id, via: form.text("via"))
        guard refused.isEmpty else { return try await citizenPage(req, context, citizen: citizen, failed: FailedForm(id: "link-\(instrument.id)", values: form.values, problems: refused)) }
        let secret = Secrets.random(bytes: 24)
        let link = OfferAnswerLink(citizen: citizen, instrument: instrument.id, point: point, issuedOn: DanishDate.today)
        let offerID = context.offerID, user = context.account.username, hash = Secrets.sha256(secret)
        let url = "\(origin)/svar/tilbud/\(offerID.uuidString)/\(secret)"
        try await context.audited(req, "link til \(instrument.name) (\(point.danishName.lowercased())), gyldigt til \(link.expiresOn.danish)\(sending.map { ", sendt som \($0.via.danishName)" } ?? "")") { store in
            try await store.offers.save(link, offer: offerID, kind: .answerLink, key: hash, by: user)
            if let sending {
                try await LinkMessage.enqueue(sending, store: store, citizen: record, questionnaire: instrument.name, url: url, expiresOn: link.expiresOn, tokenHash: hash)
            }
        }
        if let sending {
            req.roret.delivery.deliverSoon(store: req.store, logger: req.logger)
            return context.saved(req, LinkMessage.notice(questionnaire: instrument.name, sending), to: context.base + "/indsamling/\(citizen)")
        }
        req.session.data[Request.newLinkKey] = url
        return context.saved(req, "Linket til \(instrument.name) er lavet. Giv det til borgeren nu; det vises kun denne ene gang.", to: context.base + "/indsamling/\(citizen)#link")
    }

    /// The status report to the authority is sent today: the next one covers what happens from tomorrow.
    @Sendable func reportSent(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        let citizen = try await offerCitizen(req, context, &form)
        let sent = StatusReportSent(day: DanishDate.today)
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, "statusrapport til myndigheden sendt") { store in
            try await store.offers.save(sent, offer: offerID, kind: .statusReport, key: citizen, by: user)
        }
        return context.saved(req, "Statusrapporten er markeret som sendt \(sent.day.danish). Sagsbehandleren ser herefter, hvad der er dokumenteret siden i dag.",
                             to: context.base + "/indsamling/\(citizen)#statusrapport")
    }
}
