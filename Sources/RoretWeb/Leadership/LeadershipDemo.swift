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
                              due: today.adding(days: -5), agreedOn: firstDay),
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
    }
}
