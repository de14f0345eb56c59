import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// The leaders' rounds and actions through the routes: who may do what,
/// answering alone before seeing the spread, agreed scores, the reflection,
/// the action board, and the municipality's own item set.
@Suite struct LeadershipWebTests {
    @Test(arguments: TestDatabase.available)
    func everyRoleMayDoExactlyWhatItMayInTheLeadersTools(_ backend: TestDatabase) async throws {
        try await withRoretApp(backend, importDemo: false) { app in
            let store = Store(database: app.db)
            let round = try await store.leadership.openRound(.temperature, municipality: "265", date: DanishDate.today, invitees: ["sagsbehandler"], by: "leder")
            let greve = try await store.leadership.openRound(.evaluation, municipality: "253", date: DanishDate.today, by: "leder-greve")
            let action = try await store.leadership.saveAction(LeadershipAction(id: "", municipality: "265", source: .meeting, sourceID: "m", what: "Gør noget", owner: "Lise", agreedOn: DanishDate.today),
                                                               note: nil, on: DanishDate.today, by: "leder")
            let allAnswers = Dictionary(uniqueKeysWithValues: round.itemSet.items.map { ("item-\($0.id)", "3") })
            let posts: [(path: String, form: [String: String], may: Set<String>)] = [
                // Greve's leader opens rounds and agrees actions in Greve: allowed, and nothing of Roskilde's changes.
                ("/ledelse/runder", ["kind": "evaluation", "date": DanishDate.today.description], ["leder", "leder-greve", "analytiker", "analytiker-land"]),
                ("/ledelse/runder/\(round.id)/svar", allAnswers, ["leder", "analytiker", "analytiker-land", "sagsbehandler"]),
                ("/ledelse/runder/\(round.id)/enighed", ["item": "T1.1", "value": "3", "comment": "ok"], ["leder", "analytiker", "analytiker-land"]),
                ("/ledelse/runder/\(round.id)/refleksion", ["q1": "Styrker", "q5": "Vi gør noget"], ["leder", "analytiker", "analytiker-land"]),
                ("/ledelse/runder/\(greve.id)/svar", Dictionary(uniqueKeysWithValues: greve.itemSet.items.map { ("item-\($0.id)", "2") }), ["leder-greve", "analytiker-land"]),
                ("/ledelse/handlinger", ["source": "meeting", "what": "Ny handling", "owner": "Ali"], ["leder", "leder-greve", "analytiker", "analytiker-land"]),
                ("/ledelse/handlinger/\(action.id)", ["what": "Gør noget", "owner": "Lise", "status": "inProgress", "note": "i gang"], ["leder", "analytiker", "analytiker-land"]),
                ("/admin/spoergesaet", ["municipality": "265", "id0": "T1.1", "group0": "Politisk fokus", "text0": "Nyt udsagn"], ["admin"]),
            ]
            let pages: [(path: String, may: Set<String>)] = [
                ("/ledelse", ["leder", "leder-greve", "analytiker", "analytiker-land"]),
                ("/ledelse/evaluering", ["leder", "leder-greve", "analytiker", "analytiker-land"]),
                ("/ledelse/temperatur", ["leder", "leder-greve", "analytiker", "analytiker-land"]),
                ("/ledelse/runder/\(round.id)", ["leder", "analytiker", "analytiker-land", "sagsbehandler"]),
                ("/ledelse/handlinger", ["leder", "leder-greve", "analytiker", "analytiker-land"]),
                ("/admin/spoergesaet", ["admin"]),
            ]
            for account in testAccounts {
                var browser = Browser(app)
                try await browser.signIn(account.username)
                _ = try await browser.get(account.role == .citizen ? "/min-side" : account.role == .caseworker || account.role == .provider ? "/borgere" : "/oversigt")
                for page in pages {
                    let status = try await browser.get(page.path).status
                    if page.may.contains(account.username) { #expect(status == .ok, "\(account.username) \(page.path)") } else { #expect(status == .forbidden, "\(account.username) \(page.path) is refused") }
                }
                for post in posts {
                    let before = try await store.leadership.rounds(.evaluation, municipality: "265").count + (try await store.leadership.actions(municipality: "265").count)
                    let status = try await browser.post(post.path, post.form).status
                    if post.may.contains(account.username) {
                        #expect(status == .seeOther, "\(account.username) \(post.path): \(status)")
                    } else {
                        // Refused: 403, or 404 for another municipality's action (it does not exist for them).
                        #expect(status == .forbidden || (status == .notFound && account.username == "leder-greve"), "\(account.username) \(post.path) is refused: \(status)")
                        #expect(try await store.leadership.rounds(.evaluation, municipality: "265").count + (try await store.leadership.actions(municipality: "265").count) == before)
                    }
                }
            }
            let stored = try #require(try await store.leadership.round(UUID(uuidString: round.id)!))
            #expect(Set(stored.responses.keys) == ["leder", "analytiker", "analytiker-land", "sagsbehandler"], "the invited caseworker answered; sagsbehandler-2 was not invited")
            #expect(try await store.leadership.itemSet(.temperature, municipality: "265").version == 2)
            #expect(try await auditEvents(app, .accessDenied, username: "sagsbehandler-2").count > 0)
        }
    }

    @Test func aRespondentAnswersAloneThenSeesTheSpreadAndTheGroupAgrees() async throws {
        try await withRoretApp(importDemo: false) { app in
            let store = Store(database: app.db)
            var leader = Browser(app)
            try await leader.signIn("leder")
            _ = try await leader.get("/ledelse/evaluering")
            let opened = try await leader.post("/ledelse/runder", ["kind": "evaluation", "date": DanishDate.today.description])
            let path = try #require(opened.headers.first(name: .location))
            var html = try await leader.get(path).body.string
            #expect(html.contains("Runden er startet."))
            #expect(!html.contains("Gruppens svar og fælles score"), "no spread before answering")
            #expect(html.contains("Har I data, der gør det muligt for jer at få et overblik over, hvilke borgere, der får hvilke ydelser og fra hvilke tilbud?"))
            // Every item must be answered; the refusal keeps what was chosen.
            let partial = try await leader.post(path + "/svar", ["item-E1": "4", "item-E2": "ved-ikke"])
            #expect(partial.status == .badRequest)
            #expect(partial.body.string.contains("E3: vælg et svar (eller »Ved ikke«)."))
            #expect(partial.body.string.contains("name=\"item-E1\" value=\"4\" checked"))
            var answers = ["item-E1": "4", "item-E2": "ved-ikke", "item-E3": "2", "item-E4": "3", "item-E5": "3", "item-E6": "5", "item-E7": "1"]
            #expect(try await leader.post(path + "/svar", answers).status == .seeOther)
            var analyst = Browser(app)
            try await analyst.signIn("analytiker")
            _ = try await analyst.get(path)
            answers["item-E1"] = "2"
            #expect(try await analyst.post(path + "/svar", answers).status == .seeOther)
            html = try await leader.get(path).body.string
            #expect(html.contains("Gruppens svar og fælles score"))
            #expect(html.contains("2 har svaret"))
            // E1: one 2 and one 4 → median 3; the evidence beside it.
            #expect(html.contains("<td class=\"num\">3,0</td>"))
            #expect(html.contains("Rorets egne data: Roret har endnu ikke et registerudtræk for kommunen."))
            let noValue = try await leader.post(path + "/enighed", ["item": "E1", "value": "", "comment": "Vi er uenige"])
            #expect(noValue.status == .badRequest && noValue.body.string.contains("Fælles score: vælg en værdi fra 1 til 5."))
            #expect(noValue.body.string.contains("Vi er uenige"), "the comment is kept")
            #expect(try await leader.post(path + "/enighed", ["item": "E1", "value": "3", "comment": "Overblikket findes, men ikke på udførere"]).status == .seeOther)
            html = try await leader.get(path).body.string
            #expect(html.contains("Fælles score: 3 I nogen grad</strong> — Overblikket findes, men ikke på udførere"))
            let round = try #require(try await store.leadership.rounds(.evaluation, municipality: "265").first)
            #expect(round.agreed["E1"]?.value == .someDegree && round.responses.count == 2)
        }
    }

    @Test func aTemperatureRoundShowsThePrerequisitesAndItsReflectionBecomesActions() async throws {
        try await withRoretApp(importDemo: false) { app in
            let store = Store(database: app.db)
            let round = try await store.leadership.openRound(.temperature, municipality: "265", date: DanishDate.today, by: "leder")
            let id = UUID(uuidString: round.id)!
            for item in round.itemSet.items { try await store.leadership.agree(round: id, item: item.id, AgreedScore(value: item.group == "Politisk fokus" ? .notAtAll : .highDegree, comment: "")) }
            try await store.leadership.answer(round: id, respondent: "leder", ["T1.1": .value(.notAtAll)])
            var leader = Browser(app)
            try await leader.signIn("leder")
            var html = try await leader.get("/ledelse/runder/\(round.id)").body.string
            #expect(html.contains("Roret&#39;s standardsæt, formuleret ud fra guidens beskrivelse af de otte forudsætninger") || html.contains("Roret's standardsæt, formuleret ud fra guidens beskrivelse af de otte forudsætninger"))
            #expect(html.contains("I hvilken grad passer udsagnet på jeres kommune i dag?"))
            #expect(html.contains("<th scope=\"row\">Politisk fokus</th><td class=\"num\">1,0</td>"))
            #expect(html.contains("Svagheder:</strong> Politisk fokus"))
            #expect(html.contains("role=\"img\" aria-label=\"De otte forudsætninger"))
            #expect(try await leader.post("/ledelse/runder/\(round.id)/refleksion", ["q5": "Lederen tager et oplæg til udvalget"]).status == .seeOther)
            html = try await leader.get("/ledelse/runder/\(round.id)").body.string
            #expect(html.contains(">Lederen tager et oplæg til udvalget</textarea>"))
            // The development plan: an action from the round, with an indicator as its sign.
            let form = try await leader.get("/ledelse/handlinger/ny?kilde=temperature&id=\(round.id)").body.string
            #expect(form.contains("Fra: Temperaturmåling"))
            let refused = try await leader.post("/ledelse/handlinger", ["source": "temperature", "sourceID": round.id, "what": "Oplæg til udvalget", "owner": "", "due": "2020-01-01"])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("Hvem: skal udfyldes.") && refused.body.string.contains("Opfølgning senest: datoen er før handlingen blev aftalt."))
            #expect(refused.body.string.contains(">Oplæg til udvalget</textarea>"), "what was typed is kept")
            #expect(try await leader.post("/ledelse/handlinger", ["source": "temperature", "sourceID": round.id, "what": "Oplæg til udvalget", "owner": "Leder Lise", "indicator": "I1"]).status == .seeOther)
            let board = try await leader.get("/ledelse/handlinger").body.string
            #expect(board.contains("Oplæg til udvalget") && board.contains("Temperaturmåling") && board.contains("I1: "))
            #expect(try await leader.get("/ledelse/handlinger?ansvarlig=ali").body.string.contains("Ingen handlinger passer til filteret."))
            let action = try #require(try await store.leadership.actions(municipality: "265").first)
            #expect(action.sign?.indicator == "I1" && action.source == .temperature && action.sourceID == round.id)
            #expect(try await leader.post("/ledelse/handlinger/\(action.id)", ["what": action.what, "owner": action.owner, "indicator": "I1", "status": "done", "note": "Vedtaget i udvalget"]).status == .seeOther)
            let page = try await leader.get("/ledelse/handlinger/\(action.id)").body.string
            #expect(page.contains("Gennemført — Vedtaget i udvalget"))
            #expect(try await leader.get("/ledelse").body.string.contains("1. Forudsætninger (temperaturmåling)"))
        }
    }
}

/// Reflection meetings through the routes: frozen documentation, who takes
/// part, private preparation, phases in order, actions and *Siden sidst*.
@Suite struct ReflectionWebTests {
    @Test func aMeetingKeepsItsFrozenNumbersAndItsActionsComeBackNextTime() async throws {
        try await withRoretApp { app in
            let store = Store(database: app.db)
            var leader = Browser(app)
            try await leader.signIn("leder")
            _ = try await leader.get("/ledelse/moeder")
            let body = "csrf=\(leader.csrf!)&title=Kvartalsm%C3%B8de&date=\(DanishDate.today)&parts%5B%5D=noegletal&parts%5B%5D=praksis&participants%5B%5D=leder&participants%5B%5D=borger&participants%5B%5D=sagsbehandler"
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            let created = try await leader.send(.POST, "/ledelse/moeder", headers: headers, body: ByteBuffer(string: body))
            #expect(created.status == .seeOther)
            let path = try #require(created.headers.first(name: .location))
            let id = try #require(UUID(uuidString: String(path.dropFirst("/refleksion/".count))))
            let frozen = try #require(try await store.reflection.meeting(id)?.documentation)
            #expect(frozen.source.hasPrefix("Udtræk v1") && frozen.tables.count == 2)
            let nt05 = try #require(frozen.tables[0].rows.first { $0[0].hasPrefix("NT05") })

            // A new extract changes the figures, not the meeting's documentation.
            _ = try await ExtractImport.run(store: store, figures: app.roret.figures, currentVersions: app.roret.currentVersions, files: TestExtracts.demo(seed: 2), source: "test 2", importedBy: "test")
            var html = try await leader.get(path).body.string
            #expect(html.contains("Udtræk v1") && html.contains("<td>\(nt05[1])</td>"))
            #expect(try await store.reflection.meeting(id)?.documentation == frozen)

            // Who takes part: the citizen reads, the uninvited caseworker is refused; only leaders move the phase.
            var citizen = Browser(app)
            try await citizen.signIn("borger")
            _ = try await citizen.get("/min-side")
            #expect(try await citizen.get(path).status == .ok)
            #expect(try await citizen.post(path + "/noter", ["kind": "preparation", "question": "2", "text": "Hvorfor kommer så få videre?"]).status == .seeOther)
            #expect(try await citizen.post(path + "/fase", ["phase": "1"]).status == .forbidden)
            var other = Browser(app)
            try await other.signIn("sagsbehandler-2")
            #expect(try await other.get(path).status == .forbidden)
            html = try await leader.get(path).body.string
            #expect(!html.contains("Hvorfor kommer så få videre?") && html.contains("1 note fra andre deltagere vises, når dialogen begynder."))
            #expect(try await leader.post(path + "/fase", ["phase": "3"]).status == .badRequest, "no jumping")
            #expect(try await leader.post(path + "/fase", ["phase": "1"]).status == .seeOther)
            #expect(try await leader.get(path).body.string.contains("Hvorfor kommer så få videre?"), "visible once the dialogue opens")

            // An action only from Forbered handling; then it comes back in the next meeting's Siden sidst.
            let early = try await leader.post("/ledelse/handlinger", ["source": "meeting", "sourceID": id.uuidString, "what": "Noget", "owner": "Lise"])
            #expect(early.status == .badRequest && early.body.string.contains("Handlinger aftales i mødets faser"))
            for phase in 2...4 { #expect(try await leader.post(path + "/fase", ["phase": String(phase)]).status == .seeOther) }
            let agreed = try await leader.post("/ledelse/handlinger", ["source": "meeting", "sourceID": id.uuidString, "what": "Skriv håb med egne ord", "owner": "Lise", "indicator": "I1"])
            #expect(agreed.status == .seeOther && agreed.headers.first(name: .location) == "/refleksion/\(id)#handling")
            #expect(try await leader.get(path).body.string.contains("Skriv håb med egne ord"))
            let csv = try await leader.get(path + "/referat.csv").body.string
            #expect(csv.hasPrefix("afsnit,emne,hvem,tekst\n") && csv.contains("Skriv håb med egne ord") && csv.contains("Hvorfor kommer så få videre?"))
            let next = try await store.reflection.create(municipality: "265", title: "Næste møde", date: DanishDate.today.adding(days: 1),
                                                         participants: [MeetingParticipant(username: "leder", role: .leader, meetingRole: "Leder")],
                                                         documentation: FrozenDocumentation(frozenOn: DanishDate.today, source: "x", tables: []), by: "leder")
            let sinceLast = try await leader.get("/refleksion/\(next.id)").body.string
            #expect(sinceLast.contains("Jeres åbne handlinger") && sinceLast.contains("Skriv håb med egne ord"))
        }
    }
}

/// The review of ten cases through the routes: the reproducible draw, who
/// may open a sampled record (own cases, or a grant until its last day),
/// pre-filled answers, and counts without pseudonyms for the steering group.
@Suite struct CaseReviewWebTests {
    @Test(arguments: TestDatabase.available)
    func reviewersOpenOnlyWhatTheyMayAndTheGroupSeesCounts(_ backend: TestDatabase) async throws {
        try await withRoretApp(backend, importDemo: false) { app in
            let store = Store(database: app.db)
            try await PracticePageTests().seed(app)
            var leader = Browser(app)
            try await leader.signIn("leder")
            _ = try await leader.get("/ledelse/sagsgennemgang")
            let started = try await leader.post("/ledelse/sagsgennemgang", ["seed": "42"])
            #expect(started.status == .seeOther)
            let review = try #require(try await store.caseReviews.reviews(municipality: "265").first)
            #expect(review.seed == 42 && review.sample.count == 7, "all seven records are recent; fewer than ten are all drawn")
            #expect(try await leader.post("/ledelse/sagsgennemgang", ["seed": "42"]).status == .seeOther)
            let again = try await store.caseReviews.reviews(municipality: "265")
            #expect(again[0].sample == again[1].sample, "the same seed draws the same cases")
            let second = try #require(again.first { $0.id != review.id })
            let path = "/ledelse/sagsgennemgang/\(review.id)"
            var html = try await leader.get(path).body.string
            #expect(html.contains("Optælling over de 7 trukne sager") && !withoutRandomParts(html).contains("C-1") && !html.contains("/sag/1\""), "counts, no pseudonyms, no record for the leader")
            #expect(try await leader.get(path + "/sag/1").status == .forbidden)

            // The caseworker reviews their own sampled cases; the record pre-fills what it shows.
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            html = try await caseworker.get(path).body.string
            let mine = try await store.citizens.assigned(to: "sagsbehandler").map(\.id)
            let index = try #require(review.sample.firstIndex { mine.contains($0) }) + 1
            #expect(html.contains("/sag/\(index)\""))
            let form = try await caseworker.get(path + "/sag/\(index)").body.string
            #expect(form.contains("Forudfyldt fra sagen:"))
            #expect(try await auditEvents(app, .citizenRead, username: "sagsbehandler").first?.detail.contains("sagsgennemgang") == true, "opening a sampled record is audited")
            var answers: [String: String] = [:]
            for i in 1...10 { answers["c\(i)"] = i == 9 ? "notRelevant" : "yes" }
            answers["c3"] = nil
            let partial = try await caseworker.post(path + "/sag/\(index)", answers)
            #expect(partial.status == .badRequest && partial.body.string.contains("Kriterium 3: vælg en af mulighederne."))
            answers["c3"] = "no"
            answers["k3"] = "Ressourcerne er ikke beskrevet"
            #expect(try await caseworker.post(path + "/sag/\(index)", answers).status == .seeOther)
            html = try await leader.get(path).body.string
            #expect(html.contains("<th scope=\"row\">3. Borgerens ressourcer er beskrevet, og borgeren har bekræftet beskrivelsen.</th><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td>"))
            var other = Browser(app)
            try await other.signIn("sagsbehandler-2")
            let foreign = review.sample.firstIndex { !mine.contains($0) }.map { $0 + 1 }
            if let foreign { #expect(try await other.get(path + "/sag/\(foreign)").status == .ok, "sagsbehandler-2 has C-7") }
            #expect(try await other.get(path + "/sag/\(index)").status == .forbidden)

            // A grant lets the leader open the cases until its last day; an expired one does not.
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/sagsgennemgang")
            #expect(try await admin.post("/admin/sagsgennemgang/\(review.id)/adgang", ["username": "leder", "until": DanishDate.today.description]).status == .seeOther)
            #expect(try await leader.get(path + "/sag/1").status == .ok)
            try await store.caseReviews.grant(review: second.id, to: "analytiker", until: DanishDate.today.adding(days: -1), by: "admin")
            var analyst = Browser(app)
            try await analyst.signIn("analytiker")
            #expect(try await analyst.get("/ledelse/sagsgennemgang/\(second.id)/sag/1").status == .forbidden, "the grant has expired")
            #expect(try await analyst.get(path + "/sag/1").status == .forbidden, "a grant is for one review")
            #expect(try await admin.post("/admin/sagsgennemgang/\(review.id)/adgang", ["username": "leder-greve", "until": DanishDate.today.description]).status == .seeOther)
            #expect(try await store.caseReviews.review(review.id)?.grants.count == 1, "not to someone outside the municipality")
            #expect(try await leader.post("/admin/sagsgennemgang/\(review.id)/adgang", ["username": "leder", "until": DanishDate.today.description]).status == .forbidden)
        }
    }
}

/// Overdue actions remind the account named on them, through the outbox.
@Suite struct ActionReminderTests {
    @Test func anOverdueActionRemindsItsOwnerUntilItIsDone() async throws {
        try await withRoretApp(importDemo: false) { app in
            let store = Store(database: app.db)
            let today = DanishDate.today
            var leader = Browser(app)
            try await leader.signIn("leder")
            _ = try await leader.get("/ledelse/handlinger/ny")
            #expect(try await leader.post("/ledelse/handlinger", ["source": "meeting", "what": "Ring til regionen", "owner": "Tovholderen", "remind": "analytiker",
                                                                   "due": today.description]).status == .seeOther)
            var action = try #require(try await store.leadership.actions(municipality: "265").first)
            #expect(action.remind == "analytiker")
            try await ReminderJob.run(store: store, today: today)
            #expect(try await store.leadership.actionReminders().isEmpty, "not overdue on its due day")
            try await ReminderJob.run(store: store, today: today.adding(days: 1))
            try await ReminderJob.run(store: store, today: today.adding(days: 2))
            let reminders = try await store.leadership.actionReminders()
            #expect(reminders.count == 1 && reminders[0].recipient == "analytiker" && reminders[0].state == .pending, "once per action and due day")
            var admin = Browser(app)
            try await admin.signIn("admin")
            #expect(try await admin.get("/admin/udbakke").body.string.contains("Handling: Ring til regionen"))
            action.status = .done
            try await store.leadership.saveAction(action, note: "Klaret", on: today.adding(days: 2), by: "leder")
            #expect(try await store.leadership.actionReminders().first?.state == .cancelled, "a finished action stops its reminder")
        }
    }
}

/// Every POST of the reflection meetings, the case review and its grants,
/// by every role: who may, who is refused (403), and a refusal stores nothing.
@Suite struct LeadershipPostMatrixTests {
    @Test func meetingsReviewsAndGrantsAdmitOnlyTheirRoles() async throws {
        try await withRoretApp(importDemo: false) { app in
            let store = Store(database: app.db)
            try await PracticePageTests().seed(app)
            let meeting = try await store.reflection.create(municipality: "265", title: "Møde", date: DanishDate.today,
                                                            participants: [MeetingParticipant(username: "leder", role: .leader, meetingRole: "Leder"),
                                                                           MeetingParticipant(username: "borger", role: .citizen, meetingRole: "Borger")],
                                                            documentation: FrozenDocumentation(frozenOn: DanishDate.today, source: "x", tables: []), by: "leder")
            let eligible = try await store.citizens.all(municipality: "265").map(\.id)
            let review = try await store.caseReviews.create(municipality: "265", eligible: eligible, seed: 1, on: DanishDate.today, by: "leder")
            let mine = try await store.citizens.assigned(to: "sagsbehandler").map(\.id)
            let own = try #require(review.sample.firstIndex { mine.contains($0) }) + 1
            let answers = Dictionary(uniqueKeysWithValues: (1...10).map { ("c\($0)", "partly") })
            // Each form as the account would fill it in (a meeting's participants are the runner themself).
            let posts: [(path: String, form: (String) -> [String: String], may: Set<String>)] = [
                ("/ledelse/moeder", { ["title": "Nyt", "date": DanishDate.today.description, "parts[]": "praksis", "participants[]": $0 == "analytiker-land" ? "leder" : $0] },
                 ["leder", "leder-greve", "analytiker", "analytiker-land"]),
                ("/refleksion/\(meeting.id)/noter", { _ in ["kind": "preparation", "question": "1", "text": "En note"] }, ["leder", "analytiker", "analytiker-land", "borger"]),
                ("/ledelse/sagsgennemgang", { _ in ["seed": "3"] }, ["leder", "leder-greve", "analytiker", "analytiker-land"]),
                ("/ledelse/sagsgennemgang/\(review.id)/sag/\(own)", { _ in answers }, ["sagsbehandler"]),
                // A grant to an account that may not use it anyway: the grant is what is tested here.
                ("/admin/sagsgennemgang/\(review.id)/adgang", { _ in ["username": "borger-2", "until": DanishDate.today.description] }, ["admin"]),
                // Only those who run the municipality's tools move a meeting on (the moves themselves come after the loop).
                ("/refleksion/\(meeting.id)/fase", { _ in ["phase": "9"] }, ["leder", "analytiker", "analytiker-land"]),
            ]
            for account in testAccounts {
                var browser = Browser(app)
                try await browser.signIn(account.username)
                _ = try await browser.get(account.role == .citizen ? "/min-side" : account.role == .caseworker || account.role == .provider ? "/borgere" : "/oversigt")
                for post in posts {
                    let notes = try await store.reflection.notes(UUID(uuidString: meeting.id)!).count
                    let meetings = try await store.reflection.meetings(municipality: "265").count
                    let reviewed = try await store.caseReviews.review(review.id)?.answers.count
                    let grants = try await store.caseReviews.review(review.id)?.grants.count
                    let status = try await browser.post(post.path, post.form(account.username)).status
                    if post.path.hasSuffix("/fase") && post.may.contains(account.username) {
                        #expect(status == .badRequest, "\(account.username) may move the meeting, but not to a phase that does not exist")
                    } else if post.may.contains(account.username) {
                        #expect(status == .seeOther, "\(account.username) \(post.path): \(status)")
                    } else {
                        #expect(status == .forbidden, "\(account.username) \(post.path) is refused: \(status)")
                        #expect(try await store.reflection.notes(UUID(uuidString: meeting.id)!).count == notes)
                        #expect(try await store.reflection.meetings(municipality: "265").count == meetings)
                        #expect(try await store.caseReviews.review(review.id)?.answers.count == reviewed)
                        #expect(try await store.caseReviews.review(review.id)?.grants.count == grants)
                    }
                }
            }
            #expect(try await store.reflection.meeting(UUID(uuidString: meeting.id)!)?.phase == .preparation, "nobody moved it")
            #expect(try await store.caseReviews.review(review.id)?.grants.map(\.username) == ["borger-2"])
            #expect(try await store.caseReviews.review(review.id)?.answers.count == 1, "only the caseworker reviewed the case")
            var leader = Browser(app)
            try await leader.signIn("leder")
            _ = try await leader.get("/ledelse")
            #expect(try await leader.post("/refleksion/\(meeting.id)/fase", ["phase": "1"]).status == .seeOther)
            #expect(try await store.reflection.meeting(UUID(uuidString: meeting.id)!)?.phase == .sinceLast)
        }
    }
}
