import Foundation
import RoretCore
import RoretStore
import Vapor

/// The administrator's outbox (*udbakken*): the senders set up, the
/// messages by state with their attempts and reasons, and the reminders
/// they were made from.
struct OutboxPage: Encodable {
    struct Sender: Encodable {
        var channel: String
        var status: String
        var ready: Bool
    }

    struct Count: Encodable {
        var state: String
        var label: String
        var count: Int
        var href: String
        var current: Bool
    }

    struct Message: Encodable {
        var id: String
        var created: String
        var kind: String
        var channel: String
        var to: String
        var subject: String
        var state: String
        var attempts: Int
        var when: String
        var reason: String?
        var canSendAgain: Bool
    }

    struct Reminder: Encodable {
        var due: String
        var instrument: String
        var recipient: String
        var state: String
    }

    var chrome: Chrome
    var senders: [Sender]
    var counts: [Count]
    var messages: [Message]
    var hasMessages: Bool
    var filter: String?
    var rows: [Reminder]
    var actions: [Reminder]
    var hasActions: Bool

    init(_ req: Request, messages all: [OutgoingMessage], counts: [MessageState: Int], filter: MessageState?,
         reminders: [RoretStore.Reminder], actionReminders: [ActionReminder]) throws {
        chrome = try Chrome(req, title: "Udbakke", active: "/admin/udbakke")
        let messaging = req.roret.configuration.messaging
        senders = [
            Sender(channel: "E-mail", status: messaging.smtp.map { "sat op: \($0.host):\($0.port), \($0.tls == .off ? "uden TLS" : $0.tls == .required ? "kræver STARTTLS" : "STARTTLS når serveren tilbyder det"), afsender \($0.from)" }
                ?? "ikke sat op (RORET_SMTP_HOST og RORET_SMTP_FROM). Påmindelserne bliver i udbakken og ses i Roret.", ready: messaging.smtp != nil),
            Sender(channel: "Sms", status: messaging.gateway.map { "sat op: \(URL(string: $0.url)?.host ?? $0.url)" }
                ?? "ikke sat op (RORET_SMS_GATEWAY_URL). Links vises på skærmen i stedet.", ready: messaging.gateway != nil),
        ]
        self.counts = MessageState.allCases.map { state in
            Count(state: state.rawValue, label: state.danishName, count: counts[state] ?? 0, href: "/admin/udbakke?status=\(state.rawValue)", current: state == filter)
        }
        self.filter = filter?.danishName
        messages = all.map { m in
            let to = m.kind.isToCitizen
                ? "borger \(m.addressee): \(m.channel == .sms ? CitizenContact.masked(phone: m.address) : CitizenContact.masked(email: m.address))"
                : "\(m.addressee) (\(m.address))"
            let when: String = switch m.state {
            case .sent: m.sentAt.map { "sendt \(DanishDate.time($0))" } ?? ""
            case .pending: "næste forsøg \(DanishDate.time(m.nextAttemptAt))"
            default: ""
            }
            return Message(id: m.id.uuidString, created: DanishDate.time(m.createdAt), kind: m.kind.danishName, channel: m.channel.danishName, to: to,
                           subject: m.kind.isToCitizen ? "(borgerens link)" : m.subject, state: m.state.danishName, attempts: m.attempts, when: when,
                           reason: m.lastError, canSendAgain: m.state == .failed && !m.kind.isToCitizen)
        }
        hasMessages = !messages.isEmpty
        let states: [ReminderState: String] = [.pending: "Venter", .sent: "Sendt", .cancelled: "Stoppet (besvaret)", .failed: "Fejlet"]
        rows = reminders.map {
            Reminder(due: DanishDate.dayText($0.dueOn), instrument: $0.subject, recipient: $0.recipient, state: states[$0.state] ?? $0.state.rawValue)
        }
        actions = actionReminders.map {
            Reminder(due: DanishDate.dayText($0.dueOn), instrument: "Handling: \($0.what)", recipient: $0.recipient,
                     state: $0.state == .cancelled ? "Stoppet (klaret eller ny frist)" : states[$0.state] ?? $0.state.rawValue)
        }
        hasActions = !actions.isEmpty
    }
}
