import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Planlægning* (one page, five parts).
struct PlanningPage: Encodable {
    struct Element: Encodable {
        struct Question: Encodable {
            var name: String
            var label: String
            var text: String
        }

        var id: String
        var title: String
        var questions: [Question]
    }

    struct Instrument: Encodable {
        var name: String
        var kind: String
        var purpose: String
        var targetGroups: String
        var collectionForm: String
        var validated: String
        var training: String
        var content: String
    }

    struct Due: Encodable {
        var kind: String
        var day: String
    }

    struct Question: Encodable {
        var number: Int
        var question: String
        var prompts: String
        var agreement: String
    }

    struct Month: Encodable {
        struct Event: Encodable {
            var id: String
            var kind: String
            var text: String
        }

        var name: String
        var events: [Event]
        var hasEvents: Bool
    }

    var chrome: Chrome
    var base: String
    var name: String
    var canEdit: Bool
    var elements: [Element]
    var hasElements: Bool
    var strategyQuestions: [String]
    var instruments: [Instrument]
    var instrumentForm: FormModel
    var gasForm: FormModel
    var gasCategories: [String]
    var pointsForm: FormModel
    var planSaved: Bool
    var atPhaseChanges: Bool
    var planSummary: [String]
    var example: [Due]
    var exampleText: String
    var questions: [Question]
    var collectionAgreed: String
    var months: [Month]
    var eventForm: FormModel

    static func key(_ kind: OfferDocumentKind) -> String {
        switch kind {
        case .strategy: "strategy"
        case .instruments: "catalogue"
        default: "plan"
        }
    }

    /// The elements of the theory the strategy is written for: the result
    /// boxes of the latest saved version (the draft's before any is saved).
    static func elements(_ dossier: OfferDossier) -> [TheoryOfChange.Box] {
        (dossier.theory.last?.value ?? dossier.draft).boxes.filter { $0.column != .activities }
    }

    init(_ req: Request, _ context: OfferContext, failed: FailedForm?) async throws {
        let dossier = try await OfferDossier(req, context.offerID)
        chrome = try Chrome(req, title: "Planlægning · \(context.offer.name)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        canEdit = context.canEdit
        let strategyValues = failed?.id == "strategy" ? failed!.values : [:]
        elements = Self.elements(dossier).map { box in
            let answers = dossier.strategy.answers[box.id] ?? ["", "", ""]
            return Element(id: box.id, title: "\(box.id): \(box.text)", questions: DocumentationStrategy.questions.enumerated().map { i, q in
                Element.Question(name: "q\(i)-\(box.id)", label: q, text: strategyValues["q\(i)-\(box.id)"] ?? (answers.indices.contains(i) ? answers[i] : ""))
            })
        }
        hasElements = !elements.isEmpty
        strategyQuestions = DocumentationStrategy.questions
        instruments = dossier.instruments.all.map { i in
            Instrument(name: i.name, kind: i.kind == .standard ? "Standard" : i.kind == .simple ? "Eget redskab" : "Målopfyldelsesskala", purpose: i.purpose.danishName,
                       targetGroups: i.targetGroups, collectionForm: i.collectionForm.danishName, validated: i.validated ? "Ja" : "Nej", training: i.training,
                       content: i.kind == .simple ? "\(i.items.count) spørgsmål, svar \(i.scaleMin)–\(i.scaleMax), sumscore \(i.sumRange.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "")"
                           : i.kind == .goalAttainment ? "Seks kategorier ved hver opfølgning" : "Se instrumentbeskrivelsen")
        }
        let purposes = OfferInstrument.Purpose.allCases.map { ($0.rawValue, $0.danishName) }
        let forms = OfferInstrument.CollectionForm.allCases.map { ($0.rawValue, $0.danishName) }
        instrumentForm = FormModel(id: "instrument", values: ["purpose": "measurement", "collectionForm": "professional", "scaleMin": "1", "scaleMax": "5"],
                                   options: ["purpose": purposes, "collectionForm": forms], failed: failed)
        gasForm = FormModel(id: "gas", values: ["purpose": "goalDialogue", "collectionForm": "dialogue"], options: ["purpose": purposes, "collectionForm": forms], failed: failed)
        gasCategories = GoalAttainment.allCases.map { "\($0.rawValue). \($0.danishName)" }
        let plan = dossier.measurementPlan?.value ?? MeasurementPlan()
        planSaved = dossier.measurementPlan != nil
        let journeyPoints = dossier.journeys.flatMap { j in j.value.documentationPointNames.map { "\(j.value.title): \($0)" } }
        pointsForm = FormModel(id: "points", values: ["followUpMonths": plan.points.followUpMonths.map(String.init) ?? "", "afterEndMonths": plan.points.afterEndMonths.map(String.init) ?? "",
                                                      "atPhaseChanges": plan.atPhaseChanges ? "ja" : "", "instruments": plan.instruments.joined(separator: "\n"),
                                                      "fromJourneys": plan.fromJourneys.joined(separator: "\n")],
                               options: ["instruments": dossier.instruments.all.map { ($0.id, $0.name) }, "fromJourneys": journeyPoints.map { ($0, $0) }], failed: failed)
        atPhaseChanges = pointsForm.values["atPhaseChanges"] == "ja"
        planSummary = MeasurementPoints.Kind.allCases.map { kind in
            switch kind {
            case .start: "Opstartsmåling: ved forløbets start"
            case .followUp: "Opfølgningsmåling: " + ([plan.points.followUpMonths.map { "hver \($0). måned" }, plan.atPhaseChanges ? "ved faseskift" : nil].compactMap { $0 }.joined(separator: " og "))
            case .end: "Afslutningsmåling: ved forløbets afslutning"
            case .afterEnd: "Måling efter afslutning: " + (plan.points.afterEndMonths.map { "\($0) måneder efter" } ?? "ingen")
            }
        } + (plan.fromJourneys.isEmpty ? [] : ["Fra borgerrejser: " + plan.fromJourneys.joined(separator: "; ")])
            + ["Redskaber: " + dossier.instruments.all.filter { plan.instruments.contains($0.id) }.map(\.name).joined(separator: ", ")]
        let start = DanishDate.today
        let end = start.adding(months: 12)
        example = plan.points.due(start: start, end: end, through: end).map { Due(kind: $0.kind.danishName, day: $0.day.danish) }
        exampleText = "Et forløb, der begynder i dag (\(start.danish)) og slutter efter 12 måneder (\(end.danish)):"
        let collectionValues = failed?.id == "collection" ? failed!.values : [:]
        questions = DataCollectionPlan.questions.enumerated().map { i, q in
            Question(number: i + 1, question: q.question, prompts: q.prompts, agreement: collectionValues["q\(i + 1)"] ?? dossier.collectionPlan.agreements[i + 1] ?? "")
        }
        collectionAgreed = "\(dossier.collectionPlan.agreed) af \(DataCollectionPlan.questions.count)"
        months = AnnualPlan.months.enumerated().map { i, m in
            let events = dossier.annualPlan.events(in: i + 1).map { Month.Event(id: $0.id, kind: $0.kind.danishName, text: $0.text) }
            return Month(name: m, events: events, hasEvents: !events.isEmpty)
        }
        eventForm = FormModel(id: "event", values: ["month": "1", "kind": "measurement"],
                              options: ["month": AnnualPlan.months.enumerated().map { (String($0.offset + 1), $0.element) }, "kind": AnnualPlan.Kind.allCases.map { ($0.rawValue, $0.danishName) }],
                              failed: failed)
    }
}
