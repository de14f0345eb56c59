import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor

extension ChromiumSuites {
/// Sign-in with the municipality's login in a real Chromium (issue 14): the
/// caseworker clicks the button, approves at the (test) identity provider,
/// and lands in Roret signed in, with no second factor asked.
@Suite(.serialized) struct EndToEndSingleSignOnTests {
    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(20))) func aCaseworkerSignsInWithTheMunicipalitysLogin() async throws {
        try await Self.serving(importDemo: false, { $0.requireSecondFactor = true }) { app, site, provider in
            let checks = PageChecks("sso")
            try await WebDriver.withBrowser(client: app.client, port: DriverPorts.free(), windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                try await browser.open(site + "/log-ind")
                #expect(try await browser.waitForText("Log ind med kommunens login"))
                try await checks.look(browser, "log-ind")
                try await browser.click("#sso")
                #expect(try await browser.waitForText("Testudbyder af kommunens login"))
                try await browser.click("#approve")
                #expect(try await browser.waitForURL { $0.hasSuffix("/borgere") })
                #expect(try await browser.pageSource.contains("Anna Andersen"))
                try await checks.look(browser, "logget-ind")
            }
            try checks.writeReport()
        }
    }

    /// The administrator maps a group of the municipality's login to a role on *Kommunens login*; a person in
    /// that group then signs in as a leader. A mapping removed no longer gives a role.
    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(20))) func theAdministratorMapsAGroupToARole() async throws {
        try await Self.serving(importDemo: true) { app, site, provider in
            let checks = PageChecks("sso-admin")
            try await WebDriver.withBrowser(client: app.client, port: DriverPorts.free(), windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                #expect(try await browser.signIn(site, "admin", landingOn: "/oversigt"))
                try await browser.click("nav a[href='/admin/sso']")
                #expect(try await browser.waitForText("Roller fra kommunens login"))
                try await browser.click("#save-rule")
                #expect(try await browser.waitForText("Værdi: skriv værdien fra kommunens login"))
                for (value, role) in [("Roret-Ledere-Roskilde", "leader"), ("Roret-Gammel", "analyst")] {
                    try await browser.type("#rule-value", value)
                    try await browser.select("#rule-role", role)
                    try await browser.type("#rule-area", "265")
                    try await browser.click("#save-rule")
                    #expect(try await browser.waitForText("»\(value)« giver nu rollen"))
                }
                try await browser.click("button[aria-label='Fjern Roret-Gammel']")
                #expect(try await browser.waitForText("»Roret-Gammel« er fjernet."))
                #expect(try await !browser.pageSource.contains("<td>Roret-Gammel</td>"))
                try await checks.look(browser, "roller")
                try await browser.click("form[action='/log-ud'] button")
                provider.update { $0.next.claims["roles"] = ["Roret-Ledere-Roskilde"] }
                try await browser.open(site + "/log-ind")
                try await browser.click("#sso")
                #expect(try await browser.waitForText("Testudbyder af kommunens login"))
                try await browser.click("#approve")
                #expect(try await browser.waitForURL { $0.hasSuffix("/oversigt") }, "a leader in Roskilde")
            }
            try checks.writeReport()
        }
    }

    /// Roret served on a port chosen first (the redirect URI names it), with the (interactive) test provider
    /// configured; both shut down whatever happens.
    static func serving(importDemo: Bool, _ adjust: @escaping (inout RoretConfiguration) -> Void = { _ in },
                        _ body: (Application, String, TestOIDCProvider) async throws -> Void) async throws {
        let provider = try await TestOIDCProvider.start(interactive: true)
        let port = DriverPorts.free(count: 1), site = "http://127.0.0.1:\(port)"
        do {
            try await withRoretApp(.sqlite, importDemo: importDemo, configure: {
                $0.singleSignOn = provider.configuration
                $0.publicURL = site
                adjust(&$0)
            }) { app in
                try await app.server.start(address: .hostname("127.0.0.1", port: port))
                do {
                    try await body(app, site, provider)
                } catch {
                    await app.server.shutdown()
                    throw error
                }
                await app.server.shutdown()
            }
        } catch {
            try? await provider.shutdown()
            throw error
        }
        try await provider.shutdown()
    }
}
}
