import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Statusrapport til myndigheden*: what an offer has documented for one
/// citizen in the last six months — goals with their attainment, and the
/// answers collected — shown in the caseworker's record of that citizen.
struct OfferStatusReport: Encodable {
    struct Goal: Encodable {
        var text: String
        var kind: String
        var status: String
        var planGoal: String?
    }

    struct Answer: Encodable {
        var day: String
        var instrument: String
        var point: String
        var score: String
        var respondent: String
    }

    var offer: String
    var period: String
    var goals: [Goal]
    var hasGoals: Bool
    var answers: [Answer]
    var hasAnswers: Bool

    /// The reports of every offer the citizen has had a course at, for the record's caseworker.
    static func reports(_ req: Request, citizen: Citizen, spells: [CitizenIntervention], planGoals: [Int: String]) async throws -> [OfferStatusReport] {
        let today = DanishDate.today, from = today.adding(months: -6)
        let id = citizen.id.uuidString
        var out: [OfferStatusReport] = []
        for offerID in Array(Set(spells.compactMap(\.offerID))).sorted(by: { $0.uuidString < $1.uuidString }) {
            guard let offer = try await req.store.offers.find(offerID) else { continue }
            let goals = try await req.store.offers.current(OfferGoal.self, offer: offerID, kind: .goal).map(\.value).filter { $0.citizen == id }
            let answers = try await req.store.offers.current(OfferAnswer.self, offer: offerID, kind: .answer).map(\.value).filter { $0.citizen == id && $0.day >= from }.sorted { $0.day > $1.day }
            guard !goals.isEmpty || !answers.isEmpty else { continue }
            let catalogue = try await req.store.offers.current(InstrumentCatalogue.self, offer: offerID, kind: .instruments, key: "catalogue")?.value ?? InstrumentCatalogue()
            let names = Dictionary(catalogue.all.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let reportGoals = goals.map { g in
                Goal(text: g.text, kind: g.kind.danishName, status: g.status(on: today)?.danishName ?? "Ikke fulgt op", planGoal: g.planGoalID.flatMap { planGoals[$0] })
            }
            let reportAnswers = answers.map { a in
                Answer(day: a.day.danish, instrument: names[a.instrument] ?? a.instrument, point: a.point.danishName,
                       score: a.score.map { DanishFormat.decimal($0, decimals: 0) } ?? "ufuldstændig", respondent: a.respondent.danishName)
            }
            out.append(OfferStatusReport(offer: offer.name, period: "\(from.danish)–\(today.danish)", goals: reportGoals, hasGoals: !reportGoals.isEmpty,
                                         answers: reportAnswers, hasAnswers: !reportAnswers.isEmpty))
        }
        return out
    }
}
