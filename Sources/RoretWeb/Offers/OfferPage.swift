import Foundation
import RoretCore
import RoretStore
import Vapor

/// The offer's start page (*tilbuddets forside*).
struct OfferPage: Encodable {
    struct Phase: Encodable {
        struct Check: Encodable {
            var index: Int
            var text: String
            var ticked: Bool
        }

        var number: Int
        var name: String
        var current: Bool
        var done: Bool
        var status: String
        var produced: [String]
        var hasProduced: Bool
        var href: String?
        var checklist: [Check]
        var hasChecklist: Bool
        var tickedText: String
    }

    struct Intervention: Encodable {
        var id: String
        var name: String
        var fields: [Field]
        var subGroups: String?
        var f: FormModel
    }

    struct NewIntervention: Encodable {
        var f: FormModel
    }

    struct Field: Encodable {
        var label: String
        var text: String
    }

    struct Action: Encodable {
        var id: String
        var text: String
        var owner: String
        var due: String
        var done: Bool
        var source: String
    }

    var chrome: Chrome
    var base: String
    var name: String
    var municipality: String
    var paragraphs: String
    var leader: String
    var staff: String
    var canEdit: Bool
    var currentPhase: String
    var phases: [Phase]
    var interventions: [Intervention]
    var hasInterventions: Bool
    var newIntervention: [NewIntervention]
    var actions: [Action]
    var hasActions: Bool
    var actionForm: FormModel

    static func paragraphs(_ offer: Offer) -> String {
        offer.paragraphs.isEmpty ? "Ikke angivet" : offer.paragraphs.map { p in
            let step = Staircase.standard.step(of: p)
            return "§ \(p.code)" + (step > 0 ? " (trin \(step))" : "")
        }.joined(separator: ", ")
    }

    static let interventionLabels: [(String, String)] = [
        ("targetGroup", "Målgruppe – hvem er i den?"), ("notInTargetGroup", "Hvem er ikke i målgruppen?"), ("goals", "Mål"), ("activities", "Aktiviteter"),
        ("mechanisms", "Virkende mekanismer"), ("researchBasis", "Vidensgrundlag: forskning og evaluering"), ("practiceBasis", "Vidensgrundlag: praksiserfaring"),
        ("citizensBasis", "Vidensgrundlag: borgerne"),
    ]

    init(_ req: Request, _ context: OfferContext, failed: FailedForm?) async throws {
        let offer = context.offer
        let dossier = try await OfferDossier(req, context.offerID)
        let names = try await req.accountNames()
        let progress = dossier.progress(offer)
        chrome = try Chrome(req, title: offer.name, active: "/tilbud")
        base = context.base
        name = offer.name
        municipality = offer.municipality
        paragraphs = Self.paragraphs(offer)
        leader = offer.leader.map { names[$0] ?? $0 } ?? "Ikke angivet"
        let staffAccounts = try await req.store.offers.staff(of: context.offerID).filter { !$0.isDisabled }
        staff = staffAccounts.isEmpty ? "Ingen endnu" : staffAccounts.map(\.displayName).joined(separator: ", ")
        canEdit = context.canEdit
        currentPhase = "\(progress.current.rawValue). \(progress.current.danishName)"
        let links: [LoopPhase: String] = [.clarification: "/selvevaluering", .description: "/forandringsteori", .planning: "/planlaegning", .analysis: "/rapporter", .use: "/laering", .followUp: "/gennemgang"]
            .merging(context.canEdit ? [.collection: "/indsamling"] : [:]) { a, _ in a }
        phases = LoopPhase.allCases.map { phase in
            let ticked = Set(dossier.ticked[phase] ?? [])
            let produced = progress.produced(phase, withholdingSmallCounts: !context.canEdit)
            let done = progress.isDone(phase)
            return Phase(number: phase.rawValue, name: phase.danishName, current: phase == progress.current, done: done,
                         status: done ? "Gennemført" : phase == progress.current ? "I gang" : "Ikke gennemført",
                         produced: produced, hasProduced: !produced.isEmpty, href: links[phase].map { context.base + $0 },
                         checklist: phase.checklist.enumerated().map { Phase.Check(index: $0.offset, text: $0.element, ticked: ticked.contains($0.offset)) },
                         hasChecklist: !phase.checklist.isEmpty, tickedText: "\(ticked.count) af \(phase.checklist.count)")
        }
        interventions = offer.interventions.map { i in
            let values = ["id": i.id, "name": i.name, "targetGroup": i.targetGroup, "notInTargetGroup": i.notInTargetGroup, "subGroups": i.subGroups.joined(separator: "\n"),
                          "goals": i.goals, "activities": i.activities, "mechanisms": i.mechanisms, "researchBasis": i.researchBasis,
                          "practiceBasis": i.practiceBasis, "citizensBasis": i.citizensBasis]
            return Intervention(id: i.id, name: i.name, fields: Self.interventionLabels.map { Field(label: $0.1, text: values[$0.0] ?? "") }.filter { !$0.text.isEmpty },
                                subGroups: i.subGroups.isEmpty ? nil : i.subGroups.joined(separator: ", "), f: FormModel(id: "intervention-\(i.id)", values: values, failed: failed))
        }
        hasInterventions = !interventions.isEmpty
        newIntervention = [NewIntervention(f: FormModel(id: "intervention-new", values: [:], failed: failed))]
        actions = dossier.actions.sorted { ($0.value.done ? 1 : 0, $0.value.due ?? Day(rawValue: .max)) < ($1.value.done ? 1 : 0, $1.value.due ?? Day(rawValue: .max)) }.map { a in
            Action(id: a.key, text: a.value.text, owner: a.value.owner, due: a.value.due?.danish ?? "Ingen frist", done: a.value.done, source: a.value.source)
        }
        hasActions = !actions.isEmpty
        actionForm = FormModel(id: "action", values: [:], failed: failed)
    }
}
