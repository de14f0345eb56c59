import Foundation
import Logging
import RoretCore
import RoretStore
import Vapor

/// Delivers the outbox (*udbakken*): the senders set up, how hard to try,
/// and the two steps — staff reminders become e-mails, and what is due is
/// handed to its sender, each message claimed before its one attempt.
struct MessageDelivery: Sendable {
    let configuration: MessagingConfiguration
    let senders: [MessageChannel: any MessageSender]

    init(_ configuration: MessagingConfiguration, client: @escaping @Sendable () -> any Client, group: any EventLoopGroup) {
        self.configuration = configuration
        var senders: [MessageChannel: any MessageSender] = [:]
        if let smtp = configuration.smtp { senders[.email] = SMTPSender(configuration: smtp, group: group) }
        if let gateway = configuration.gateway { senders[.sms] = GatewaySender(configuration: gateway, client: client) }
        self.senders = senders
    }

    /// What one delivery run did.
    struct Run: Sendable, Hashable {
        var sent = 0
        var retrying = 0
        var failed = 0
    }

    /// Hands each due message to its channel's sender (a channel without one
    /// leaves its messages waiting); claims that never reported are failed first.
    @discardableResult
    func deliverDue(store: Store, now: Date = Date(), logger: Logger) async throws -> Run {
        var run = Run()
        run.failed += try await store.messages.failInterrupted(policy: configuration.policy, at: now)
        // Only channels with a sender: messages of a channel not set up wait without keeping the others back.
        for message in try await store.messages.due(at: now, channels: Set(senders.keys)) {
            guard let sender = senders[message.channel] else { continue }
            let token = Secrets.random(bytes: 16)
            guard let claimed = try await store.messages.claim(message.id, token: token, at: now) else { continue }
            do {
                try await sender.send(claimed)
                try await store.messages.delivered(claimed.id, token: token)
                run.sent += 1
            } catch {
                let failure = error as? DeliveryFailure ?? DeliveryFailure(String(describing: error))
                let state = try await store.messages.attemptFailed(claimed.id, token: token, failure, policy: configuration.policy)
                if state == .failed { run.failed += 1 } else { run.retrying += 1 }
                logger.warning("message \(claimed.id) (\(claimed.kind.rawValue), attempt \(claimed.attempts)) not delivered: \(failure.reason)")
            }
        }
        return run
    }

    /// Turns pending staff reminders into e-mails to those with an address,
    /// once each (the reminder's id is the key), in the municipality's text.
    /// Without a mail server the reminders stay in the outbox, seen in Roret.
    @discardableResult
    func enqueueStaffReminders(store: Store, origin: String?) async throws -> Int {
        guard senders[.email] != nil else { return 0 }
        let used = try await store.messages.keys(startingWith: MessageRepository.reminderPrefix)
            .union(try await store.messages.keys(startingWith: MessageRepository.actionReminderPrefix))
        let addresses = Dictionary(try await store.accounts.all().compactMap { a in a.email.map { (a.username, $0) } }, uniquingKeysWith: { a, _ in a })
        var municipalities: [UUID: String] = [:]
        var made = 0
        for reminder in try await store.measurements.reminders(.pending) {
            let key = MessageRepository.reminderPrefix + reminder.id.uuidString
            guard !used.contains(key), let address = addresses[reminder.recipient] else { continue }
            if municipalities[reminder.citizenID] == nil { municipalities[reminder.citizenID] = try await store.citizens.find(id: reminder.citizenID)?.municipality }
            guard let municipality = municipalities[reminder.citizenID] else { continue }
            let kind: MessageKind = reminder.goalID != nil ? .goalReminder : reminder.offerMeasurement != nil ? .offerReminder : .measurementReminder
            let subject = reminder.offerMeasurement ?? reminder.instrument?.danishName ?? "opfølgning"
            try await enqueue(store: store, key: key, kind: kind, to: reminder.recipient, address: address, municipality: municipality,
                              values: ["emne": subject, "frist": reminder.dueOn.danish, "adresse": origin ?? ""])
            made += 1
        }
        for reminder in try await store.leadership.pendingActionReminders() {
            let key = MessageRepository.actionReminderPrefix + reminder.id.uuidString
            guard !used.contains(key), let address = addresses[reminder.recipient] else { continue }
            try await enqueue(store: store, key: key, kind: .actionReminder, to: reminder.recipient, address: address, municipality: reminder.municipality,
                              values: ["emne": reminder.what, "frist": reminder.dueOn.danish, "adresse": origin ?? ""])
            made += 1
        }
        return made
    }

    private func enqueue(store: Store, key: String, kind: MessageKind, to username: String, address: String, municipality: String, values: [String: String]) async throws {
        let (subject, body) = try await store.messageTemplates.template(kind, municipality: municipality).template.rendered(values)
        try await store.messages.enqueue(NewMessage(idempotencyKey: key, kind: kind, channel: .email, address: address, addressee: username,
                                                    subject: subject, body: body, municipality: municipality))
    }

    /// Delivers now, in the background (after a link is sent, so the citizen need not wait for the next run).
    func deliverSoon(store: Store, logger: Logger) {
        guard !senders.isEmpty else { return }
        Task {
            do { try await deliverDue(store: store, logger: logger) } catch { logger.warning("message delivery failed: \(error)") }
        }
    }
}
