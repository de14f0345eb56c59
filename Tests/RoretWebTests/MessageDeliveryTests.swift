import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor

/// Delivery of the outbox against real servers on loopback: e-mail to
/// aiosmtpd with STARTTLS and AUTH, sms to a stub gateway that records
/// every request; each message sent at most once, tried again with
/// backoff, failed with its reason; staff reminders become e-mails.
@Suite struct MessageDeliveryTests {
    let logger = Logger(label: "test.delivery")

    func smtp(_ server: TestSMTPServer, tls: SMTPConfiguration.TLS = .starttls, login: Bool = false, trust: Bool = true) -> SMTPConfiguration {
        SMTPConfiguration(host: "localhost", port: server.port, from: "roret@kommune.dk", username: login ? "roret" : nil, password: login ? "hemmelig" : nil,
                          tls: tls, trustedCertificatesFile: trust ? server.certificate : nil)
    }

    func mail(_ key: String, to address: String = "sb@kommune.dk", subject: String = "Påmindelse: måling", body: String = "Hej.\nWHO-5 skal måles 01.12.2026 – æøå.") -> NewMessage {
        NewMessage(idempotencyKey: key, kind: .measurementReminder, channel: .email, address: address, addressee: "sagsbehandler", subject: subject, body: body, municipality: "265")
    }

    /// The subject and body of a received e-mail, decoded (RFC 2047 words, base64 body).
    func decoded(_ content: String) throws -> (subject: String, body: String, headers: [String]) {
        let parts = content.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
        let headerText = parts[0].replacingOccurrences(of: "\n ", with: " ")
        let headers = headerText.components(separatedBy: "\n")
        let subjectLine = try #require(headers.first { $0.hasPrefix("Subject: ") }).dropFirst("Subject: ".count)
        let subject = subjectLine.split(separator: " ").map { word -> String in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return String(word) }
            return String(decoding: Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) ?? Data(), as: UTF8.self)
        }.joined()
        let body = String(decoding: Data(base64Encoded: parts[1...].joined(separator: "\n").replacingOccurrences(of: "\n", with: "")) ?? Data(), as: UTF8.self)
        return (subject, body.replacingOccurrences(of: "\r\n", with: "\n"), headers)
    }

    @Test(.enabled(if: TestSMTPServer.available))
    func anEmailArrivesOverStartTLSWithItsRecipientSubjectAndBody() async throws {
        let server = try await TestSMTPServer.start(.starttls, auth: true)
        defer { server.stop() }
        try await withRoretApp(.sqlite, importDemo: false, configure: { $0.messaging = MessagingConfiguration(smtp: smtp(server, login: true)) }) { app in
            let store = Store(database: app.db)
            let message = try await store.messages.enqueue(mail("reminder:1"))
            let run = try await app.roret.delivery.deliverDue(store: store, logger: logger)
            #expect(run == MessageDelivery.Run(sent: 1, retrying: 0, failed: 0))
            let received = try server.received()
            #expect(received.count == 1)
            let got = try #require(received.first)
            #expect(got.to == ["sb@kommune.dk"] && got.from == "roret@kommune.dk")
            #expect(got.tls, "STARTTLS was used")
            #expect(got.login == "roret", "signed in inside TLS")
            let (subject, body, headers) = try decoded(got.content)
            #expect(subject == "Påmindelse: måling")
            #expect(body == "Hej.\nWHO-5 skal måles 01.12.2026 – æøå.")
            #expect(headers.contains("Message-ID: <reminder-1@roret>"), "the idempotency key travels as the Message-ID")
            let sent = try #require(try await store.messages.find(id: message.id))
            #expect(sent.state == .sent && sent.attempts == 1 && sent.sentAt != nil)
            // Sent once: another run sends nothing.
            #expect(try await app.roret.delivery.deliverDue(store: store, logger: logger) == MessageDelivery.Run())
            #expect(try server.received().count == 1)
        }
    }

    @Test(.enabled(if: TestSMTPServer.available))
    func aRefusedRecipientFailsAtOnceWithTheServersReason() async throws {
        let server = try await TestSMTPServer.start(.starttls)
        defer { server.stop() }
        try await withRoretApp(.sqlite, importDemo: false, configure: { $0.messaging = MessagingConfiguration(smtp: smtp(server)) }) { app in
            let store = Store(database: app.db)
            let message = try await store.messages.enqueue(mail("reminder:2", to: "ukendt@kommune.dk"))
            #expect(try await app.roret.delivery.deliverDue(store: store, logger: logger).failed == 1)
            let failed = try #require(try await store.messages.find(id: message.id))
            #expect(failed.state == .failed && failed.attempts == 1)
            #expect(failed.lastError == "Mailserveren afviste modtageren: 550 5.1.1 Ukendt modtager")
            #expect(try server.received().isEmpty)
        }
    }

    @Test(.enabled(if: TestSMTPServer.available))
    func withoutStartTLSMailGoesPlainButNeverWithAPasswordOrWhenTLSIsRequired() async throws {
        let server = try await TestSMTPServer.start(.plain)
        defer { server.stop() }
        let cases: [(SMTPConfiguration, String?)] = [
            (smtp(server), nil),
            (smtp(server, tls: .required), "Mailserveren localhost:\(server.port) tilbyder ikke STARTTLS, og RORET_SMTP_TLS=required."),
            (smtp(server, login: true), "Adgangskoden til mailserveren sendes ikke ukrypteret, og localhost:\(server.port) tilbyder ikke STARTTLS."),
        ]
        for (index, (config, reason)) in cases.enumerated() {
            try await withRoretApp(.sqlite, importDemo: false, configure: { $0.messaging = MessagingConfiguration(smtp: config) }) { app in
                let store = Store(database: app.db)
                let message = try await store.messages.enqueue(mail("plain:\(index)"))
                try await app.roret.delivery.deliverDue(store: store, logger: logger)
                let after = try #require(try await store.messages.find(id: message.id))
                #expect(after.state == (reason == nil ? .sent : .pending), "case \(index)")
                #expect(after.lastError == reason, "case \(index)")
            }
        }
        let received = try server.received()
        #expect(received.count == 1 && received[0].tls == false && received[0].login == nil, "only the first, plain and without a password")
    }

    @Test(.enabled(if: TestSMTPServer.available))
    func anUntrustedCertificateOrNoServerIsTriedAgainAfterAMinute() async throws {
        let server = try await TestSMTPServer.start(.starttls)
        let closedPort = DriverPorts.free(count: 1)
        defer { server.stop() }
        let configs = [smtp(server, trust: false), SMTPConfiguration(host: "127.0.0.1", port: closedPort, from: "roret@kommune.dk")]
        for (index, config) in configs.enumerated() {
            try await withRoretApp(.sqlite, importDemo: false, configure: { $0.messaging = MessagingConfiguration(smtp: config) }) { app in
                let store = Store(database: app.db)
                let message = try await store.messages.enqueue(mail("retry:\(index)"))
                let now = Date()
                #expect(try await app.roret.delivery.deliverDue(store: store, now: now, logger: logger).retrying == 1)
                let after = try #require(try await store.messages.find(id: message.id))
                #expect(after.state == .pending && after.attempts == 1)
                #expect(abs(after.nextAttemptAt.timeIntervalSince(now) - 60) < 5, "the first wait is a minute")
                let reason = after.lastError ?? ""
                #expect(index == 0 ? reason.hasPrefix("TLS-forbindelsen til localhost:\(server.port) mislykkedes") : reason.hasPrefix("Kunne ikke forbinde til mailserveren 127.0.0.1:\(closedPort)"), "\(reason)")
            }
        }
        #expect(try server.received().isEmpty, "nothing was sent to a server Roret does not trust")
    }

    @Test func theGatewayGetsItsTemplateFilledInWithTheKeyOnce() async throws {
        let gateway = try await TestGateway.start()
        let config = try SMSGatewayConfiguration(url: gateway.url, template: #"{"recipient": "{{to}}", "message": "{{text}}", "ref": "{{key}}"}"#, authorization: "Bearer gw-nøgle")
        try await withRoretApp(.sqlite, importDemo: false, configure: { $0.messaging = MessagingConfiguration(gateway: config) }) { app in
            let store = Store(database: app.db)
            let text = "Svar her: https://roret.dk/svar/abc \"tak\"\nLinje 2 æøå"
            let message = try await store.messages.enqueue(NewMessage(idempotencyKey: "link:h1", kind: .measurementLink, channel: .sms, address: "+4512345678",
                                                                      addressee: "B-001", subject: "", body: text, municipality: "265"))
            #expect(try await app.roret.delivery.deliverDue(store: store, logger: logger).sent == 1)
            #expect(try await app.roret.delivery.deliverDue(store: store, logger: logger).sent == 0)
            let requests = gateway.requests
            #expect(requests.count == 1, "asked once")
            #expect(requests[0].json == ["recipient": "+4512345678", "message": text, "ref": "link:h1"])
            #expect(requests[0].headers.first(name: "Idempotency-Key") == "link:h1")
            #expect(requests[0].headers.first(name: .authorization) == "Bearer gw-nøgle")
            #expect(try await store.messages.find(id: message.id)?.body == MessageRepository.erasedLinkBody, "the link is not kept once sent")
        }
        try await gateway.shutdown()
    }

    @Test func aBusyGatewayIsAskedAgainAfterTheWaitAndARefusalFailsAtOnce() async throws {
        let gateway = try await TestGateway.start()
        let config = try SMSGatewayConfiguration(url: gateway.url)
        try await withRoretApp(.sqlite, importDemo: false, configure: { $0.messaging = MessagingConfiguration(gateway: config); $0.messaging.policy = DeliveryPolicy(maxAttempts: 2) }) { app in
            let store = Store(database: app.db)
            let sms = { (key: String) in NewMessage(idempotencyKey: key, kind: .measurementLink, channel: .sms, address: "+4512345678", addressee: "B-001", subject: "", body: "x", municipality: "265") }
            let busy = try await store.messages.enqueue(sms("k1"))
            gateway.answer(.serviceUnavailable)
            let t0 = Date()
            #expect(try await app.roret.delivery.deliverDue(store: store, now: t0, logger: logger).retrying == 1)
            #expect(try await store.messages.find(id: busy.id)?.lastError == #"Gatewayen svarede 503 Service Unavailable: {"error":"nej"}"#)
            #expect(try await app.roret.delivery.deliverDue(store: store, now: t0.addingTimeInterval(30), logger: logger) == MessageDelivery.Run(), "not before its time")
            #expect(try await app.roret.delivery.deliverDue(store: store, now: t0.addingTimeInterval(61), logger: logger).sent == 1)
            #expect(try await store.messages.find(id: busy.id)?.attempts == 2)

            let refused = try await store.messages.enqueue(sms("k2"))
            gateway.answer(.badRequest)
            #expect(try await app.roret.delivery.deliverDue(store: store, now: t0.addingTimeInterval(62), logger: logger).failed == 1)
            let failed = try #require(try await store.messages.find(id: refused.id))
            #expect(failed.state == .failed && failed.attempts == 1, "a 400 is not asked again")
            #expect(gateway.requests.count == 3)
        }
        try await gateway.shutdown()
    }

    @Test func aGatewayTemplateThatIsNotJSONStopsTheStartWithADanishReason() throws {
        #expect(throws: ConfigurationProblem.self) { try SMSGatewayConfiguration(url: "http://x", template: #"{"to": {{to}}}"#) }
        let config = RoretConfiguration.fromEnvironment(["RORET_SMS_GATEWAY_URL": "http://127.0.0.1:1/sms", "RORET_SMS_GATEWAY_TEMPLATE": "to={{to}}"])
        #expect(config.problems == ["RORET_SMS_GATEWAY_TEMPLATE er ikke gyldig JSON, når pladsholderne er udfyldt: to={{to}}"])
        let good = RoretConfiguration.fromEnvironment(["RORET_SMTP_HOST": "smtp.kommune.dk", "RORET_SMTP_FROM": "roret@kommune.dk", "RORET_SMTP_TLS": "required",
                                                       "RORET_SMS_GATEWAY_URL": "https://gw/sms", "RORET_MESSAGE_MAX_ATTEMPTS": "7"])
        #expect(good.problems.isEmpty && good.messaging.channels == [.email, .sms])
        #expect(good.messaging.smtp?.port == 587 && good.messaging.smtp?.tls == .required && good.messaging.policy.maxAttempts == 7)
        #expect(RoretConfiguration.fromEnvironment([:]).messaging.channels.isEmpty, "nothing is sent unless set up")
    }

    @Test(.enabled(if: TestSMTPServer.available))
    func remindersBecomeEmailsToStaffWithAnAddressOnceAndSettleWhenSent() async throws {
        let server = try await TestSMTPServer.start(.starttls)
        defer { server.stop() }
        try await withRoretApp(.sqlite, importDemo: false, configure: { $0.messaging = MessagingConfiguration(smtp: smtp(server)) }) { app in
            let store = Store(database: app.db)
            let anna = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: "Anna", caseworker: "sagsbehandler", followUpStartedOn: Day.yearStart(2026))
            let bo = try await store.citizens.create(municipality: "265", pseudonym: "B-002", name: "Bo", caseworker: "sagsbehandler-2", followUpStartedOn: Day.yearStart(2026))
            let due = Day(iso: "2026-12-01")!
            let toAddress = try await store.measurements.enqueueReminder(citizenID: anna.id, instrument: .who5, dueOn: due, recipient: "sagsbehandler")
            let noAddress = try await store.measurements.enqueueReminder(citizenID: bo.id, instrument: .who5, dueOn: due, recipient: "sagsbehandler-2")
            try await store.accounts.setEmail(username: "sagsbehandler", "sb@kommune.dk")
            try await store.messageTemplates.save(MessageTemplate(kind: .measurementReminder, subject: "Måling {frist}", body: "Roskilde: {emne} senest {frist}. {adresse}"),
                                                  municipality: "265", by: "admin")
            let delivery = app.roret.delivery
            #expect(try await delivery.enqueueStaffReminders(store: store, origin: "https://roret.roskilde.dk") == 1)
            #expect(try await delivery.enqueueStaffReminders(store: store, origin: "https://roret.roskilde.dk") == 0, "once per reminder")
            #expect(try await delivery.deliverDue(store: store, logger: logger).sent == 1)
            let (subject, body, _) = try decoded(try #require(try server.received().first).content)
            #expect(subject == "Måling 01.12.2026")
            #expect(body == "Roskilde: WHO-5 Trivselsindeks senest 01.12.2026. https://roret.roskilde.dk", "the municipality's own text")
            #expect(!body.contains("B-001") && !body.contains("Anna"), "the e-mail does not name the citizen")
            let reminders = try await store.measurements.allReminders()
            #expect(reminders.first { $0.id == toAddress.id }?.state == .sent, "the reminder is settled with its e-mail")
            #expect(reminders.first { $0.id == noAddress.id }?.state == .pending, "no address: it stays in the outbox, seen in Roret")
        }
    }

    @Test func withoutAMailServerRemindersStayInTheOutbox() async throws {
        try await withRoretApp(.sqlite, importDemo: false) { app in
            let store = Store(database: app.db)
            let anna = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: "sagsbehandler", followUpStartedOn: Day.yearStart(2026))
            try await store.measurements.enqueueReminder(citizenID: anna.id, instrument: .who5, dueOn: Day(iso: "2026-12-01")!, recipient: "sagsbehandler")
            try await store.accounts.setEmail(username: "sagsbehandler", "sb@kommune.dk")
            #expect(try await app.roret.delivery.enqueueStaffReminders(store: store, origin: nil) == 0)
            #expect(try await store.messages.all().isEmpty)
        }
    }
}
