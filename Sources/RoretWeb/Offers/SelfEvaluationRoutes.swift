import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Afklaring*: the offer's self-evaluation in rounds — each person answers
/// alone, then the group agrees a score per item with its assessment and
/// development activities — the trend over rounds, and the maturity ladder
/// with the evidence Roret holds.
struct SelfEvaluationRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("tilbud", ":offer")
        r.get("selvevaluering", use: overview)
        r.post("selvevaluering", use: open)
        r.post("modenhed", use: saveMaturity)
        r.get("selvevaluering", ":round", use: round)
        r.post("selvevaluering", ":round", "svar", use: answer)
        r.post("selvevaluering", ":round", "enighed", use: agree)
    }

    @Sendable func overview(req: Request) async throws -> Response {
        try await overviewPage(req, OfferContext(req, .read), failed: nil)
    }

    func overviewPage(_ req: Request, _ context: OfferContext, failed: FailedForm?) async throws -> Response {
        let page = try await ClarificationPage(req, context, failed: failed)
        return try await req.renderPage("offer-clarification", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    /// Opens a new round.
    @Sendable func open(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        let title = form.text("title").trimmingCharacters(in: .whitespaces)
        let day = form.day("opened", "Dato", required: true)
        if title.isEmpty { form.problems.append("Titel: skriv en titel, fx »Forår 2026«.") }
        guard let day, form.problems.isEmpty else {
            return try await overviewPage(req, context, failed: FailedForm(id: "round", values: form.values, problems: form.problems))
        }
        let round = SelfEvaluationRound(id: OfferContext.newKey(), title: title, opened: day)
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, "selvevaluering »\(title)« oprettet") { store in
            try await store.offers.save(round, offer: offerID, kind: .selfEvaluation, key: round.id, by: user)
        }
        return context.saved(req, "Selvevalueringen »\(title)« er oprettet. Hver besvarer nu de 24 spørgsmål hver for sig.", to: context.base + "/selvevaluering/\(round.id)")
    }

    /// The maturity reached, with a note per use.
    @Sendable func saveMaturity(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        var notes: [Int: String] = [:]
        for use in 1...5 {
            let note = form.text("note\(use)").trimmingCharacters(in: .whitespacesAndNewlines)
            if !note.isEmpty { notes[use] = note }
        }
        let maturity = Maturity(reached: form.number("reached", "Modenhed", in: 0...5) ?? -1, notes: notes)
        let problems = form.problems.isEmpty ? maturity.problems : form.problems
        guard problems.isEmpty else {
            return try await overviewPage(req, context, failed: FailedForm(id: "maturity", values: form.values, problems: problems))
        }
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, "modenhed \(maturity.reached)") { store in
            try await store.offers.save(maturity, offer: offerID, kind: .maturity, key: "maturity", by: user)
        }
        let name = maturity.reached == 0 ? "ingen af brugene endnu" : "\(maturity.reached). \(Maturity.uses[maturity.reached - 1])"
        return context.saved(req, "Modenheden er gemt: \(name).", to: context.base + "/selvevaluering#modenhed")
    }

    private func stored(_ req: Request, _ context: OfferContext) async throws -> SelfEvaluationRound {
        guard let key = req.parameters.get("round"), key.count <= 40,
              var round = try await req.store.offers.current(SelfEvaluationRound.self, offer: context.offerID, kind: .selfEvaluation, key: key)?.value else { throw Abort(.notFound) }
        for a in try await req.store.offers.current([String: Int?].self, offer: context.offerID, kind: .selfEvaluationAnswer) where a.key.hasPrefix(key + "/") {
            round.answers[String(a.key.dropFirst(key.count + 1))] = a.value
        }
        return round
    }

    @Sendable func round(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .read)
        return try await roundPage(req, context, try await stored(req, context), failed: nil)
    }

    func roundPage(_ req: Request, _ context: OfferContext, _ round: SelfEvaluationRound, failed: FailedForm?) async throws -> Response {
        let page = try SelfEvaluationPage(req, context, round, failed: failed)
        return try await req.renderPage("offer-round", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    /// One person's own answers (they may change them until the group agrees).
    @Sendable func answer(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        let round = try await stored(req, context)
        var form = FormReader(req)
        var answers: [String: Int?] = [:]
        for item in SelfEvaluation.items {
            let raw = form.text("a-\(item.id)")
            if raw == "vedikke" { answers[item.id] = .some(nil) } else if let n = Int(raw) { answers[item.id] = .some(n) }
        }
        let problems = SelfEvaluationRound.problems(in: answers)
        guard problems.isEmpty else {
            return try await roundPage(req, context, round, failed: FailedForm(id: "answer", values: form.values, problems: problems))
        }
        let offerID = context.offerID, user = context.account.username, key = "\(round.id)/\(user)", given = answers
        try await context.audited(req, "egne svar i selvevalueringen »\(round.title)«") { store in
            try await store.offers.save(given, offer: offerID, kind: .selfEvaluationAnswer, key: key, by: user)
        }
        return context.saved(req, "Dine svar er gemt. Når alle har svaret, bliver gruppen enig om en score for hvert spørgsmål.", to: context.base + "/selvevaluering/\(round.id)#samlet")
    }

    /// The group's agreed score, assessment and development activities per item.
    @Sendable func agree(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var round = try await stored(req, context)
        var form = FormReader(req)
        var agreed: [String: SelfEvaluationRound.Agreed] = [:]
        var problems: [String] = []
        for item in SelfEvaluation.items {
            let raw = form.text("s-\(item.id)")
            let assessment = form.text("v-\(item.id)").trimmingCharacters(in: .whitespacesAndNewlines)
            let development = form.text("u-\(item.id)").trimmingCharacters(in: .whitespacesAndNewlines)
            switch raw {
            case "": if !assessment.isEmpty || !development.isEmpty { problems.append("\(item.id): vælg den fælles score (eller »Ved ikke«) til vurderingen.") }
            case "vedikke": agreed[item.id] = .init(score: nil, assessment: assessment, development: development)
            default:
                guard let n = Int(raw), (1...5).contains(n) else { problems.append("\(item.id): scoren skal være fra 1 til 5."); continue }
                agreed[item.id] = .init(score: n, assessment: assessment, development: development)
            }
        }
        if agreed.isEmpty && problems.isEmpty { problems.append("Vælg den fælles score for mindst ét spørgsmål.") }
        guard problems.isEmpty else {
            return try await roundPage(req, context, round, failed: FailedForm(id: "agree", values: form.values, problems: problems))
        }
        round.agreed = agreed
        round.answers = [:]
        let saved = round, offerID = context.offerID, user = context.account.username
        try await context.audited(req, "fælles score i selvevalueringen »\(saved.title)«") { store in
            try await store.offers.save(saved, offer: offerID, kind: .selfEvaluation, key: saved.id, by: user)
        }
        let done = saved.isAgreed ? "alle 24 spørgsmål er nu besvaret i fællesskab" : "\(agreed.count) af 24 spørgsmål har en fælles score"
        return context.saved(req, "Den fælles vurdering er gemt: \(done).", to: context.base + "/selvevaluering/\(saved.id)#enighed")
    }
}
