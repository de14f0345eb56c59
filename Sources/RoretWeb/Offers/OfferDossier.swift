import Foundation
import RoretCore
import RoretStore
import Vapor

/// Everything an offer's results documentation holds today, read once for a page.
struct OfferDossier {
    var rounds: [OfferDocument<SelfEvaluationRound>]
    var maturity: OfferDocument<Maturity>?
    var theory: [OfferDocument<TheoryOfChange>]
    var draft: TheoryOfChange
    var journeys: [OfferDocument<CitizenJourney>]
    var strategy: DocumentationStrategy
    var instruments: InstrumentCatalogue
    var measurementPlan: OfferDocument<MeasurementPlan>?
    var collectionPlan: DataCollectionPlan
    var annualPlan: AnnualPlan
    var ticked: [LoopPhase: [Int]]
    var actions: [OfferDocument<OfferAction>]
    var answerCount: Int
    var goalsFollowedUp: Int
    var learningMeetings: [LearningMeetingMinutes]
    var cycleReviews: Int

    init(_ req: Request, _ id: UUID) async throws {
        let offers = req.store.offers
        let answers = try await offers.current([String: Int?].self, offer: id, kind: .selfEvaluationAnswer)
        rounds = try await offers.current(SelfEvaluationRound.self, offer: id, kind: .selfEvaluation).map { doc in
            var doc = doc
            for a in answers where a.key.hasPrefix(doc.key + "/") { doc.value.answers[String(a.key.dropFirst(doc.key.count + 1))] = a.value }
            return doc
        }.sorted { ($0.value.opened, $0.key) < ($1.value.opened, $1.key) }
        maturity = try await offers.current(Maturity.self, offer: id, kind: .maturity, key: "maturity")
        theory = try await offers.versions(TheoryOfChange.self, offer: id, kind: .theory, key: "map")
        draft = try await offers.current(TheoryOfChange.self, offer: id, kind: .theoryDraft, key: "map")?.value ?? theory.last?.value ?? TheoryOfChange()
        journeys = try await offers.current(CitizenJourney.self, offer: id, kind: .journey)
        strategy = try await offers.current(DocumentationStrategy.self, offer: id, kind: .strategy, key: "strategy")?.value ?? DocumentationStrategy()
        instruments = try await offers.current(InstrumentCatalogue.self, offer: id, kind: .instruments, key: "catalogue")?.value ?? InstrumentCatalogue()
        measurementPlan = try await offers.current(MeasurementPlan.self, offer: id, kind: .measurementPlan, key: "plan")
        collectionPlan = try await offers.current(DataCollectionPlan.self, offer: id, kind: .collectionPlan, key: "plan")?.value ?? DataCollectionPlan()
        annualPlan = try await offers.current(AnnualPlan.self, offer: id, kind: .annualPlan, key: "plan")?.value ?? AnnualPlan()
        var ticked: [LoopPhase: [Int]] = [:]
        for phase in LoopPhase.allCases where !phase.checklist.isEmpty {
            ticked[phase] = try await offers.current([Int].self, offer: id, kind: .checklist, key: "phase-\(phase.rawValue)")?.value ?? []
        }
        self.ticked = ticked
        actions = try await offers.current(OfferAction.self, offer: id, kind: .action)
        answerCount = try await offers.current(OfferAnswer.self, offer: id, kind: .answer).count
        goalsFollowedUp = try await offers.current(OfferGoal.self, offer: id, kind: .goal).filter { !$0.value.followUps.isEmpty }.count
        learningMeetings = try await offers.current(LearningMeetingMinutes.self, offer: id, kind: .learningMeeting).map(\.value)
        cycleReviews = try await offers.current(CycleReviewMinutes.self, offer: id, kind: .cycleReview).count
    }

    func progress(_ offer: Offer) -> OfferProgress {
        var progress = OfferProgress(agreedRounds: rounds.filter(\.value.isAgreed).count, maturityRecorded: maturity != nil, interventions: offer.interventions.count,
                      theoryVersions: theory.count, journeys: journeys.count, strategyElements: strategy.complete, ownInstruments: instruments.own.count,
                      measurementPlanSaved: measurementPlan != nil, collectionAgreements: collectionPlan.agreed, annualEvents: annualPlan.events.count,
                      ticked: ticked.mapValues(\.count))
        progress.answers = answerCount
        progress.goalsFollowedUp = goalsFollowedUp
        progress.learningMeetings = learningMeetings.count
        progress.decisions = learningMeetings.reduce(0) { $0 + $1.decisions.count }
        progress.cycleReviews = cycleReviews
        return progress
    }
}
