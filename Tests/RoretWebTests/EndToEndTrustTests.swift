import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor

extension ChromiumSuites {
/// The trust issue in a real Chromium, as each role uses Roret: extracts
/// uploaded through the page, and every page looked at on a desktop (1366 px)
/// and a phone (390 px), checked for sideways scrolling and with axe-core
/// against WCAG 2.1 AA. Screenshots and the axe report go to `.build/e2e/`.
@Suite(.serialized) struct EndToEndTrustTests {
    /// axe-core's `axe.min.js`: `RORET_AXE_JS` (CI extracts it from PyPI's axe-selenium-python).
    static var axeSource: String? {
        guard let path = ProcessInfo.processInfo.environment["RORET_AXE_JS"] else { return nil }
        return try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// Writes an extract's files into a new folder; returns their paths.
    static func write(_ files: [String: [UInt8]], _ name: String) throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("roret-e2e-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return try files.keys.sorted().map { file in
            let url = dir.appendingPathComponent(file)
            try Data(files[file]!).write(to: url)
            return url.path
        }
    }

    /// Runs `body` against the app served on a random loopback port.
    static func serving(importDemo: Bool, configure adjust: (inout RoretConfiguration) -> Void = { _ in },
                        _ body: (Application, String, Int) async throws -> Void) async throws {
        let driverPort = DriverPorts.free()
        try await withRoretApp(importDemo: importDemo, configure: adjust) { app in
            let appPort = try await app.serveOnFreePort()
            do {
                try await body(app, "http://127.0.0.1:\(appPort)", driverPort)
            } catch {
                await app.server.shutdown()
                throw error
            }
            await app.server.shutdown()
        }
    }

    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(30))) func anAdministratorUploadsExtractsThroughThePage() async throws {
        let valid = try Self.write(TestExtracts.demo(), "valid")
        var broken = TestExtracts.demo(seed: 2)
        broken["population.csv"] = Array("municipality_code,year,adults\n265,2017,-5\n265,2018,ti\n".utf8)
        let invalid = try Self.write(broken, "broken")
        let national = try Self.write(TestExtracts.bytes(DemoExtractGenerator(scale: .national, seed: 1).generate()), "national")
        let nationalBytes = try national.map { try FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int ?? 0 }.reduce(0, +)
        #expect(nationalBytes > 20_000_000, "a national-size extract: \(nationalBytes) bytes")
        try await Self.serving(importDemo: false) { app, site, driverPort in
            let store = Store(database: app.db)
            try await WebDriver.withBrowser(client: app.client, port: driverPort, windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                #expect(try await browser.signIn(site, "admin", landingOn: "/oversigt"))
                try await browser.click("nav a[href='/admin/udtraek']")
                #expect(try await browser.waitForURL { $0.hasSuffix("/admin/udtraek") })

                try await browser.chooseFiles("input[type='file']", valid)
                try await browser.click("form[action='/admin/udtraek'] button[type='submit']")
                #expect(try await browser.waitForText("Udtrækket er indlæst som version 1.", seconds: 60))
                #expect(try await browser.pageSource.contains("<td>v1</td>"))
                try await browser.screenshot(EndToEndTests.screenshots + "/trust-udtraek-indlaest.png")
                try await browser.command(.POST, "/refresh", [:])
                #expect(try await store.extracts.history().count == 1, "a refresh resubmits nothing")

                try await browser.chooseFiles("input[type='file']", invalid)
                try await browser.click("form[action='/admin/udtraek'] button[type='submit']")
                #expect(try await browser.waitForText("Udtrækket blev afvist, og intet er gemt", seconds: 60))
                let rejected = try await browser.pageSource
                #expect(rejected.contains("population.csv:2:") && rejected.contains("population.csv:3:"), "every problem with file and line")
                try await browser.screenshot(EndToEndTests.screenshots + "/trust-udtraek-afvist.png")
                #expect(try await store.extracts.history().count == 1, "nothing stored")

                try await browser.open(site + "/admin/udtraek")
                try await browser.chooseFiles("input[type='file']", national)
                let started = ContinuousClock.now
                try await browser.clickAndLeave("form[action='/admin/udtraek'] button[type='submit']")
                #expect(try await browser.waitForText("Udtrækket er indlæst som version 2.", seconds: 240))
                #expect(try await store.extracts.history().first?.municipalities.count == 98)
                print("national upload through Chromium (\(nationalBytes) bytes, debug build): \(ContinuousClock.now - started)")
                try await browser.screenshot(EndToEndTests.screenshots + "/trust-udtraek-national.png")
            }
        }
    }

    /// Every page of the trust issue, as the role that uses it, at 1366 and 390 px.
    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(30))) func everyPageReadsRightOnADesktopAndAPhone() async throws {
        let axe = Self.axeSource
        #expect(axe != nil || ProcessInfo.processInfo.environment["RORET_REQUIRE_E2E"] != "1", "axe-core is required in CI (RORET_AXE_JS)")
        try await Self.serving(importDemo: true) { app, site, driverPort in
            let store = Store(database: app.db)
            let anna = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: "Anna", caseworker: "sagsbehandler", followUpStartedOn: Day.yearStart(2024))
            try await store.citizens.addIntervention(to: anna.id, paragraph: .p85, provider: "Bostedet", start: Day.yearStart(2024), end: nil)
            try await store.citizens.linkAccount("borger", to: anna.id)
            try await store.plans.addEntry(to: anna.id, kind: .hopesWishesDreams, text: "At spille i et band igen", inCitizensWords: true, on: Day.yearStart(2024), by: "sagsbehandler")
            try await store.measurements.record(citizenID: anna.id, instrument: .who5, answeredOn: Day(iso: "2024-03-01")!, items: [2, 2, 2, 1, 1], channel: .interview, enteredBy: "sagsbehandler", today: Day(iso: "2024-03-01")!)
            let record = "/borgere/\(anna.id.uuidString)"
            let visits: [(user: String?, landing: String, pages: [(name: String, path: String)])] = [
                (nil, "", [("log-ind", "/log-ind")]),
                ("leder", "/oversigt", [
                    ("oversigt", "/oversigt"), ("oversigt-2018", "/oversigt?aar=2017"), ("noegletal", "/noegletal"), ("NT03", "/noegletal/NT03"),
                    ("NT07", "/noegletal/NT07"), ("Q01", "/noegletal/Q01"), ("bevaegelser", "/bevaegelser"),
                    ("tema-aktivitet", "/tema/aktivitet"), ("tema-udgifter", "/tema/udgifter"), ("tema-borgerrapporteret", "/tema/borgerrapporteret"),
                    ("fejlside", "/noegletal/XYZ"),
                ]),
                ("admin", "/oversigt", [("udtraek", "/admin/udtraek"), ("brugere", "/admin/brugere"), ("log", "/admin/log"), ("udbakke", "/admin/udbakke")]),
                ("analytiker", "/oversigt", [("api-noegler", "/api-noegler"), ("NT13-fuld", "/noegletal/NT13?visning=fuld")]),
                ("sagsbehandler", "/borgere", [("borgere", "/borgere"), ("sag", record)]),
                ("udfoerer", "/borgere", [("sag-udfoerer", record)]),
                ("borger", "/min-side", [("min-side", "/min-side")]),
            ]
            var report: [String] = []
            for (i, visit) in visits.enumerated() {
                try await WebDriver.withBrowser(client: app.client, port: driverPort + i, windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                    if let user = visit.user { #expect(try await browser.signIn(site, user, landingOn: visit.landing), "\(user) signs in") }
                    for page in visit.pages {
                        for (width, height) in [(1366, 900), (390, 844)] {
                            try await browser.setWindowSize(width: width, height: height)
                            try await browser.open(site + page.path)
                            try await browser.screenshot(EndToEndTests.screenshots + "/trust-\(width)-\(page.name).png")
                            #expect(try await !browser.overflowsHorizontally, "\(page.name) at \(width) px scrolls sideways")
                            if let axe {
                                let violations = try await browser.axeViolations(source: axe)
                                report += violations.map { "\(page.name) @\(width): \($0)" }
                                #expect(violations.isEmpty, "\(page.name) at \(width) px: \(violations.joined(separator: "\n"))")
                            }
                        }
                    }
                    if visit.user == "udfoerer" {
                        let html = try await browser.pageSource
                        #expect(!html.contains("Sagens fase") && !html.contains("action=\"\(record)/indsats\""), "provider staff see no authority acts")
                    }
                    if visit.user == "admin" {
                        try await browser.setWindowSize(width: 1366, height: 900)
                        try await browser.open(site + "/admin/brugere")
                        try await browser.click("button[aria-label='Deaktivér leder']")
                        #expect(try await browser.waitForText("Ja, deaktivér"))
                        try await browser.screenshot(EndToEndTests.screenshots + "/trust-1366-bekraeft.png")
                        try await browser.click("#confirm")
                        #expect(try await browser.waitForText("leder er deaktiveret."))
                        try await browser.click("button[aria-label='Genaktivér leder']")
                        #expect(try await browser.waitForText("leder er genaktiveret"))
                    }
                }
            }
            try report.joined(separator: "\n").write(toFile: EndToEndTests.screenshots + "/axe-report.txt", atomically: true, encoding: .utf8)
        }
    }

    /// The acts the trust and hardening issues added, done in the browser as
    /// each role does them, with screenshots at both widths.
    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(30))) func eachRoleTakesItsNewActsThroughTheForms() async throws {
        try await Self.serving(importDemo: true) { app, site, driverPort in
            let store = Store(database: app.db)
            let anna = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: "Anna", caseworker: "sagsbehandler", followUpStartedOn: Day.yearStart(2024))
            try await store.citizens.addIntervention(to: anna.id, paragraph: .p85, provider: "Bostedet", start: Day.yearStart(2024), end: nil)
            func shoot(_ browser: WebDriver, _ name: String) async throws {
                for (width, height) in [(1366, 900), (390, 844)] {
                    try await browser.setWindowSize(width: width, height: height)
                    try await browser.screenshot(EndToEndTests.screenshots + "/acts-\(width)-\(name).png")
                    #expect(try await !browser.overflowsHorizontally, "\(name) at \(width) px scrolls sideways")
                }
                try await browser.setWindowSize(width: 1366, height: 900)
            }
            // The administrator: a municipality that does not exist is refused; a user's failed sign-ins are cleared.
            try await WebDriver.withBrowser(client: app.client, port: driverPort, windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                #expect(try await browser.signIn(site, "admin", landingOn: "/oversigt"))
                try await browser.open(site + "/admin/brugere")
                try await browser.type("form[action='/admin/brugere'] input[name='username']", "ny-leder")
                try await browser.type("form[action='/admin/brugere'] input[name='area']", "999")
                try await browser.click("form[action='/admin/brugere'] button[type='submit']")
                #expect(try await browser.waitForText("Området «999» findes ikke."))
                #expect(try await browser.attribute("form[action='/admin/brugere'] input[name='area']", "value") == "999", "what was typed is kept")
                #expect(try await browser.attribute("form[action='/admin/brugere'] input[name='username']", "value") == "ny-leder")
                try await shoot(browser, "bruger-999")
                #expect(try await store.accounts.find(username: "ny-leder") == nil)
                try await browser.click("button[aria-label='Ophæv spærring af log ind for leder']")
                #expect(try await browser.waitForText("Spærringen af leder er ophævet"))
                try await shoot(browser, "ophaev-spaerring")
            }
            // The analyst: a key is made, and revoked after a confirmation.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 1, windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                #expect(try await browser.signIn(site, "analytiker", landingOn: "/oversigt"))
                try await browser.open(site + "/api-noegler")
                try await browser.type("form[action='/api-noegler'] input[name='name']", "kvartalsrapport")
                try await browser.click("form[action='/api-noegler'] button[type='submit']")
                #expect(try await browser.waitForText("new-token"))
                try await browser.click("form[action$='/tilbagekald'] button")
                #expect(try await browser.waitForText("Ja, tilbagekald"))
                try await shoot(browser, "bekraeft-tilbagekald")
                #expect(try await store.tokens.tokens(of: try #require(try await store.accounts.find(username: "analytiker")).id).allSatisfy(\.isActive), "nothing before the confirmation")
                try await browser.click("#confirm")
                #expect(try await browser.waitForText("Nøglen «kvartalsrapport» er tilbagekaldt."))
                try await shoot(browser, "tilbagekaldt")
            }
            // The caseworker ends the provider's intervention from the record.
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 2, windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                #expect(try await browser.signIn(site, "sagsbehandler", landingOn: "/borgere"))
                try await browser.open(site + "/borgere/\(anna.id.uuidString)")
                try await browser.click("form[action$='/afslut'] button[type='submit']")
                #expect(try await browser.waitForText("Udføreren har derefter ikke længere adgang til sagen."))
                try await shoot(browser, "indsats-afsluttet")
                #expect(try await store.citizens.interventions(of: anna.id).first?.end == DanishDate.today)
                #expect(try await !browser.pageSource.contains("action=\"/borgere/\(anna.id.uuidString)/indsats/"), "no running intervention left to end")
            }
        }
    }
}
}
