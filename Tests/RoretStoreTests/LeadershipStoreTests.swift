import Foundation
import RoretCore
@testable import RoretStore
import RoretTestSupport
import Testing

/// Item sets, rounds and actions in the store, on SQLite and PostgreSQL.
@Suite struct LeadershipStoreTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test(arguments: TestDatabase.available)
    func roundsKeepTheirItemSetAndFoldTheLatestAnswers(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let l = host.store.leadership
            #expect(try await l.itemSet(.temperature, municipality: "265") == StandardItemSets.temperature, "the standard set until edited")
            let first = try await l.openRound(.temperature, municipality: "265", date: day("2026-03-01"), invitees: ["sagsbehandler"], by: "leder")
            #expect(first.invitees == ["sagsbehandler"] && first.itemSet.version == 1)
            let id = try #require(UUID(uuidString: first.id))
            try await l.answer(round: id, respondent: "leder", ["T1.1": .value(.smallDegree), "T1.2": .dontKnow])
            try await l.answer(round: id, respondent: "leder", ["T1.1": .value(.highDegree)])
            try await l.answer(round: id, respondent: "analytiker", ["T1.1": .value(.someDegree)])
            try await l.agree(round: id, item: "T1.1", AgreedScore(value: .someDegree, comment: "Vi mangler politiske mål"))
            await #expect(throws: LeadershipRefused(problems: ["Spørgsmål X9 hører ikke til runden."])) {
                try await l.answer(round: id, respondent: "leder", ["X9": .value(.notAtAll), "T1.3": .value(.notAtAll)])
            }
            let round = try #require(try await l.round(id))
            #expect(round.responses["leder"] == ["T1.1": .value(.highDegree), "T1.2": .dontKnow], "the latest answer counts; the refused one stored nothing")
            #expect(round.summaries.first?.median == 3.5)
            #expect(round.agreed["T1.1"] == AgreedScore(value: .someDegree, comment: "Vi mangler politiske mål"))

            // The municipality edits its set: a new version for new rounds; the old round keeps its items.
            var items = StandardItemSets.temperature.items
            items[0].text = "Kommunalbestyrelsen har vedtaget mål for recovery-orienteret rehabilitering."
            let edited = try await l.saveItemSet(.temperature, municipality: "265", items: items, by: "admin")
            #expect(edited.version == 2)
            await #expect(throws: LeadershipRefused(problems: ["Sættet skal have mindst ét udsagn."])) { try await l.saveItemSet(.temperature, municipality: "265", items: [], by: "admin") }
            let second = try await l.openRound(.temperature, municipality: "265", date: day("2026-09-01"), by: "leder")
            #expect(second.itemSet.version == 2 && second.itemSet.items[0].text.hasPrefix("Kommunalbestyrelsen"))
            let rounds = try await l.rounds(.temperature, municipality: "265")
            #expect(rounds.map(\.itemSet.version) == [1, 2])
            #expect(rounds[0].itemSet.items[0].text == StandardItemSets.temperature.items[0].text)
            #expect(RoundTrend.comparable(rounds).map(\.id) == [second.id], "rounds are compared within one version")
            #expect(try await l.rounds(.temperature, municipality: "101").isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func actionsAreVersionedWithDatedNotes(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let l = host.store.leadership
            let sign = ActionSign(indicator: "I1", area: "265", valueThen: 62.5, text: "Håb, ønsker og drømme beskrevet")
            let new = LeadershipAction(id: "", municipality: "265", source: .temperature, sourceID: "r1", what: "Skriv håb med borgerens egne ord", owner: "Lise",
                                       sign: sign, due: day("2026-06-01"), agreedOn: day("2026-03-01"))
            let saved = try await l.saveAction(new, note: nil, on: day("2026-03-01"), by: "leder")
            #expect(!saved.id.isEmpty)
            var changed = saved
            changed.status = .inProgress
            try await l.saveAction(changed, note: "Første møde holdt", on: day("2026-04-01"), by: "leder")
            let all = try await l.actions(municipality: "265")
            #expect(all.count == 1 && all[0].status == .inProgress && all[0].sign == sign)
            let history = try await l.history(ofAction: try #require(UUID(uuidString: saved.id)))
            #expect(history.map(\.version) == [1, 2] && history.map(\.note) == [nil, "Første møde holdt"] && history[1].day == day("2026-04-01"))
            var stranger = changed
            stranger.id = UUID().uuidString
            await #expect(throws: LeadershipRefused(problems: ["Handlingen findes ikke."])) { try await l.saveAction(stranger, note: nil, on: day("2026-04-02"), by: "x") }
            var moved = changed
            moved.municipality = "101"
            await #expect(throws: LeadershipRefused(problems: ["Handlingen findes ikke."])) { try await l.saveAction(moved, note: nil, on: day("2026-04-02"), by: "x") }
            var empty = new
            empty.what = " "
            await #expect(throws: LeadershipRefused(problems: ["Hvad skal gøres: skal udfyldes."])) { try await l.saveAction(empty, note: nil, on: day("2026-03-01"), by: "x") }
            #expect(try await l.actions(municipality: "101").isEmpty)
        }
    }
}

/// Reflection meetings in the store.
@Suite struct ReflectionStoreTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test(arguments: TestDatabase.available)
    func aMeetingMovesThroughItsPhasesInOrderAndKeepsItsDocumentation(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let r = host.store.reflection
            let doc = FrozenDocumentation(frozenOn: day("2026-11-01"), source: "Udtræk v1", tables: [.init(title: "Nøgletal", header: ["A", "B"], rows: [["NT05", "23,6 %"]])])
            let participants = [MeetingParticipant(username: "leder", role: .leader, meetingRole: "Leder"), MeetingParticipant(username: "borger", role: .citizen, meetingRole: "Borger")]
            await #expect(throws: LeadershipRefused(problems: ["Titel: skal udfyldes.", "Deltagere: vælg mindst én."])) {
                try await r.create(municipality: "265", title: " ", date: day("2026-11-30"), participants: [], documentation: doc, by: "leder")
            }
            let m = try await r.create(municipality: "265", title: "Kvartalsmøde", date: day("2026-11-30"), participants: participants, documentation: doc, by: "leder")
            let id = try #require(UUID(uuidString: m.id))
            try await r.write(ReflectionNote(id: "", author: "borger", phase: .preparation, kind: .preparation, question: 2, text: "Hvorfor så få tilbage?", day: day("2026-11-30")), in: id)
            await #expect(throws: LeadershipRefused(problems: ["Mødet er i »1. Forberedelse« og kan ikke springe til »2. Dialog: Udforsk«: faserne tages i rækkefølge."])) {
                try await r.advance(id, to: .explore)
            }
            try await r.advance(id, to: .sinceLast)
            try await r.advance(id, to: .explore)
            let theme = try await r.write(ReflectionNote(id: "", author: "leder", phase: .explore, kind: .observation, observationKind: .challenge, text: "Få afsluttes", day: day("2026-11-30")), in: id)
            await #expect(throws: LeadershipRefused(problems: ["Forklaringer skrives i Fortolk."])) {
                try await r.write(ReflectionNote(id: "", author: "leder", phase: .explore, kind: .explanation, themeID: theme.id, text: "Fordi", day: day("2026-11-30")), in: id)
            }
            try await r.advance(id, to: .interpret)
            try await r.write(ReflectionNote(id: "", author: "leder", phase: .interpret, kind: .explanation, themeID: theme.id, text: "Støtten trappes ikke ned", day: day("2026-11-30")), in: id)
            let stored = try #require(try await r.meeting(id))
            #expect(stored.phase == .interpret && stored.documentation == doc && stored.participants == participants)
            #expect(try await r.notes(id).map(\.kind) == [.preparation, .observation, .explanation])
            #expect(try await r.meetings(participant: "borger").map(\.id) == [m.id])
            #expect(try await r.meetings(participant: "leder-2").isEmpty)
        }
    }
}
