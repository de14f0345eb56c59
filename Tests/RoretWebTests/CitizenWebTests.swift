import Foundation
import RoretCore
import RoretImport
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// Caseworkers' records, the citizen's link, the citizen's own page: who
/// sees what, and the link's lifecycle through the browser.
@Suite struct CitizenWebTests {
    /// A citizen of `sagsbehandler` in 265, with an active intervention at Bostedet and `borger` as own account.
    func anna(_ app: Application) async throws -> Citizen {
        let store = Store(database: app.db)
        let anna = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: "Anna", caseworker: "sagsbehandler", followUpStartedOn: Day.yearStart(2024))
        try await store.citizens.addIntervention(to: anna.id, paragraph: .p85, provider: "Bostedet", start: Day.yearStart(2024), end: nil)
        try await store.citizens.linkAccount("borger", to: anna.id)
        try await store.plans.addEntry(to: anna.id, kind: .hopesWishesDreams, text: "At spille i et band igen", inCitizensWords: true, on: Day.yearStart(2024), by: "sagsbehandler")
        return anna
    }

    @Test(arguments: TestDatabase.available)
    func onlyTheAssignedCaseworkerProviderStaffAtAnActiveProviderAndTheCitizenSeeTheRecord(_ backend: TestDatabase) async throws {
        try await withRoretApp(backend, importDemo: false) { app in
            let record = "/borgere/\(try await anna(app).id.uuidString)"
            let expected: [String: HTTPStatus] = [
                "sagsbehandler": .ok, "udfoerer": .ok,
                "sagsbehandler-2": .forbidden, "udfoerer-2": .forbidden,
                "leder": .forbidden, "analytiker": .forbidden, "analytiker-land": .forbidden, "admin": .forbidden,
                "borger": .forbidden, "borger-2": .forbidden,
            ]
            for (username, status) in expected {
                var browser = Browser(app)
                try await browser.signIn(username)
                let response = try await browser.get(record)
                #expect(response.status == status, "\(username)")
                if status == .ok { #expect(response.body.string.contains("At spille i et band igen"), "\(username)") }
            }
            let reads = try await auditEvents(app, .citizenRead)
            #expect(Set(reads.compactMap(\.username)) == ["sagsbehandler", "udfoerer"], "every read is audited")
            #expect(try await auditEvents(app, .accessDenied, username: "sagsbehandler-2").count == 1)
        }
    }

    @Test func theCitizenSeesTheirOwnPageAndNothingOfAnyoneElse() async throws {
        try await withRoretApp(importDemo: false) { app in
            _ = try await anna(app)
            var own = Browser(app)
            try await own.signIn("borger")
            let page = try await own.get("/min-side")
            #expect(page.body.string.contains("At spille i et band igen"))
            #expect(page.body.string.contains("Dine håb, ønsker og drømme"))
            var other = Browser(app)
            try await other.signIn("borger-2")
            let empty = try await other.get("/min-side")
            #expect(empty.status == .ok)
            #expect(!empty.body.string.contains("At spille i et band igen"))
            #expect(empty.body.string.contains("ikke koblet"))
        }
    }

    /// The token of the link the record page shows after issuing one.
    func issueLink(_ browser: inout Browser, _ citizen: Citizen, _ instrument: String = "WHO-5") async throws -> String {
        _ = try await browser.get("/borgere/\(citizen.id.uuidString)")
        let posted = try await browser.post("/borgere/\(citizen.id.uuidString)/link", ["instrument": instrument])
        #expect(posted.status == .seeOther, "the link is shown once, after the redirect")
        let html = try await browser.get("/borgere/\(citizen.id.uuidString)").body.string
        #expect(try await browser.get("/borgere/\(citizen.id.uuidString)").body.string.contains("new-link") == false, "and only once")
        let start = try #require(html.range(of: "id=\"new-link\">"))
        let url = String(html[start.upperBound...].prefix { $0 != "<" })
        return String(url.split(separator: "/").last!)
    }

    func post(_ app: Application, _ path: String, _ body: String) async throws -> TestingHTTPResponse {
        try await app.testing().performTest(request: TestingHTTPRequest(
            method: .POST, url: URI(string: path), headers: ["Content-Type": "application/x-www-form-urlencoded"], body: ByteBuffer(string: body)))
    }

    func get(_ app: Application, _ path: String) async throws -> TestingHTTPResponse {
        try await app.testing().performTest(request: TestingHTTPRequest(method: .GET, url: URI(string: path), headers: [:], body: ByteBuffer()))
    }

    @Test(arguments: TestDatabase.available)
    func aLinkIsAnsweredOnceAndTheAnswerArrivesOnTheTrajectory(_ backend: TestDatabase) async throws {
        try await withRoretApp(backend, importDemo: false) { app in
            let citizen = try await anna(app)
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            let token = try await issueLink(&caseworker, citizen)
            #expect(token.count >= 30, "unguessable")
            let info = try await get(app, "/svar/\(token)")
            #expect(info.status == .ok)
            #expect(info.body.string.contains("Hvem kan se dine svar?"))
            #expect(info.body.string.contains("Har jeg været glad og i godt humør"))
            #expect(try await post(app, "/svar/\(token)", "item1=3&item2=tre&item3=3&item4=3&item5=3").status == .badRequest, "garbled: refused, the link not spent")
            let tak = try await post(app, "/svar/\(token)", "item1=3&item2=3&item3=3&item4=3&item5=3")
            #expect(tak.status == .ok)
            #expect(tak.body.string.contains("Dine svar er gemt."))
            let reuse = try await post(app, "/svar/\(token)", "item1=0&item2=0&item3=0&item4=0&item5=0")
            #expect(reuse.status == .gone)
            #expect(try await get(app, "/svar/\(token)").status == .gone)
            #expect(try await get(app, "/svar/\(token)x").status == .notFound, "a tampered token finds nothing")
            let answers = try await Store(database: app.db).measurements.measurements(of: citizen.id)
            #expect(answers.map(\.score) == [60], "one answer, stored once")
            let record = try await caseworker.get("/borgere/\(citizen.id.uuidString)").body.string
            #expect(record.contains("<td>60<br><span class=\"note\">over 50: ingen umiddelbar risiko</span>"))
            #expect(record.contains("<td>Borgeren selv (link)</td>"))
            #expect(record.contains("Har jeg været glad og i godt humør: Lidt mere end halvdelen af tiden (3)"), "each item's answer can be seen")
            #expect(record.contains("class=\"point area\""), "the point on the trajectory")
        }
    }

    @Test func aCitizenMayDeclineAndNothingIsStored() async throws {
        try await withRoretApp(importDemo: false) { app in
            let citizen = try await anna(app)
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            let token = try await issueLink(&caseworker, citizen, "BRIEF-INSPIRE-O")
            let declined = try await post(app, "/svar/\(token)/nej", "")
            #expect(declined.body.string.contains("Du har sagt nej tak"))
            #expect(try await post(app, "/svar/\(token)", "item1=4").status == .gone)
            #expect(try await Store(database: app.db).measurements.measurements(of: citizen.id).isEmpty)
            #expect(try await auditEvents(app, .measurementDeclined).count == 1)
        }
    }

    @Test func aChangedGoalKeepsItsHistoryOnThePage() async throws {
        try await withRoretApp(importDemo: false) { app in
            let citizen = try await anna(app)
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            let path = "/borgere/\(citizen.id.uuidString)"
            _ = try await caseworker.get(path)
            _ = try await caseworker.post(path + "/maal", ["text": "Øve to gange om ugen", "horizon": "shortTerm"])
            _ = try await caseworker.get(path)
            _ = try await caseworker.post(path + "/maal/1", ["text": "Øve tre gange om ugen", "horizon": "shortTerm", "status": "active"])
            let html = try await caseworker.get(path).body.string
            #expect(html.contains("<strong>Øve tre gange om ugen</strong>"))
            #expect(html.contains("v1 "))
            #expect(html.contains("Øve to gange om ugen"))
            #expect(!html.contains("· opfølgning"), "no follow-up date, no follow-up text")
        }
    }

    /// The caseworker corrects a plan text in the browser: the new version
    /// shows, the old one is listed under earlier versions (also for the
    /// citizen), an edit of the old version is refused, another plan's text
    /// cannot be edited, and each edit is audited.
    @Test func aPlanTextIsEditedInTheBrowserAndTheOldVersionStays() async throws {
        try await withRoretApp(importDemo: false) { app in
            let citizen = try await anna(app)
            let store = Store(database: app.db)
            let original = try #require(try await store.plans.texts(of: citizen.id).first?.current)
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            let path = "/borgere/\(citizen.id.uuidString)"
            let before = try await caseworker.get(path).body.string
            #expect(before.contains("name=\"replaces\" value=\"\(original.id.uuidString)\""), "an edit form for the text")
            #expect(!before.contains("Tidligere versioner"))
            let words = "At spille i et band igen,\nog at skrive mine egne sange"
            let edited = try await caseworker.post(path + "/tekst", ["kind": "hopesWishesDreams", "text": words, "ownWords": "ja", "replaces": original.id.uuidString])
            #expect(edited.status == .seeOther)
            let html = try await caseworker.get(path).body.string
            #expect(html.contains("og at skrive mine egne sange"))
            #expect(html.contains("Tidligere versioner"))
            #expect(html.contains("Med borgerens egne ord: »At spille i et band igen« — 01.01.2024, sagsbehandler"))
            let current = try await store.plans.texts(of: citizen.id).map(\.current)
            #expect(current.count == 1 && current[0].text == words && current[0].replaces == original.id)

            let stale = try await caseworker.post(path + "/tekst", ["kind": "hopesWishesDreams", "text": "Forældet", "ownWords": "ja", "replaces": original.id.uuidString])
            #expect(stale.body.string.contains("allerede blevet rettet af en anden"))
            #expect(try await store.plans.history(of: citizen.id).count == 2)

            let other = try await store.citizens.create(municipality: "265", pseudonym: "B-002", name: nil, caseworker: "sagsbehandler", followUpStartedOn: Day.yearStart(2024))
            let foreign = try await caseworker.post("/borgere/\(other.id.uuidString)/tekst", ["kind": "hopesWishesDreams", "text": "x", "replaces": current[0].id.uuidString])
            #expect(foreign.body.string.contains("Teksten kunne ikke rettes"))
            #expect(try await caseworker.post(path + "/tekst", ["kind": "hopesWishesDreams", "text": "x", "replaces": "ikke-et-id"]).status == .badRequest)
            #expect(try await store.plans.history(of: other.id).isEmpty)
            let empty = try await caseworker.get("/borgere/\(other.id.uuidString)").body.string
            #expect(empty.contains("<h1>Borger B-002</h1>"), "no name, no dash")
            #expect(empty.contains("Endnu intet skrevet."), "no hopes")
            #expect(empty.contains("Endnu ikke beskrevet."), "no resources")
            #expect(empty.contains("Netværket er ikke afdækket endnu"))
            #expect(empty.contains("Ingen møder endnu."))
            #expect(!html.contains("Endnu intet skrevet."), "Anna has hopes written")

            var own = Browser(app)
            try await own.signIn("borger")
            let mine = try await own.get("/min-side").body.string
            #expect(mine.contains("og at skrive mine egne sange"))
            #expect(mine.contains("Tidligere versioner"))
            #expect(!mine.contains("name=\"replaces\""), "the citizen reads; staff edit")

            let changes = try await auditEvents(app, .citizenChanged, username: "sagsbehandler")
            #expect(changes.filter { $0.detail.contains("rettet (ny version)") }.count == 1)
        }
    }

    @Test func staffEnterAPaperAnswerWithItsRealDate() async throws {
        try await withRoretApp(importDemo: false) { app in
            let citizen = try await anna(app)
            var provider = Browser(app)
            try await provider.signIn("udfoerer")
            let path = "/borgere/\(citizen.id.uuidString)"
            _ = try await provider.get(path)
            let saved = try await provider.post(path + "/maaling", ["instrument": "WHO-5", "channel": "paper", "date": "2024-02-01",
                                                                    "item1": "2", "item2": "2", "item3": "2", "item4": "2", "item5": ""])
            #expect(saved.status == .seeOther)
            // Staff cannot pass an answer off as the citizen's own (link) answer.
            let forged = try await provider.post(path + "/maaling", ["instrument": "WHO-5", "channel": "link", "date": "2024-02-02",
                                                                     "item1": "5", "item2": "5", "item3": "5", "item4": "5", "item5": "5"])
            #expect(forged.status == .badRequest)
            // A value that is not a number is refused, not stored as "not answered".
            let garbled = try await provider.post(path + "/maaling", ["instrument": "WHO-5", "channel": "paper", "date": "2024-02-03",
                                                                      "item1": "2", "item2": "to", "item3": "2", "item4": "2", "item5": "2"])
            #expect(garbled.status == .badRequest)
            let answers = try await Store(database: app.db).measurements.measurements(of: citizen.id)
            #expect(answers.map(\.answeredOn) == [Day(iso: "2024-02-01")!])
            #expect(answers.first?.score == nil, "incomplete: kept, never scored")
            #expect(answers.first?.channel == .paper)
        }
    }
}

/// The leaders' figures include answers collected in Roret as soon as they are stored.
@Suite struct StoredAnswersOnDashboardsTests {
    /// A person on the staircase in 2024 (target group) without a complete WHO-5 in 265 dated 2024.
    func unmeasuredPerson() throws -> String {
        guard case .valid(let data, _) = ExtractReader.read(files: TestExtracts.demo()) else { throw Abort(.internalServerError) }
        let start = Day.yearStart(2024), end = Day.yearEnd(2024)
        let t = data.interventions
        var onStaircase = Set<Int32>()
        for i in 0..<t.count where t.reason[i] == .sindslidelse && Staircase.standard.step(of: t.paragraph[i]) > 0 && t.start[i] <= end && t.end[i] >= start {
            onStaircase.insert(t.person[i])
        }
        var measured = Set<Int32>()
        if let m = data.measurements, let m265 = data.municipalityIndex(code: "265") {
            for i in 0..<m.count where m.instrument[i] == .who5 && m.municipality[i] == Int32(m265) && m.date[i] >= start && m.date[i] <= end && m.score(row: i) != nil {
                measured.insert(m.person[i])
            }
        }
        let person = try #require(onStaircase.subtracting(measured).sorted().first)
        return data.personIDs[Int(person)]
    }

    /// An answer stored in Roret reaches the leaders' figures only at the
    /// nightly rebuild, never one by one; a backdated answer (dated before
    /// the year before the rebuild) never does.
    @Test func aStoredAnswerReachesTheLeadersFiguresOnlyAtTheNightlyRebuild() async throws {
        try await withRoretApp { app in
            let pseudonym = try unmeasuredPerson()
            let store = Store(database: app.db)
            func nt16() async throws -> KeyFigureRow {
                let version = try #require(try await store.extracts.current(for: nationalArea))
                let set = try await app.roret.figures.figures(of: version, answers: try await store.publications.latest())
                return try #require(set.rows(area: "265", figure: .nt16, unsuppressed: true).first { $0.year == 2024 })
            }
            let before = try await nt16()
            var leader = Browser(app)
            try await leader.signIn("leder")
            let pageBefore = try await leader.get("/noegletal/NT16?aar=2024").body.string

            let citizen = try await store.citizens.create(municipality: "265", pseudonym: pseudonym, name: nil, caseworker: "sagsbehandler", followUpStartedOn: Day.yearStart(2024))
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            let path = "/borgere/\(citizen.id.uuidString)"
            _ = try await caseworker.get(path)
            // 5 × 5 × 4 = 100, answered on paper on 1 December 2024.
            _ = try await caseworker.post(path + "/maaling", ["instrument": "WHO-5", "channel": "paper", "date": "2024-12-01",
                                                              "item1": "5", "item2": "5", "item3": "5", "item4": "5", "item5": "5"])
            app.roret.answersPublication.invalidate()
            #expect(try await nt16() == before, "not one by one")
            #expect(try await leader.get("/noegletal/NT16?aar=2024").body.string == pageBefore, "the leader sees nothing move")

            // The nightly rebuild in January 2025 (2024 answers count).
            try await AnswersRebuild.run(store: store, figures: app.roret.figures, today: Day(iso: "2025-01-15")!)
            app.roret.answersPublication.invalidate()
            let after = try await nt16()
            guard case .count(let n0)? = before.numerator, case .count(let d0)? = before.denominator,
                  case .count(let n1)? = after.numerator, case .count(let d1)? = after.denominator else {
                Issue.record("NT16 should be counts")
                return
            }
            #expect(d1 == d0 + 1)
            #expect(n1 == n0 + 100)
            // The leader's page (a cached body) shows the new Roskilde mean, not the old.
            let shown = { (row: KeyFigureRow) in "<td class=\"num\">\(DanishFormat.value(row))</td>" }
            #expect(pageBefore.contains(shown(before)))
            let pageAfter = try await leader.get("/noegletal/NT16?aar=2024").body.string
            #expect(pageAfter.contains(shown(after)))
            #expect(shown(after) != shown(before), "one answer of 100 moves the mean's first decimal")

            // A rebuild in 2026 counts answers from 2025 on: the 2024 answer is kept in the record but leaves the figures.
            try await AnswersRebuild.run(store: store, figures: app.roret.figures, today: Day(iso: "2026-01-15")!)
            app.roret.answersPublication.invalidate()
            #expect(try await nt16() == before)
            let record = try await caseworker.get(path).body.string
            #expect(record.contains("Nej: dateret før \(DanishDate.today.year - 1)"), "the record says the backdated answer does not count")
        }
    }
}

/// The caseworker gives the citizen their own view.
@Suite struct OwnAccountLinkTests {
    @Test func onlyACitizenAccountOfTheMunicipalityNotLinkedElsewhereCanBeLinked() async throws {
        try await withRoretApp(importDemo: false) { app in
            let store = Store(database: app.db)
            let anna = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: "Anna", caseworker: "sagsbehandler", followUpStartedOn: Day.yearStart(2024))
            let bo = try await store.citizens.create(municipality: "265", pseudonym: "B-002", name: nil, caseworker: "sagsbehandler", followUpStartedOn: Day.yearStart(2024))
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            _ = try await caseworker.get("/borgere/\(anna.id.uuidString)")
            let wrongRole = try await caseworker.post("/borgere/\(anna.id.uuidString)/egen-bruger", ["username": "leder"])
            #expect(wrongRole.body.string.contains("er ikke en borgerbruger"))
            #expect(wrongRole.body.string.contains("id=\"own-account\" value=\"leder\""), "what was typed is kept")
            let linked = try await caseworker.post("/borgere/\(anna.id.uuidString)/egen-bruger", ["username": "borger"])
            #expect(linked.status == .seeOther)
            #expect(try await caseworker.get("/borgere/\(anna.id.uuidString)").body.string.contains("borger kan nu se sin plan"))
            let twice = try await caseworker.post("/borgere/\(bo.id.uuidString)/egen-bruger", ["username": "borger"])
            #expect(twice.body.string.contains("allerede knyttet"))
            var citizen = Browser(app)
            try await citizen.signIn("borger")
            let own = try await citizen.get("/min-side").body.string
            #expect(own.contains("<h2>Dine svar og din udvikling</h2>"), "the linked record is shown")
            #expect(!own.contains("ikke koblet"))
            #expect(try await store.citizens.find(accountUsername: "borger")?.id == anna.id)
        }
    }
}
