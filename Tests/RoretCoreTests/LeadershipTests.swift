import Testing
@testable import RoretCore

/// Rounds, their summaries and trends; the case review's sample and
/// pre-fill; the reflection meeting's order; actions and *Siden sidst*.
@Suite struct LeadershipRoundTests {
    func round(_ id: String, _ date: String, set: ItemSet = StandardItemSets.evaluation, _ answers: [String: [String: ScaleAnswer]], agreed: [String: ScaleValue] = [:]) -> Round {
        Round(id: id, municipality: "265", itemSet: set, date: day(date), responses: answers, agreed: agreed.mapValues { AgreedScore(value: $0, comment: "") })
    }

    @Test func theSummaryCountsEachValueLeavesOutVedIkkeAndTakesTheMedian() {
        // E1: 2, 4, 4, "Ved ikke" → counts [0,1,0,2,0], 1 don't know, median of (2,4,4) = 4.
        // E2: 1, 2, 4, 5 → median (2+4)/2 = 3. E3: only "Ved ikke" → no median. E4: unanswered by all.
        let r = round("r1", "2026-03-01", [
            "a": ["E1": .value(.smallDegree), "E2": .value(.notAtAll), "E3": .dontKnow],
            "b": ["E1": .value(.highDegree), "E2": .value(.smallDegree), "E3": .dontKnow],
            "c": ["E1": .value(.highDegree), "E2": .value(.highDegree)],
            "d": ["E1": .dontKnow, "E2": .value(.veryHighDegree)],
        ], agreed: ["E1": .highDegree])
        let s = Dictionary(uniqueKeysWithValues: r.summaries.map { ($0.item.id, $0) })
        #expect(s["E1"]?.counts == [0, 1, 0, 2, 0])
        #expect(s["E1"]?.dontKnow == 1 && s["E1"]?.counted == 3)
        #expect(s["E1"]?.median == 4)
        #expect(s["E1"]?.agreed?.value == .highDegree)
        #expect(s["E2"]?.median == 3)
        #expect(s["E3"]?.median == nil && s["E3"]?.dontKnow == 2)
        #expect(s["E4"]?.counted == 0 && s["E4"]?.agreed == nil)
        #expect(r.summaries.map(\.item.id) == ["E1", "E2", "E3", "E4", "E5", "E6", "E7"], "in the set's order")
    }

    @Test func aPrerequisiteScoresTheMeanOfItsAgreedStatements() {
        let r = round("t1", "2026-03-01", set: StandardItemSets.temperature, [:], agreed: ["T1.1": .smallDegree, "T1.2": .highDegree, "T1.3": .highDegree, "T2.1": .someDegree])
        let scores = r.prerequisiteScores
        #expect(scores.count == 8)
        #expect(scores[0].prerequisite == "Politisk fokus" && abs(scores[0].score! - 10.0 / 3.0) < 1e-9, "(2+4+4)/3")
        #expect(scores[1].score == 3, "only T2.1 agreed")
        #expect(scores[2].score == nil)
    }

    @Test func trendsCompareRoundsOfOneVersionOnly() {
        var v2 = StandardItemSets.temperature
        v2.version = 2
        let rounds = [
            round("a", "2025-06-01", set: StandardItemSets.temperature, ["x": ["T1.1": .value(.notAtAll)]], agreed: ["T1.1": .notAtAll]),
            round("b", "2025-12-01", set: v2, ["x": ["T1.1": .value(.someDegree)]], agreed: ["T1.1": .someDegree]),
            round("c", "2026-06-01", set: v2, ["x": ["T1.1": .value(.highDegree)], "y": ["T1.1": .value(.veryHighDegree)]], agreed: ["T1.1": .highDegree]),
            round("e", "2026-07-01", set: StandardItemSets.evaluation, ["x": ["E1": .value(.highDegree)]]),
        ]
        let temperature = rounds.filter { $0.kind == .temperature }
        let points = RoundTrend.points(temperature, item: "T1.1")
        #expect(points.map(\.roundID) == ["b", "c"], "version 1's round is not compared with version 2's")
        #expect(points.map(\.median) == [3, 4.5])
        #expect(points.map(\.agreed) == [.someDegree, .highDegree])
    }

    @Test func theStandardSetsAreTheSpecsWording() {
        #expect(StandardItemSets.evaluation.items.count == 7)
        #expect(StandardItemSets.evaluation.groups == ["Data om indsatser og tilbud", "Data om borgernes progression", "Redskaber til at måle borgernes progression"])
        #expect(StandardItemSets.temperature.items.count == 24)
        #expect(StandardItemSets.temperature.provenance == "Roret's standardsæt, formuleret ud fra guidens beskrivelse af de otte forudsætninger")
        #expect(StandardItemSets.temperature.items.last?.text.hasPrefix("Der er taget stilling til, hvordan kulturen") == true)
        #expect(ItemSet.problems([QuestionnaireItem(id: "X1", group: "", text: " "), QuestionnaireItem(id: "X1", group: "G", text: "t")])
            == ["Udsagn 1: skriv udsagnet.", "Udsagn 1: angiv forudsætningen.", "Udsagn 2: nummeret X1 er brugt to gange."])
        #expect(ScaleAnswer(field: "ved-ikke") == .dontKnow && ScaleAnswer(field: "3") == .value(.someDegree) && ScaleAnswer(field: "6") == nil)
    }
}

@Suite struct CaseReviewTests {
    @Test func theSampleIsReproducibleAndIndependentOfOrder() {
        let ids = (1...25).map { "r\($0)" }
        let a = CaseReview.sample(ids, seed: 42)
        #expect(a.count == 10 && Set(a).count == 10)
        #expect(CaseReview.sample(ids.reversed(), seed: 42) == a, "the same seed, the same ten")
        #expect(CaseReview.sample(ids, seed: 43) != a)
        #expect(CaseReview.sample(["x", "y"], seed: 1).sorted() == ["x", "y"], "fewer than ten: all")
    }

    func file(_ events: [CaseEvent], texts: [PlanTextVersion] = [], goals: [GoalVersion] = []) -> CaseFile {
        CaseFile(recordID: "A", municipality: "265", caseworker: "s", createdOn: day("2026-01-01"), history: CaseHistory(events: events),
                 planTexts: texts, goals: GoalLedger(versions: goals), measurementStart: day("2026-01-01"))
    }

    @Test func theRecordPrefillsWhatItShows() {
        let today = day("2026-06-30")
        let empty = file([]).snapshot(on: today)
        #expect(CaseReview.prefill(1, empty)?.answer == .no)
        #expect(CaseReview.prefill(2, empty) == nil, "no goals: the record cannot tell")
        #expect(CaseReview.prefill(9, empty) == nil)
        let goal = { (id: Int, hopes: [String]) in
            GoalVersion(goalID: id, version: 1, parentGoalID: nil, text: "g", horizon: .shortTerm, status: .active, followUpOn: nil, changedOn: day("2026-02-01"), changedBy: "s", servesHopes: hopes)
        }
        let meeting = { (id: Int, took: Bool) in
            CaseEvent(day: day("2026-03-0\(id)"), by: "s", fact: .meeting(Meeting(meetingID: id, kind: .followUp, date: day("2026-03-0\(id)"), place: .home, invitedOn: nil,
                                                                             participants: [], state: .held, citizenTookPart: took)))
        }
        let s = file([
            CaseEvent(day: day("2026-02-01"), by: "s", fact: .network(NetworkEntry(entryID: 1, name: "Læge", kind: .professional, state: .active, wish: .yes, helpsWith: "", sector: .generalPractitioner, isCoordinator: false))),
            meeting(1, true), meeting(2, false),
            CaseEvent(day: day("2026-03-01"), by: "borger", fact: .agenda(AgendaItem(meetingID: 1, text: "x", byCitizen: true))),
        ], texts: [PlanTextVersion(id: "h", chainID: "h", kind: .hopesWishesDreams, writtenOn: day("2026-01-10"), inCitizensWords: false)],
           goals: [goal(1, ["h"]), goal(2, [])]).snapshot(on: today)
        #expect(CaseReview.prefill(1, s)?.answer == .partly)
        #expect(CaseReview.prefill(2, s)! == (.partly, "1 af 2 aktuelle mål er knyttet til et håb."))
        #expect(CaseReview.prefill(5, s)! == (.partly, "Borgeren deltog i 1 af 2 møder og havde punkter på dagsordenen til 1."))
        #expect(CaseReview.prefill(8, s)?.answer == .no)
        let counts = CaseReview.aggregate([[1: .yes, 2: .no], [1: .yes, 2: .partly], [1: .notRelevant]])
        #expect(counts[0] == [.yes: 2, .notRelevant: 1] && counts[1] == [.no: 1, .partly: 1] && counts[9].isEmpty)
    }

    @Test func eligibleRecordsWereOpenedOrFollowedUpInTheLastYear() {
        let opened = { (d: String) in CaseEvent(day: day(d), by: "s", fact: .opening(CaseOpening(firstContactOn: day(d), openedOn: day(d), answerPromisedOn: nil, request: ""))) }
        var old = file([opened("2024-01-01")])
        old.recordID = "old"
        var reviewed = file([opened("2024-01-01"), CaseEvent(day: day("2026-05-01"), by: "s", fact: .review(GoalReview(goalID: 1, citizenTookPart: true, citizensView: nil, nextFollowUpOn: nil, note: "")))])
        reviewed.recordID = "reviewed"
        var new = file([opened("2026-01-01")])
        new.recordID = "new"
        var other = new
        other.recordID = "other"
        other.municipality = "101"
        #expect(CaseReview.eligible([old, reviewed, new, other], municipality: "265", on: day("2026-06-30")).map(\.recordID) == ["reviewed", "new"])
    }
}

@Suite struct ReflectionTests {
    @Test func thePhasesComeInOrderAndExploringClosesBeforeInterpreting() throws {
        var phase = ReflectionPhase.preparation
        #expect(throws: ReflectionRules.Refusal.notNextPhase(from: .preparation, to: .interpret)) { try ReflectionRules.advance(from: phase, to: .interpret) }
        for next in [ReflectionPhase.sinceLast, .explore, .interpret] { phase = try ReflectionRules.advance(from: phase, to: next) }
        #expect(!ReflectionRules.mayObserve(in: phase), "Udforsk is closed in Fortolk")
        #expect(ReflectionRules.mayExplain(in: phase))
        #expect(throws: ReflectionRules.Refusal.notNextPhase(from: .interpret, to: .explore)) { try ReflectionRules.advance(from: phase, to: .explore) }
        #expect(ReflectionPhase.explore.questions.count == 5 && ReflectionPhase.preparation.questions[1] == "Hvad undrer jeg mig mest over?")
    }

    @Test func preparationNotesArePrivateUntilTheDialogueOpens() {
        #expect(ReflectionRules.mayReadNotes(of: "a", reader: "a", in: .preparation))
        #expect(!ReflectionRules.mayReadNotes(of: "a", reader: "b", in: .preparation))
        #expect(ReflectionRules.mayReadNotes(of: "a", reader: "b", in: .sinceLast))
    }
}

@Suite struct LeadershipActionTests {
    func action(_ id: String, owner: String, status: ActionStatus, due: String?, sign: ActionSign? = nil, source: ActionSource = .meeting) -> LeadershipAction {
        LeadershipAction(id: id, municipality: "265", source: source, sourceID: "m1", what: "gør \(id)", owner: owner, sign: sign, due: due.map(day), status: status, agreedOn: day("2026-01-10"))
    }

    @Test func theBoardFiltersAndPutsOpenActionsFirst() {
        let all = [action("a", owner: "Leder Lise", status: .done, due: "2026-02-01"), action("b", owner: "Analytiker Ali", status: .planned, due: "2026-05-01", source: .temperature),
                   action("c", owner: "Leder Lise", status: .inProgress, due: "2026-03-01"), action("d", owner: "lise", status: .planned, due: nil)]
        #expect(ActionBoard.filter(all).map(\.id) == ["c", "b", "d", "a"])
        #expect(ActionBoard.filter(all, owner: "LISE").map(\.id) == ["c", "d", "a"])
        #expect(ActionBoard.filter(all, status: .planned).map(\.id) == ["b", "d"])
        #expect(ActionBoard.filter(all, source: .temperature).map(\.id) == ["b"])
        #expect(all[2].isOverdue(on: day("2026-03-02")) && !all[2].isOverdue(on: day("2026-03-01")) && !all[0].isOverdue(on: day("2026-12-01")))
        #expect(action("x", owner: " ", status: .planned, due: "2026-01-01").problems == ["Hvem: skal udfyldes.", "Opfølgning senest: datoen er før handlingen blev aftalt."])
    }

    @Test func sinceLastShowsTheIndicatorThenAndNow() {
        let sign = ActionSign(indicator: "I1", area: "265", valueThen: 62.5, text: "Håb beskrevet")
        let words = ActionSign(indicator: nil, area: nil, valueThen: nil, text: "Medarbejderne taler om håb på møderne")
        let rows = ActionBoard.sinceLast([action("a", owner: "x", status: .inProgress, due: nil, sign: sign), action("b", owner: "x", status: .done, due: nil, sign: sign),
                                          action("c", owner: "x", status: .planned, due: nil, sign: words)]) { $0.indicator == "I1" ? 74.3 : nil }
        #expect(rows.map(\.action.id) == ["a", "c"], "open actions only")
        #expect(rows[0].then == 62.5 && rows[0].now == 74.3)
        #expect(rows[1].then == nil && rows[1].now == nil, "a sign in words has no value")
    }
}

@Suite struct ReflectionNoteTests {
    func note(_ kind: ReflectionNoteKind, phase: ReflectionPhase, observation: ObservationKind? = nil, theme: String? = nil, text: String = "x") -> ReflectionNote {
        ReflectionNote(id: "", author: "a", phase: phase, kind: kind, observationKind: observation, themeID: theme, text: text, day: day("2026-11-30"))
    }

    @Test func eachNoteBelongsToItsPhase() {
        #expect(note(.preparation, phase: .preparation).problems(in: .preparation, themes: []).isEmpty)
        #expect(note(.preparation, phase: .sinceLast).problems(in: .sinceLast, themes: []) == ["Forberedelsen er slut: dialogen er begyndt."])
        #expect(note(.observation, phase: .explore, observation: .challenge).problems(in: .explore, themes: []).isEmpty)
        #expect(note(.observation, phase: .interpret, observation: nil).problems(in: .interpret, themes: [])
            == ["Iagttagelser skrives i Udforsk; Udforsk er lukket.", "Markér iagttagelsen: positivt, udfordring eller videnshul."])
        #expect(note(.explanation, phase: .interpret, theme: "t1").problems(in: .interpret, themes: ["t1"]).isEmpty)
        #expect(note(.explanation, phase: .interpret, theme: "t9").problems(in: .interpret, themes: ["t1"]) == ["Forklaringen skal knyttes til et tema fra Udforsk."])
        #expect(note(.answer, phase: .sinceLast, text: " ").problems(in: .sinceLast, themes: []) == ["Skriv noget først."])
    }
}

@Suite struct ReviewGrantTests {
    @Test func aGrantHoldsForItsPersonUntilItsLastDay() {
        let grant = ReviewGrant(username: "leder", expiresOn: day("2026-12-01"))
        #expect(grant.holds(for: "leder", on: day("2026-12-01")))
        #expect(!grant.holds(for: "leder", on: day("2026-12-02")))
        #expect(!grant.holds(for: "analytiker", on: day("2026-11-30")))
        let facts = CitizenAccessFacts(municipality: "265", caseworker: "sagsbehandler", activeProviders: [], ownAccount: nil)
        #expect(AccessPolicy.mayReviewCitizen(role: .caseworker, username: "sagsbehandler", area: "265", provider: nil, facts, grants: [], on: day("2026-11-30")))
        #expect(!AccessPolicy.mayReviewCitizen(role: .leader, username: "leder", area: "265", provider: nil, facts, grants: [], on: day("2026-11-30")))
        #expect(AccessPolicy.mayReviewCitizen(role: .leader, username: "leder", area: "265", provider: nil, facts, grants: [grant], on: day("2026-11-30")))
    }
}

@Suite struct EvaluationEvidenceTests {
    func evidence(active: Int?, who5: Int, i12: PracticeIndicatorRow?) -> EvaluationEvidence {
        EvaluationEvidence(extractVersion: 2, extractYears: 2017...2024, movementYears: [2023, 2024], activeRecords: active, withWHO5LastYear: who5, withAnyInstrument: who5, ratedMeetings: i12)
    }

    @Test func evidenceShowsOnlyWhatDisclosureControlLeft() {
        let row = PracticeIndicatorRow(area: "265", reference: day("2026-11-30"), indicator: .i12, numerator: 47, denominator: 81)
        #expect(evidence(active: 35, who5: 20, i12: row).text(for: "E4") == "Aktive sager med en WHO-5-besvarelse de seneste 12 måneder: 20 af 35 (57 %).")
        #expect(evidence(active: 35, who5: 3, i12: row).text(for: "E4").hasSuffix("under 5 sager (tallet vises ikke)."), "a numerator of 1–4")
        #expect(evidence(active: nil, who5: 20, i12: row).text(for: "E6").hasSuffix("få sager (tallet vises ikke)."), "I1's denominator was withheld: no count over it")
        #expect(evidence(active: 0, who5: 0, i12: nil).text(for: "E4").hasSuffix("ingen."))
        #expect(evidence(active: 35, who5: 20, i12: row).text(for: "E5") == "Møder de seneste 12 måneder, hvor borgeren har vurderet hjælpen (I12): 47 af 81 (58 %).")
        var hidden = row
        hidden.suppressed = true
        #expect(evidence(active: 35, who5: 20, i12: hidden).text(for: "E5").hasSuffix("skjult for at beskytte små grupper."))
        #expect(evidence(active: 35, who5: 20, i12: row).text(for: "E3") == "Bevægelser mellem trinene (NT06/NT07) findes for 2023, 2024.")
    }
}
