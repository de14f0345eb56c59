import Foundation
import RoretCore
import RoretStore
import Vapor

/// A personal measurement link sent to the citizen by sms or e-mail (*link
/// på sms eller e-mail*), from the record or from an offer's collection:
/// only to a contact the citizen gave with consent, only by a channel set
/// up, in the municipality's text; put in the outbox in the link's own
/// transaction and delivered at once.
enum LinkMessage {
    /// How a link is to go: by `via` to `address`.
    struct Sending: Sendable {
        let via: MessageChannel
        let address: String
    }

    /// The ways to send a link besides the screen, for the form's choice.
    static func options(_ contact: CitizenContact?, channels: Set<MessageChannel>) -> [Choice] {
        var options: [Choice] = []
        if let phone = contact?.phone, channels.contains(.sms) { options.append(Choice(value: "sms", label: "Send som sms til \(CitizenContact.masked(phone: phone))", selected: false)) }
        if let email = contact?.email, channels.contains(.email) { options.append(Choice(value: "email", label: "Send på e-mail til \(CitizenContact.masked(email: email))", selected: false)) }
        return options
    }

    /// How the posted `via` asks the link to go (nil: shown on screen), or every reason it cannot go so, in Danish.
    static func sending(_ req: Request, citizenID: UUID, via field: String?) async throws -> (sending: Sending?, problems: [String]) {
        guard let via = field.flatMap(MessageChannel.init(rawValue:)) else { return (nil, []) }
        let contact = try await req.store.contacts.contact(of: citizenID)?.contact
        let address = via == .sms ? contact?.phone : contact?.email
        var problems: [String] = []
        if address == nil { problems.append("Borgeren har ikke givet \(via == .sms ? "et mobilnummer" : "en e-mailadresse") med samtykke. Registrér det under Kontakt til målinger på borgerens side.") }
        if !req.roret.configuration.messaging.channels.contains(via) { problems.append("\(via == .sms ? "Sms" : "E-mail") er ikke sat op i Roret. Vis linket her i stedet.") }
        guard problems.isEmpty, let address else { return (nil, problems) }
        return (Sending(via: via, address: address), [])
    }

    /// Puts the message carrying `url` in the outbox, in the municipality's text; its key is the link's hash (sent at most once).
    /// Called in the transaction that stores the link, with the stored link's last day.
    static func enqueue(_ sending: Sending, store: Store, citizen: Citizen, questionnaire: String, url: String, expiresOn: Day, tokenHash: String) async throws {
        let values = ["kommune": DanishMunicipality.name(of: citizen.municipality).map { "\($0) Kommune" } ?? "Kommunen", "spoergeskema": questionnaire,
                      "link": url, "udloeber": expiresOn.danish]
        let (subject, body) = try await store.messageTemplates.template(.measurementLink, municipality: citizen.municipality).template.rendered(values)
        try await store.messages.enqueue(NewMessage(idempotencyKey: "link:\(tokenHash)", kind: .measurementLink, channel: sending.via, address: sending.address,
                                                    addressee: citizen.pseudonym, subject: subject, body: body, municipality: citizen.municipality, citizenID: citizen.id))
    }

    /// What staff are told once the link is in the outbox.
    static func notice(questionnaire: String, _ sending: Sending) -> String {
        let to = sending.via == .sms ? CitizenContact.masked(phone: sending.address) : CitizenContact.masked(email: sending.address)
        return "Linket til \(questionnaire) sendes som \(sending.via.danishName) til \(to). Du kan følge afsendelsen under Kontakt til målinger på borgerens side."
    }
}
