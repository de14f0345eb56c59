import Foundation
import RoretCore
@testable import RoretStore
import RoretTestSupport
import Testing

/// The message outbox, the citizen's contact and the municipality's texts, on SQLite and PostgreSQL.
@Suite struct MessageStoreTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }
    let t0 = Date(timeIntervalSince1970: 1_796_126_400)

    func mail(_ key: String, citizen: UUID? = nil, kind: MessageKind = .measurementReminder) -> NewMessage {
        NewMessage(idempotencyKey: key, kind: kind, channel: .email, address: "sb@kommune.dk", addressee: "sagsbehandler",
                   subject: "Emne", body: "Tekst", municipality: "265", citizenID: citizen)
    }

    @Test(arguments: TestDatabase.available)
    func aKeyIsEnqueuedOnceAndClaimedByOneSenderOnly(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let messages = host.store.messages
            let first = try await messages.enqueue(mail("k1"), at: t0)
            let again = try await messages.enqueue(mail("k1"), at: t0.addingTimeInterval(5))
            #expect(first.id == again.id && first.state == .pending && first.attempts == 0)
            #expect(try await messages.all().count == 1, "the same key is one message")
            #expect(try await messages.due(at: t0).map(\.id) == [first.id])
            #expect(try await messages.due(at: t0, channels: [.sms]).isEmpty, "an e-mail is not due to the sms sender")
            #expect(try await messages.due(at: t0.addingTimeInterval(-1)).isEmpty, "not before its time")
            // Eight senders at once (two instances' worth): exactly one gets it.
            let claims = try await withThrowingTaskGroup(of: OutgoingMessage?.self) { group in
                for i in 0..<8 { group.addTask { try await messages.claim(first.id, token: "t\(i)", at: self.t0) } }
                return try await group.reduce(into: [OutgoingMessage]()) { if let m = $1 { $0.append(m) } }
            }
            #expect(claims.count == 1 && claims[0].attempts == 1 && claims[0].state == .sending)
            #expect(try await messages.due(at: t0).isEmpty, "a claimed message is not due")
            try await messages.delivered(first.id, token: "wrong", at: t0)
            #expect(try await messages.find(id: first.id)?.state == .sending, "only the claimer reports")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFailedAttemptWaitsWithBackoffAndTheLastFailsWithItsReason(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let messages = host.store.messages
            let policy = DeliveryPolicy(maxAttempts: 3, firstDelay: 60, longestDelay: 3_600)
            let m = try await messages.enqueue(mail("k2"), at: t0)
            var now = t0
            _ = try await messages.claim(m.id, token: "a", at: now)
            #expect(try await messages.attemptFailed(m.id, token: "a", DeliveryFailure("Forbindelsen blev afvist"), policy: policy, at: now) == .pending)
            #expect(try await messages.due(at: now.addingTimeInterval(59)).isEmpty, "waits the first 60 s")
            now = now.addingTimeInterval(60)
            #expect(try await messages.due(at: now).count == 1)
            _ = try await messages.claim(m.id, token: "b", at: now)
            #expect(try await messages.attemptFailed(m.id, token: "b", DeliveryFailure("Timeout"), policy: policy, at: now) == .pending)
            #expect(try await messages.due(at: now.addingTimeInterval(239)).isEmpty, "then 4 minutes")
            #expect(try await messages.due(at: now.addingTimeInterval(240)).count == 1)
            now = now.addingTimeInterval(240)
            _ = try await messages.claim(m.id, token: "c", at: now)
            #expect(try await messages.attemptFailed(m.id, token: "c", DeliveryFailure("Timeout igen"), policy: policy, at: now) == .failed, "the third of three")
            let failed = try #require(try await messages.find(id: m.id))
            #expect(failed.state == .failed && failed.attempts == 3 && failed.lastError == "Timeout igen")
            #expect(try await messages.due(at: now.addingTimeInterval(86_400)).isEmpty)
            #expect(try await messages.counts()[.failed] == 1)
            #expect(try await messages.counts(municipality: "253")[.failed] == 0)
            #expect(try await messages.all(municipality: "265", state: .failed).map(\.id) == [m.id])
            // A permanent failure gives up at once.
            let p = try await messages.enqueue(mail("k3"), at: t0)
            _ = try await messages.claim(p.id, token: "p", at: t0)
            #expect(try await messages.attemptFailed(p.id, token: "p", DeliveryFailure("550 ukendt modtager", permanent: true), policy: policy, at: t0) == .failed)
            // The administrator sends a failed one again.
            let resent = try #require(try await messages.sendAgain(p.id, at: now))
            #expect(resent.state == .pending && resent.attempts == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aMessageFromAReminderSettlesItAndALinkLosesItsTextOnceSent(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let c = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: "sb", followUpStartedOn: day("2026-01-01"))
            let r1 = try await store.measurements.enqueueReminder(citizenID: c.id, instrument: .who5, dueOn: day("2026-12-01"), recipient: "sb")
            let r2 = try await store.measurements.enqueueGoalReminder(citizenID: c.id, goalID: 1, dueOn: day("2026-12-01"), recipient: "sb")
            let m1 = try await store.messages.enqueue(mail(MessageRepository.reminderPrefix + r1.id.uuidString), at: t0)
            let m2 = try await store.messages.enqueue(mail(MessageRepository.reminderPrefix + r2.id.uuidString), at: t0)
            _ = try await store.messages.claim(m1.id, token: "x", at: t0)
            try await store.messages.delivered(m1.id, token: "x", at: t0)
            _ = try await store.messages.claim(m2.id, token: "y", at: t0)
            try await store.messages.attemptFailed(m2.id, token: "y", DeliveryFailure("nej", permanent: true), policy: DeliveryPolicy(), at: t0)
            #expect(try await store.measurements.reminders(.sent).map(\.id) == [r1.id])
            #expect(try await store.measurements.reminders(.failed).map(\.id) == [r2.id])
            #expect(try await store.messages.keys(startingWith: MessageRepository.reminderPrefix).count == 2)
            #expect(try await store.messages.keys(startingWith: "link:").isEmpty)

            let link = NewMessage(idempotencyKey: "link:abc", kind: .measurementLink, channel: .sms, address: "+4512345678", addressee: "B-001",
                                  subject: "", body: "Svar her: https://r.dk/svar/HEMMELIG", municipality: "265", citizenID: c.id)
            let m3 = try await store.messages.enqueue(link, at: t0)
            _ = try await store.messages.claim(m3.id, token: "z", at: t0)
            try await store.messages.delivered(m3.id, token: "z", at: t0)
            let sent = try #require(try await store.messages.find(id: m3.id))
            #expect(sent.state == .sent && sent.sentAt != nil && sent.body == MessageRepository.erasedLinkBody, "the secret link is not kept")
            #expect(try await store.messages.messages(citizenID: c.id).map(\.id) == [m3.id])
        }
    }

    @Test(arguments: TestDatabase.available)
    func aClaimThatNeverReportsIsFailedNotSentAgain(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let messages = host.store.messages
            let policy = DeliveryPolicy(interruptedAfter: 900)
            let m = try await messages.enqueue(mail("k4"), at: t0)
            _ = try await messages.claim(m.id, token: "gone", at: t0)
            #expect(try await messages.failInterrupted(policy: policy, at: t0.addingTimeInterval(899)) == 0)
            #expect(try await messages.failInterrupted(policy: policy, at: t0.addingTimeInterval(901)) == 1)
            let failed = try #require(try await messages.find(id: m.id))
            #expect(failed.state == .failed && failed.lastError == MessageRepository.interrupted)
            try await messages.delivered(m.id, token: "gone", at: t0.addingTimeInterval(902))
            #expect(try await messages.find(id: m.id)?.state == .failed, "a late report changes nothing")
        }
    }

    @Test(arguments: TestDatabase.available)
    func withdrawingConsentDeletesTheContactAndCancelsWhatIsNotSent(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let c = try await store.citizens.create(municipality: "265", pseudonym: "B-001", name: nil, caseworker: "sb", followUpStartedOn: day("2026-01-01"))
            #expect(try await store.contacts.contact(of: c.id) == nil)
            try await store.contacts.save(CitizenContact(phone: "+4512345678", email: nil), for: c.id, by: "sb", on: day("2026-11-30"))
            try await store.contacts.save(CitizenContact(phone: "+4512345678", email: "a@b.dk"), for: c.id, by: "udfoerer", on: day("2026-12-01"))
            let stored = try #require(try await store.contacts.contact(of: c.id))
            #expect(stored.contact.email == "a@b.dk" && stored.consentRecordedBy == "udfoerer" && stored.consentOn == day("2026-12-01"), "one row, replaced")
            let pending = try await store.messages.enqueue(mail("link:1", citizen: c.id, kind: .measurementLink), at: t0)
            #expect(try await store.contacts.withdraw(for: c.id))
            #expect(try await store.contacts.contact(of: c.id) == nil)
            let cancelled = try #require(try await store.messages.find(id: pending.id))
            #expect(cancelled.state == .cancelled && cancelled.body == MessageRepository.erasedLinkBody)
            #expect(try await store.contacts.withdraw(for: c.id) == false)
            // The export names the contact and the messages; the erasure removes them.
            try await store.contacts.save(CitizenContact(phone: "+4587654321", email: nil), for: c.id, by: "sb", on: day("2026-12-02"))
            let data = try await store.citizenData.export(c)
            #expect(data.tables.first { $0.name == "citizen_contacts" }?.rows.first?["phone"] == "+4587654321")
            #expect(data.tables.first { $0.name == "messages" }?.rows.count == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aMunicipalityKeepsItsOwnTextsAndCanGoBackToTheStandard(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let texts = host.store.messageTemplates
            #expect(try await texts.template(.measurementLink, municipality: "265") == (MessageKind.measurementLink.standardTemplate, false))
            let own = MessageTemplate(kind: .measurementLink, subject: "Fra Roskilde", body: "Svar: {link}")
            try await texts.save(own, municipality: "265", by: "admin")
            try await texts.save(MessageTemplate(kind: .measurementLink, subject: "Fra Roskilde", body: "Svar nu: {link}"), municipality: "265", by: "admin")
            #expect(try await texts.template(.measurementLink, municipality: "265").template.body == "Svar nu: {link}")
            #expect(try await texts.template(.measurementLink, municipality: "253").isOwn == false, "another municipality keeps the standard")
            try await texts.reset(.measurementLink, municipality: "265")
            #expect(try await texts.template(.measurementLink, municipality: "265").isOwn == false)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anAccountKeepsAnEmailAddress(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let a = try await host.store.accounts.create(username: "sb", displayName: "SB", role: .caseworker, area: "265", passwordHash: "x")
            #expect(a.email == nil)
            try await host.store.accounts.setEmail(username: "sb", "sb@kommune.dk")
            #expect(try await host.store.accounts.find(id: a.id)?.email == "sb@kommune.dk")
            #expect(try await host.store.accounts.find(username: "sb")?.email == "sb@kommune.dk")
            try await host.store.accounts.setEmail(username: "sb", nil)
            #expect(try await host.store.accounts.find(id: a.id)?.email == nil)
        }
    }
}
