import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor

extension ChromiumSuites {
/// Two-factor sign-in in a real Chromium (issue 14): an administrator is led
/// to enrolment after the password, types the code the app would show, sees
/// the recovery codes once, and at the next sign-in types a code.
@Suite(.serialized) struct EndToEndSecondFactorTests {
    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(20))) func anAdministratorEnrolsAndSignsInWithACode() async throws {
        try await EndToEndTrustTests.serving(importDemo: false, configure: { $0.requireSecondFactor = true }) { app, site, driverPort in
            let checks = PageChecks("second-factor")
            try await WebDriver.withBrowser(client: app.client, port: driverPort, windowSize: "1366,900", downloads: FileManager.default.temporaryDirectory.path) { browser in
                #expect(try await browser.signIn(site, "admin", landingOn: "/to-faktor"))
                #expect(try await browser.waitForText("Scan QR-koden med appen"))
                try await checks.look(browser, "tilmelding")
                let shown = try #require(try await browser.pageSource.firstMatch(of: /<code id="secret">([A-Z2-7 ]+)<\/code>/).map { String($0.1) })
                let totp = TOTP(secret: try #require(Base32.decode(shown)))
                try await browser.type("#enrol-code", totp.code(at: Date()))
                try await browser.click("#enrol")
                #expect(try await browser.waitForText("Dine gendannelseskoder"))
                #expect(try await browser.pageSource.contains("Totrinsgodkendelse er slået til for din bruger"))
                try await checks.look(browser, "gendannelseskoder")
                try await browser.click("form[action='/log-ud'] button")
                #expect(try await browser.signIn(site, "admin", landingOn: "/log-ind/kode"))
                try await checks.look(browser, "kode")
                try await browser.type("#code", totp.code(step: totp.step(at: Date()) + 1))
                try await browser.click("#check-code")
                #expect(try await browser.waitForURL { $0.hasSuffix("/oversigt") })
                // A lost phone: the administrator resets the factor on *Brugere* (here their own), after confirming.
                try await browser.click("nav a[href='/admin/brugere']")
                #expect(try await browser.waitForText("Totrin"))
                try await browser.click("button[aria-label='Nulstil totrinsgodkendelse for admin']")
                #expect(try await browser.waitForText("Nulstil totrinsgodkendelse for admin?"))
                try await checks.look(browser, "nulstil")
                try await browser.click("#confirm")
                #expect(try await browser.waitForText("Totrinsgodkendelsen for admin er nulstillet."))
                try await browser.click("form[action='/log-ud'] button")
                #expect(try await browser.signIn(site, "admin", landingOn: "/to-faktor"), "enrolment starts again")
            }
            try checks.writeReport()
        }
    }
}
}
