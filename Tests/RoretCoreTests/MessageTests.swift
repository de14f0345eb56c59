import Foundation
@testable import RoretCore
import Testing

/// Message texts, the citizen's contact, how often a message is tried, and the e-mail as written on the wire.
@Suite struct MessageTests {
    @Test func aTextIsFilledInPlaceholderByPlaceholder() {
        let template = MessageTemplate(kind: .measurementLink, subject: "Fra {kommune}", body: "Svar her: {link} inden {udloeber}. {ukendt} og {link}")
        let (subject, body) = template.rendered(["kommune": "Roskilde", "link": "https://r.dk/svar/x", "udloeber": "13.12.2026"])
        #expect(subject == "Fra Roskilde")
        #expect(body == "Svar her: https://r.dk/svar/x inden 13.12.2026. {ukendt} og https://r.dk/svar/x", "an unknown placeholder stays as written")
        #expect(MessageTemplate.fill("ingen pladsholdere", [:]) == "ingen pladsholdere")
        #expect(MessageTemplate.fill("{ufærdig", ["ufærdig": "x"]) == "{ufærdig", "an unclosed brace is text")
        #expect(MessageTemplate.segments("a{b}{c}d{") == [.text("a"), .placeholder("b"), .placeholder("c"), .text("d{")])
        #expect(MessageTemplate.placeholders(in: "{link} og {link}, {x") == ["link", "link"])
    }

    @Test func everyProblemWithATextAtOnce() {
        let bad = MessageTemplate(kind: .measurementLink, subject: "Hej {navn}\nanden linje", body: "Svar {her")
        #expect(bad.problems == [
            "Emne: {navn} kendes ikke. Brug {kommune}, {spoergeskema}, {link}, {udloeber}.",
            "Tekst: en { mangler sin }.",
            "Emne: skal stå på én linje.",
            "Tekst: skal indeholde {link}.",
        ])
        let empty = MessageTemplate(kind: .actionReminder, subject: " ", body: String(repeating: "x", count: 1_001))
        #expect(empty.problems == ["Emne: skal udfyldes.", "Tekst: højst 1000 tegn (nu 1001)."])
        #expect(MessageTemplate(kind: .goalReminder, subject: "Mål {frist}", body: "Se {adresse}").problems.isEmpty, "a reminder needs no placeholder")
        #expect(MessageTemplate(kind: .goalReminder, subject: "x", body: "{link}").problems == ["Tekst: {link} kendes ikke. Brug {emne}, {frist}, {adresse}."])
    }

    @Test func theStandardTextsAreValidAndStaffRemindersNameNoCitizen() {
        for kind in MessageKind.allCases {
            #expect(kind.standardTemplate.problems.isEmpty, "\(kind)")
            #expect(kind.standardTemplate.kind == kind)
        }
        for kind in MessageKind.allCases where !kind.isToCitizen {
            #expect(kind.placeholders.map(\.name) == ["emne", "frist", "adresse"], "what and when and where: nothing names the citizen (\(kind))")
            #expect(kind.requiredPlaceholders.isEmpty)
        }
        #expect(MessageKind.measurementLink.placeholders.map(\.name) == ["kommune", "spoergeskema", "link", "udloeber"])
    }

    @Test func aContactIsParsedWithEveryProblemAtOnce() throws {
        #expect(try CitizenContact.parse(phone: " 12 34 56 78 ", email: "", consent: true).get() == CitizenContact(phone: "+4512345678", email: nil))
        #expect(try CitizenContact.parse(phone: "0045-87654321", email: "anna@eksempel.dk", consent: true).get() == CitizenContact(phone: "+4587654321", email: "anna@eksempel.dk"))
        #expect(CitizenContact.normalizedPhone("+45 1234 5678") == "+4512345678")
        #expect(CitizenContact.normalizedPhone("1234567") == nil && CitizenContact.normalizedPhone("123456789") == nil && CitizenContact.normalizedPhone("1234567x") == nil)
        guard case .failure(let problems) = CitizenContact.parse(phone: "123", email: "anna@", consent: false) else { Issue.record("accepted"); return }
        #expect(problems.messages == [
            "Mobilnummer: skriv 8 cifre, fx 12 34 56 78 (evt. med +45 foran).",
            "E-mail: skriv en e-mailadresse, fx navn@eksempel.dk.",
            "Samtykke: sæt kryds, når borgeren har sagt ja til at få links på denne måde.",
        ])
        guard case .failure(let none) = CitizenContact.parse(phone: "", email: " ", consent: true) else { Issue.record("accepted"); return }
        #expect(none.messages == ["Skriv et mobilnummer, en e-mailadresse eller begge."])
        for bad in ["a@b", "@b.dk", "a b@c.dk", "a@b..dk", "a@@b.dk", "<a@b.dk>"] { #expect(!CitizenContact.isEmailAddress(bad), "\(bad)") }
        #expect(CitizenContact.isEmailAddress("a.b+c@sub.eksempel.dk"))
    }

    @Test func aContactIsShownMasked() {
        #expect(CitizenContact.masked(phone: "+4512345678") == "+45 •• •• •• 78")
        #expect(CitizenContact.masked(email: "anna@eksempel.dk") == "a•••@eksempel.dk")
        #expect(CitizenContact.readable(phone: "+4512345678") == "12 34 56 78")
    }

    @Test func retriesWaitFourTimesLongerEachTimeAndGiveUpAfterTheLast() {
        let policy = DeliveryPolicy(maxAttempts: 5, firstDelay: 60, longestDelay: 3_600)
        #expect([1, 2, 3, 4, 5].map(policy.delay(afterAttempt:)) == [60, 240, 960, 3_600, 3_600], "60 s, 4 min, 16 min, then the longest")
        #expect(policy.afterFailure(attempts: 1, permanent: false) == .retry(afterSeconds: 60))
        #expect(policy.afterFailure(attempts: 4, permanent: false) == .retry(afterSeconds: 3_600))
        #expect(policy.afterFailure(attempts: 5, permanent: false) == .giveUp, "the fifth failure is the last")
        #expect(policy.afterFailure(attempts: 1, permanent: true) == .giveUp, "a permanent failure is not tried again")
        #expect(DeliveryPolicy(maxAttempts: 0).maxAttempts == 1)
    }

    @Test func theEmailOnTheWireIsSevenBitWithItsKeyAsMessageID() throws {
        let date = Date(timeIntervalSince1970: 1_796_126_400) // 2026-12-01 12:00 UTC = 13:00 in Copenhagen
        let mail = EmailMessage(from: "roret@kommune.dk", to: "sb@kommune.dk", subject: "Påmindelse", body: "Hej.\nLinje to æøå.", idempotencyKey: "reminder:AB-1", date: date)
        let lines = mail.wireText.components(separatedBy: "\r\n")
        #expect(lines[0] == "From: roret@kommune.dk" && lines[1] == "To: sb@kommune.dk")
        #expect(lines[2] == "Subject: =?UTF-8?B?UMOlbWluZGVsc2U=?=", "Påmindelse in UTF-8, base64")
        #expect(lines[3] == "Date: Tue, 01 Dec 2026 13:00:00 +0100")
        #expect(lines[4] == "Message-ID: <reminder-AB-1@roret>")
        #expect(lines.contains("Content-Transfer-Encoding: base64"))
        let body = lines[(lines.firstIndex(of: "")! + 1)...].joined()
        #expect(String(data: Data(base64Encoded: body)!, encoding: .utf8) == "Hej.\r\nLinje to æøå.")
        let wire = mail.wireText
        #expect(wire.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(lines.allSatisfy { $0.count <= 78 && !$0.hasPrefix(".") })
        #expect(EmailMessage.encodedWord("Roret") == "Roret")
        let long = EmailMessage.encodedWord(String(repeating: "ø", count: 30))
        #expect(long.components(separatedBy: "\r\n ").count == 2, "60 bytes: two words of at most 45")
    }

    @Test func onlyAnAdministratorOfTheMunicipalityOrCountryEditsItsTextsAndSeesItsMessages() {
        #expect(AccessPolicy.mayEditMessageTexts(role: .administrator, area: nationalArea, municipality: "265"))
        #expect(AccessPolicy.mayEditMessageTexts(role: .administrator, area: "265", municipality: "265"))
        #expect(!AccessPolicy.mayEditMessageTexts(role: .administrator, area: "253", municipality: "265"))
        #expect(!AccessPolicy.mayEditMessageTexts(role: .leader, area: "265", municipality: "265"))
        #expect(!AccessPolicy.mayEditMessageTexts(role: .administrator, area: nationalArea, municipality: nationalArea), "the country sends no messages")
        #expect(AccessPolicy.mayManageMessage(role: .administrator, area: nationalArea, municipality: "265"))
        #expect(AccessPolicy.mayManageMessage(role: .administrator, area: "265", municipality: "265"))
        #expect(!AccessPolicy.mayManageMessage(role: .administrator, area: "253", municipality: "265"))
        #expect(!AccessPolicy.mayManageMessage(role: .caseworker, area: "265", municipality: "265"))
    }
}
