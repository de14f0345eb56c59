import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Opfølgning*: the review of the whole cycle (phase 7). Per phase the
/// handbook's questions with the group's experiences and follow-up actions,
/// beside what Roret holds (e.g. the target group described vs served).
/// Findings can open a new draft of the theory of change.
struct CycleReviewRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("tilbud", ":offer", "gennemgang")
        r.get(use: list)
        r.post(use: create)
        r.get(":review", use: show)
        r.post(":review", use: save)
        r.post(":review", "forandringsteori", use: openTheory)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await list(req, OfferContext(req, .read), failed: nil)
    }

    func list(_ req: Request, _ context: OfferContext, failed: FailedForm?) async throws -> Response {
        let reviews = try await req.store.offers.current(CycleReviewMinutes.self, offer: context.offerID, kind: .cycleReview).map(\.value)
        let page = try CycleReviewsPage(req, context, reviews: reviews, failed: failed)
        return try await req.renderPage("offer-cycle-reviews", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        let day = form.day("day", "Dato", required: true)
        let title = form.text("title").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = form.problems
        if title.isEmpty { problems.append("Titel: skriv fx »Gennemgang 2026«.") }
        guard problems.isEmpty, let day else { return try await list(req, context, failed: FailedForm(id: "review", values: form.values, problems: problems)) }
        let review = CycleReviewMinutes(id: OfferContext.newKey(), day: day, title: title)
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, "gennemgang »\(title)« oprettet") { store in
            try await store.offers.save(review, offer: offerID, kind: .cycleReview, key: review.id, by: user)
        }
        return context.saved(req, "Gennemgangen »\(title)« er oprettet.", to: context.base + "/gennemgang/\(review.id)")
    }

    private func review(_ req: Request, _ context: OfferContext) async throws -> CycleReviewMinutes {
        guard let key = req.parameters.get("review"),
              let r = try await req.store.offers.current(CycleReviewMinutes.self, offer: context.offerID, kind: .cycleReview, key: key) else { throw Abort(.notFound) }
        return r.value
    }

    @Sendable func show(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .read)
        let review = try await review(req, context)
        let page = try await CycleReviewPage(req, context, review)
        return try await req.renderPage("offer-cycle-review", page, chrome: page.chrome)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var review = try await review(req, context)
        var form = FormReader(req)
        for (p, phase) in CycleReview.phases.enumerated() {
            for q in phase.questions.indices {
                let key = CycleReviewMinutes.key(phase: p + 1, question: q + 1)
                let answer = CycleReview.Answer(experiences: form.text("e\(key)").trimmingCharacters(in: .whitespacesAndNewlines),
                                                actions: form.text("a\(key)").trimmingCharacters(in: .whitespacesAndNewlines))
                review.answers[key] = answer.experiences.isEmpty && answer.actions.isEmpty ? nil : answer
            }
        }
        let saved = review, offerID = context.offerID, user = context.account.username
        try await context.audited(req, "gennemgang »\(saved.title)« gemt") { store in
            try await store.offers.save(saved, offer: offerID, kind: .cycleReview, key: saved.id, by: user)
        }
        return context.saved(req, "Gennemgangen er gemt: \(saved.answered) af \(CycleReview.phases.reduce(0) { $0 + $1.questions.count }) spørgsmål har svar.", to: context.base + "/gennemgang/\(saved.id)")
    }

    /// Opens a draft of a new version of the theory of change with the review's follow-up actions in its minutes.
    @Sendable func openTheory(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        let review = try await review(req, context)
        let offerID = context.offerID, user = context.account.username
        let latest = try await req.store.offers.versions(TheoryOfChange.self, offer: offerID, kind: .theory, key: "map").last?.value
        var draft = try await req.store.offers.current(TheoryOfChange.self, offer: offerID, kind: .theoryDraft, key: "map")?.value ?? latest ?? TheoryOfChange()
        let actions = CycleReview.phases.enumerated().flatMap { p, phase in
            phase.questions.indices.compactMap { q in review.answers[CycleReviewMinutes.key(phase: p + 1, question: q + 1)]?.actions.nonEmpty.map { "\(phase.title): \($0)" } }
        }
        let note = "Fra gennemgangen »\(review.title)« \(review.day.danish):" + (actions.isEmpty ? " ingen opfølgende handlinger skrevet." : "\n" + actions.map { "- \($0)" }.joined(separator: "\n"))
        draft.minutes = draft.minutes.isEmpty ? note : draft.minutes + "\n\n" + note
        let changed = draft
        try await context.audited(req, "forandringsteoriens kladde åbnet fra gennemgang") { store in
            try await store.offers.save(changed, offer: offerID, kind: .theoryDraft, key: "map", by: user)
        }
        return context.saved(req, "En kladde til en ny version af forandringsteorien er åbnet med gennemgangens opfølgende handlinger i referatet.", to: context.base + "/forandringsteori")
    }
}
