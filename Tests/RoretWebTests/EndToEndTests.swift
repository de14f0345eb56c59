import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor

extension ChromiumSuites {
/// Real headless Chromium through sign-in → overview → a key-figure page →
/// CSV download. Runs where Debian's chromium and chromium-driver are
/// installed (CI installs them, and sets RORET_REQUIRE_E2E=1 so a missing
/// browser fails instead of skipping). Screenshots go to `.build/e2e/`.
@Suite(.serialized) struct EndToEndTests {
    static var canRun: Bool {
        WebDriver.chromedriverPath != nil || ProcessInfo.processInfo.environment["RORET_REQUIRE_E2E"] == "1"
    }

    static var screenshots: String {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/e2e").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(.enabled(if: canRun), .timeLimit(.minutes(30))) func aLeaderSignsInReadsAFigureAndDownloadsItsTable() async throws {
        let downloads = FileManager.default.temporaryDirectory.appendingPathComponent("roret-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: downloads) }
        let driverPort = DriverPorts.free()
        try await withRoretApp { app in
            let appPort = try await app.serveOnFreePort()
            do {
                try await drive(app, site: "http://127.0.0.1:\(appPort)", driverPort: driverPort, downloads: downloads)
            } catch {
                await app.server.shutdown()
                throw error
            }
            await app.server.shutdown()
        }
    }

    func drive(_ app: Application, site: String, driverPort: Int, downloads: String) async throws {
            try await WebDriver.withBrowser(client: app.client, port: driverPort, downloads: downloads) { browser in
                try await browser.open(site + "/")
                #expect(try await browser.currentURL.hasSuffix("/log-ind"))
                try await browser.screenshot(Self.screenshots + "/1-log-ind.png")
                try await browser.type("#username", "leder")
                try await browser.type("#password", testPassword)
                try await browser.click("#signin")
                #expect(try await browser.waitForURL { $0.hasSuffix("/oversigt") })
                let overview = try await browser.pageSource
                #expect(overview.contains("Oversigt: Roskilde"))
                #expect(overview.contains("chart staircase"))
                try await browser.screenshot(Self.screenshots + "/2-oversigt.png")

                try await browser.click("a.card[href^='/noegletal/NT03']")
                #expect(try await browser.waitForURL { $0.contains("/noegletal/NT03") })
                let figure = try await browser.pageSource
                #expect(figure.contains("Andel på de to nederste trin"))
                #expect(figure.contains("chart trend"))
                try await browser.screenshot(Self.screenshots + "/3-noegletal-NT03.png")

                try await browser.click("#areas caption a.download[href*='.xlsx']")
                var workbook: Bool = false
                for _ in 0..<100 where !workbook {
                    workbook = ((try? FileManager.default.contentsOfDirectory(atPath: downloads)) ?? []).contains { $0.hasSuffix(".xlsx") }
                    if !workbook { try await Task.sleep(for: .milliseconds(100)) }
                }
                #expect(workbook, "Hent til Excel downloads a workbook")
                try await browser.click("#areas caption a.download[href*='.csv']")
                var csv: String?
                for _ in 0..<100 where csv == nil {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: downloads)) ?? []
                    if let name = names.first(where: { $0.hasSuffix(".csv") }) {
                        csv = try String(contentsOfFile: downloads + "/" + name, encoding: .utf8)
                    } else {
                        try await Task.sleep(for: .milliseconds(100))
                    }
                }
                let text = try #require(csv, "the CSV was downloaded")
                #expect(text.hasPrefix("area,year,figure,breakdown,numerator,denominator,value,suppressed\n"))
                #expect(text.contains("265,2024,NT03,"))

                try await browser.click("nav a[href='/bevaegelser']")
                #expect(try await browser.waitForURL { $0.hasSuffix("/bevaegelser") })
                #expect(try await browser.pageSource.contains("chart flow"))
                try await browser.screenshot(Self.screenshots + "/4-bevaegelser.png")

                try await browser.open(site + "/tema/borgerrapporteret")
                #expect(try await browser.pageSource.contains("WHO-5, gennemsnit"))
                try await browser.screenshot(Self.screenshots + "/5-borgerrapporteret.png")
                try await browser.open(site + "/noegletal/NT07?udskriv=1")
                #expect(try await browser.pageSource.contains("<body class=\"print\">"))
                try await browser.screenshot(Self.screenshots + "/6-udskrift-NT07.png")
            }
    }

    @Test(.enabled(if: canRun), .timeLimit(.minutes(30))) func aCitizenAnswersOnAPhoneAndTheCaseworkerSeesTheNewPoint() async throws {
        let downloads = FileManager.default.temporaryDirectory.appendingPathComponent("roret-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: downloads) }
        let appPort = DriverPorts.free(count: 1), driverPort = DriverPorts.free()
        // Links point at the server's own address on loopback: the port it really serves on.
        try await withRoretApp(importDemo: false, configure: { $0.port = appPort }) { app in
            let store = Store(database: app.db)
            let anna = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: "Anna", caseworker: "sagsbehandler", followUpStartedOn: Day.yearStart(2024))
            try await store.plans.addEntry(to: anna.id, kind: .hopesWishesDreams, text: "At spille i et band igen", inCitizensWords: true, on: Day.yearStart(2024), by: "sagsbehandler")
            try await store.measurements.record(citizenID: anna.id, instrument: .who5, answeredOn: Day(iso: "2024-03-01")!, items: [2, 2, 2, 1, 1], channel: .interview, enteredBy: "sagsbehandler", today: Day(iso: "2024-03-01")!)
            try await app.server.start(address: .hostname("127.0.0.1", port: appPort))
            do {
                let site = "http://127.0.0.1:\(appPort)"
                let record = site + "/borgere/\(anna.id.uuidString)"
                // The caseworker corrects the citizen's words with her, then makes a personal WHO-5 link.
                let link = try await WebDriver.withBrowser(client: app.client, port: driverPort, downloads: downloads) { browser in
                    #expect(try await browser.signIn(site, "sagsbehandler", landingOn: "/borgere"))
                    try await browser.open(record)
                    try await browser.click(".plan-text details.edit summary")
                    try await browser.clear(".plan-text details.edit textarea")
                    try await browser.type(".plan-text details.edit textarea", "At spille i et band igen og skrive mine egne sange")
                    try await browser.click(".plan-text details.edit button[type='submit']")
                    #expect(try await browser.waitForText("Tidligere versioner"))
                    #expect(try await browser.pageSource.contains("At spille i et band igen og skrive mine egne sange"))
                    try await browser.click(".plan-text details.history summary")
                    try await browser.screenshot(Self.screenshots + "/6b-plan-rettet.png")
                    try await browser.click("#issue-link")
                    #expect(try await browser.waitForText("vises kun denne ene gang"))
                    return try await browser.command(.GET, "/element/\(try await browser.element("#new-link"))/text", nil) as? String ?? ""
                }
                #expect(link.contains("/svar/"))
                // The citizen answers on a phone-sized window.
                try await WebDriver.withBrowser(client: app.client, port: driverPort + 1, windowSize: "390,844", downloads: downloads) { phone in
                    try await phone.open(link)
                    #expect(try await phone.pageSource.contains("Hvem kan se dine svar?"))
                    try await phone.screenshot(Self.screenshots + "/7-telefon-info.png")
                    for item in 1...5 { try await phone.click("input[name='item\(item)'][value='4']") }
                    try await phone.screenshot(Self.screenshots + "/8-telefon-svar.png")
                    try await phone.click("#send")
                    #expect(try await phone.waitForText("Dine svar er gemt."))
                    try await phone.screenshot(Self.screenshots + "/9-telefon-tak.png")
                }
                // The caseworker sees the new point: 5 × 4 × 4 = 80.
                try await WebDriver.withBrowser(client: app.client, port: driverPort + 2, downloads: downloads) { browser in
                    #expect(try await browser.signIn(site, "sagsbehandler", landingOn: "/borgere"))
                    try await browser.open(record)
                    let html = try await browser.pageSource
                    #expect(html.contains("<td>80<br><span class=\"note\">over 50: ingen umiddelbar risiko</span>"))
                    #expect(html.contains("<td>Borgeren selv (link)</td>"))
                    #expect(html.contains("Seneste: 80"))
                    try await browser.screenshot(Self.screenshots + "/10-sagsbehandler-forloeb.png")
                }
            } catch {
                await app.server.shutdown()
                throw error
            }
            await app.server.shutdown()
        }
    }
}
}
