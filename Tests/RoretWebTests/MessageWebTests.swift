import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// The pages of message delivery through their forms: the citizen's
/// consent and contact and a link by sms, the municipality's texts, the
/// outbox's states and "Send igen", and staff e-mail addresses.
@Suite struct MessageWebTests {
    func waitFor(_ condition: () async throws -> Bool) async throws {
        for _ in 0..<50 where !(try await condition()) { try await Task.sleep(for: .milliseconds(100)) }
    }

    @Test(arguments: TestDatabase.available)
    func aLinkGoesToTheCitizenBySMSOnlyWithTheirConsentAndTheContactGoesWhenWithdrawn(_ backend: TestDatabase) async throws {
        let gateway = try await TestGateway.start()
        let sms = try SMSGatewayConfiguration(url: gateway.url)
        try await withRoretApp(backend, importDemo: false, configure: { $0.messaging = MessagingConfiguration(gateway: sms); $0.publicURL = "https://roret.roskilde.dk" }) { app in
            let store = Store(database: app.db)
            let anna = try await CitizenWebTests().anna(app)
            let record = "/borgere/\(anna.id.uuidString)"
            var sb = Browser(app)
            try await sb.signIn("sagsbehandler")
            var page = try await sb.get(record)
            #expect(page.body.string.contains(CitizenContact.purpose), "the page says what the contact is for")
            #expect(!page.body.string.contains("id=\"via-sms\""), "no sms choice without a contact")

            // Without consent nothing is sent; the link is refused with the reason.
            var refused = try await sb.post("\(record)/link", ["instrument": "WHO-5", "via": "sms"])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("Borgeren har ikke givet et mobilnummer med samtykke."))
            #expect(try await store.measurements.links(of: anna.id).isEmpty && gateway.requests.isEmpty, "no link, no message")

            // Every problem of the contact form at once, what was typed kept.
            refused = try await sb.post("\(record)/kontakt", ["phone": "12 34", "email": "anna@"])
            #expect(refused.status == .badRequest)
            for problem in ["Mobilnummer: skriv 8 cifre", "E-mail: skriv en e-mailadresse", "Samtykke: sæt kryds"] { #expect(refused.body.string.contains(problem), "\(problem)") }
            #expect(refused.body.string.contains("value=\"12 34\"") && refused.body.string.contains("value=\"anna@\""))
            #expect(try await store.contacts.contact(of: anna.id) == nil)

            #expect(try await sb.post("\(record)/kontakt", ["phone": "12 34 56 78", "consent": "ja"]).status == .seeOther)
            page = try await sb.get(record)
            #expect(page.body.string.contains("Borgerens samtykke og kontakt er gemt."))
            #expect(page.body.string.contains("Send som sms til +45 •• •• •• 78"))

            #expect(try await sb.post("\(record)/link", ["instrument": "WHO-5", "via": "sms"]).status == .seeOther)
            page = try await sb.get(record)
            #expect(page.body.string.contains("Linket til WHO-5 Trivselsindeks sendes som sms til +45 •• •• •• 78."))
            #expect(!page.body.string.contains("id=\"new-link\""), "a link sent by sms is not shown on screen")
            try await waitFor { gateway.requests.count == 1 }
            let text = try #require(gateway.requests.first?.json["text"])
            #expect(gateway.requests.first?.json["to"] == "+4512345678")
            #expect(text.contains("Roskilde Kommune beder dig svare på et kort spørgeskema (WHO-5 Trivselsindeks)"))
            let path = try #require(text.firstMatch(of: /https:\/\/roret\.roskilde\.dk(\/svar\/[A-Za-z0-9_-]+)/)).1
            // The citizen's link from the sms opens the questionnaire.
            var citizen = Browser(app)
            #expect(try await citizen.get(String(path)).status == .ok)
            try await waitFor { try await store.messages.messages(citizenID: anna.id).first?.state == .sent }
            let sent = try #require(try await store.messages.messages(citizenID: anna.id).first)
            #expect(sent.state == .sent && sent.body == MessageRepository.erasedLinkBody)
            page = try await sb.get(record)
            #expect(page.body.string.contains("<td>sms</td><td>+45 •• •• •• 78</td><td>Sendt"), "the caseworker sees it was sent")
            let audit = try await store.audit.events(AuditQuery(action: .linkIssued, limit: 5))
            #expect(audit.first?.detail.hasSuffix("(sendt som sms)") == true)

            // Withdrawn: the contact is gone at once, and the sms choice with it.
            #expect(try await sb.post("\(record)/kontakt/tilbagekald", [:]).status == .seeOther)
            #expect(try await store.contacts.contact(of: anna.id) == nil)
            page = try await sb.get(record)
            #expect(page.body.string.contains("Samtykket er trukket tilbage."))
            #expect(!page.body.string.contains("Send som sms"))
            #expect(try await store.audit.events(AuditQuery(action: .contactChanged, limit: 5)).count == 2)
        }
        try await gateway.shutdown()
    }

    @Test(.enabled(if: TestSMTPServer.available))
    func anOffersLinkGoesToTheCitizenByEmailFromTheCollection() async throws {
        let server = try await TestSMTPServer.start(.starttls)
        defer { server.stop() }
        let smtp = SMTPConfiguration(host: "localhost", port: server.port, from: "roret@roskilde.dk", trustedCertificatesFile: server.certificate)
        try await withRoretApp(.sqlite, importDemo: false, configure: { $0.messaging = MessagingConfiguration(smtp: smtp); $0.publicURL = "https://roret.roskilde.dk" }) { app in
            let s = try await OfferWebTests().seed(app)
            let store = Store(database: app.db)
            let anna = try #require(try await store.citizens.all(municipality: "265").first)
            let collection = "/tilbud/\(s.bostedet.uuidString)/indsamling"
            var staff = Browser(app)
            try await staff.signIn("udfoerer")
            #expect(try await !staff.get(collection + "/\(anna.id.uuidString)").body.string.contains("name=\"via\""), "no contact, no choice")
            let refused = try await staff.post(collection + "/link", ["citizen": anna.id.uuidString, "instrument": "who5", "point": "followUp", "via": "email"])
            #expect(refused.status == .badRequest && refused.body.string.contains("Borgeren har ikke givet en e-mailadresse med samtykke."))
            try await store.contacts.save(CitizenContact(phone: nil, email: "anna@eksempel.dk"), for: anna.id, by: "sagsbehandler", on: DanishDate.today)
            let page = try await staff.get(collection + "/\(anna.id.uuidString)").body.string
            #expect(page.contains("Send på e-mail til a•••@eksempel.dk") && !page.contains("Send som sms"))
            #expect(try await staff.post(collection + "/link", ["citizen": anna.id.uuidString, "instrument": "who5", "point": "followUp", "via": "email"]).status == .seeOther)
            #expect(try await staff.get(collection + "/\(anna.id.uuidString)").body.string.contains("sendes som e-mail til a•••@eksempel.dk"))
            try await waitFor { (try? server.received().count) == 1 }
            let mail = try #require(try server.received().first)
            #expect(mail.to == ["anna@eksempel.dk"] && mail.tls)
            let body = try MessageDeliveryTests().decoded(mail.content).body
            let link = try #require(body.firstMatch(of: /https:\/\/roret\.roskilde\.dk(\/svar\/tilbud\/[A-Za-z0-9_\/-]+)/)?.1)
            var citizen = Browser(app)
            #expect(try await citizen.get(String(link)).status == .ok, "the link in the e-mail opens the offer's questionnaire")
            #expect(try await store.offers.current(OfferAnswerLink.self, offer: s.bostedet, kind: .answerLink).count == 1)
        }
    }

    @Test func withoutASenderTheChoiceIsNotOfferedAndAForgedOneIsRefused() async throws {
        try await withRoretApp(.sqlite, importDemo: false) { app in
            let anna = try await CitizenWebTests().anna(app)
            let record = "/borgere/\(anna.id.uuidString)"
            var sb = Browser(app)
            try await sb.signIn("sagsbehandler")
            _ = try await sb.get(record)
            #expect(try await sb.post("\(record)/kontakt", ["phone": "12345678", "email": "anna@eksempel.dk", "consent": "ja"]).status == .seeOther)
            let page = try await sb.get(record)
            #expect(page.body.string.contains("Sms er ikke sat op i Roret, så linket kan ikke sendes som sms."))
            #expect(page.body.string.contains("E-mail er ikke sat op i Roret, så linket kan ikke sendes på e-mail."))
            #expect(!page.body.string.contains("name=\"via\""))
            let forged = try await sb.post("\(record)/link", ["instrument": "WHO-5", "via": "email"])
            #expect(forged.status == .badRequest && forged.body.string.contains("E-mail er ikke sat op i Roret. Vis linket her i stedet."))
            #expect(try await Store(database: app.db).messages.all().isEmpty)
        }
    }

    @Test func anAdministratorWritesTheMunicipalitysTextWithEveryProblemShownAndGoesBack() async throws {
        try await withRoretApp(.sqlite, importDemo: false) { app in
            let store = Store(database: app.db)
            var admin = Browser(app)
            try await admin.signIn("admin")
            var page = try await admin.get("/admin/beskeder?kommune=265")
            #expect(page.status == .ok && page.body.string.contains("Rorets standardtekst."))
            #expect(page.body.string.contains("Roskilde Kommune beder dig svare"), "the preview fills in the placeholders")
            let refused = try await admin.post("/admin/beskeder/measurementLink", ["municipality": "265", "subject": "Hej {navn}", "body": "Svar snart"])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("Emne: {navn} kendes ikke.") && refused.body.string.contains("Tekst: skal indeholde {link}."))
            #expect(refused.body.string.contains(">Svar snart</textarea>"), "the text typed is kept")
            #expect(try await store.messageTemplates.template(.measurementLink, municipality: "265").isOwn == false)
            #expect(try await admin.post("/admin/beskeder/measurementLink", ["municipality": "265", "subject": "Fra Roskilde", "body": "Svar her: {link}"]).status == .seeOther)
            page = try await admin.get("/admin/beskeder?kommune=265")
            #expect(page.body.string.contains("Kommunens egen tekst.") && page.body.string.contains("er gemt. Den bruges til beskeder, der laves fra nu af."))
            #expect(try await store.messageTemplates.template(.measurementLink, municipality: "265").template.body == "Svar her: {link}")
            #expect(try await store.messageTemplates.template(.measurementLink, municipality: "253").isOwn == false)
            #expect(try await admin.post("/admin/beskeder/measurementLink/standard", ["municipality": "265"]).status == .seeOther)
            #expect(try await store.messageTemplates.template(.measurementLink, municipality: "265").isOwn == false)
            // An administrator of Roskilde edits Roskilde's texts, not Greve's.
            _ = try await AccountService(store: store, bcryptCost: 4, threadPool: app.threadPool)
                .add(username: "admin-265", displayName: "Admin Roskilde", role: .administrator, area: "265", password: testPassword, by: "test")
            var local = Browser(app)
            try await local.signIn("admin-265")
            #expect(try await local.get("/admin/beskeder?kommune=253").status == .forbidden)
            _ = try await local.get("/admin/beskeder")
            #expect(try await local.post("/admin/beskeder/measurementLink", ["municipality": "253", "subject": "x", "body": "{link}"]).status == .forbidden)
            #expect(try await store.messageTemplates.template(.measurementLink, municipality: "253").isOwn == false)
        }
    }

    @Test func theOutboxShowsStatesAndReasonsAndAFailedStaffMessageIsSentAgain() async throws {
        try await withRoretApp(.sqlite, importDemo: false) { app in
            let store = Store(database: app.db)
            let failed = try await store.messages.enqueue(NewMessage(idempotencyKey: "reminder:x", kind: .measurementReminder, channel: .email, address: "sb@kommune.dk",
                                                                     addressee: "sagsbehandler", subject: "Roret: en måling forfalder", body: "Hej", municipality: "265"))
            _ = try await store.messages.claim(failed.id, token: "t")
            try await store.messages.attemptFailed(failed.id, token: "t", DeliveryFailure("Mailserveren afviste modtageren: 550 ukendt", permanent: true), policy: DeliveryPolicy())
            let link = try await store.messages.enqueue(NewMessage(idempotencyKey: "link:y", kind: .measurementLink, channel: .sms, address: "+4512345678",
                                                                   addressee: "B-001", subject: "", body: "Svar: https://x/svar/HEMMELIG", municipality: "253"))
            var admin = Browser(app)
            try await admin.signIn("admin")
            var page = try await admin.get("/admin/udbakke")
            let html = page.body.string
            #expect(html.contains("Mailserveren afviste modtageren: 550 ukendt") && html.contains("Fejlet: 1") && html.contains("Venter: 1"))
            #expect(html.contains("borger B-001: +45 •• •• •• 78") && !html.contains("HEMMELIG"), "the citizen's number masked, the link never shown")
            #expect(html.contains("ikke sat op (RORET_SMTP_HOST og RORET_SMTP_FROM)"))
            page = try await admin.get("/admin/udbakke?status=failed")
            #expect(page.body.string.contains("Kun: Fejlet") && !page.body.string.contains("B-001"))
            #expect(try await admin.post("/admin/udbakke/\(failed.id.uuidString)/send-igen", [:]).status == .seeOther)
            #expect(try await store.messages.find(id: failed.id)?.state == .pending)
            #expect(try await admin.get("/admin/udbakke?status=pending").body.string.contains("Beskeden til sagsbehandler sendes igen."))
            // A link is never sent again from here.
            _ = try await store.messages.claim(link.id, token: "u")
            try await store.messages.attemptFailed(link.id, token: "u", DeliveryFailure("nej", permanent: true), policy: DeliveryPolicy())
            #expect(try await admin.post("/admin/udbakke/\(link.id.uuidString)/send-igen", [:]).status == .seeOther)
            #expect(try await store.messages.find(id: link.id)?.state == .failed)
            // Roskilde's administrator sees Roskilde's messages only.
            _ = try await AccountService(store: store, bcryptCost: 4, threadPool: app.threadPool)
                .add(username: "admin-265", displayName: "Admin Roskilde", role: .administrator, area: "265", password: testPassword, by: "test")
            var local = Browser(app)
            try await local.signIn("admin-265")
            let localPage = try await local.get("/admin/udbakke").body.string
            #expect(localPage.contains("sb@kommune.dk") && !localPage.contains("B-001"))
            #expect(try await local.post("/admin/udbakke/\(link.id.uuidString)/send-igen", [:]).status == .notFound)
        }
    }

    @Test func anAdministratorGivesStaffAnEmailAddressAndAWrongOneChangesNothing() async throws {
        try await withRoretApp(.sqlite, importDemo: false) { app in
            let store = Store(database: app.db)
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/brugere")
            let refused = try await admin.post("/admin/brugere/email", ["username": "sagsbehandler", "email": "sb@kommune"])
            #expect(refused.status == .badRequest && refused.body.string.contains("E-mail: sb@kommune er ikke en e-mailadresse (fx navn@kommune.dk). Intet er ændret."))
            #expect(refused.body.string.contains("value=\"sb@kommune\""), "what was typed is kept")
            #expect(try await store.accounts.find(username: "sagsbehandler")?.email == nil)
            #expect(try await admin.post("/admin/brugere/email", ["username": "sagsbehandler", "email": "sb@roskilde.dk"]).status == .seeOther)
            let page = try await admin.get("/admin/brugere")
            #expect(page.body.string.contains("Påmindelser til sagsbehandler går nu til sb@roskilde.dk.") && page.body.string.contains("<td>sb@roskilde.dk</td>"))
            #expect(try await admin.post("/admin/brugere/email", ["username": "sagsbehandler", "email": ""]).status == .seeOther)
            #expect(try await store.accounts.find(username: "sagsbehandler")?.email == nil)
            #expect(try await store.audit.events(AuditQuery(action: .accountChanged, limit: 5)).count == 2)
        }
    }
}
