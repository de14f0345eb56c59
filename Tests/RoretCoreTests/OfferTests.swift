import Testing
@testable import RoretCore

/// The offers' self-evaluation, theory of change and measurement points (issue 12's Core).
@Suite struct SelfEvaluationTests {
    @Test func theItemsAreTheSpecsAndO5IsReversedBeforeAveraging() {
        #expect(SelfEvaluation.items.count == 24)
        #expect(SelfEvaluation.items.filter(\.reversed).map(\.id) == ["O5"])
        #expect(SelfEvaluation.labels[2] == "I ringe grad")
        // Organisering: O1 4, O2 2, O5 5 (a high risk) → (4 + 2 + (6 − 5)) / 3 = 7 / 3.
        let scores = Dictionary(uniqueKeysWithValues: SelfEvaluation.dimensionScores(agreed: ["O1": 4, "O2": 2, "O5": 5, "S1": 3]).map { ($0.dimension, $0.score) })
        #expect(abs(scores["Organisering"]!! - 7.0 / 3.0) < 1e-9)
        #expect(scores["Strategi"]!! == 3 && scores["Kultur"]! == nil)
        // "Ved ikke" (nil) is counted apart and left out of the median; the median is of the answers as given.
        let s = SelfEvaluation.summary([5, 4, nil, 1])
        #expect(s.counts == [1, 0, 0, 1, 1] && s.dontKnow == 1 && s.median == 4)
    }
}

@Suite struct TheoryOfChangeTests {
    func map(_ arrows: [TheoryOfChange.Arrow]) -> TheoryOfChange {
        TheoryOfChange(boxes: [
            .init(id: "a", column: .activities, text: "Samtaler om hverdagen"),
            .init(id: "b", column: .immediate, text: "Borgeren handler selv ind", indicator: "egen skala"),
            .init(id: "c", column: .longTerm, text: "Borgeren bor i egen bolig", indicator: "WHO-5"),
        ], arrows: arrows)
    }

    @Test func arrowsRunForwardUnlessMarkedAsFeedback() {
        #expect(map([.init(from: "a", to: "b", mechanism: "Tryghed"), .init(from: "b", to: "c", mechanism: "Mestring")]).problems.isEmpty)
        #expect(map([.init(from: "c", to: "a", mechanism: "x")]).problems == ["Pil c → a: går baglæns (fra »RESULTATER PÅ LANGT SIGT« til »AKTIVITETER«); markér den som en tilbagekobling, hvis det er meningen."])
        #expect(map([.init(from: "c", to: "a", mechanism: "x", feedback: true)]).problems.isEmpty)
        #expect(map([.init(from: "a", to: "z", mechanism: "x"), .init(from: "b", to: "b", mechanism: "x")]).problems
            == ["Pil a → z: begge ender skal være bokse på kortet.", "Pil b → b: en pil går fra én boks til en anden."])
        var bad = map([])
        bad.boxes.append(.init(id: "a", column: .activities, text: " ", indicator: "WHO-5"))
        #expect(bad.problems == ["Boks a: skriv teksten.", "Boks a: nummeret er brugt to gange.", "Boks a: en aktivitet har ingen indikator; indikatorer dokumenterer resultater."])
    }

    @Test func aSavedVersionNeverChanges() throws {
        var history = TheoryOfChangeHistory()
        let first = map([.init(from: "a", to: "b", mechanism: "Tryghed")])
        #expect(try history.save(first, on: day("2026-01-01"), by: "leder") == 1)
        #expect(throws: TheoryOfChangeRefused(problems: ["Intet er ændret; der er ikke gemt en ny version."])) { try history.save(first, on: day("2026-01-02"), by: "leder") }
        var second = first
        second.boxes[1].uncertain = true
        second.gaps = "Vi ved ikke, om samtalerne alene giver tryghed."
        #expect(try history.save(second, on: day("2026-02-01"), by: "leder") == 2)
        #expect(history.version(1) == first && history.current == second)
        #expect(throws: TheoryOfChangeRefused.self) { try history.save(map([.init(from: "c", to: "a", mechanism: "x")]), on: day("2026-03-01"), by: "leder") }
        #expect(history.versions.count == 2)
    }
}

@Suite struct MeasurementPointTests {
    @Test func dueDaysFromThePlan() {
        let plan = MeasurementPoints(followUpMonths: 6, afterEndMonths: 3)
        // Start 31 Jan; follow-ups 31 Jul, 31 Jan (and a phase change 15 Mar); end 1 Apr next year; after end 1 Jul.
        let due = plan.due(start: day("2025-01-31"), end: day("2026-04-01"), phaseChanges: [day("2026-03-15")], through: day("2026-12-31"))
        #expect(due.map(\.kind) == [.start, .followUp, .followUp, .followUp, .end, .afterEnd])
        #expect(due.map(\.day) == [day("2025-01-31"), day("2025-07-31"), day("2026-01-31"), day("2026-03-15"), day("2026-04-01"), day("2026-07-01")])
        // Running, follow-up at phase changes only: start and the changes up to today.
        let running = MeasurementPoints(followUpMonths: nil, afterEndMonths: nil).due(start: day("2026-01-01"), end: nil, phaseChanges: [day("2026-02-01"), day("2027-01-01")], through: day("2026-06-30"))
        #expect(running.map(\.kind) == [.start, .followUp] && running[1].day == day("2026-02-01"))
        #expect(GoalAttainment.allCases.count == 6 && GoalAttainment.stabilityNotReached.danishName == "Mål om fastholdelse/stabilisering – ikke nået")
    }
}

@Suite struct OfferAccessTests {
    let offer = Offer(id: "o1", municipality: "265", name: "Bostøtten Roskilde", paragraphs: [.p85, .p99], leader: "leder-bostoette")

    @Test func theOffersLeaderAndStaffEditMunicipalLeadersReadCitizensSeeNothing() {
        func may(_ role: Role, _ user: String, _ area: String = "265", offer offerID: String? = nil) -> (edit: Bool, read: Bool) {
            (AccessPolicy.mayEditOffer(role: role, username: user, area: area, offerID: offerID, offer),
             AccessPolicy.mayReadOffer(role: role, username: user, area: area, offerID: offerID, offer))
        }
        #expect(may(.provider, "udfoerer", offer: "o1") == (true, true))
        #expect(may(.provider, "udfoerer-2", offer: "o2") == (false, false), "staff of another offer")
        #expect(may(.provider, "udfoerer-3", "253", offer: "o1") == (false, false), "an account of another municipality")
        #expect(may(.provider, "leder-bostoette", offer: nil) == (true, true), "the offer's leader")
        #expect(may(.leader, "leder") == (false, true))
        #expect(may(.analyst, "analytiker-land", nationalArea) == (false, true))
        #expect(may(.leader, "leder-greve", "253") == (false, false))
        #expect(may(.caseworker, "sagsbehandler") == (false, false))
        #expect(may(.citizen, "borger") == (false, false))
        #expect(may(.citizen, "leder-bostoette") == (false, false), "a citizen account never edits, even one named as leader")
        #expect(offer.steps == [2], "§ 85 is step 2; § 99 is off the staircase")
    }
}
