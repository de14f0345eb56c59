import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Opfølgning*: the offer's reviews of the whole cycle and the form for a new one.
struct CycleReviewsPage: Encodable {
    struct Review: Encodable {
        var href: String
        var title: String
        var day: String
        var answered: String
    }

    var chrome: Chrome
    var base: String
    var name: String
    var canEdit: Bool
    var reviews: [Review]
    var hasReviews: Bool
    var form: FormModel

    init(_ req: Request, _ context: OfferContext, reviews: [CycleReviewMinutes], failed: FailedForm?) throws {
        chrome = try Chrome(req, title: "Opfølgning · \(context.offer.name)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        canEdit = context.canEdit
        let total = CycleReview.phases.reduce(0) { $0 + $1.questions.count }
        self.reviews = reviews.sorted { $0.day > $1.day }.map {
            Review(href: context.base + "/gennemgang/\($0.id)", title: $0.title, day: $0.day.danish, answered: "\($0.answered) af \(total)")
        }
        hasReviews = !self.reviews.isEmpty
        form = FormModel(id: "review", values: ["day": DanishDate.today.description, "title": "Gennemgang \(DanishDate.today.year)"], failed: failed)
    }
}

/// One review: per phase Roret's evidence and the handbook's questions with experiences and actions.
struct CycleReviewPage: Encodable {
    struct Question: Encodable {
        var key: String
        var text: String
        var experiences: String
        var actions: String
    }

    struct Phase: Encodable {
        var title: String
        var evidence: [String]
        var hasEvidence: Bool
        var table: OfferReportTable?
        var questions: [Question]
    }

    var chrome: Chrome
    var base: String
    var name: String
    var canEdit: Bool
    var title: String
    var day: String
    var action: String
    var printHref: String
    var phases: [Phase]

    init(_ req: Request, _ context: OfferContext, _ review: CycleReviewMinutes) async throws {
        chrome = try Chrome(req, title: "\(review.title) · \(context.offer.name)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        canEdit = context.canEdit
        title = review.title
        day = review.day.danish
        action = context.base + "/gennemgang/\(review.id)"
        printHref = action + "?udskriv=1"
        let dossier = try await OfferDossier(req, context.offerID)
        let progress = dossier.progress(context.offer)
        let results = try await OfferResults(req, context)
        let meetings = dossier.learningMeetings
        let theory = dossier.theory.last?.value
        let evidence = TargetGroupEvidence(theoryTargetGroup: theory?.targetGroup, interventions: context.offer.interventions, courses: results.courses)
        let decided = Set(meetings.flatMap { $0.decisions.map(\.actionID) })
        let decisionActions = dossier.actions.filter { decided.contains($0.key) }
        let facts: [LoopPhase: [String]] = [
            .analysis: ["Rapporterne til medarbejdere, team, ledelse og socialtilsynet dannes af de samme tal (Rapporter)"],
            .use: decisionActions.isEmpty ? [] : ["Af beslutningerne er \(decisionActions.filter(\.value.done).count) af \(decisionActions.count) udført"],
        ]
        phases = CycleReview.phases.enumerated().map { p, phase in
            let lines = progress.produced(phase.phase, withholdingSmallCounts: !context.canEdit) + (facts[phase.phase] ?? [])
            return Phase(title: phase.title, evidence: lines, hasEvidence: !lines.isEmpty,
                         table: phase.phase == .description ? OfferReport.servedTable(evidence, personLevel: context.canEdit) : nil,
                         questions: phase.questions.enumerated().map { q, text in
                let key = CycleReviewMinutes.key(phase: p + 1, question: q + 1)
                return Question(key: key, text: text, experiences: review.answers[key]?.experiences ?? "", actions: review.answers[key]?.actions ?? "")
            })
        }
    }
}
