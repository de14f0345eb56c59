import Foundation

/// How a citizen wants their measurement links (*kontakt til målinger*):
/// a mobile number and/or an e-mail address, given with the citizen's
/// consent and stored only for that purpose.
public struct CitizenContact: Sendable, Hashable, Codable {
    /// A Danish mobile number as +45 and eight digits, or nil.
    public var phone: String?
    public var email: String?

    /// What the caseworker is told beside the form (shown verbatim on the page).
    public static let purpose = "Borgerens mobilnummer og e-mail bruges kun til at sende links til målinger, og kun når borgeren har sagt ja. De slettes, når borgeren trækker sit ja tilbage."

    public init(phone: String?, email: String?) {
        self.phone = phone
        self.email = email
    }

    /// The contact from what was typed, or every problem at once in Danish.
    public static func parse(phone rawPhone: String, email rawEmail: String, consent: Bool) -> Result<CitizenContact, Problems> {
        var problems: [String] = []
        let phoneText = rawPhone.trimmingCharacters(in: .whitespaces)
        let emailText = rawEmail.trimmingCharacters(in: .whitespaces)
        let phone = phoneText.isEmpty ? nil : normalizedPhone(phoneText)
        if !phoneText.isEmpty && phone == nil { problems.append("Mobilnummer: skriv 8 cifre, fx 12 34 56 78 (evt. med +45 foran).") }
        if !emailText.isEmpty && !isEmailAddress(emailText) { problems.append("E-mail: skriv en e-mailadresse, fx navn@eksempel.dk.") }
        if phoneText.isEmpty && emailText.isEmpty { problems.append("Skriv et mobilnummer, en e-mailadresse eller begge.") }
        if !consent { problems.append("Samtykke: sæt kryds, når borgeren har sagt ja til at få links på denne måde.") }
        guard problems.isEmpty else { return .failure(Problems(messages: problems)) }
        return .success(CitizenContact(phone: phone, email: emailText.isEmpty ? nil : emailText))
    }

    public struct Problems: Error, Sendable, Hashable {
        public var messages: [String]
    }

    /// "+4512345678" from "12 34 56 78", "+45 12345678" or "0045-12345678"; nil unless eight digits remain.
    public static func normalizedPhone(_ text: String) -> String? {
        var digits = text.filter { !" -.".contains($0) }
        if digits.hasPrefix("+45") { digits.removeFirst(3) } else if digits.hasPrefix("0045") { digits.removeFirst(4) }
        guard digits.count == 8, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return "+45" + digits
    }

    /// One @, something before it, a dot in the domain, no spaces, at most 254 characters.
    public static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.count <= 254, parts.count == 2, !parts[0].isEmpty, !text.contains(where: { $0.isWhitespace || "<>,;\"".contains($0) }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// "+45 •• •• •• 78": enough to recognise, not to read off a screen.
    public static func masked(phone: String) -> String {
        "+45 •• •• •• " + phone.suffix(2)
    }

    /// "a•••@eksempel.dk".
    public static func masked(email: String) -> String {
        guard let at = email.firstIndex(of: "@") else { return "•••" }
        return String(email.prefix(1)) + "•••" + email[at...]
    }

    /// The phone written the Danish way, "12 34 56 78".
    public static func readable(phone: String) -> String {
        let digits = Array(phone.suffix(8))
        return stride(from: 0, to: 8, by: 2).map { String(digits[$0..<$0 + 2]) }.joined(separator: " ")
    }
}
