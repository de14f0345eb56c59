import Foundation
import RoretCore
import RoretStore

/// The record's panel for the citizen's consent and contact for links
/// (*kontakt til målinger*): what is stored and why, the form, and the
/// messages sent to the citizen with their state.
struct ContactPanel: Encodable {
    struct Sent: Encodable {
        var created: String
        var channel: String
        var to: String
        var state: String
        var reason: String?
    }

    var purpose = CitizenContact.purpose
    var hasContact: Bool
    var consent: String?
    var phone: String?
    var email: String?
    var form: FormModel
    /// Ways to send a new link besides the screen (only channels set up, to a contact given).
    var via: [Choice]
    var hasVia: Bool
    /// Why a way is missing, for the staff.
    var notes: [String]
    var sent: [Sent]
    var hasSent: Bool

    init(contact: StoredContact?, messages: [OutgoingMessage], channels: Set<MessageChannel>, failed: FailedForm?) {
        hasContact = contact != nil
        consent = contact.map { "Borgeren har sagt ja til at få links til målinger (registreret \($0.consentOn.danish) af \($0.consentRecordedBy))." }
        phone = contact?.contact.phone.map(CitizenContact.readable(phone:))
        email = contact?.contact.email
        form = FormModel(id: "contact", values: ["phone": phone ?? "", "email": email ?? "", "consent": ""], failed: failed, open: contact == nil)
        let via = LinkMessage.options(contact?.contact, channels: channels)
        var notes: [String] = []
        if contact?.contact.phone != nil, !channels.contains(.sms) { notes.append("Sms er ikke sat op i Roret, så linket kan ikke sendes som sms.") }
        if contact?.contact.email != nil, !channels.contains(.email) { notes.append("E-mail er ikke sat op i Roret, så linket kan ikke sendes på e-mail.") }
        self.via = via
        hasVia = !via.isEmpty
        self.notes = notes
        sent = messages.map { m in
            Sent(created: DanishDate.time(m.createdAt), channel: m.channel.danishName,
                 to: m.channel == .sms ? CitizenContact.masked(phone: m.address) : CitizenContact.masked(email: m.address),
                 state: m.state.danishName, reason: m.state == .failed || m.state == .pending ? m.lastError : nil)
        }
        hasSent = !messages.isEmpty
    }
}
