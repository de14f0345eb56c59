import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor

extension ChromiumSuites {
/// Economic steering in a real Chromium (issue 11's scenario): a leader
/// opens the forecast, changes the window, works out a scenario, saves it,
/// compares it and prints it for the political committee.
@Suite(.serialized) struct EndToEndEconomicsTests {
    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(30))) func aLeaderForecastsAndSavesAndPrintsAScenario() async throws {
        try await EndToEndTrustTests.serving(importDemo: true) { app, site, driverPort in
            let store = Store(database: app.db)
            let checks = PageChecks("economics")
            let downloads = FileManager.default.temporaryDirectory.appendingPathComponent("roret-economics-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: downloads) }
            try await WebDriver.withBrowser(client: app.client, port: driverPort, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "leder", landingOn: "/oversigt"))
                try await browser.click("nav a[href='/oekonomi/fremskrivning']")
                #expect(try await browser.waitForText("Det antager fremskrivningen"))
                #expect(try await browser.pageSource.contains("Fremskrivning — Roskilde"))
                #expect(try await browser.pageSource.contains("overgange fra"))
                try await checks.look(browser, "fremskrivning")
                try await browser.select("#forecast-window", "2")
                try await browser.select("#forecast-horizon", "4")
                try await browser.click("#show-forecast")
                #expect(try await browser.waitForURL { $0.contains("vindue=2") && $0.contains("horisont=4") })
                let basis = try await browser.pageSource
                #expect(basis.contains("horisont 4 år"))
                // The table behind the page as CSV.
                try await browser.click("#forecast-csv")
                var csv: String?
                for _ in 0..<100 where csv == nil {
                    let file = ((try? FileManager.default.contentsOfDirectory(atPath: downloads)) ?? []).first { $0.hasSuffix(".csv") }
                    csv = file.flatMap { try? String(contentsOfFile: downloads + "/" + $0, encoding: .utf8) }
                    if csv == nil { try await Task.sleep(for: .milliseconds(100)) }
                }
                #expect(csv?.hasPrefix("omraade,aar,trin,art,antal,p10,p90,p2_5,p97_5,udgift_kr\n") == true, "Hent som CSV downloads the forecast")
                #expect(csv?.contains("265,\(DanishDate.today.year),") == true || csv?.contains(",fremskrevet,") == true)
                #expect(basis.components(separatedBy: "(fremskrevet, 80 % · 95 %)").count - 1 == 4, "four projected years")

                try await browser.click("nav.sections a[href^='/oekonomi/budgetpotentiale']")
                #expect(try await browser.waitForText("Nyt scenarie"))
                try await browser.type("#scenario-name", "10 borgere fra trin 5 til trin 4")
                try await browser.select("#scenario-kind", "downTheStaircase")
                try await browser.select("#scenario-from", "5")
                try await browser.select("#scenario-to", "4")
                try await browser.clear("#scenario-citizens")
                try await browser.type("#scenario-citizens", "10")
                try await browser.click("#save-scenario")
                #expect(try await browser.waitForText("Scenariet »10 borgere fra trin 5 til trin 4« er gemt."))
                let page = try await browser.pageSource
                #expect(page.contains("Sådan er det regnet") && page.contains("Følsomhed") && page.contains("Kommunens egne tal"))
                try await checks.look(browser, "scenarie")
                // A refresh after the save resubmits nothing.
                try await browser.open(try await browser.currentURL)
                #expect(try await store.scenarios.all(area: "265").count == 1)
                try await browser.click("#print-scenario")
                #expect(try await browser.waitForURL { $0.hasSuffix("udskriv=1") })
                #expect(try await browser.pageSource.contains("<body class=\"print\""))
                try await checks.look(browser, "udskrift")

                // A second scenario, and the two side by side.
                try await browser.open(site + "/oekonomi/budgetpotentiale?omraade=265")
                try await browser.type("#scenario-name", "Fem i job")
                try await browser.select("#scenario-kind", "employment")
                try await browser.clear("#scenario-citizens")
                try await browser.type("#scenario-citizens", "5")
                try await browser.click("#save-scenario")
                #expect(try await browser.waitForText("Scenariet »Fem i job« er gemt."))
                try await browser.click("p.crumbs a")
                #expect(try await browser.waitForText("Gemte scenarier"))
                try await browser.click("#scenarios tbody tr:nth-child(1) input[type='checkbox']")
                try await browser.click("#scenarios tbody tr:nth-child(2) input[type='checkbox']")
                try await browser.click("#compare")
                #expect(try await browser.waitForText("Sammenligning af scenarier"))
                #expect(try await browser.pageSource.contains("Fem i job"))
                try await checks.look(browser, "sammenligning")
            }
            let saved = try await store.scenarios.all(area: "265").first { $0.scenario.name == "10 borgere fra trin 5 til trin 4" }?.scenario
            #expect(saved?.kind == .downTheStaircase && saved?.citizens == 10 && saved?.fromStep == 5 && saved?.toStep == 4)
            try checks.writeReport()
        }
    }
}
}
