import Foundation
import RoretCore
import RoretImport
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// Economic steering on the web: who sees forecasts and keeps scenarios
/// (every page and POST by every role), withheld counts for those who may
/// not see persons, saving, comparing and printing scenarios, the API.
@Suite struct EconomicsWebTests {
    /// A small extract (Roskilde and Greve, 2022–2024) with few persons on some steps: 12 on step 2,
    /// 3 on step 3 and 7 on step 5 in Roskilde at every year end; Greve 9 on step 2. Expenditure on every step used.
    static func smallExtract() -> [String: [UInt8]] {
        var b = RegisterDataBuilder(municipalities: [Municipality(code: "253", name: "Greve"), Municipality(code: "265", name: "Roskilde")], years: 2022...2024)
        for m in ["253", "265"] { for y in 2022...2024 { b.setAdults(60_000, municipality: m, year: y) } }
        for (m, paragraph, n) in [("265", Paragraph.p85, 12), ("265", .p107, 3), ("265", .p108, 7), ("253", .p85, 9)] {
            for i in 0..<n { b.addIntervention(person: "\(m)-\(paragraph.code)-\(i)", municipality: m, paragraph: paragraph, start: Day.yearStart(2021), end: nil, reason: .sindslidelse) }
            for y in 2022...2024 { b.addExpenditure(municipality: m, year: y, paragraph: paragraph, amount: Amount(ore: Int64(n) * 20_000_000)) }
        }
        return TestExtracts.bytes(b.build())
    }

    static let scenarioForm = ["kind": "downTheStaircase", "name": "10 borgere fra trin 5 til trin 4", "citizens": "10", "fromStep": "5", "toStep": "4"]

    @Test func leadersAndAnalystsSeeForecastsOthersAreRefused() async throws {
        try await withRoretApp { app in
            for account in testAccounts {
                var browser = Browser(app)
                try await browser.signIn(account.username)
                let may = account.role == .leader || account.role == .analyst
                for path in ["/oekonomi/fremskrivning", "/oekonomi/fremskrivning?omraade=265&vindue=2&horisont=4", "/oekonomi/fremskrivning.csv?omraade=265",
                             "/oekonomi/fremskrivning.xlsx?omraade=265", "/oekonomi/budgetpotentiale?omraade=265"] {
                    let response = try await browser.get(path)
                    #expect(response.status == (may ? .ok : .forbidden), "\(account.username) GET \(path)")
                }
                _ = try await browser.get(account.role == .citizen ? "/min-side" : "/")
                let before = try await Store(database: app.db).scenarios.all(area: "265").count
                let post = try await browser.post("/oekonomi/budgetpotentiale?omraade=265", Self.scenarioForm)
                // Only Roskilde's own leaders and analysts, and national ones, keep Roskilde's scenarios.
                let keeps = may && (account.area == "265" || account.area == nationalArea)
                #expect(post.status == (keeps ? .seeOther : .forbidden), "\(account.username) POST a scenario")
                let after = try await Store(database: app.db).scenarios.all(area: "265").count
                #expect(after == before + (keeps ? 1 : 0), "\(account.username) stored \(after - before)")
            }
        }
    }

    @Test func aLeaderSeesWithheldCountsAndAnAnalystWhoAsksSeesThemAudited() async throws {
        try await withRoretApp(importDemo: false) { app in
            _ = try await ExtractImport.run(store: Store(database: app.db), figures: app.roret.figures, currentVersions: app.roret.currentVersions, files: Self.smallExtract(),
                                            source: "test", importedBy: "test")
            var leader = Browser(app)
            try await leader.signIn("leder")
            let page = try await leader.get("/oekonomi/fremskrivning?omraade=265")
            let html = page.body.string
            #expect(html.contains("Fremskrivning — Roskilde") && html.contains("Basisår") && html.contains("Det antager fremskrivningen"))
            #expect(html.contains("Observerede antal fra registerdata er diskretionerede"))
            // What the table withholds is what disclosure control withholds, in the last observed years:
            // step 3's 3 persons, and with them step 5's 7 (the breakdown rule) — and Greve's step 2 and the country's by the area rule.
            guard case .valid(let data, _) = ExtractReader.read(files: Self.smallExtract()) else { Issue.record("the test extract is valid"); return }
            let flows = KeyFigureEngine.computeAll(data).flows
            let shown = ShownFlows(suppressing: flows)
            #expect(shown.stock["265"]?.last == [0, 12, nil, 0, nil])
            let expected = shown.stock["265"]!.suffix(4).joined().filter { $0 == nil }.count
            let table = try #require(html.range(of: "id=\"forecast-table\"").map { String(html[$0.upperBound...]) }?.components(separatedBy: "</table>").first)
            #expect(expected == 6 && table.components(separatedBy: "<td>«..»</td>").count - 1 == expected, "withheld stocks in the table")
            // A unit cost is expenditure ÷ stock: withheld with the stock, and so are the costs projected with it and their total.
            let costs = try #require(html.range(of: "id=\"costs\"").map { String(html[$0.upperBound...]) }?.components(separatedBy: "</table>").first)
            let step3 = try #require(costs.components(separatedBy: "<tr>").first { $0.contains(">Trin 3<") })
            let step2 = try #require(costs.components(separatedBy: "<tr>").first { $0.contains(">Trin 2<") })
            #expect(step3.contains("<td>«..»</td>") && step3.contains("Skjult: ville vise et lille antal borgere") && !step3.contains("200.000"), "600.000 kr. ÷ 3 persons would show")
            #expect(step2.contains("200.000 kr.") && !step2.contains("«..»"), "12 persons: the unit cost is shown")
            let total = try #require(costs.components(separatedBy: "<tr>").first { $0.contains(">I alt<") })
            #expect(total.contains("«..»"))
            let bad = try await leader.get("/oekonomi/fremskrivning?omraade=265&vindue=9&pris2=mange")
            #expect(bad.status == .badRequest && bad.body.string.contains("Vindue: vælg 1 til 5 år.") && bad.body.string.contains("Enhedspris trin 2: skriv et beløb i kroner."))
            var analyst = Browser(app)
            try await analyst.signIn("analytiker")
            let full = try await analyst.get("/oekonomi/fremskrivning?omraade=265&visning=fuld")
            #expect(full.status == .ok && !full.body.string.contains("Observerede antal fra registerdata er diskretionerede"))
            #expect(try await auditEvents(app, .viewUnsuppressed, username: "analytiker").contains { $0.detail.hasPrefix("fremskrivning") })
        }
    }

    @Test func scenariosAreSavedComparedAndPrintedWithTheirSources() async throws {
        try await withRoretApp { app in
            var leader = Browser(app)
            try await leader.signIn("leder")
            _ = try await leader.get("/oekonomi/budgetpotentiale?omraade=265")
            // Every problem at once, what was typed kept.
            let refused = try await leader.post("/oekonomi/budgetpotentiale?omraade=265", ["kind": "downTheStaircase", "name": "", "citizens": "0", "fromStep": "3", "toStep": "4", "persistence": "mange"])
            #expect(refused.status == .badRequest)
            for problem in ["Navn: giv scenariet et navn.", "Antal borgere: skriv et helt tal over 0.", "Trin: borgerne flytter fra et trin til et lavere trin.", "Fastholdelse: skriv et tal."] {
                #expect(refused.body.string.contains(problem), "\(problem)")
            }
            let saved = try await leader.post("/oekonomi/budgetpotentiale?omraade=265", Self.scenarioForm.merging(["unitCostFrom": "600.000", "unitCostTo": "400.000", "persistence": "0,9"]) { $1 })
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers.first(name: .location))
            let page = try await leader.get(location)
            let html = page.body.string
            #expect(html.contains("Scenariet »10 borgere fra trin 5 til trin 4« er gemt."))
            // 10 × 0,9 × 200.000 = 1.800.000 in year 1; the entered numbers say who entered them.
            #expect(html.contains("1.800.000 kr.") && html.contains("Indtastet af leder"))
            #expect(html.contains("Følsomhed") && html.contains("Fastholdelse 0,8") && html.contains("Beløbene beskriver borgere, der nåede målet"))
            let job = try await leader.post("/oekonomi/budgetpotentiale?omraade=265", ["kind": "employment", "name": "Fem i job", "citizens": "5"])
            let jobPage = try await leader.get(try #require(job.headers.first(name: .location)))
            #expect(jobPage.body.string.contains("1.250.000 kr.") && jobPage.body.string.contains("Seed 004, linje 1233–1235"))
            let list = try await leader.get("/oekonomi/budgetpotentiale?omraade=265")
            #expect(list.status == .ok && list.body.string.contains("Fem i job") && list.body.string.contains(">leder<"), "the list names the owner of both")
            let ids = try await Store(database: app.db).scenarios.all(area: "265").map(\.id.uuidString)
            let compare = try await leader.get("/oekonomi/budgetpotentiale/sammenlign?id=\(ids[0])&id=\(ids[1])")
            #expect(compare.status == .ok && compare.body.string.contains("Fem i job") && compare.body.string.contains("10 borgere fra trin 5 til trin 4"))
            let print = try await leader.get(location.components(separatedBy: "?")[0] + "?udskriv=1")
            #expect(print.body.string.contains("<body class=\"print\""))
            // Another municipality's leader neither reads nor compares them.
            var greve = Browser(app)
            try await greve.signIn("leder-greve")
            #expect(try await greve.get(location).status == .forbidden)
            #expect(try await greve.get("/oekonomi/budgetpotentiale/sammenlign?id=\(ids[0])&id=\(ids[1])").status == .forbidden)
        }
    }

    @Test func theForecastAPIFollowsThePagesRules() async throws {
        try await withRoretApp { app in
            let token = try await APITests().token(app, "analytiker")
            let response = try await APITests().get(app, "/api/v1/forecast?area=265&window=2&horizon=2", token: token)
            #expect(response.status == .ok)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            #expect(body["area"] as? String == "265" && (body["windowYears"] as? [Int])?.count == 2 && body["suppressed"] as? Bool == true)
            let steps = try #require(body["steps"] as? [[String: Any]])
            #expect(steps.count == 5 && (steps[0]["projected"] as? [[String: Any]])?.count == 2)
            #expect(try await APITests().get(app, "/api/v1/forecast?window=9", token: token).status == .badRequest)
            #expect(try await APITests().get(app, "/api/v1/forecast?area=999", token: token).status == .notFound)
            let csv = try await APITests().get(app, "/api/v1/forecast?area=265&format=csv", token: token)
            #expect(csv.body.string.hasPrefix("omraade,aar,trin,art,antal,p10,p90,p2_5,p97_5,udgift_kr\n"))
        }
    }

    @Test func theForecastAPIWithholdsWhatWouldGiveBackAWithheldCount() async throws {
        try await withRoretApp(importDemo: false) { app in
            _ = try await ExtractImport.run(store: Store(database: app.db), figures: app.roret.figures, currentVersions: app.roret.currentVersions, files: Self.smallExtract(),
                                            source: "test", importedBy: "test")
            let token = try await APITests().token(app, "analytiker")
            let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: try await APITests().get(app, "/api/v1/forecast?area=265", token: token).body)) as? [String: Any])
            let steps = try #require(body["steps"] as? [[String: Any]])
            // Step 3 (3 persons) and step 5 (7, withheld beside it): no unit cost, no projected cost; step 2 (12): both.
            for n in [2, 4] {
                #expect(steps[n]["unitCost"] == nil && ((steps[n]["projected"] as? [[String: Any]]) ?? []).allSatisfy { $0["cost"] == nil }, "step \(n + 1)")
            }
            #expect(steps[1]["unitCost"] as? Double == 200_000 && ((steps[1]["projected"] as? [[String: Any]])?.first?["cost"]) != nil)
            let csv = try await APITests().get(app, "/api/v1/forecast?area=265&format=csv", token: token).body.string
            #expect(csv.contains(",3,fremskrevet,") && csv.components(separatedBy: "\n").filter { $0.contains(",3,fremskrevet,") }.allSatisfy { $0.hasSuffix(",..") })
        }
    }
}

/// The forecast and the scenarios in the leaders' loop: frozen into a
/// reflection meeting's documentation, and a forecast value as an action's sign.
@Suite struct EconomicsInTheLoopTests {
    @Test func aMeetingFreezesTheForecastAndTheScenariosAndAnActionSignsWithAForecastValue() async throws {
        try await withRoretApp { app in
            let store = Store(database: app.db)
            var leader = Browser(app)
            try await leader.signIn("leder")
            _ = try await leader.get("/oekonomi/budgetpotentiale?omraade=265")
            #expect(try await leader.post("/oekonomi/budgetpotentiale?omraade=265", EconomicsWebTests.scenarioForm.merging(["unitCostFrom": "600000", "unitCostTo": "400000", "persistence": "1"]) { $1 }).status == .seeOther)
            _ = try await leader.get("/ledelse/moeder")
            let body = "csrf=\(leader.csrf!)&title=Budgetm%C3%B8de&date=\(DanishDate.today)&parts%5B%5D=fremskrivning&parts%5B%5D=budgetpotentiale&participants%5B%5D=leder"
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            let created = try await leader.send(.POST, "/ledelse/moeder", headers: headers, body: ByteBuffer(string: body))
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location))
            let id = try #require(UUID(uuidString: String(location.dropFirst("/refleksion/".count))))
            let frozen = try #require(try await store.reflection.meeting(id)?.documentation)
            #expect(frozen.tables.map(\.title).contains { $0.hasPrefix("Fremskrivning af trappen (med intervaller), basisår") })
            let scenarios = try #require(frozen.tables.first { $0.title == "Gemte budgetscenarier" })
            // Persistence 1: 4 years × 10 × 200.000 kr.
            #expect(scenarios.rows == [["10 borgere fra trin 5 til trin 4", "Borgere ned ad trappen", "8.000.000 kr."]])
            // An action whose sign is the projected number on step 5 next year.
            _ = try await leader.get("/ledelse/handlinger/ny")
            #expect(try await leader.post("/ledelse/handlinger", ["source": "meeting", "what": "Flere fra trin 5 til 4", "owner": "Leder Lise", "indicator": "FT5"]).status == .seeOther)
            let board = try await leader.get("/ledelse/handlinger").body.string
            #expect(board.contains("FT5: ") && board.contains("da aftalt"))
            // A saved scenario as a sign: its total potential, 8.000.000 kr.
            let scenario = try #require(try await store.scenarios.all(area: "265").first)
            let form = try await leader.get("/ledelse/handlinger/ny").body.string
            #expect(form.contains("Budgetscenarie: 10 borgere fra trin 5 til trin 4 (potentiale i alt)"))
            #expect(try await leader.post("/ledelse/handlinger", ["source": "meeting", "what": "Oplæg til udvalget", "owner": "Leder Lise", "indicator": "SC-\(scenario.id.uuidString)"]).status == .seeOther)
            let after = try await leader.get("/ledelse/handlinger").body.string
            #expect(after.contains("SC-\(scenario.id.uuidString): 8.000.000 kr. da aftalt"))
        }
    }
}
