import Foundation
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor

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

    @Test(.enabled(if: canRun)) func aLeaderSignsInReadsAFigureAndDownloadsItsTable() async throws {
        let downloads = FileManager.default.temporaryDirectory.appendingPathComponent("roret-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: downloads) }
        let appPort = Int.random(in: 20_000..<30_000), driverPort = Int.random(in: 30_000..<40_000)
        try await withRoretApp { app in
            try await app.server.start(address: .hostname("127.0.0.1", port: appPort))
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

                try await browser.click("#areas caption a.download")
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
}
