/// How a message travels (*kanal*).
public enum MessageChannel: String, Sendable, Hashable, CaseIterable, Codable {
    case email
    case sms

    public var danishName: String {
        switch self {
        case .email: "e-mail"
        case .sms: "sms"
        }
    }
}

/// What a message is for (*beskedtype*): the link a citizen answers a
/// measurement by, or a reminder to staff. Each kind has a Danish text the
/// municipality may edit (`MessageTemplate`).
public enum MessageKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The citizen's personal measurement link (*link til måling*), by sms or e-mail.
    case measurementLink
    /// A measurement is due (*påmindelse om måling*), to the caseworker.
    case measurementReminder
    /// A goal is to be followed up (*påmindelse om opfølgning*), to the caseworker.
    case goalReminder
    /// A measurement is due at an offer (*påmindelse om måling i tilbuddet*), to its leader.
    case offerReminder
    /// A leadership action is overdue (*påmindelse om handling*), to the one named on it.
    case actionReminder

    /// The heading on the administrator's text page.
    public var danishName: String {
        switch self {
        case .measurementLink: "Link til måling (til borgeren)"
        case .measurementReminder: "Påmindelse om måling (til sagsbehandleren)"
        case .goalReminder: "Påmindelse om opfølgning på mål (til sagsbehandleren)"
        case .offerReminder: "Påmindelse om måling i et tilbud (til tilbuddets leder)"
        case .actionReminder: "Påmindelse om en handling (til den ansvarlige)"
        }
    }

    /// Goes to a citizen (and may then be an sms); otherwise to staff by e-mail.
    public var isToCitizen: Bool { self == .measurementLink }

    /// The placeholders its text may use, each with what it becomes.
    public var placeholders: [(name: String, meaning: String)] {
        switch self {
        case .measurementLink:
            [("kommune", "kommunens navn"), ("spoergeskema", "spørgeskemaets navn"), ("link", "borgerens personlige link"), ("udloeber", "linkets sidste gyldige dag")]
        case .measurementReminder, .goalReminder, .offerReminder, .actionReminder:
            [("emne", "hvad påmindelsen gælder"), ("frist", "datoen"), ("adresse", "Rorets adresse")]
        }
    }

    /// Placeholders the text must keep: the link is what the message is for.
    public var requiredPlaceholders: [String] {
        self == .measurementLink ? ["link"] : []
    }

    /// The text Roret starts with (and returns to when a municipality resets it).
    /// Staff reminders never name the citizen or their goal: e-mail is not a
    /// safe place for health data, so they say what and when and where to log in.
    public var standardTemplate: MessageTemplate {
        switch self {
        case .measurementLink:
            MessageTemplate(kind: self, subject: "Spørgeskema fra {kommune}",
                            body: "Hej. {kommune} beder dig svare på et kort spørgeskema ({spoergeskema}). Dine svar bruges til at følge, hvordan du har det, og ses kun af dem, der arbejder med dig. Svar her: {link}\nLinket virker til og med {udloeber} og kan bruges én gang.")
        case .measurementReminder:
            MessageTemplate(kind: self, subject: "Roret: en måling forfalder {frist}",
                            body: "Hej.\n\nEn borger, du er sagsbehandler for, skal måles: {emne} (frist {frist}).\n\nLog ind i Roret for at se hvem: {adresse}\n\nDenne besked er sendt automatisk.")
        case .goalReminder:
            MessageTemplate(kind: self, subject: "Roret: et mål skal følges op {frist}",
                            body: "Hej.\n\nEt af målene i en borgers plan skal følges op senest {frist}.\n\nLog ind i Roret for at se hvilket: {adresse}\n\nDenne besked er sendt automatisk.")
        case .offerReminder:
            MessageTemplate(kind: self, subject: "Roret: måling i tilbuddet {frist}",
                            body: "Hej.\n\nEn måling i dit tilbud forfalder: {emne}.\n\nSe indsamlingen i Roret: {adresse}\n\nDenne besked er sendt automatisk.")
        case .actionReminder:
            MessageTemplate(kind: self, subject: "Roret: en handling er forfalden",
                            body: "Hej.\n\nHandlingen »{emne}« skulle være gjort senest {frist}.\n\nSe handlingerne i Roret: {adresse}\n\nDenne besked er sendt automatisk.")
        }
    }
}
