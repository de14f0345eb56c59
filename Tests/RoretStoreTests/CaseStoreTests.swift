import Foundation
import RoretCore
@testable import RoretStore
import RoretTestSupport
import Testing

/// The case in depth in the store: append-only facts, numbered entries,
/// refusals that store nothing, case files for the indicators, settings,
/// goals' hopes and goal reminders — on SQLite and PostgreSQL.
@Suite struct CaseStoreTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test(arguments: TestDatabase.available)
    func factsAreAppendedInOrderAndNumberedEntriesNeverReuseAnID(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let c = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: "s", followUpStartedOn: day("2026-01-01"))
            try await store.cases.record(.opening(CaseOpening(firstContactOn: day("2026-01-02"), openedOn: day("2026-01-05"), answerPromisedOn: day("2026-01-20"), request: "Støtte")),
                                         for: c.id, on: day("2026-01-05"), by: "s")
            // A meeting recorded on a later day, then one on an earlier day: ids 1 and 2, never 1 twice.
            let first = try await store.cases.record(.meeting(Meeting(meetingID: 0, kind: .first, date: day("2026-03-01"), place: .home, invitedOn: nil, participants: [])),
                                                     for: c.id, on: day("2026-02-20"), by: "s")
            let second = try await store.cases.record(.meeting(Meeting(meetingID: 0, kind: .network, date: day("2026-02-15"), place: .office, invitedOn: nil, participants: ["Far"])),
                                                      for: c.id, on: day("2026-02-10"), by: "u")
            guard case .meeting(let m1) = first, case .meeting(let m2) = second else { Issue.record("not meetings"); return }
            #expect(m1.meetingID == 1 && m2.meetingID == 2)
            try await store.cases.record(.agenda(AgendaItem(meetingID: 1, text: "Økonomi", byCitizen: true)), for: c.id, on: day("2026-02-21"), by: "borger")
            // Refused: a held meeting in the future, an item for a meeting that does not exist — every problem, nothing stored.
            await #expect(throws: CaseFactRefused(problems: ["Mødedato: et møde kan ikke være holdt efter i dag.", "Deltog borgeren: vælg ja eller nej.",
                                                             "Borgerens vurdering af hjælpen: skal være fra 0 til 10."])) {
                var held = m1
                held.state = .held
                held.ratingOfHelp = 11
                try await store.cases.record(.meeting(held), for: c.id, on: day("2026-02-22"), by: "s")
            }
            await #expect(throws: CaseFactRefused(problems: ["Punkt: skal udfyldes.", "Mødet findes ikke."])) {
                try await store.cases.record(.agenda(AgendaItem(meetingID: 9, text: " ", byCitizen: false)), for: c.id, on: day("2026-02-22"), by: "s")
            }
            let history = try await store.cases.history(of: c.id)
            #expect(history.events.count == 4)
            #expect(history.events.map(\.by) == ["s", "s", "u", "borger"])
            let state = history.current
            #expect(state.meetings.map(\.meetingID) == [2, 1], "by date")
            #expect(state.agenda[1]?.first?.value.byCitizen == true)
            #expect(history.state(on: day("2026-02-15")).meetings.map(\.meetingID) == [2], "as it stood that day")
        }
    }

    @Test(arguments: TestDatabase.available)
    func caseFilesCarryEverythingTheIndicatorsRead(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let c = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: "s", followUpStartedOn: day("2026-01-01"))
            let other = try await store.citizens.create(municipality: "101", pseudonym: "B-002", name: nil, caseworker: "t", followUpStartedOn: day("2026-01-01"))
            // Without an opening the record counts as opened the day it was created (today): give it one.
            try await store.cases.record(.opening(CaseOpening(firstContactOn: day("2026-01-02"), openedOn: day("2026-01-05"), answerPromisedOn: nil, request: "")), for: c.id, on: day("2026-01-05"), by: "s")
            let hope = try await store.plans.addEntry(to: c.id, kind: .hopesWishesDreams, text: "Bo for mig selv", inCitizensWords: true, on: day("2026-01-10"), by: "s")
            let edited = try await store.plans.addEntry(to: c.id, kind: .hopesWishesDreams, text: "Bo for mig selv med en kat", inCitizensWords: true, on: day("2026-02-01"), by: "s", replaces: hope.id)
            let goal = try await store.plans.addGoal(to: c.id, .init(text: "Finde en lejlighed", horizon: .longTerm, followUpOn: day("2026-04-01"), servesHopes: [hope.id.uuidString]),
                                                     on: day("2026-01-10"), by: "s")
            try await store.cases.record(.review(GoalReview(goalID: goal, citizenTookPart: true, citizensView: .onTheWay, nextFollowUpOn: day("2026-07-01"), note: "")),
                                         for: c.id, on: day("2026-04-10"), by: "s")
            try await store.measurements.record(citizenID: c.id, instrument: .who5, answeredOn: day("2026-02-01"), items: [1, 1, 1, 1, 1], channel: .paper, enteredBy: "s", today: day("2026-02-01"))
            try await store.citizens.addIntervention(to: c.id, paragraph: .p85, provider: "Bostedet", start: day("2026-02-15"), end: nil)
            let files = try await store.cases.files(of: [c, other])
            #expect(files.map(\.municipality) == ["265", "101"], "in the citizens' order")
            let f = files[0]
            #expect(f.planTexts.map(\.chainID) == [hope.id.uuidString, hope.id.uuidString], "an edit keeps its text's identity")
            #expect(f.planTexts.map(\.id) == [hope.id.uuidString, edited.id.uuidString])
            #expect(f.goals.current(goal)?.servesHopes == [hope.id.uuidString], "the goal's hope survives the round trip")
            #expect(f.history.events.count == 2)
            #expect(f.answers.map(\.score) == [20])
            #expect(f.interventionStarts == [day("2026-02-15")])
            #expect(f.snapshot(on: day("2026-04-30")).followUps.date(of: goal) == day("2026-07-01"), "the review set the next date")
            let rows = PracticeIndicators.rows(area: "265", files: [f], on: day("2026-04-30"))
            #expect(rows.first { $0.indicator == .i7 }.map { [$0.numerator, $0.denominator] } == [1, 1], "1 April met by the review on the 10th")
            #expect(rows.first { $0.indicator == .i8 }.map { [$0.numerator, $0.denominator] } == [1, 1])
            #expect(files[1].history.events.isEmpty && files[1].planTexts.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func settingsAndGoalRemindersBelongToTheMunicipality(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            #expect(try await store.cases.settings(for: "265") == CaseWorkSettings(), "defaults until set")
            try await store.cases.setSettings(CaseWorkSettings(goalFollowUpMonths: 2, meetingIntervalMonths: 4, reminderLeadDays: 10, helpText: "Ring til os."), for: "265")
            #expect(try await store.cases.settings(for: "265").meetingIntervalMonths == 4)
            #expect(try await store.cases.settings(for: "265").help(municipalityName: "Roskilde Kommune") == "Ring til os.")
            #expect(try await store.cases.settings(for: "101") == CaseWorkSettings())
            await #expect(throws: CaseFactRefused(problems: ["Opfølgning på mål skal være 1–12 måneder.", "Påmindelsen skal komme 0–60 dage før."])) {
                try await store.cases.setSettings(CaseWorkSettings(goalFollowUpMonths: 0, reminderLeadDays: 61), for: "265")
            }
            #expect(try await store.cases.settings(for: "265").goalFollowUpMonths == 2, "nothing changed")

            let c = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: "s", followUpStartedOn: day("2026-01-01"))
            let goal = try await store.plans.addGoal(to: c.id, .init(text: "Gå en tur", horizon: .shortTerm, followUpOn: day("2026-03-01")), on: day("2026-01-10"), by: "s")
            let first = try await store.measurements.enqueueGoalReminder(citizenID: c.id, goalID: goal, dueOn: day("2026-03-01"), recipient: "s")
            let again = try await store.measurements.enqueueGoalReminder(citizenID: c.id, goalID: goal, dueOn: day("2026-03-01"), recipient: "s")
            #expect(first.id == again.id, "once per goal and date")
            #expect(first.subject == "Mål \(goal) skal følges op" && first.instrument == nil)
            try await store.measurements.enqueueReminder(citizenID: c.id, instrument: .who5, dueOn: day("2026-03-01"), recipient: "s")
            try await store.cases.record(.review(GoalReview(goalID: goal, citizenTookPart: false, citizensView: nil, nextFollowUpOn: nil, note: "")), for: c.id, on: day("2026-03-02"), by: "s")
            #expect(try await store.measurements.reminders(.cancelled).map(\.goalID) == [goal], "the review stopped the goal's reminder")
            #expect(try await store.measurements.reminders(.pending).map(\.instrument) == [.who5], "not the measurement's")
        }
    }
}
