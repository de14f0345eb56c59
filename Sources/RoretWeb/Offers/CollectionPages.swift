import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Indsamling*: the offer's citizens with their due and overdue measurements.
struct CollectionPage: Encodable {
    struct Citizen: Encodable {
        var href: String
        var pseudonym: String
        var intervention: String
        var overdue: String
        var next: String
        var hasOverdue: Bool
    }

    var chrome: Chrome
    var base: String
    var name: String
    var citizens: [Citizen]
    var hasCitizens: Bool
    var planNote: String?
    let canEdit = true

    init(_ req: Request, _ context: OfferContext) async throws {
        chrome = try Chrome(req, title: "Indsamling · \(context.offer.name)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        let today = DanishDate.today
        let plan = try await req.store.offers.current(MeasurementPlan.self, offer: context.offerID, kind: .measurementPlan, key: "plan")?.value
        planNote = plan == nil ? "Tilbuddet har ikke fastlagt sine målepunkter endnu (Planlægning); forfaldne målinger vises, når de er fastlagt." : nil
        let answers = try await req.store.offers.current(OfferAnswer.self, offer: context.offerID, kind: .answer).map(\.value)
        let enrolments = Dictionary(try await req.store.offers.current(Enrolment.self, offer: context.offerID, kind: .enrolment).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let spells = try await req.store.citizens.spells(atOffer: context.offerID).filter { $0.isActive(on: today) || ($0.end.map { $0.adding(months: 7) >= today } ?? false) }
        var rows: [Citizen] = []
        for spell in spells {
            guard let record = try await req.store.citizens.find(id: spell.citizenID), try await req.may(.read, record) else { continue }
            let id = spell.citizenID.uuidString
            let due = plan.map { CollectionDue.items(plan: $0, start: spell.start, end: spell.end, answers: answers.filter { $0.citizen == id }, today: today) } ?? []
            let overdue = due.filter { $0.state == .overdue }
            let next = due.first { $0.state == .soon }
            let enrolment = enrolments[id]
            rows.append(Citizen(href: context.base + "/indsamling/\(id)", pseudonym: record.pseudonym,
                                intervention: context.offer.interventions.first { $0.id == enrolment?.intervention }.map { $0.name + (enrolment?.subGroup.map { ", \($0)" } ?? "") } ?? "Ikke tilknyttet",
                                overdue: overdue.isEmpty ? "Ingen" : overdue.map { "\($0.kind.danishName) \($0.day.danish)" }.joined(separator: "; "),
                                next: next.map { "\($0.kind.danishName) \($0.day.danish)" } ?? "–", hasOverdue: !overdue.isEmpty))
        }
        citizens = rows.sorted { ($0.hasOverdue ? 0 : 1, $0.pseudonym) < ($1.hasOverdue ? 0 : 1, $1.pseudonym) }
        hasCitizens = !citizens.isEmpty
    }
}

/// One citizen at the offer: enrolment, answers (the citizen's and staff's side by side), goals, and the forms.
struct CollectionCitizenPage: Encodable {
    struct Answer: Encodable {
        var day: String
        var point: String
        var instrument: String
        var score: String
        var method: String
        var respondent: String
    }

    struct SideBySide: Encodable {
        var instrument: String
        var citizen: String
        var staff: String
    }

    struct InstrumentForm: Encodable {
        struct Item: Encodable {
            var name: String
            var text: String
            var options: [Choice]
        }

        var id: String
        var name: String
        var items: [Item]
        var form: FormModel
        /// A citizen-completed instrument: the citizen may answer it through a personal link.
        var linkForm: FormModel?
    }

    struct Curve: Encodable {
        var instrument: String
        var svg: String
        var points: [String]
    }

    struct Goal: Encodable {
        var id: String
        var text: String
        var kind: String
        var followUps: [String]?
        var latest: String
        var statuses: [Choice]
        var form: FormModel
    }

    var chrome: Chrome
    var base: String
    var name: String
    var citizenID: String
    var pseudonym: String
    var course: String
    var due: [String]?
    var enrolForm: FormModel
    var answers: [Answer]
    var hasAnswers: Bool
    var sideBySide: [SideBySide]
    var hasSideBySide: Bool
    var instruments: [InstrumentForm]
    var goals: [Goal]
    var hasGoals: Bool
    var goalForm: FormModel
    var today: String
    let canEdit = true
    /// When the last status report to the authority was sent.
    var lastReport: String
    /// A personal link just made: shown once.
    var newLink: String?
    /// Ways to send a link besides the screen: to the contact the citizen gave with consent, by channels set up.
    var linkVia: [Choice]
    var hasLinkVia: Bool
    /// The citizen's scores over time, one chart per instrument with at least two scores.
    var curves: [Curve]
    var hasCurves: Bool

    init(_ req: Request, _ context: OfferContext, citizen record: RoretStore.Citizen, spells: [CitizenIntervention], failed: FailedForm?) async throws {
        let id = record.id.uuidString
        let today = DanishDate.today
        chrome = try Chrome(req, title: "Indsamling · \(record.pseudonym)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        citizenID = id
        pseudonym = record.pseudonym
        linkVia = LinkMessage.options(try await req.store.contacts.contact(of: record.id)?.contact, channels: req.roret.configuration.messaging.channels)
        hasLinkVia = !linkVia.isEmpty
        self.today = today.description
        let spell = spells.last!
        course = "Forløb fra \(spell.start.danish)" + (spell.end.map { " til \($0.danish)" } ?? ", i gang")
        let catalogue = try await req.store.offers.current(InstrumentCatalogue.self, offer: context.offerID, kind: .instruments, key: "catalogue")?.value ?? InstrumentCatalogue()
        let all = try await req.store.offers.current(OfferAnswer.self, offer: context.offerID, kind: .answer).map(\.value).filter { $0.citizen == id }.sorted { $0.day < $1.day }
        let plan = try await req.store.offers.current(MeasurementPlan.self, offer: context.offerID, kind: .measurementPlan, key: "plan")?.value
        let dueItems = plan.map { CollectionDue.items(plan: $0, start: spell.start, end: spell.end, answers: all, today: today).map { "\($0.kind.danishName) \($0.day.danish): \($0.state.danishName)" } } ?? []
        due = dueItems.isEmpty ? nil : dueItems
        let enrolment = try await req.store.offers.current(Enrolment.self, offer: context.offerID, kind: .enrolment, key: id)?.value
        enrolForm = FormModel(id: "enrol", values: ["intervention": enrolment?.intervention ?? "", "subGroup": enrolment?.subGroup ?? ""],
                              options: ["intervention": [("", "(ingen)")] + context.offer.interventions.map { ($0.id, $0.name) },
                                        "subGroup": [("", "(ingen)")] + context.offer.interventions.flatMap { i in i.subGroups.map { ($0, "\(i.name): \($0)") } }],
                              failed: failed)
        let names = Dictionary(catalogue.all.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        answers = all.reversed().map { a in
            Answer(day: a.day.danish, point: a.point.danishName, instrument: names[a.instrument] ?? a.instrument, score: a.score.map { DanishFormat.decimal($0, decimals: 0) } ?? "ufuldstændig",
                   method: a.method.danishName, respondent: a.respondent.danishName)
        }
        hasAnswers = !answers.isEmpty
        // The citizen's own rating and the staff's of the same instrument, the latest of each.
        sideBySide = catalogue.all.compactMap { i in
            let mine = all.last { $0.instrument == i.id && $0.respondent == .citizen }, staff = all.last { $0.instrument == i.id && $0.respondent == .staff }
            guard mine != nil && staff != nil else { return nil }
            func text(_ a: OfferAnswer?) -> String { a.map { "\($0.score.map { DanishFormat.decimal($0, decimals: 0) } ?? "ufuldstændig") (\($0.day.danish))" } ?? "–" }
            return SideBySide(instrument: i.name, citizen: text(mine), staff: text(staff))
        }
        hasSideBySide = !sideBySide.isEmpty
        let points = MeasurementPoints.Kind.allCases.map { ($0.rawValue, $0.danishName) }
        let methods = CollectionMethod.allCases.map { ($0.rawValue, $0.danishName) }, respondents = Respondent.allCases.map { ($0.rawValue, $0.danishName) }
        instruments = catalogue.all.filter(\.isAnswered).map { i in
            let form = FormModel(id: "answer-\(i.id)", values: ["day": today.description, "point": MeasurementPoints.Kind.followUp.rawValue,
                                                                 "method": i.collectionForm == .selfCompleted ? CollectionMethod.questionnaire.rawValue : CollectionMethod.dialogueInterview.rawValue,
                                                                 "respondent": i.collectionForm == .selfCompleted ? Respondent.citizen.rawValue : Respondent.staff.rawValue],
                                 options: ["point": points, "method": methods, "respondent": respondents], failed: failed)
            return InstrumentForm(id: i.id, name: i.name, items: i.itemTexts.enumerated().map { n, text in
                InstrumentForm.Item(name: "item\(n + 1)", text: text, options: [Choice(value: "", label: "(ikke besvaret)", selected: (form.values["item\(n + 1)"] ?? "").isEmpty)]
                                    + i.options.map { Choice(value: String($0.value), label: $0.label, selected: form.values["item\(n + 1)"] == String($0.value)) })
            }, form: form, linkForm: i.collectionForm == .selfCompleted
                ? FormModel(id: "link-\(i.id)", values: ["point": MeasurementPoints.Kind.followUp.rawValue], options: ["point": points], failed: failed) : nil)
        }
        curves = catalogue.all.compactMap { i in
            let scored = all.filter { $0.instrument == i.id && $0.score != nil }
            guard scored.count >= 2 else { return nil }
            return Curve(instrument: i.name, svg: CitizenCurve.draw(scored, instrument: i, title: "\(i.name) for \(record.pseudonym) over tid"),
                         points: scored.map { "\($0.day.danish): \(DanishFormat.decimal($0.score!, decimals: 0)) (\($0.point.danishName.lowercased()), \($0.respondent.danishName.lowercased()))" })
        }
        hasCurves = !curves.isEmpty
        lastReport = try await req.store.offers.current(StatusReportSent.self, offer: context.offerID, kind: .statusReport, key: id)
            .map { "Seneste statusrapport blev sendt \($0.value.day.danish)." } ?? "Der er ikke sendt en statusrapport endnu."
        let goalDocs = try await req.store.offers.current(OfferGoal.self, offer: context.offerID, kind: .goal).map(\.value).filter { $0.citizen == id }
        goals = goalDocs.map { g in
            Goal(id: g.id, text: g.text, kind: g.kind.danishName, followUps: g.followUps.isEmpty ? nil : g.followUps.map { "\($0.day.danish): \($0.status.danishName)\($0.note.isEmpty ? "" : " — \($0.note)")" },
                 latest: g.status(on: today)?.danishName ?? "Ikke fulgt op",
                 statuses: g.kind.categories.map { Choice(value: String($0.rawValue), label: $0.danishName) },
                 form: FormModel(id: "followup-\(g.id)", values: ["day": today.description], failed: failed))
        }
        hasGoals = !goals.isEmpty
        let planGoals = try await req.store.plans.goals(of: record.id).currentGoals
        goalForm = FormModel(id: "goal", values: ["kind": OfferGoal.Kind.development.rawValue],
                             options: ["kind": OfferGoal.Kind.allCases.map { ($0.rawValue, $0.danishName) }, "planGoal": [("", "(intet mål i handleplanen)")] + planGoals.map { (String($0.goalID), $0.text) }],
                             failed: failed)
    }
}
