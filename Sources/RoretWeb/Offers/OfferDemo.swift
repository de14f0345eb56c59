import Foundation
import RoretCore
import RoretStore

/// Two demo offers in Roskilde (*demotilbud*): the §85 home-support team
/// Bostedet Roskilde (where `udfoerer` works) and the §107 temporary
/// residence Skovvang (the demo's second provider, renamed), both led by
/// `udfoerer`, each with a self-evaluation, a theory of change in two
/// versions, a citizen journey, planning and a collection plan filled in.
enum OfferDemo {
    static let homeSupport = "Bostedet Roskilde"
    static let residence = "Skovvang, midlertidigt botilbud"

    static func seed(_ store: Store, today: Day) async throws {
        let municipality = DemoSeeder.municipality
        let bostedet = try await store.offers.ensure(municipality: municipality, name: homeSupport)
        let old = try await store.offers.ensure(municipality: municipality, name: "Støttecentret Roskilde")
        guard let bostedetID = UUID(uuidString: bostedet.id), let skovvangID = UUID(uuidString: old.id) else { return }
        _ = try await store.offers.update(bostedetID, name: homeSupport, paragraphs: [.p85], leader: "udfoerer")
        _ = try await store.offers.update(skovvangID, name: residence, paragraphs: [.p107], leader: "udfoerer")
        let pseudonym = try await store.citizens.withActiveIntervention(at: bostedetID, on: today).first?.pseudonym
        try await seed(store, offer: bostedetID, plan: homeSupportPlan, today: today, pseudonym: pseudonym, earlierRound: true)
        try await seed(store, offer: skovvangID, plan: residencePlan, today: today, pseudonym: nil, earlierRound: false)
        try await collected(store, offer: bostedetID, plan: homeSupportPlan, today: today)
        try await collected(store, offer: skovvangID, plan: residencePlan, today: today)
        for id in [bostedetID, skovvangID] {
            guard let offer = try await store.offers.find(id) else { continue }
            try await learning(store, offer: offer, id: id, today: today)
        }
    }

    /// Use and review (part 2): a learning meeting with the leadership report frozen and a decision on
    /// the action board, a review of the whole cycle, and a calibration session rated by two.
    static func learning(_ store: Store, offer: Offer, id: UUID, today: Day) async throws {
        let results = try await OfferResults(store, offer: offer, id: id)
        let tables = try await OfferResultTables(store, offer: offer, id: id, results, year: nil, personLevel: false).tables
        let day = today.adding(days: -21)
        let action = OfferAction(id: "laering-1", text: offer.name == homeSupport ? "Prøv følgeskab til netværkscaféen for alle nye borgere de første tre måneder"
                                    : "Aftal med boligselskabet om fast kontakt ved udflytning", owner: "Teamleder", due: today.adding(days: 45), source: "Læringsmøde \(day.danish)")
        try await store.offers.save(action, offer: id, kind: .action, key: action.id, by: "udfoerer")
        let meeting = LearningMeetingMinutes(id: "laering-1", day: day, participants: "Teamleder, fire medarbejdere og kommunens konsulent",
                                             reportTitle: "\(OfferReportKind.leadership.danishName), dannet \(day.danish)", report: tables, answers: [
            "1.0": "Vi så på årets resultater for alle borgere og pr. indsats.",
            "2.1": "Målgruppen passer, men flere kommer direkte fra indlæggelse end beskrevet.",
            "2.2": "Trivslen stiger for de fleste; færre når målene om fællesskaber.",
            "3.1": "Opfølgningsmålingerne glipper, når kontaktpersonen er på ferie.",
            "4.1": "Ja: følgeskab til fællesskaber skal starte tidligere i forløbet.",
        ], decisions: [.init(text: action.text, owner: action.owner, due: action.due, actionID: action.id)])
        try await store.offers.save(meeting, offer: id, kind: .learningMeeting, key: meeting.id, by: "udfoerer")
        let review = CycleReviewMinutes(id: "gennemgang-1", day: today.adding(days: -7), title: "Gennemgang \(today.year)", answers: [
            "2.2": .init(experiences: "Flere borgere end ventet kommer direkte fra indlæggelse.", actions: "Beskriv undergruppen »efter indlæggelse« i forandringsteorien."),
            "4.4": .init(experiences: "Omkring hver femte opfølgningsmåling blev forsinket.", actions: "Målinger i årshjulet og fast punkt på teammødet."),
            "6.1": .init(experiences: "Hverdagsskemaet bruges i samtalen, men ikke i rapporten.", actions: ""),
        ])
        try await store.offers.save(review, offer: id, kind: .cycleReview, key: review.id, by: "udfoerer")
        let calibration = Calibration(id: "kalibrering-1", title: "Kvinde i 30'erne, fire måneder i forløb", instrument: "hverdag")
        try await store.offers.save(calibration, offer: id, kind: .calibration, key: calibration.id, by: "udfoerer")
        try await store.offers.save([Int?]([4, 3, 2, 2]), offer: id, kind: .calibrationRating, key: "\(calibration.id)/udfoerer", by: "udfoerer")
        try await store.offers.save([Int?]([4, 2, 4, 2]), offer: id, kind: .calibrationRating, key: "\(calibration.id)/kollega", by: "kollega")
    }

    /// A year of collection (part 2): each citizen's enrolment, WHO-5 and the
    /// offer's own instrument at start, follow-up and end, and goals with follow-ups.
    static func collected(_ store: Store, offer: UUID, plan: Plan, today: Day) async throws {
        var dice = SplitMix64(seed: UInt64(plan.maturity) &* 7919)
        let spells = try await store.citizens.spells(atOffer: offer)
        for (n, spell) in spells.enumerated() {
            let citizen = spell.citizenID.uuidString
            let intervention = plan.interventions[n % plan.interventions.count]
            let sub = intervention.subGroups.isEmpty ? nil : intervention.subGroups[n % intervention.subGroups.count]
            try await store.offers.save(Enrolment(citizen: citizen, intervention: intervention.id, subGroup: sub), offer: offer, kind: .enrolment, key: citizen, by: "udfoerer")
            let start = max(spell.start, today.adding(days: -365))
            var points: [(MeasurementPoints.Kind, Day)] = [(.start, start)]
            if start.adding(months: 6) <= today { points.append((.followUp, start.adding(months: 6))) }
            if let end = spell.end, end <= today { points.append((.end, end)) }
            var who5 = Double(dice.inRange(24...52)), own = Double(dice.inRange(6...12))
            for (k, (point, day)) in points.enumerated() {
                if k > 0 { who5 = min(100, who5 + Double(dice.inRange(-8...20))); own = min(20, own + Double(dice.inRange(-1...4))) }
                // WHO-5: five items 0–5, the score is their sum × 4.
                let raw = min(25, Int(who5 / 4))
                let items: [Int?] = (0..<5).map { i in min(5, raw / 5 + (i < raw % 5 ? 1 : 0)) }
                try await store.offers.save(OfferAnswer(id: "\(citizen)-who5-\(k)", citizen: citizen, instrument: "who5", day: day, items: items, score: Double(raw * 4),
                                                        point: point, method: .questionnaire, respondent: .citizen, enteredBy: "udfoerer"),
                                            offer: offer, kind: .answer, key: "\(citizen)-who5-\(k)", by: "udfoerer")
                // The everyday form: four items 1–5 whose sum is the score.
                let sum = Int(own), everyday: [Int?] = (0..<4).map { i in min(5, max(1, sum / 4 + (i < sum % 4 ? 1 : 0))) }
                try await store.offers.save(OfferAnswer(id: "\(citizen)-hverdag-\(k)", citizen: citizen, instrument: "hverdag", day: day, items: everyday, score: Double(everyday.reduce(0) { $0 + ($1 ?? 0) }),
                                                        point: point, method: .dialogueInterview, respondent: .staff, enteredBy: "udfoerer"),
                                            offer: offer, kind: .answer, key: "\(citizen)-hverdag-\(k)", by: "udfoerer")
            }
            let kind: OfferGoal.Kind = dice.below(3) == 0 ? .stability : .development
            var goal = OfferGoal(id: "\(citizen)-1", citizen: citizen, text: kind == .development ? "Handle ind og lave mad selv" : "Blive boende i egen bolig", kind: kind)
            if points.count > 1 { goal.followUps.append(.init(day: points[1].1, status: kind.categories[dice.below(kind.categories.count)])) }
            try await store.offers.save(goal, offer: offer, kind: .goal, key: goal.id, by: "udfoerer")
        }
    }

    struct Plan {
        var interventions: [OfferIntervention]
        var theory: TheoryOfChange
        var secondVersion: (inout TheoryOfChange) -> Void
        var journey: CitizenJourney
        var maturity: Int
    }

    static func seed(_ store: Store, offer: UUID, plan: Plan, today: Day, pseudonym: String?, earlierRound: Bool) async throws {
        let by = "udfoerer"
        for i in plan.interventions { try await store.offers.save(i, offer: offer, kind: .intervention, key: i.id, by: by) }
        var dice = SplitMix64(seed: earlierRound ? 85 : 107)
        let rounds = earlierRound ? [("Første selvevaluering", today.adding(days: -300), 0), ("Anden selvevaluering", today.adding(days: -40), 1)] : [("Første selvevaluering", today.adding(days: -30), 0)]
        for (title, day, lift) in rounds {
            let key = "r\(day.rawValue)"
            var round = SelfEvaluationRound(id: key, title: title, opened: day)
            for respondent in ["udfoerer", "medarbejder-1", "medarbejder-2"] {
                var answers: [String: Int?] = [:]
                for item in SelfEvaluation.items { answers[item.id] = dice.below(12) == 0 ? .some(nil) : .some(min(5, 2 + lift + dice.inRange(0...2))) }
                try await store.offers.save(answers, offer: offer, kind: .selfEvaluationAnswer, key: "\(key)/\(respondent)", by: respondent)
            }
            for item in SelfEvaluation.items {
                let score = min(5, 2 + lift + dice.inRange(0...2))
                round.agreed[item.id] = .init(score: score, assessment: score <= 2 ? "Vi gør det kun af og til." : "Det fungerer for de fleste.",
                                              development: score <= 2 ? "Fast punkt på personalemødet om \(item.theme.lowercased())." : "")
            }
            try await store.offers.save(round, offer: offer, kind: .selfEvaluation, key: key, by: by)
        }
        try await store.offers.save(Maturity(reached: plan.maturity, notes: [1: "Vi måler WHO-5 ved start og hver 6. måned."]), offer: offer, kind: .maturity, key: "maturity", by: by)
        var theory = plan.theory
        try await store.offers.save(theory, offer: offer, kind: .theory, key: "map", by: by)
        plan.secondVersion(&theory)
        try await store.offers.save(theory, offer: offer, kind: .theory, key: "map", by: by)
        var journey = plan.journey
        try await store.offers.save(journey, offer: offer, kind: .journey, key: journey.id, by: by)
        if let pseudonym {
            journey = CitizenJourney(id: "konkret", title: "Borger \(pseudonym) det første halve år", kind: .concrete, pseudonym: pseudonym, columns: ["Visitation", "Opstart", "3 måneder", "6 måneder"],
                                     documentationPoints: [1, 3], usePoints: [2, 3])
            journey.cells[0] = ["Møde med sagsbehandler", "Første besøg hjemme", "Indkøb sammen", "Går selv i netværkscaféen"]
            journey.cells[5] = ["", "WHO-5 ved opstart", "", "WHO-5 og målopfølgning"]
            try await store.offers.save(journey, offer: offer, kind: .journey, key: journey.id, by: by)
        }
        let results = theory.boxes.filter { $0.column != .activities }
        try await store.offers.save(DocumentationStrategy(answers: Dictionary(uniqueKeysWithValues: results.map { ($0.id, [
            "Om borgerne oplever: \($0.text.lowercased())", "For at se om indsatsen virker", "Til samtalen med borgeren og til årsrapporten",
        ]) })), offer: offer, kind: .strategy, key: "strategy", by: by)
        let own = OfferInstrument(id: "hverdag", name: "Hverdagsskema", kind: .simple, purpose: .measurement, targetGroups: "Alle borgere i tilbuddet", collectionForm: .dialogue,
                                  validated: false, training: "En time på personalemødet",
                                  items: ["Jeg handler selv ind", "Jeg laver selv mad", "Jeg holder mit hjem", "Jeg kommer ud blandt andre"], scaleMin: 1, scaleMax: 5)
        let gas = OfferInstrument(id: "maal", name: "Målopfyldelse", kind: .goalAttainment, purpose: .goalDialogue, targetGroups: "Alle borgere med mål", collectionForm: .dialogue,
                                  validated: false, training: "Gennemgang af kategorierne", scaleMax: 6)
        let mine = OfferInstrument(id: "overskud", name: "Mit overskud", kind: .simple, purpose: .measurement, targetGroups: "Alle borgere i tilbuddet", collectionForm: .selfCompleted,
                                   validated: false, training: "Ingen; borgeren udfylder selv",
                                   items: ["Jeg har overskud til hverdagen", "Jeg føler mig tryg der, hvor jeg bor", "Jeg har nogen at tale med"], scaleMin: 1, scaleMax: 5)
        try await store.offers.save(InstrumentCatalogue(own: [own, mine, gas]), offer: offer, kind: .instruments, key: "catalogue", by: by)
        try await store.offers.save(MeasurementPlan(points: MeasurementPoints(followUpMonths: 6, afterEndMonths: 6), atPhaseChanges: true, instruments: ["who5", "hverdag", "maal"],
                                                    fromJourneys: journey.documentationPointNames.map { "\(journey.title): \($0)" }),
                                    offer: offer, kind: .measurementPlan, key: "plan", by: by)
        let agreements = ["Kontaktpersonen udfylder sammen med borgeren.", "Teamleder og kontaktperson.", "Kontaktpersonen kender mål og aftaler; teamleder godkender.",
                          "Ved opstart, hver 6. måned og ved afslutning.", "Dialog med borgeren; WHO-5 udfyldes af borgeren selv.", "Borgeren, og myndighed ved statusmøder.",
                          "Borgeren har det sidste ord om sine mål og ser altid resultatet.", "Roret på tablet; papir tastes ind samme uge.", "Ledelse og team.",
                          "Teamet: egne borgeres udvikling. Ledelsen: samlet billede.", "Udvikling af indsatserne.", "Resultatkortet med tal ved boksene.",
                          "Fast punkt på personalemødet hver måned.", "Teamlederen følger op hvert kvartal."]
        try await store.offers.save(DataCollectionPlan(agreements: Dictionary(uniqueKeysWithValues: agreements.enumerated().map { ($0.offset + 1, $0.element) })),
                                    offer: offer, kind: .collectionPlan, key: "plan", by: by)
        try await store.offers.save(AnnualPlan(events: [
            .init(id: "e1", month: 3, kind: .measurement, text: "Opfølgningsmålinger for alle borgere"),
            .init(id: "e2", month: 5, kind: .report, text: "Årsrapport til myndigheden"),
            .init(id: "e3", month: 6, kind: .meeting, text: "Lærings- og refleksionsmøde"),
            .init(id: "e4", month: 9, kind: .measurement, text: "Opfølgningsmålinger for alle borgere"),
            .init(id: "e5", month: 11, kind: .review, text: "Opfølgning på hele processen og ny selvevaluering"),
        ]), offer: offer, kind: .annualPlan, key: "plan", by: by)
        for phase in [LoopPhase.clarification, .description] {
            try await store.offers.save(Array(phase.checklist.indices), offer: offer, kind: .checklist, key: "phase-\(phase.rawValue)", by: by)
        }
        try await store.offers.save(Array(LoopPhase.planning.checklist.indices.prefix(5)), offer: offer, kind: .checklist, key: "phase-3", by: by)
        let action = OfferAction(id: "a1", text: "Fast punkt om data på personalemødet", owner: "Teamleder", due: today.adding(days: 30), source: "Selvevaluering · C2")
        try await store.offers.save(action, offer: offer, kind: .action, key: action.id, by: by)
    }

    static var homeSupportPlan: Plan { Plan(
        interventions: [
            OfferIntervention(id: "bostoette", name: "Bostøtte i eget hjem", targetGroup: "Voksne med psykiske vanskeligheder, der bor i egen bolig og har brug for støtte til hverdagen.",
                              notInTargetGroup: "Borgere med behov for døgnstøtte.", subGroups: ["Unge 18–29 år", "Voksne 30+"],
                              goals: "At borgeren mestrer sin hverdag og kommer ud blandt andre.", activities: "Samtaler, praktisk støtte, følgeskab til aktiviteter.",
                              mechanisms: "Tryghed i relationen giver mod til at prøve selv.", researchBasis: "Recovery-orienteret praksis; CTI.",
                              practiceBasis: "Ti års erfaring med bostøtte i Roskilde.", citizensBasis: "Borgerpanelets ønsker fra 2025."),
            OfferIntervention(id: "gruppe", name: "Gruppeforløb om mestring", targetGroup: "Borgere i bostøtte, der ønsker at mødes med andre.",
                              goals: "Fællesskab og redskaber til at håndtere symptomer.", activities: "Otte gruppemøder med peer-medarbejder.",
                              mechanisms: "At høre andres erfaringer giver håb.", practiceBasis: "Gode erfaringer fra 2024."),
        ],
        theory: TheoryOfChange(goals: "Borgerne skal leve det liv, de ønsker, i egen bolig.", targetGroup: "Voksne i egen bolig med bostøtte efter § 85.", boxes: [
            .init(id: "B1", column: .activities, row: "Indsats på tilbuddet", text: "Samtaler om hverdagen og borgerens egne mål"),
            .init(id: "B2", column: .activities, row: "Indsats på tilbuddet", text: "Praktisk støtte til indkøb, mad og økonomi"),
            .init(id: "B3", column: .immediate, row: "Indsats på tilbuddet", text: "Borgeren føler sig tryg og forstået", indicator: "Antal borgere"),
            .init(id: "B4", column: .mediumTerm, row: "Indsats på tilbuddet", text: "Borgeren klarer flere ting i hverdagen selv", indicator: "Hverdagsskema: score"),
            .init(id: "B5", column: .longTerm, row: "Indsats på tilbuddet", text: "Borgeren trives og har brug for mindre støtte", indicator: "WHO-5 Trivselsindeks: score"),
            .init(id: "B6", column: .activities, row: "Indsats i koordinering med eksterne parter", text: "Følgeskab til netværkscafé og jobcenter"),
            .init(id: "B7", column: .mediumTerm, row: "Indsats i koordinering med eksterne parter", text: "Borgeren deltager i fællesskaber uden for hjemmet", indicator: "Målopfyldelse: kategorier"),
        ], arrows: [
            .init(from: "B1", to: "B3", mechanism: "Relationen giver tryghed"),
            .init(from: "B2", to: "B4", mechanism: "Øvelse gør mester"),
            .init(from: "B3", to: "B4", mechanism: "Tryghed giver mod til at prøve selv"),
            .init(from: "B4", to: "B5", mechanism: "Mestring giver trivsel"),
            .init(from: "B6", to: "B7", mechanism: "Følgeskab sænker tærsklen"),
        ], minutes: "Udarbejdet på temadag med hele teamet."),
        secondVersion: { t in
            t.arrows.append(.init(from: "B7", to: "B5", mechanism: "Fællesskab giver trivsel", uncertain: true))
            t.gaps = "Vi ved ikke, om fællesskaberne holder, når støtten trappes ned."
        },
        journey: CitizenJourney(id: "typisk", title: "Typisk forløb i bostøtte", kind: .typical, columns: ["Visitation", "Opstart", "3 måneder", "6 måneder", "Afslutning"],
                                cells: [
                                    ["Møde med sagsbehandler", "Første besøg; mål i egne ord", "Ugentlige besøg", "Følgeskab til café", "Plan for tiden efter"],
                                    ["Ønsker at klare sig selv", "Usikker i nye situationer", "Mere overskud", "Har fået nye bekendte", "Klar til mindre støtte"],
                                    ["Forventningssamtale", "Opstartsmåling", "Målopfølgning", "Opfølgningsmåling", "Afslutningsmåling"],
                                    ["Bevilling § 85", "", "", "Statusmøde", "Opfølgning på bevilling"],
                                    ["", "", "Netværkscafé", "Jobcenter", ""],
                                    ["", "WHO-5, Hverdagsskema", "Målopfyldelse", "WHO-5, Hverdagsskema", "WHO-5, Hverdagsskema"],
                                ], documentationPoints: [1, 3, 4], usePoints: [2, 3, 4]),
        maturity: 2) }

    static var residencePlan: Plan { Plan(
        interventions: [
            OfferIntervention(id: "ophold", name: "Midlertidigt ophold med døgnstøtte", targetGroup: "Voksne, der for en periode ikke kan bo i egen bolig.",
                              notInTargetGroup: "Borgere med behov for varigt botilbud.", subGroups: ["Efter indlæggelse", "Efter hjemløshed"],
                              goals: "At borgeren kan flytte i egen bolig med bostøtte.", activities: "Døgnstøtte, træning i hverdagens opgaver, boligsøgning.",
                              mechanisms: "Struktur og tryghed giver overskud til at øve sig.", researchBasis: "Housing First-inspireret praksis.",
                              practiceBasis: "Erfaringer fra 40 udflytninger.", citizensBasis: "Beboermøder."),
        ],
        theory: TheoryOfChange(goals: "Borgerne flytter i egen bolig og bliver boende.", targetGroup: "Voksne i midlertidigt botilbud efter § 107.", boxes: [
            .init(id: "B1", column: .activities, text: "Træning i hverdagens opgaver"),
            .init(id: "B2", column: .activities, text: "Hjælp til boligsøgning"),
            .init(id: "B3", column: .immediate, text: "Borgeren har en fast døgnrytme", indicator: "Antal borgere"),
            .init(id: "B4", column: .mediumTerm, text: "Borgeren har en bolig klar", indicator: "Antal gennemførte forløb"),
            .init(id: "B5", column: .longTerm, text: "Borgeren bor i egen bolig med mindre støtte", indicator: "WHO-5 Trivselsindeks: score"),
        ], arrows: [
            .init(from: "B1", to: "B3", mechanism: "Struktur giver overskud"),
            .init(from: "B2", to: "B4", mechanism: "Hjælp gør boligsøgningen overskuelig"),
            .init(from: "B3", to: "B5", mechanism: "Rutiner holder i egen bolig"),
            .init(from: "B4", to: "B5", mechanism: "En bolig er forudsætningen"),
        ]),
        secondVersion: { t in
            t.boxes[3].uncertain = true
            t.gaps = "Boligmanglen i Roskilde: vi kan ikke selv skaffe boliger."
        },
        journey: CitizenJourney(id: "planlagt", title: "Planlagt forløb på Skovvang", kind: .planned, columns: ["Indflytning", "1 måned", "6 måneder", "Udflytning", "3 måneder efter"],
                                cells: [
                                    ["Velkomst og kontaktperson", "Fælles mål", "Boligsøgning", "Flytning", "Besøg fra bostøtten"],
                                    ["", "", "", "", ""],
                                    ["Opstartsmåling", "Plan for dagen", "Opfølgningsmåling", "Afslutningsmåling", "Måling efter afslutning"],
                                    ["Bevilling § 107", "", "Statusmøde", "Bevilling § 85", ""],
                                    ["Psykiatrien", "", "Boligselskab", "", ""],
                                    ["WHO-5", "", "WHO-5", "WHO-5", "WHO-5"],
                                ], documentationPoints: [0, 2, 3, 4], usePoints: [1, 2]),
        maturity: 1) }
}
