import Foundation
import RoretCore
import RoretStore

/// Demo rounds and actions for Roskilde (*demodata for ledelsen*): two
/// rounds of each questionnaire, the group's agreed scores and reflection,
/// and open and finished actions with their signs, so a newcomer sees the
/// loop working.
enum LeadershipDemo {
    static let municipality = "265"

    static func seed(_ store: Store, today: Day) async throws {
        let l = store.leadership
        let citizens = try await store.citizens.all(municipality: municipality)
        let files = try await store.cases.files(of: citizens)
        func indicator(_ i: PracticeIndicator, on day: Day) -> Double? {
            PracticeIndicatorDisclosure.suppress(PracticeIndicators.table(files: files, on: [day])).first { $0.area == municipality && $0.indicator == i }?.percent
        }
        // Answers drift upwards from the first round to the second.
        for (kind, days) in [(QuestionnaireKind.evaluation, [today.adding(months: -7), today.adding(days: -20)]), (.temperature, [today.adding(months: -6), today.adding(days: -14)])] {
            for (n, day) in days.enumerated() {
                let round = try await l.openRound(kind, municipality: municipality, date: day, invitees: kind == .temperature ? ["sagsbehandler"] : [], by: "leder")
                let id = UUID(uuidString: round.id)!
                let respondents = kind == .temperature ? ["leder", "analytiker", "sagsbehandler"] : ["leder", "analytiker"]
                for (r, respondent) in respondents.enumerated() {
                    var answers: [String: ScaleAnswer] = [:]
                    for (i, item) in round.itemSet.items.enumerated() {
                        let base = 2 + (i * 7 + r * 3) % 3 + n
                        answers[item.id] = (i + r) % 11 == 5 ? .dontKnow : .value(ScaleValue(rawValue: min(5, base))!)
                    }
                    try await l.answer(round: id, respondent: respondent, answers)
                }
                // Prerequisites differ, and most move up between the rounds.
                let profile = [1, 3, 3, 2, 4, 3, 2, 3]
                for (i, item) in round.itemSet.items.enumerated() {
                    let base = kind == .temperature ? profile[min(i / 3, 7)] + (i % 3 == 2 ? 1 : 0) : 2 + (i * 5) % 3
                    let value = ScaleValue(rawValue: max(1, min(5, base + (n == 1 && i % 4 != 3 ? 1 : 0))))!
                    try await l.agree(round: id, item: item.id, AgreedScore(value: value, comment: i % 4 == 0 ? "Vi var enige efter en god drøftelse." : ""))
                }
                if kind == .temperature {
                    try await l.reflect(round: id, [
                        1: "Stærkest på inddragende sagsbehandling; svagest på politisk fokus og samarbejdet med regionen.",
                        2: "At borgernes håb bruges i planerne, men ikke altid med deres egne ord.",
                        3: "At kompetenceudviklingen ikke er nået ud til udførerne.",
                        4: "Politisk fokus og tæt samarbejde på tværs.",
                        5: "Lederen af myndighed tager et oplæg til udvalget; tovholderen aftaler et møde med regionen.",
                    ], by: "leder")
                }
            }
        }
        let rounds = try await l.rounds(.temperature, municipality: municipality)
        let first = rounds.first!, firstDay = first.date
        let actions: [(LeadershipAction, ActionStatus, String?)] = [
            (LeadershipAction(id: "", municipality: municipality, source: .temperature, sourceID: first.id, what: "Oplæg til socialudvalget om politiske mål for recovery-orienteret rehabilitering",
                              owner: "Leder af myndighed", involve: "Socialudvalget", followsUp: "Styregruppen",
                              sign: ActionSign(indicator: nil, area: nil, valueThen: nil, text: "Udvalget vedtager mål"), due: firstDay.adding(months: 3), agreedOn: firstDay),
             .done, "Oplægget blev behandlet i udvalget; målene er vedtaget."),
            (LeadershipAction(id: "", municipality: municipality, source: .temperature, sourceID: first.id, what: "Skriv borgernes håb med deres egne ord i alle nye sager",
                              owner: "Teamleder, myndighed", involve: "Sagsbehandlerne", followsUp: "Tovholderen",
                              sign: ActionSign(indicator: "I2", area: municipality, valueThen: indicator(.i2, on: firstDay), text: PracticeIndicator.i2.title),
                              due: today.adding(days: 30), agreedOn: firstDay),
             .inProgress, "Drøftet på teammødet; alle har fået en tjekliste."),
            (LeadershipAction(id: "", municipality: municipality, source: .evaluation, sourceID: first.id, what: "Følg op på målene til tiden — påmindelser til sagsbehandlerne",
                              owner: "Teamleder, myndighed", followsUp: "Analytikeren",
                              sign: ActionSign(indicator: "I7", area: municipality, valueThen: indicator(.i7, on: firstDay), text: PracticeIndicator.i7.title),
                              due: today.adding(days: -5), agreedOn: firstDay, remind: "leder"),
             .planned, nil),
            (LeadershipAction(id: "", municipality: municipality, source: .caseReview, sourceID: "demo", what: "Aftal en primær koordinator i sager med flere aktører",
                              owner: "Tovholderen", sign: ActionSign(indicator: "I13", area: municipality, valueThen: indicator(.i13, on: firstDay), text: PracticeIndicator.i13.title),
                              due: today.adding(months: 2), agreedOn: today.adding(days: -14)),
             .planned, nil),
        ]
        for (action, status, note) in actions {
            var saved = try await l.saveAction(action, note: nil, on: action.agreedOn, by: "leder")
            if status != .planned {
                saved.status = status
                try await l.saveAction(saved, note: note, on: min(today, action.agreedOn.adding(days: 40)), by: "leder")
            }
        }
        try await seedMeetings(store, files: files, today: today)
        try await seedCaseReview(store, files: files, today: today)
    }

    /// One completed review of ten cases: drawn with a shown seed, answered by
    /// the caseworker from what each record shows (a grant covers the other
    /// caseworker's cases).
    static func seedCaseReview(_ store: Store, files: [CaseFile], today: Day) async throws {
        let day = today.adding(days: -10)
        let eligible = CaseReview.eligible(files, municipality: municipality, on: day).compactMap { UUID(uuidString: $0.recordID) }
        let review = try await store.caseReviews.create(municipality: municipality, eligible: eligible, seed: 2026, on: day, by: "leder")
        try await store.caseReviews.grant(review: review.id, to: "sagsbehandler", until: today.adding(days: 14), by: "admin")
        let byID = Dictionary(files.map { ($0.recordID, $0) }, uniquingKeysWith: { a, _ in a })
        for id in review.sample {
            guard let file = byID[id.uuidString] else { continue }
            let s = file.snapshot(on: day)
            var answers: [Int: (ReviewAnswer, String)] = [:]
            for criterion in 1...CaseReview.criteria.count {
                answers[criterion] = CaseReview.prefill(criterion, s).map { ($0.answer, "") } ?? (criterion == 9 ? (.yes, "Første møde inden for to uger") : (.partly, "Drøftet med sagsbehandleren"))
            }
            try await store.caseReviews.answer(review: review.id, citizen: id, answers, by: "sagsbehandler")
        }
    }

    /// Two reflection meetings: the first gone through to its actions, the
    /// second prepared and picking them up in *Siden sidst*.
    static func seedMeetings(_ store: Store, files: [CaseFile], today: Day) async throws {
        func documentation(on day: Day) -> FrozenDocumentation {
            let rows = PracticeIndicatorDisclosure.suppress(PracticeIndicators.table(files: files, on: [day])).filter { $0.area == municipality || $0.area == nationalArea }
            return FrozenDocumentation(frozenOn: day, source: "Rorets sager pr. \(day.danish)", tables: [.init(
                title: "Praksisindikatorer pr. \(day.danish)", header: ["Indikator", "Roskilde", "Hele landet"],
                rows: PracticeIndicator.allCases.map { i in
                    ["\(i.code) \(i.title)"] + [municipality, nationalArea].map { area in PracticeIndicatorTable.value(rows.first { $0.area == area && $0.indicator == i }) }
                }, note: "»..« er skjult for at beskytte små grupper.")])
        }
        let people = [MeetingParticipant(username: "leder", role: .leader, meetingRole: "Tovholder"), MeetingParticipant(username: "analytiker", role: .analyst, meetingRole: "Analytiker"),
                      MeetingParticipant(username: "sagsbehandler", role: .caseworker, meetingRole: "Sagsbehandler"), MeetingParticipant(username: "borger", role: .citizen, meetingRole: "Borger")]
        let r = store.reflection
        let firstDay = today.adding(months: -2)
        let first = try await r.create(municipality: municipality, title: "Hvad fortæller praksisindikatorerne os?", date: firstDay, participants: people, documentation: documentation(on: firstDay), by: "leder")
        let id = UUID(uuidString: first.id)!
        func note(_ by: String, _ phase: ReflectionPhase, _ kind: ReflectionNoteKind, _ text: String, question: Int? = nil, observation: ObservationKind? = nil, theme: String? = nil) async throws -> ReflectionNote {
            try await r.write(ReflectionNote(id: "", author: by, phase: phase, kind: kind, question: question, observationKind: observation, themeID: theme, text: text, day: firstDay), in: id)
        }
        _ = try await note("sagsbehandler", .preparation, .preparation, "Vi følger for sjældent op på målene til tiden.", question: 1)
        _ = try await note("borger", .preparation, .preparation, "Jeg undrer mig over, hvorfor så få afslutter, fordi målene er nået.", question: 2)
        try await r.advance(id, to: .sinceLast)
        _ = try await note("leder", .sinceLast, .answer, "Vi aftalte at måle med WHO-5 i alle nye sager.", question: 1)
        try await r.advance(id, to: .explore)
        let theme = try await note("analytiker", .explore, .observation, "Kun fire af ti mål følges op til tiden.", observation: .challenge)
        _ = try await note("sagsbehandler", .explore, .observation, "Næsten alle borgere deltager i deres møder.", observation: .positive)
        try await r.advance(id, to: .interpret)
        _ = try await note("sagsbehandler", .interpret, .explanation, "Opfølgningsdatoerne bliver ikke sat i kalenderen.", theme: theme.id)
        try await r.advance(id, to: .prepareAction)
        _ = try await note("leder", .prepareAction, .answer, "At alle mål følges op inden for 14 dage.", question: 1)
        try await r.advance(id, to: .action)
        try await store.leadership.saveAction(LeadershipAction(id: "", municipality: municipality, source: .meeting, sourceID: first.id,
                                                              what: "Påmindelser om opfølgning på mål i sagsbehandlernes kalender", owner: "Teamleder, myndighed",
                                                              involve: "Sagsbehandlerne", followsUp: "Tovholderen",
                                                              sign: ActionSign(indicator: "I7", area: municipality, valueThen: PracticeIndicatorDisclosure.suppress(PracticeIndicators.table(files: files, on: [firstDay])).first { $0.area == municipality && $0.indicator == .i7 }?.percent, text: PracticeIndicator.i7.title),
                                                              due: today.adding(days: 20), agreedOn: firstDay), note: nil, on: firstDay, by: "leder")
        try await r.advance(id, to: .closed)
        _ = try await r.create(municipality: municipality, title: "Følger vi op til tiden nu?", date: today.adding(days: 3), participants: people, documentation: documentation(on: today), by: "leder")
    }
}
