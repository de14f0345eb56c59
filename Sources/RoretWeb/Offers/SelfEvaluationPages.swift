import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Afklaring*: the rounds, the trend, and the maturity ladder.
struct ClarificationPage: Encodable {
    struct Round: Encodable {
        var href: String
        var title: String
        var date: String
        var respondents: Int
        var agreed: String
    }

    struct Trend: Encodable {
        var dimension: String
        var scores: [String]
    }

    struct Use: Encodable {
        var number: Int
        var name: String
        var reached: Bool
        var checked: Bool
        var evidence: [String]
        var note: String
        var shownNote: String?
    }

    var chrome: Chrome
    var base: String
    var name: String
    var canEdit: Bool
    var rounds: [Round]
    var hasRounds: Bool
    var trendHeads: [String]
    var trend: [Trend]
    var hasTrend: Bool
    var roundForm: FormModel
    var uses: [Use]
    var maturityForm: FormModel
    var noneChecked: Bool
    var maturityText: String

    init(_ req: Request, _ context: OfferContext, failed: FailedForm?) async throws {
        let dossier = try await OfferDossier(req, context.offerID)
        chrome = try Chrome(req, title: "Afklaring · \(context.offer.name)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        canEdit = context.canEdit
        rounds = dossier.rounds.map { r in
            Round(href: context.base + "/selvevaluering/\(r.key)", title: r.value.title, date: r.value.opened.danish, respondents: r.value.answers.count,
                  agreed: "\(r.value.agreed.count) af \(SelfEvaluation.items.count)")
        }
        hasRounds = !rounds.isEmpty
        let agreedRounds = dossier.rounds.map(\.value).filter { !$0.agreed.isEmpty }
        trendHeads = agreedRounds.map(\.title)
        trend = SelfEvaluationRound.trend(agreedRounds).map { t in
            Trend(dimension: t.dimension, scores: t.scores.map { $0.map { DanishFormat.decimal($0, decimals: 1) } ?? "–" })
        }
        hasTrend = !agreedRounds.isEmpty
        roundForm = FormModel(id: "round", values: ["opened": DanishDate.today.description], failed: failed)
        let citizens = try await req.store.citizens.withActiveIntervention(at: context.offerID, on: DanishDate.today)
        let files = try await req.store.cases.files(of: citizens)
        let facts = Maturity.facts(files: files, on: DanishDate.today, agreedRounds: dossier.rounds.filter(\.value.isAgreed).count, theory: dossier.theory.last?.value,
                                   theoryVersions: dossier.theory.count, measurementPlanSaved: dossier.measurementPlan != nil)
        let evidence = Maturity.evidence(facts, personLevel: context.canEdit)
        let maturity = dossier.maturity?.value ?? Maturity()
        var values = ["reached": String(maturity.reached)]
        for (use, note) in maturity.notes { values["note\(use)"] = note }
        let form = FormModel(id: "maturity", values: values, failed: failed)
        maturityForm = form
        let reached = Int(form.values["reached"] ?? "") ?? 0
        uses = Maturity.uses.enumerated().map { i, name in
            Use(number: i + 1, name: name, reached: i + 1 <= maturity.reached, checked: i + 1 == reached, evidence: evidence[i], note: form.values["note\(i + 1)"] ?? "",
                shownNote: maturity.notes[i + 1])
        }
        noneChecked = reached == 0
        maturityText = dossier.maturity == nil ? "Ikke vurderet endnu." : maturity.reached == 0 ? "Ingen af de fem anvendelser er nået endnu."
            : "Tilbuddet er nået til \(maturity.reached). \(Maturity.uses[maturity.reached - 1])."
    }
}

/// One self-evaluation round: my answers, the group's summary, the agreement.
struct SelfEvaluationPage: Encodable {
    struct Dimension: Encodable {
        var name: String
        var score: String
        var items: [Item]
    }

    struct Item: Encodable {
        struct Option: Encodable {
            var value: String
            var label: String
            var mine: Bool
            var agreed: Bool
        }

        var id: String
        var theme: String
        var text: String
        var reversed: Bool
        var options: [Option]
        var counts: String
        var median: String
        var agreedScore: String
        var assessment: String
        var development: String
        var hasDevelopment: Bool
    }

    var chrome: Chrome
    var base: String
    var name: String
    var title: String
    var action: String
    var date: String
    var canEdit: Bool
    var answered: Bool
    var showSummary: Bool
    var respondents: Int
    var agreedCount: String
    var dimensions: [Dimension]
    var answerForm: FormModel
    var agreeForm: FormModel
    var hasDevelopments: Bool
    var today: String

    init(_ req: Request, _ context: OfferContext, _ round: SelfEvaluationRound, failed: FailedForm?) throws {
        chrome = try Chrome(req, title: "Selvevaluering · \(round.title)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        title = round.title
        action = context.base + "/selvevaluering/" + round.id
        date = round.opened.danish
        canEdit = context.canEdit
        let mine = round.answers[context.account.username]
        answered = mine != nil
        showSummary = mine != nil || !context.canEdit
        respondents = round.answers.count
        agreedCount = "\(round.agreed.count) af \(SelfEvaluation.items.count)"
        var answerValues: [String: String] = [:], agreeValues: [String: String] = [:]
        for item in SelfEvaluation.items {
            if let a = mine?[item.id] { answerValues["a-\(item.id)"] = a.map(String.init) ?? "vedikke" }
            if let g = round.agreed[item.id] {
                agreeValues["s-\(item.id)"] = g.score.map(String.init) ?? "vedikke"
                agreeValues["v-\(item.id)"] = g.assessment
                agreeValues["u-\(item.id)"] = g.development
            }
        }
        answerForm = FormModel(id: "answer", values: answerValues, failed: failed, open: mine == nil)
        agreeForm = FormModel(id: "agree", values: agreeValues, failed: failed)
        let scores = Dictionary(uniqueKeysWithValues: SelfEvaluation.dimensionScores(agreed: round.agreedScores).map { ($0.dimension, $0.score) })
        let (a, g) = (answerForm.values, agreeForm.values)
        dimensions = SelfEvaluation.dimensions.map { d in
            Dimension(name: d, score: scores[d].flatMap { $0 }.map { DanishFormat.decimal($0, decimals: 1) } ?? "–",
                      items: SelfEvaluation.items.filter { $0.dimension == d }.map { item in
                let s = round.summary(of: item.id)
                let options = (1...5).map { v in
                    Item.Option(value: String(v), label: "\(v) \(SelfEvaluation.labels[v]!)", mine: a["a-\(item.id)"] == String(v), agreed: g["s-\(item.id)"] == String(v))
                } + [Item.Option(value: "vedikke", label: "Ved ikke", mine: a["a-\(item.id)"] == "vedikke", agreed: g["s-\(item.id)"] == "vedikke")]
                let agreed = round.agreed[item.id]
                return Item(id: item.id, theme: item.theme, text: item.text, reversed: item.reversed, options: options,
                            counts: (1...5).map { "\($0): \(s.counts[$0 - 1])" }.joined(separator: " · ") + " · Ved ikke: \(s.dontKnow)",
                            median: s.median.map { DanishFormat.decimal($0, decimals: 1) } ?? "–",
                            agreedScore: agreed.map { $0.score.map { "\($0) \(SelfEvaluation.labels[$0]!)" } ?? "Ved ikke" } ?? "Ikke aftalt",
                            assessment: g["v-\(item.id)"] ?? "", development: g["u-\(item.id)"] ?? "", hasDevelopment: !(agreed?.development.isEmpty ?? true))
            })
        }
        hasDevelopments = round.agreed.values.contains { !$0.development.isEmpty }
        today = DanishDate.today.adding(days: 30).description
    }
}
