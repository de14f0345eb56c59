import Testing
@testable import RoretCore

/// Goals are versioned: a change is a new version, never an overwrite.
@Suite struct GoalLedgerTests {
    @Test func aChangedGoalIsANewVersionAndTheOldStays() throws {
        var ledger = GoalLedger()
        let id = try ledger.add(.init(text: "Komme i gang med at spille guitar igen", horizon: .longTerm), on: day("2024-02-01"), by: "sagsbehandler")
        #expect(id == 1)
        try ledger.revise(id, to: .init(text: "Spille guitar i et band", horizon: .longTerm, followUpOn: day("2024-08-01")), on: day("2024-05-01"), by: "udfoerer")
        let history = ledger.history(id)
        #expect(history.map(\.version) == [1, 2])
        #expect(history[0].text == "Komme i gang med at spille guitar igen", "the first version is untouched")
        #expect(history[0].changedBy == "sagsbehandler")
        #expect(ledger.current(id)?.text == "Spille guitar i et band")
        #expect(ledger.current(id)?.changedOn == day("2024-05-01"))
        try ledger.revise(id, to: .init(text: "Spille guitar i et band", horizon: .longTerm, status: .achieved, followUpOn: day("2024-08-01")), on: day("2024-09-01"), by: "udfoerer")
        #expect(ledger.current(id)?.status == .achieved)
        #expect(ledger.versions.count == 3)
    }

    @Test func subGoalsBelongToAGoalOfThePlan() throws {
        var ledger = GoalLedger()
        let goal = try ledger.add(.init(text: "Bo i egen lejlighed", horizon: .longTerm), on: day("2024-01-01"), by: "s")
        let sub = try ledger.add(.init(text: "Lære at lave mad til mig selv", horizon: .shortTerm, parentGoalID: goal), on: day("2024-01-01"), by: "s")
        #expect(ledger.current(sub)?.parentGoalID == goal)
        #expect(throws: GoalLedger.Refusal.invalidParent(99)) { try ledger.add(.init(text: "x", horizon: .shortTerm, parentGoalID: 99), on: day("2024-01-01"), by: "s") }
        #expect(throws: GoalLedger.Refusal.invalidParent(sub)) { try ledger.revise(sub, to: .init(text: "y", horizon: .shortTerm, parentGoalID: sub), on: day("2024-01-02"), by: "s") }
    }

    @Test func emptyUnknownOrUnchangedChangesAreRefused() throws {
        var ledger = GoalLedger()
        #expect(throws: GoalLedger.Refusal.emptyText) { try ledger.add(.init(text: "  \n", horizon: .shortTerm), on: day("2024-01-01"), by: "s") }
        let id = try ledger.add(.init(text: "Gå en tur hver dag", horizon: .shortTerm), on: day("2024-01-01"), by: "s")
        #expect(throws: GoalLedger.Refusal.unchanged) { try ledger.revise(id, to: .init(text: "Gå en tur hver dag", horizon: .shortTerm), on: day("2024-01-02"), by: "s") }
        #expect(throws: GoalLedger.Refusal.noSuchGoal(7)) { try ledger.revise(7, to: .init(text: "z", horizon: .shortTerm), on: day("2024-01-02"), by: "s") }
        #expect(ledger.versions.count == 1)
    }

    @Test func activeGoalsWhoseFollowUpHasComeAreListed() throws {
        var ledger = GoalLedger()
        let a = try ledger.add(.init(text: "a", horizon: .shortTerm, followUpOn: day("2024-03-01")), on: day("2024-01-01"), by: "s")
        _ = try ledger.add(.init(text: "b", horizon: .shortTerm, followUpOn: day("2024-03-02")), on: day("2024-01-01"), by: "s")
        let c = try ledger.add(.init(text: "c", horizon: .shortTerm, status: .paused, followUpOn: day("2024-02-01")), on: day("2024-01-01"), by: "s")
        _ = try ledger.add(.init(text: "d", horizon: .longTerm), on: day("2024-01-01"), by: "s")
        #expect(ledger.dueForFollowUp(on: day("2024-03-01")).map(\.goalID) == [a])
        try ledger.revise(c, to: .init(text: "c", horizon: .shortTerm, status: .active, followUpOn: day("2024-02-01")), on: day("2024-02-15"), by: "s")
        #expect(ledger.dueForFollowUp(on: day("2024-03-01")).map(\.goalID) == [a, c])
    }

    @Test func theLedgerReadsBackFromStoredVersionsInAnyOrder() throws {
        var ledger = GoalLedger()
        let id = try ledger.add(.init(text: "a", horizon: .shortTerm), on: day("2024-01-01"), by: "s")
        try ledger.revise(id, to: .init(text: "b", horizon: .shortTerm), on: day("2024-01-02"), by: "s")
        let reread = GoalLedger(versions: ledger.versions.reversed())
        #expect(reread.current(id)?.text == "b")
        #expect(reread == ledger)
    }

    @Test func thePhasesOfACaseFollowTheGuide() {
        #expect(CasePhase.allCases.map(\.danishName) == ["Sagsåbning", "Sagsoplysning", "Sagsvurdering", "Afgørelse", "Bestilling", "Opfølgning"])
    }
}
