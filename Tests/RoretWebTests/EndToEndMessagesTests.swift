import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor

extension ChromiumSuites {
/// Message delivery in a real Chromium (issue 14): the caseworker records
/// the citizen's consent and contact (a refused form first), sends a link
/// by sms through the stub gateway and sees it sent, copies an on-screen
/// link with the copy button, and withdraws the consent; the administrator
/// writes the municipality's text (a refused one first) and goes back to
/// the standard, sees the outbox with a failed e-mail and sends it again,
/// and gives a caseworker an e-mail address.
@Suite(.serialized) struct EndToEndMessagesTests {
    @Test(.enabled(if: EndToEndTests.canRun), .timeLimit(.minutes(20))) func staffSendLinksAndTheAdministratorKeepsTheTextsAndTheOutbox() async throws {
        let gateway = try await TestGateway.start()
        let sms = try SMSGatewayConfiguration(url: gateway.url)
        do {
            try await EndToEndTrustTests.serving(importDemo: false, configure: { $0.messaging = MessagingConfiguration(gateway: sms) }) { app, site, driverPort in
                try await drive(app, site: site, driverPort: driverPort, gateway: gateway)
            }
        } catch {
            try? await gateway.shutdown()
            throw error
        }
        try await gateway.shutdown()
    }

    func drive(_ app: Application, site: String, driverPort: Int, gateway: TestGateway) async throws {
        let store = Store(database: app.db)
        let offers = try await OfferWebTests().seed(app)
        let anna = try #require(try await store.citizens.all(municipality: "265").first)
        let failed = try await store.messages.enqueue(NewMessage(idempotencyKey: "reminder:demo", kind: .measurementReminder, channel: .email, address: "sb@roskilde.dk",
                                                                 addressee: "sagsbehandler", subject: "Roret: en måling forfalder 01.12.2026", body: "Hej", municipality: "265"))
        _ = try await store.messages.claim(failed.id, token: "t")
        try await store.messages.attemptFailed(failed.id, token: "t", DeliveryFailure("Kunne ikke forbinde til mailserveren smtp.roskilde.dk:587: forbindelsen blev afvist"),
                                               policy: DeliveryPolicy(maxAttempts: 1))
        let checks = PageChecks("messages")
        let downloads = FileManager.default.temporaryDirectory.path
        try await WebDriver.withBrowser(client: app.client, port: driverPort, windowSize: "1366,900", downloads: downloads) { browser in
            #expect(try await browser.signIn(site, "sagsbehandler", landingOn: "/borgere"))
            try await browser.open(site + "/borgere/\(anna.id.uuidString)")
            try await browser.click("nav.sections a[href='#kontakt']")
            #expect(try await browser.waitForText("Borgeren har ikke sagt ja til at få links på sms eller e-mail."))
            try await browser.type("#contact-phone", "12 34")
            try await browser.click("#save-contact")
            #expect(try await browser.waitForText("Mobilnummer: skriv 8 cifre"))
            #expect(try await browser.pageSource.contains("Samtykke: sæt kryds"))
            try await checks.look(browser, "kontakt-fejl")
            try await browser.clear("#contact-phone")
            try await browser.type("#contact-phone", "12 34 56 78")
            try await browser.type("#contact-email", "anna@eksempel.dk")
            try await browser.click("#contact-consent-box")
            try await browser.click("#save-contact")
            #expect(try await browser.waitForText("Borgerens samtykke og kontakt er gemt."))
            #expect(try await browser.pageSource.contains("Mobilnummer: 12 34 56 78"))
            try await checks.look(browser, "kontakt")

            // The link by sms.
            try await browser.select("#link-instrument", "WHO-5")
            try await browser.click("#via-sms")
            try await browser.click("#issue-link")
            #expect(try await browser.waitForText("sendes som sms til +45 •• •• •• 78"))
            for _ in 0..<50 where gateway.requests.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
            #expect(gateway.requests.count == 1 && gateway.requests.first?.json["to"] == "+4512345678")
            for _ in 0..<50 where try await store.messages.messages(citizenID: anna.id).first?.state != .sent { try await Task.sleep(for: .milliseconds(100)) }
            // Reloaded without the fragment (the page after the redirect is /borgere/…#kontakt, and the same address would not load again).
            try await browser.open(site + "/borgere/\(anna.id.uuidString)")
            #expect(try await browser.waitForText("<td>sms</td><td>+45 •• •• •• 78</td><td>Sendt"))
            try await checks.look(browser, "sendt")

            // A link on screen, copied with the button.
            _ = try? await browser.command(.POST, "/goog/cdp/execute", ["cmd": "Browser.grantPermissions",
                                                                        "params": ["origin": site, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]]])
            try await browser.click("#issue-link")
            #expect(try await browser.waitForText("Giv det til borgeren nu"))
            let link = try await browser.command(.POST, "/execute/sync", ["script": "return document.querySelector('#new-link').textContent", "args": []]) as? String ?? ""
            #expect(link.contains("/svar/"), "the on-screen link")
            try await browser.click("#copy-link")
            #expect(try await browser.waitForText("Linket er kopieret."))
            let copied = try await browser.command(.POST, "/execute/async", ["script": "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('fejl: ' + e); });", "args": []]) as? String
            #expect(copied == link, "the clipboard holds the link")
            try await checks.look(browser, "kopier")
        }
        // The offer's staff send the offer's own measurement by sms from the collection, then the citizen withdraws the consent.
        try await WebDriver.withBrowser(client: app.client, port: driverPort + 2, windowSize: "1366,900", downloads: downloads) { browser in
            #expect(try await browser.signIn(site, "udfoerer", landingOn: "/borgere"))
            try await browser.open(site + "/tilbud/\(offers.bostedet.uuidString)/indsamling/\(anna.id.uuidString)")
            try await browser.click("#link-summary-who5")
            try await browser.click("#via-sms-who5")
            try await checks.look(browser, "tilbud-link")
            try await browser.click("#issue-link-who5")
            #expect(try await browser.waitForText("sendes som sms til +45 •• •• •• 78"))
            for _ in 0..<50 where gateway.requests.count < 2 { try await Task.sleep(for: .milliseconds(100)) }
            #expect(gateway.requests.count == 2 && gateway.requests.last?.json["text"]?.contains("/svar/tilbud/\(offers.bostedet.uuidString)/") == true)
            try await browser.open(site + "/borgere/\(anna.id.uuidString)#kontakt")
            #expect(try await browser.waitForText("Kontakt til målinger"))
            try await browser.click("#withdraw-contact")
            #expect(try await browser.waitForText("Samtykket er trukket tilbage."))
            #expect(try await store.contacts.contact(of: anna.id) == nil)
        }
        try await WebDriver.withBrowser(client: app.client, port: driverPort + 1, windowSize: "1366,900", downloads: downloads) { browser in
            #expect(try await browser.signIn(site, "admin", landingOn: "/oversigt"))
            try await browser.click("nav a[href='/admin/beskeder']")
            #expect(try await browser.waitForText("Beskedtekster"))
            try await browser.clear("#body-measurementLink")
            try await browser.type("#body-measurementLink", "Svar snart, {navn}")
            try await browser.click("#save-measurementLink")
            #expect(try await browser.waitForText("Tekst: {navn} kendes ikke."))
            #expect(try await browser.pageSource.contains("Tekst: skal indeholde {link}."))
            try await checks.look(browser, "tekster-fejl")
            try await browser.clear("#body-measurementLink")
            try await browser.type("#body-measurementLink", "Hej fra Roskilde. Svar på {spoergeskema} her: {link}")
            try await browser.click("#save-measurementLink")
            #expect(try await browser.waitForText("Den bruges til beskeder, der laves fra nu af."))
            #expect(try await browser.pageSource.contains("Hej fra Roskilde. Svar på WHO-5 Trivselsindeks her: https://roret.kommune.dk/svar/…"), "the preview")
            try await checks.look(browser, "tekster")
            try await browser.click("#reset-measurementLink")
            #expect(try await browser.waitForText("bruger nu Rorets standardtekst."))

            try await browser.click("nav a[href='/admin/udbakke']")
            #expect(try await browser.waitForText("Kunne ikke forbinde til mailserveren smtp.roskilde.dk:587"))
            #expect(try await browser.pageSource.contains("borger \(anna.pseudonym): +45 •• •• •• 78"))
            try await checks.look(browser, "udbakke")
            try await browser.click("#messages button[type='submit']")
            #expect(try await browser.waitForText("Beskeden til sagsbehandler sendes igen."))
            #expect(try await store.messages.find(id: failed.id)?.state == .pending)

            try await browser.click("nav a[href='/admin/brugere']")
            try await browser.select("#email-user", "sagsbehandler")
            try await browser.type("#email-address", "sb@roskilde")
            try await browser.click("#save-email")
            #expect(try await browser.waitForText("er ikke en e-mailadresse"))
            try await browser.select("#email-user", "sagsbehandler")
            try await browser.clear("#email-address")
            try await browser.type("#email-address", "sb@roskilde.dk")
            try await browser.click("#save-email")
            #expect(try await browser.waitForText("Påmindelser til sagsbehandler går nu til sb@roskilde.dk."))
            try await checks.look(browser, "brugere")
        }
        #expect(try await store.accounts.find(username: "sagsbehandler")?.email == "sb@roskilde.dk")
        try checks.writeReport()
    }
}
}
