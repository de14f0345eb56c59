import Foundation
import RoretCore
import RoretStore
import Vapor

/// A personal measurement link sent to the citizen by sms or e-mail (*link
/// på sms eller e-mail*), from the record or from an offer's collection:
/// only to a contact the citizen gave with consent, only by a channel set
/// up, in the municipality's text; put in the outbox with the link itself
/// (one transaction) and delivered at once.
enum LinkMessage {
    /// The ways to send a link besides the screen, for the form's choice.
    static func options(_ contact: CitizenContact?, channels: Set<MessageChannel>) -> [(value: String, label: String)] {
        var options: [(value: String, label: String)] = []
        if let phone = contact?.phone, channels.contains(.sms) { options.append(("sms", "Send som sms til \(CitizenContact.masked(phone: phone))")) }
        if let email = contact?.email, channels.contains(.email) { options.append(("email", "Send på e-mail til \(CitizenContact.masked(email: email))")) }
        return options
    }

    /// The address to send by `via`, or every reason it cannot be sent, in Danish.
    static func address(_ req: Request, citizenID: UUID, via: MessageChannel) async throws -> (address: String?, problems: [String]) {
        let contact = try await req.store.contacts.contact(of: citizenID)?.contact
        let address = via == .sms ? contact?.phone : contact?.email
        var problems: [String] = []
        if address == nil { problems.append("Borgeren har ikke givet \(via == .sms ? "et mobilnummer" : "en e-mailadresse") med samtykke. Registrér det under Kontakt til målinger på borgerens side.") }
        if !req.roret.configuration.messaging.channels.contains(via) { problems.append("\(via == .sms ? "Sms" : "E-mail") er ikke sat op i Roret. Vis linket her i stedet.") }
        return (problems.isEmpty ? address : nil, problems)
    }

    /// The message carrying `url`, in the municipality's text; its key is the link's hash (sent at most once).
    static func message(_ req: Request, citizen: Citizen, questionnaire: String, url: String, expiresOn: Day, tokenHash: String,
                        via: MessageChannel, address: String) async throws -> NewMessage {
        let values = ["kommune": DanishMunicipality.name(of: citizen.municipality).map { "\($0) Kommune" } ?? "Kommunen", "spoergeskema": questionnaire,
                      "link": url, "udloeber": expiresOn.danish]
        let (subject, body) = try await req.store.messageTemplates.template(.measurementLink, municipality: citizen.municipality).template.rendered(values)
        return NewMessage(idempotencyKey: "link:\(tokenHash)", kind: .measurementLink, channel: via, address: address, addressee: citizen.pseudonym,
                          subject: subject, body: body, municipality: citizen.municipality, citizenID: citizen.id)
    }

    /// What staff are told after sending.
    static func notice(questionnaire: String, via: MessageChannel, address: String) -> String {
        let to = via == .sms ? CitizenContact.masked(phone: address) : CitizenContact.masked(email: address)
        return "Linket til \(questionnaire) sendes som \(via.danishName) til \(to). Du kan følge afsendelsen under Kontakt til målinger på borgerens side."
    }
}
