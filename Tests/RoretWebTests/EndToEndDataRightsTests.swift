import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor

extension ChromiumSuites {
/// A citizen's data rights in a real Chromium (issue 14): the caseworker
/// opens the export from the record, prints it and downloads the file; the
/// administrator finds the citizen and erases the record after confirming.
@Suite(.serialized) struct EndToEndDataRightsTests {
    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(20))) func theCaseworkerExportsAndTheAdministratorErases() async throws {
        try await EndToEndTrustTests.serving(importDemo: false) { app, site, driverPort in
            let anna = try await CitizenWebTests().anna(app)
            let checks = PageChecks("data-rights")
            let downloads = FileManager.default.temporaryDirectory.appendingPathComponent("roret-data-rights-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: downloads) }
            try await WebDriver.withBrowser(client: app.client, port: driverPort, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "sagsbehandler", landingOn: "/borgere"))
                try await browser.open(site + "/borgere/\(anna.id.uuidString)")
                try await browser.click("#data-access")
                #expect(try await browser.waitForText("Indsigt — borger \(anna.pseudonym)"))
                #expect(try await browser.pageSource.contains("At spille i et band igen"))
                try await checks.look(browser, "indsigt")
                try await browser.click("#data-json")
                var file: String?
                for _ in 0..<50 where file == nil {
                    file = ((try? FileManager.default.contentsOfDirectory(atPath: downloads)) ?? []).first { $0.hasSuffix(".json") }
                    if file == nil { try await Task.sleep(for: .milliseconds(200)) }
                }
                #expect(file == "indsigt-\(anna.pseudonym).json")
                let text = file.flatMap { try? String(contentsOfFile: downloads + "/" + $0, encoding: .utf8) } ?? ""
                #expect(text.contains("At spille i et band igen"))
                try await browser.click("#print-view")
                #expect(try await browser.waitForText("Indsigt — borger \(anna.pseudonym)"))
                #expect(try await browser.pageSource.contains("<body class=\"print\">"))
                try await checks.look(browser, "indsigt-udskrift")
            }
            try await WebDriver.withBrowser(client: app.client, port: driverPort + 1, windowSize: "1366,900", downloads: downloads) { browser in
                #expect(try await browser.signIn(site, "admin", landingOn: "/oversigt"))
                try await browser.click("nav a[href='/admin/borgerdata']")
                #expect(try await browser.waitForText("Opbevaringsperioden er udløbet"))
                try await browser.type("#data-search", anna.pseudonym)
                try await browser.click("#data-find")
                #expect(try await browser.waitForText("Slet …"))
                try await checks.look(browser, "borgerdata")
                try await browser.click("#found a[href$='/slet']")
                #expect(try await browser.waitForText("Sletningen kan ikke fortrydes."))
                try await browser.click("#erase")
                #expect(try await browser.waitForText("Bekræftelse: skriv borgerens pseudonym"))
                try await browser.type("#erase-reason", "Borgerens anmodning af 30.11.2026")
                try await browser.type("#erase-pseudonym", anna.pseudonym)
                try await checks.look(browser, "slet")
                try await browser.click("#erase")
                #expect(try await browser.waitForText("Borger \(anna.pseudonym) er slettet"))
            }
            #expect(try await Store(database: app.db).citizens.find(id: anna.id) == nil)
            try checks.writeReport()
        }
    }
}
}
