import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor

extension ChromiumSuites {
/// The leaders' steering loop in a real Chromium: two leaders and an invited
/// caseworker answer a temperature round alone, the group agrees scores and
/// reflects, the last answer becomes an action that shows on the board; the
/// administrator edits the municipality's item set. Every page at 1366 and
/// 390 px, checked for sideways scrolling and with axe-core.
@Suite(.serialized) struct EndToEndLeadershipTests {
    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(30))) func aRoundAgreedReflectedAndTurnedIntoAnAction() async throws {
        let downloads = FileManager.default.temporaryDirectory.path
        try await EndToEndTrustTests.serving(importDemo: true) { app, site, driverPort in
            let store = Store(database: app.db)
            let checks = PageChecks("lead")
            func answerAll(_ browser: WebDriver, _ value: String) async throws {
                let count = try await browser.command(.POST, "/execute/sync", ["script": "return document.querySelectorAll('fieldset.scale').length", "args": []]) as? Int ?? 0
                #expect(count == 24)
                for i in 0..<count {
                    try await browser.click("fieldset.scale:nth-of-type(\(i + 1)) input[value='\(value)']")
                }
            }
            // The leader opens a temperature round and invites a caseworker.
            let roundPath = try await WebDriver.withBrowser(client: app.client, port: driverPort, windowSize: "1366,900", downloads: downloads) { browser -> String in
                #expect(try await browser.signIn(site, "leder", landingOn: "/oversigt"))
                try await browser.click("nav a[href='/ledelse']")
                #expect(try await browser.waitForURL { $0.hasSuffix("/ledelse") })
                try await checks.look(browser, "ledelse-tom")
                try await browser.click("a[href='/ledelse/temperatur']")
                #expect(try await browser.waitForText("Roret's standardsæt"))
                try await checks.look(browser, "temperatur")
                try await browser.open(site + "/ledelse/evaluering")
                try await checks.look(browser, "evaluering")
                try await browser.open(site + "/ledelse/temperatur")
                try await browser.click("details.edit summary")
                try await browser.click("input[name='invitees[]'][value='sagsbehandler']")
                try await browser.click("#open-round")
                #expect(try await browser.waitForText("Runden er startet."))
                let path = try await browser.command(.POST, "/execute/sync", ["script": "return location.pathname", "args": []]) as? String ?? ""
                #expect(!(try await browser.pageSource.contains("Gruppens svar og fælles score")), "no spread before answering")
                try await answerAll(browser, "4")
                try await browser.click("fieldset.scale:nth-of-type(1) input[value='2']")
                try await browser.click("#save-answers")
                #expect(try await browser.waitForText("Dine svar er gemt."))
                return path
            }
            // The analyst answers alone; the invited caseworker finds the round on Opfølgning and answers.
            for (i, user, landing, value) in [(1, "analytiker", "/oversigt", "3"), (2, "sagsbehandler", "/borgere", "ved-ikke")] {
                try await WebDriver.withBrowser(client: app.client, port: driverPort + i, windowSize: "1366,900", downloads: downloads) { browser in
                    #expect(try await browser.signIn(site, user, landingOn: landing))
                    if user == "sagsbehandler" {
                        try await browser.click("nav a[href='/opfoelgning']")
                        #expect(try await browser.waitForText("Du er inviteret til at svare"))
                        try await browser.click("#invitationer a")
                    } else {
                        try await browser.open(site + roundPath)
                    }
                    #expect(try await browser.waitForText("Dine svar"))
                    try await answerAll(browser, value)
                    try await browser.click("#save-answers")
                    #expect(try await browser.waitForText("Dine svar er gemt."))
                }
            }
            // The leader sees the spread, agrees two scores, reflects, and makes the last answer an action.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 3, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "leder", landingOn: "/oversigt"))
                try await browser.open(site + roundPath)
                #expect(try await browser.pageSource.contains("3 har svaret"))
                for (item, value, comment) in [("T1.1", "2", "Der mangler politiske mål"), ("T5.1", "4", "Håbet er udgangspunktet")] {
                    try await browser.click("#punkt-\(item.replacingOccurrences(of: ".", with: "\\.")) details.edit summary")
                    try await browser.select("#punkt-\(item.replacingOccurrences(of: ".", with: "\\.")) select[name='value']", value)
                    try await browser.type("#punkt-\(item.replacingOccurrences(of: ".", with: "\\.")) textarea[name='comment']", comment)
                    try await browser.click("#punkt-\(item.replacingOccurrences(of: ".", with: "\\.")) button[type='submit']")
                    #expect(try await browser.waitForText("Den fælles score for \(item) er gemt."))
                }
                #expect(try await browser.pageSource.contains("Fælles score: 2 I mindre grad</strong> — Der mangler politiske mål"))
                try await browser.type("textarea[name='q1']", "Stærkest på inddragelse, svagest på politisk fokus.")
                try await browser.type("textarea[name='q5']", "Lederen tager et oplæg om mål til socialudvalget.")
                try await browser.click("#save-reflection")
                #expect(try await browser.waitForText("Jeres refleksion er gemt."))
                try await checks.look(browser, "runde")
                try await browser.click("#make-plan")
                #expect(try await browser.waitForText("Fra: Temperaturmåling"))
                try await browser.type("#action-what", "Oplæg om politiske mål til socialudvalget")
                try await browser.type("#action-owner", "Leder af myndighed")
                try await browser.select("#action-indicator", "I1")
                try await browser.select("#action-remind", "leder")
                try await browser.typeDate("#action-due", DanishDate.today.adding(months: 2))
                try await browser.click("#save-action")
                #expect(try await browser.waitForText("er gemt på handlingsoversigten."))
                #expect(try await browser.pageSource.contains("Oplæg om politiske mål til socialudvalget"))
                try await checks.look(browser, "handlinger")
                try await browser.click("#actions a")
                try await browser.select("#action-status", "inProgress")
                try await browser.type("textarea[name='note']", "Oplægget er skrevet")
                try await browser.click("#save-action")
                #expect(try await browser.waitForText("Handlingen er opdateret (i gang)."))
                #expect(try await browser.pageSource.contains("I gang — Oplægget er skrevet"))
                try await checks.look(browser, "handling")
                try await browser.click("nav a[href='/ledelse']")
                #expect(try await browser.waitForText("1. Forudsætninger (temperaturmåling)"))
                try await checks.look(browser, "ledelse")
            }
            let rounds = try await store.leadership.rounds(.temperature, municipality: "265")
            #expect(rounds.count == 1 && Set(rounds[0].responses.keys) == ["leder", "analytiker", "sagsbehandler"])
            #expect(rounds[0].responses["leder"]?["T1.1"] == .value(.smallDegree) && rounds[0].agreed["T5.1"]?.value == .highDegree)
            #expect(try await store.leadership.actions(municipality: "265").first?.status == .inProgress)
            #expect(try await store.leadership.actions(municipality: "265").first?.remind == "leder")
            // The administrator edits the municipality's set: a new version.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 4, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "admin", landingOn: "/oversigt"))
                try await browser.click("nav a[href='/admin/spoergesaet']")
                #expect(try await browser.waitForText("version 1"))
                try await browser.clear("textarea[name='text0']")
                try await browser.type("textarea[name='text0']", "Kommunalbestyrelsen har vedtaget mål for recovery-orienteret rehabilitering.")
                try await browser.type("input[name='group24']", "Politisk fokus")
                try await browser.type("textarea[name='text24']", "Udvalget får status på målene hvert halve år.")
                try await browser.click("#save-item-set")
                #expect(try await browser.waitForText("Spørgesættet er gemt som version 2."))
                try await checks.look(browser, "spoergesaet")
            }
            let set = try await store.leadership.itemSet(.temperature, municipality: "265")
            #expect(set.version == 2 && set.items.count == 25 && set.items.last?.id == "N1")
            try checks.writeReport()
        }
    }

    /// A meeting prepared with frozen figures, the citizen's preparation on a
    /// phone, the phases in order, an action — and after a new extract the
    /// meeting still shows the numbers the group saw; the next meeting's
    /// *Siden sidst* shows the action. The minutes fit an A4 page.
    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(30))) func aReflectionMeetingFromPreparationToActions() async throws {
        let downloads = FileManager.default.temporaryDirectory.appendingPathComponent("roret-meeting-downloads-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
        try await EndToEndTrustTests.serving(importDemo: true) { app, site, driverPort in
            let store = Store(database: app.db)
            let shots = EndToEndTests.screenshots
            let checks = PageChecks("meeting")
            let path = try await WebDriver.withBrowser(client: app.client, port: driverPort, windowSize: "1366,900", downloads: downloads) { browser -> String in
                #expect(try await browser.signIn(site, "leder", landingOn: "/oversigt"))
                try await browser.open(site + "/ledelse")
                try await browser.click("a[href='/ledelse/moeder']")
                #expect(try await browser.waitForText("Forbered et møde"))
                try await checks.look(browser, "moeder")
                try await browser.click("details.edit summary")
                try await browser.type("#meeting-title", "Refleksion over nøgletallene")
                try await browser.click("input[name='participants[]'][value='borger']")
                try await browser.click("input[name='parts[]'][value='fremskrivning']")
                try await browser.click("#prepare-meeting")
                #expect(try await browser.waitForText("dokumentationen er låst"))
                #expect(try await browser.pageSource.contains("NT05"))
                #expect(try await browser.pageSource.contains("Fremskrivning af trappen (med intervaller), basisår"), "the forecast frozen with the figures")
                try await checks.look(browser, "forberedelse")
                return try await browser.command(.POST, "/execute/sync", ["script": "return location.pathname", "args": []]) as? String ?? ""
            }
            let id = try #require(UUID(uuidString: String(path.dropFirst("/refleksion/".count))))
            let frozen = try #require(try await store.reflection.meeting(id)?.documentation)
            // The citizen prepares on a phone.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 1, windowSize: "390,844", downloads: downloads) { phone in
                #expect(try await phone.signIn(site, "borger", landingOn: "/min-side"))
                try await phone.click("#refleksionsmoeder a")
                #expect(try await phone.waitForText("Dokumentationen"))
                try await phone.type("#prep-2", "Hvorfor kommer så få videre fra bostøtten?")
                try await phone.click("form:has(#prep-2) button")
                #expect(try await phone.waitForText("Det er skrevet."))
                try await checks.look(phone, "borger")
            }
            #expect(frozen.charts.count == 2, "NT03 and NT05 drawn as they were")
            // The administrator imports a new extract through the page: the figures change, the meeting's documentation does not.
            let newExtract = try EndToEndTrustTests.write(TestExtracts.demo(seed: 2), "meeting-seed2")
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 4, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "admin", landingOn: "/oversigt"))
                try await browser.open(site + "/admin/udtraek")
                try await browser.chooseFiles("input[type='file']", newExtract)
                try await browser.click("form[action='/admin/udtraek'] button[type='submit']")
                #expect(try await browser.waitForText("Udtrækket er indlæst som version 2.", seconds: 60))
            }
            #expect(try await store.reflection.meeting(id)?.documentation == frozen)
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 2, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "leder", landingOn: "/oversigt"))
                try await browser.open(site + path)
                #expect(try await browser.pageSource.contains(frozen.source), "the numbers the group saw")
                #expect(try await !browser.pageSource.contains("Hvorfor kommer så få videre"), "private until the dialogue opens")
                try await browser.click("#next-phase")
                #expect(try await browser.waitForText("Hvorfor kommer så få videre fra bostøtten?"))
                try await browser.type("form:has(input[name='kind'][value='answer']) textarea[name='text']", "Vi aftalte at følge op på målene til tiden.")
                try await browser.click("form:has(input[name='kind'][value='answer']) button")
                #expect(try await browser.waitForText("Vi aftalte at følge op på målene til tiden."))
                try await browser.click("#next-phase")
                #expect(try await browser.waitForText("Mødet er nu i fasen »2. Dialog: Udforsk«."))
                try await browser.type("#observation-text", "Få borgere afslutter med målene nået")
                try await browser.click("input[name='observationKind'][value='challenge']")
                try await browser.click("#add-observation")
                #expect(try await browser.waitForText("Det er skrevet."))
                try await browser.click("#next-phase")
                #expect(try await browser.waitForText("Mødet er nu i fasen »2. Dialog: Fortolk«."))
                #expect(try await browser.pageSource.contains("id=\"observation-text\"") == false, "Udforsk is closed")
                try await browser.select("#explanation-theme", try #require(try await store.reflection.notes(id).first { $0.kind == .observation }?.id))
                try await browser.type("#explanation-text", "Støtten trappes sjældent ned i tide")
                try await browser.click("#add-explanation")
                #expect(try await browser.waitForText("om: Få borgere afslutter med målene nået"))
                try await browser.click("#next-phase")
                #expect(try await browser.waitForText("Forbered handling«."))
                try await browser.type("form:has(input[name='kind'][value='answer']) textarea[name='text']", "At flere afslutter, fordi målene er nået.")
                try await browser.click("form:has(input[name='kind'][value='answer']) button")
                #expect(try await browser.waitForText("At flere afslutter, fordi målene er nået."))
                try await browser.click("#new-meeting-action")
                try await browser.type("#action-what", "Nedtrapningsplan i alle sager over et år")
                try await browser.type("#action-owner", "Teamleder")
                try await browser.select("#action-indicator", "I16")
                try await browser.click("#save-action")
                #expect(try await browser.waitForText("Nedtrapningsplan i alle sager over et år"))
                try await checks.look(browser, "dialog")
                try await browser.click("a[href$='/referat.csv']")
                var csv: String? = nil
                for _ in 0..<50 where csv == nil {
                    csv = (try? FileManager.default.contentsOfDirectory(atPath: downloads))?.first { $0.hasPrefix("referat-") && $0.hasSuffix(".csv") }
                        .flatMap { try? String(contentsOfFile: downloads + "/" + $0, encoding: .utf8) }
                    if csv == nil { try await Task.sleep(for: .milliseconds(200)) }
                }
                #expect(csv?.contains("Nedtrapningsplan i alle sager over et år") == true, "the minutes downloaded with the action")
                try await browser.open(site + path + "?udskriv=1")
                try await browser.setWindowSize(width: 794, height: 1123)
                try await browser.screenshot(shots + "/meeting-a4-referat.png")
                #expect(try await !browser.overflowsHorizontally, "the minutes fit an A4 page's width")
                try await browser.setWindowSize(width: 1366, height: 900)
            }
            // The next meeting's Siden sidst shows the action with its sign then and now.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 3, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "leder", landingOn: "/oversigt"))
                try await browser.open(site + "/ledelse/moeder")
                try await browser.click("details.edit summary")
                try await browser.type("#meeting-title", "Opfølgning på handlingerne")
                try await browser.click("#prepare-meeting")
                #expect(try await browser.waitForText("Jeres åbne handlinger"))
                #expect(try await browser.pageSource.contains("Nedtrapningsplan i alle sager over et år"))
                try await checks.look(browser, "siden-sidst")
            }
            try checks.writeReport()
        }
    }

    /// Ten cases drawn in the browser, a grant given by the administrator, a
    /// case reviewed by the caseworker with the record's pre-filled answers,
    /// and the counts the steering group sees.
    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(30))) func aCaseReviewDrawnGrantedAndReviewed() async throws {
        let downloads = FileManager.default.temporaryDirectory.path
        try await EndToEndTrustTests.serving(importDemo: false) { app, site, driverPort in
            let store = Store(database: app.db)
            try await PracticePageTests().seed(app)
            let checks = PageChecks("review")
            let reviewPath = try await WebDriver.withBrowser(client: app.client, port: driverPort, windowSize: "1366,900", downloads: downloads) { browser -> String in
                #expect(try await browser.signIn(site, "leder", landingOn: "/oversigt"))
                try await browser.open(site + "/ledelse")
                try await browser.click("a[href='/ledelse/sagsgennemgang']")
                #expect(try await browser.waitForText("Træk ti sager"))
                try await checks.look(browser, "gennemgange")
                try await browser.type("#review-seed", "7")
                try await browser.click("#start-review")
                #expect(try await browser.waitForText("startværdien 7"))
                try await checks.look(browser, "optaelling-tom")
                return try await browser.command(.POST, "/execute/sync", ["script": "return location.pathname", "args": []]) as? String ?? ""
            }
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 1, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "admin", landingOn: "/oversigt"))
                try await browser.click("nav a[href='/admin/sagsgennemgang']")
                try await browser.type("form[action$='/adgang'] input[name='username']", "sagsbehandler")
                try await browser.click("form[action$='/adgang'] button")
                #expect(try await browser.waitForText("sagsbehandler kan åbne gennemgangens sager"))
                try await checks.look(browser, "adgang")
            }
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 2, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "sagsbehandler", landingOn: "/borgere"))
                try await browser.open(site + reviewPath)
                try await browser.click("#review-cases a")
                #expect(try await browser.waitForText("Sagen kort"))
                #expect(try await browser.pageSource.contains("Forudfyldt fra sagen:"))
                for i in 1...10 {
                    let checked = try await browser.command(.POST, "/execute/sync", ["script": "return !!document.querySelector('input[name=c\(i)]:checked')", "args": []]) as? Bool ?? false
                    if !checked { try await browser.click("input[name='c\(i)'][value='partly']") }
                }
                try await browser.type("input[name='k9']", "Første møde efter tre uger")
                try await checks.look(browser, "sag")
                try await browser.click("#save-review")
                #expect(try await browser.waitForText("er gennemgået."))
            }
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 3, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "leder", landingOn: "/oversigt"))
                try await browser.open(site + reviewPath)
                #expect(try await browser.pageSource.contains("Gennemgået"))
                try await checks.look(browser, "optaelling")
            }
            let review = try #require(try await store.caseReviews.reviews(municipality: "265").first)
            #expect(review.seed == 7 && review.answers.count == 1 && review.answers.values.first?[9]?.comment == "Første møde efter tre uger")
            try checks.writeReport()
        }
    }
}
}
