import Testing
@testable import RoretCore

/// The offer's loop, self-evaluation rounds, maturity evidence, citizen
/// journeys and planning documents (issue 12), on hand-made values.
@Suite struct SelfEvaluationRoundTests {
    @Test func answersAreCheckedAndSummarisedAndTheTrendReversesO5() {
        var complete: [String: Int?] = [:]
        for item in SelfEvaluation.items { complete[item.id] = 3 }
        #expect(SelfEvaluationRound.problems(in: complete).isEmpty)
        var broken = complete
        broken["S1"] = nil as Int??
        broken["K1"] = 7
        broken["O5"] = Int?.none
        #expect(SelfEvaluationRound.problems(in: broken) == ["S1: vælg et svar (eller »Ved ikke«).", "K1: svaret skal være fra 1 til 5."], "Ved ikke is an answer")
        // Three respondents on O5: 5, 4 and Ved ikke → counts, one Ved ikke, median 4,5 as answered.
        let round = SelfEvaluationRound(id: "r", title: "Forår", opened: day("2026-03-01"),
                                        answers: ["a": ["O5": 5], "b": ["O5": 4], "c": ["O5": Int?.none]])
        let s = round.summary(of: "O5")
        #expect(s.counts == [0, 0, 0, 1, 1] && s.dontKnow == 1 && s.median == 4.5)
        // Trend: spring Organisering O1 4, O5 5 → (4 + 1) / 2 = 2,5; autumn O1 4, O5 1 → (4 + 5) / 2 = 4,5; Strategi agreed as Ved ikke → no score.
        let spring = SelfEvaluationRound(id: "a", title: "Forår", opened: day("2026-03-01"), agreed: ["O1": .init(score: 4), "O5": .init(score: 5), "S1": .init(score: nil)])
        let autumn = SelfEvaluationRound(id: "b", title: "Efterår", opened: day("2026-09-01"), agreed: ["O1": .init(score: 4), "O5": .init(score: 1)])
        let trend = Dictionary(uniqueKeysWithValues: SelfEvaluationRound.trend([autumn, spring]).map { ($0.dimension, $0.scores) })
        #expect(trend["Organisering"]! == [2.5, 4.5], "oldest first")
        #expect(trend["Strategi"]! == [nil, nil])
        #expect(!spring.isAgreed)
        var all = SelfEvaluationRound(id: "c", title: "x", opened: day("2026-01-01"))
        for item in SelfEvaluation.items { all.agreed[item.id] = .init(score: nil) }
        #expect(all.isAgreed, "every item agreed, even as Ved ikke")
    }
}

@Suite struct MaturityTests {
    let facts = Maturity.Facts(citizens: 7, withTwoMeasurements: 3, withGoals: 6, withGoalReviews: 0, agreedRounds: 1, theoryVersions: 2, indicatorsChosen: 3, measurementPlanSaved: true)

    @Test func evidenceIsShownToStaffAndWithheldForReadersWhenSmall() {
        let staff = Maturity.evidence(facts, personLevel: true)
        #expect(staff.count == 5)
        #expect(staff[0] == ["To eller flere målinger: 3 af 7 borgere (42,9 %)"])
        #expect(staff[1] == ["Mål i planen: 6 af 7 borgere (85,7 %)", "Mål fulgt op: 0 af 7 borgere (0,0 %)"])
        // A reader: 3 of 7 is a small count; 6 of 7 leaves 1 (the rest is small); 0 of 7 has nothing small (0 is no person) and is shown.
        let reader = Maturity.evidence(facts, personLevel: false)
        #expect(reader[0] == ["To eller flere målinger: «..» (skjult: færre end 5 borgere)"])
        #expect(reader[1] == ["Mål i planen: «..» (skjult: færre end 5 borgere)", "Mål fulgt op: 0 af 7 borgere (0,0 %)"])
        // 10 of 20: nothing small, shown to readers too.
        var big = facts
        (big.citizens, big.withTwoMeasurements, big.withGoals) = (20, 10, 20)
        #expect(Maturity.evidence(big, personLevel: false)[0] == ["To eller flere målinger: 10 af 20 borgere (50,0 %)"])
        #expect(Maturity.evidence(big, personLevel: false)[1][0] == "Mål i planen: 20 af 20 borgere (100,0 %)", "0 left over is not a small count")
        #expect(Maturity(reached: 6).problems == ["Modenhed: vælg et trin fra 0 til 5."] && Maturity(reached: 0).problems.isEmpty)
        #expect(Maturity.uses.count == 5 && Maturity.uses[4] == "Strategisk ledelsesredskab")
    }
}

@Suite struct MaturityFactsTests {
    func file(_ id: String, answers: [(String, Int?)] = [], goals: Int = 0, reviewedOn: String? = nil) -> CaseFile {
        CaseFile(recordID: id, municipality: "265", caseworker: "s", createdOn: day("2026-01-01"),
                 history: CaseHistory(events: reviewedOn.map { [CaseEvent(day: day($0), by: "s", fact: .review(GoalReview(goalID: 1, citizenTookPart: true, citizensView: nil, nextFollowUpOn: nil, note: "")))] } ?? []),
                 goals: GoalLedger(versions: (0..<goals).map { GoalVersion(goalID: $0 + 1, version: 1, parentGoalID: nil, text: "g", horizon: .shortTerm, status: .active, followUpOn: nil,
                                                                               changedOn: day("2026-02-01"), changedBy: "s", servesHopes: []) }),
                 answers: answers.enumerated().map { AnswerFact(id: "\(id)\($0.offset)", instrument: .who5, answeredOn: day($0.element.0), score: $0.element.1) },
                 measurementStart: day("2026-01-01"))
    }

    @Test func theFactsCountTheOffersCitizensOnTheDay() {
        // A: two scored answers by 1 June; B: two answers, one unscored; C: the second answer after the day; D: none, a goal reviewed in May.
        let files = [file("A", answers: [("2026-01-10", 40), ("2026-05-01", 60)], goals: 2),
                     file("B", answers: [("2026-01-10", 40), ("2026-05-01", nil)], goals: 1, reviewedOn: "2026-05-02"),
                     file("C", answers: [("2026-01-10", 40), ("2026-07-01", 60)]),
                     file("D", reviewedOn: "2026-07-15")]
        let theory = TheoryOfChange(boxes: [.init(id: "B1", column: .activities, text: "a"), .init(id: "B2", column: .immediate, text: "b", indicator: "WHO-5"), .init(id: "B3", column: .longTerm, text: "c")])
        let f = Maturity.facts(files: files, on: day("2026-06-01"), agreedRounds: 2, theory: theory, theoryVersions: 3, measurementPlanSaved: false)
        #expect(f == Maturity.Facts(citizens: 4, withTwoMeasurements: 1, withGoals: 2, withGoalReviews: 1, agreedRounds: 2, theoryVersions: 3, indicatorsChosen: 1, measurementPlanSaved: false))
    }
}

@Suite struct OfferLoopTests {
    @Test func theChecklistsAreTheHandbooks() {
        #expect(LoopPhase.allCases.map(\.checklist.count) == [6, 3, 8, 4, 6, 5, 0])
        #expect(LoopPhase.clarification.checklist[2] == "Er opgaver, ansvar og roller for arbejdet med dokumentation veldefinerede og velkendte blandt personalet?")
        #expect(LoopPhase.analysis.checklist[3] == "Har I afklaret, hvilke niveauer der skal afrapporteres på (fx medarbejder-, team- og/eller tilbudsniveau)?")
        #expect(LoopPhase.allCases.map(\.danishName) == ["Afklaring", "Beskrivelse af metoder og indsatser", "Planlægning", "Indsamling", "Analyse og rapportering", "Anvendelse", "Opfølgning"])
    }

    @Test func theOfferStandsAtTheFirstPhaseNotDone() {
        var p = OfferProgress()
        #expect(p.current == .clarification && p.produced(.clarification).isEmpty)
        p.agreedRounds = 1
        p.maturityRecorded = true
        #expect(p.current == .clarification, "the checklist is not ticked yet")
        p.ticked[.clarification] = 6
        #expect(p.current == .description)
        #expect(p.produced(.clarification) == ["1 afsluttet selvevaluering", "Modenhed vurderet"])
        (p.interventions, p.theoryVersions, p.journeys) = (2, 1, 0)
        p.ticked[.description] = 3
        #expect(p.current == .planning && p.produced(.description) == ["2 indsatser beskrevet", "1 version af forandringsteorien"])
        (p.strategyElements, p.measurementPlanSaved, p.collectionAgreements) = (1, true, 13)
        p.ticked[.planning] = 8
        #expect(p.current == .planning, "13 of 14 agreements")
        p.collectionAgreements = 14
        #expect(p.current == .collection && p.produced(.planning) == ["1 element med strategi for dokumentation", "Målepunkter fastlagt", "Dataindsamlingsplan: 14 af 14 aftaler"])
        // Part 2: answers (collection and analysis), a learning meeting (use), a review (the last phase, no checklist).
        p.ticked[.collection] = 4
        p.ticked[.analysis] = 6
        #expect(p.current == .collection, "no answers yet")
        (p.answers, p.goalsFollowedUp) = (1, 1)
        #expect(p.current == .use && p.produced(.collection) == ["1 besvarelse indsamlet", "1 mål fulgt op"])
        #expect(p.produced(.collection, withholdingSmallCounts: true) == ["«..» besvarelser indsamlet", "«..» mål fulgt op"], "1–4 withheld for readers")
        p.answers = 5
        #expect(p.produced(.collection, withholdingSmallCounts: true) == ["5 besvarelser indsamlet", "«..» mål fulgt op"])
        p.answers = 1
        (p.learningMeetings, p.decisions) = (1, 2)
        p.ticked[.use] = 5
        #expect(p.current == .followUp && p.produced(.use) == ["1 læringsmøde holdt", "2 beslutninger gjort til handlinger"] && !p.isDone(.followUp))
        p.cycleReviews = 1
        #expect(p.isDone(.followUp) && p.current == .followUp && p.produced(.followUp) == ["1 gennemgang af hele processen"])
    }
}

@Suite struct CitizenJourneyTests {
    @Test func aJourneyNamesItsTimePointsAndOnlyAConcreteOneACitizen() {
        var j = CitizenJourney(id: "j", title: "Typisk forløb", kind: .typical, columns: ["Opstart", "3 måneder", "Afslutning"], documentationPoints: [0, 2], usePoints: [1])
        #expect(j.problems.isEmpty && j.cells.count == 6 && j.cells[5].count == 3)
        #expect(j.documentationPointNames == ["Opstart", "Afslutning"])
        #expect(j.cell(9, 9) == "")
        j.pseudonym = "P1"
        j.columns[1] = " "
        j.documentationPoints.insert(5)
        #expect(j.problems == ["Tidspunkt 2: skriv et navn (fx »Uge 1«).", "Borger: kun en konkret borgers rejse nævner en borger.", "Markeringer: et markeret tidspunkt findes ikke."])
        let concrete = CitizenJourney(id: "k", title: "", kind: .concrete, columns: [])
        #expect(concrete.problems == ["Titel: skriv en titel på rejsen.", "Tidspunkter: tilføj mindst ét tidspunkt.", "Borger: vælg den borger, rejsen handler om."])
        #expect(CitizenJourney.lanes.first == "Aktiviteter med borgeren" && CitizenJourney.lanes.last == "Dokumentation")
    }
}

@Suite struct OfferPlanningTests {
    @Test func anOwnInstrumentIsScoredAsTheSumOnItsScale() {
        let own = OfferInstrument(id: "h", name: "Hverdagsskema", kind: .simple, purpose: .measurement, collectionForm: .dialogue, validated: false,
                                  items: ["Handler ind", "Laver mad", "Holder hjemmet", "Kommer ud"], scaleMin: 1, scaleMax: 5)
        #expect(own.problems.isEmpty && own.sumRange == 4...20)
        #expect(own.sumScore([1, 5, 3, 2]) == 11)
        #expect(own.sumScore([1, 5, 3]) == nil && own.sumScore([0, 5, 3, 2]) == nil, "every item on the scale")
        let bad = OfferInstrument(id: "x", name: " ", kind: .simple, purpose: .measurement, collectionForm: .dialogue, validated: false, items: [], scaleMin: 5, scaleMax: 5)
        #expect(bad.problems == ["Navn: skriv redskabets navn.", "Spørgsmål: skriv mindst ét spørgsmål (ét pr. linje).", "Svarskala: den laveste værdi skal være mindre end den højeste (0–100)."])
        let gas = OfferInstrument(id: "g", name: "Målopfyldelse", kind: .goalAttainment, purpose: .goalDialogue, collectionForm: .dialogue, validated: false)
        #expect(gas.categories.count == 6 && gas.categories[5] == "6. Mål om fastholdelse/stabilisering – ikke nået" && gas.sumRange == nil)
        #expect(InstrumentCatalogue(own: [own]).all.map(\.id) == ["who5", "inspireo", "h"], "WHO-5 and Brief INSPIRE-O from the start")
    }

    @Test func thePlansCountTheirAgreementsAndCheckTheirFields() {
        #expect(DataCollectionPlan.questions.count == 14 && DataCollectionPlan.questions[7].question == "It-krav")
        #expect(DataCollectionPlan(agreements: [1: "Alle", 2: " ", 15: "x"]).agreed == 1)
        #expect(MeasurementPlan(points: MeasurementPoints(followUpMonths: nil, afterEndMonths: nil), atPhaseChanges: false, instruments: []).problems
            == ["Opfølgningsmåling: vælg et interval i måneder eller opfølgning ved faseskift.", "Redskaber: vælg mindst ét redskab."])
        #expect(MeasurementPlan(points: MeasurementPoints(followUpMonths: nil, afterEndMonths: nil), atPhaseChanges: true).problems.isEmpty)
        #expect(AnnualPlan.problems(.init(id: "e", month: 13, kind: .report, text: "")) == ["Måned: vælg en måned.", "Tekst: skriv hvad der sker."])
        let plan = AnnualPlan(events: [.init(id: "a", month: 3, kind: .measurement, text: "Målinger"), .init(id: "b", month: 6, kind: .meeting, text: "Møde"), .init(id: "c", month: 3, kind: .report, text: "Rapport")])
        #expect(plan.events(in: 3).map(\.id) == ["a", "c"] && plan.events(in: 12).isEmpty)
        #expect(DocumentationStrategy(answers: ["B2": ["a", "b", "c"], "B3": ["a", "", "c"]]).complete == 1)
    }

    @Test func theMapsIdsRowsAndRemovals() {
        let t = TheoryOfChange(boxes: [.init(id: "B1", column: .activities, row: "Indsats på tilbuddet", text: "a"), .init(id: "B3", column: .immediate, text: "b"),
                                       .init(id: "B2", column: .longTerm, row: "Unge", text: "c")],
                               arrows: [.init(from: "B1", to: "B3", mechanism: "m"), .init(from: "B3", to: "B2", mechanism: "n")])
        #expect(t.nextBoxID == "B4" && t.rows == ["", "Indsats på tilbuddet", "Unge"])
        let without = t.removing(box: "B3")
        #expect(without.boxes.map(\.id) == ["B1", "B2"] && without.arrows.isEmpty)
        #expect(without.nextBoxID == "B3")
    }
}
