import Foundation

/// What an audit event records (*hændelsestype*).
public enum AuditAction: String, CaseIterable, Sendable, Codable {
    case signIn = "signin"
    case signInFailed = "signin.failed"
    case signInThrottled = "signin.throttled"
    case signInCleared = "signin.cleared"
    case signOut = "signout"
    case extractImported = "import"
    case extractRejected = "import.rejected"
    case export = "export"
    case viewUnsuppressed = "view.unsuppressed"
    case apiRequest = "api"
    case accessDenied = "access.denied"
    case accountAdded = "account.added"
    case accountReset = "account.reset"
    case accountDisabled = "account.disabled"
    case accountEnabled = "account.enabled"
    case tokenCreated = "token.created"
    case tokenRevoked = "token.revoked"
    case citizenRead = "citizen.read"
    case citizenChanged = "citizen.changed"
    /// A citizen's data exported for a subject access request (*indsigt*).
    case citizenDataExported = "citizen.data_exported"
    /// A citizen's record erased (*sletning*): the act, not the content.
    case citizenErased = "citizen.erased"
    /// Two-factor: enrolled, a wrong code at sign-in, a recovery code used, reset by an administrator.
    case secondFactorEnrolled = "2fa.enrolled"
    case secondFactorFailed = "2fa.failed"
    case secondFactorRecovery = "2fa.recovery"
    case secondFactorReset = "2fa.reset"
    /// The administrator's mapping of the identity provider's role values changed.
    case singleSignOnChanged = "sso.changed"
    case linkIssued = "link.issued"
    case measurementAnswered = "measurement.answered"
    case measurementDeclined = "measurement.declined"
    case figuresFailed = "figures.failed"
    case citizenListRead = "citizen.list"
    case auditRead = "audit.read"
    case leadershipChanged = "leadership.changed"
    case offerChanged = "offer.changed"
    case offerRead = "offer.read"
    case economicsChanged = "economics.changed"
    /// The citizen's consent and contact for links recorded or withdrawn.
    case contactChanged = "citizen.contact"
    /// A municipality's message texts changed, or a failed message sent again.
    case messagesChanged = "messages.changed"
    /// An account's e-mail address set or cleared.
    case accountChanged = "account.changed"

    /// Danish label for the administrator's audit page.
    public var danishLabel: String {
        switch self {
        case .signIn: "Log ind"
        case .signInFailed: "Mislykket log ind"
        case .signInThrottled: "Log ind udskudt (for mange forsøg)"
        case .signInCleared: "Spærring af log ind ophævet"
        case .signOut: "Log ud"
        case .extractImported: "Udtræk indlæst"
        case .extractRejected: "Udtræk afvist"
        case .export: "Eksport"
        case .viewUnsuppressed: "Visning af ikke-diskretionerede tal"
        case .apiRequest: "API-kald"
        case .accessDenied: "Adgang nægtet"
        case .accountAdded: "Bruger oprettet"
        case .accountReset: "Adgangskode nulstillet"
        case .accountDisabled: "Bruger deaktiveret"
        case .accountEnabled: "Bruger genaktiveret"
        case .tokenCreated: "API-nøgle oprettet"
        case .tokenRevoked: "API-nøgle tilbagekaldt"
        case .citizenRead: "Visning af borgers sag"
        case .citizenChanged: "Ændring i borgers sag"
        case .citizenDataExported: "Indsigt: borgerens data udleveret"
        case .citizenErased: "Sletning af borgers sag"
        case .secondFactorEnrolled: "Totrinsgodkendelse slået til"
        case .secondFactorFailed: "Forkert kode ved totrinsgodkendelse"
        case .secondFactorRecovery: "Gendannelseskode brugt"
        case .secondFactorReset: "Totrinsgodkendelse nulstillet"
        case .singleSignOnChanged: "Kommunens login: roller ændret"
        case .linkIssued: "Målingslink sendt"
        case .measurementAnswered: "Måling besvaret"
        case .measurementDeclined: "Måling afvist af borgeren"
        case .figuresFailed: "Nøgletal kunne ikke beregnes"
        case .citizenListRead: "Visning af borgerlisten"
        case .auditRead: "Visning af loggen"
        case .offerChanged: "Ændring i tilbuddets resultatdokumentation"
        case .offerRead: "Visning af en konkret borgers rejse i et tilbud"
        case .economicsChanged: "Budgetscenarie gemt"
        case .contactChanged: "Borgerens samtykke og kontakt til links"
        case .messagesChanged: "Beskeder: tekst ændret eller sendt igen"
        case .accountChanged: "Bruger ændret"
        case .leadershipChanged: "Ændring i ledelsens redskaber"
        }
    }
}

/// One entry of the audit log (*logning*): who, when, what.
public struct AuditEvent: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var at: Date
    /// Who: the username (also for a failed sign-in), nil for the system.
    public var username: String?
    public var role: String?
    public var action: AuditAction
    /// The area the event concerns, if any.
    public var area: String?
    /// What, in a few words: the page, the figure, the file.
    public var detail: String
    /// The client's address, when the event came over the network.
    public var address: String?

    init(_ model: AuditEventModel) {
        id = model.id!
        at = model.at
        username = model.username
        role = model.role
        action = AuditAction(rawValue: model.action) ?? .accessDenied
        area = model.area
        detail = model.detail
        address = model.address
    }
}

/// A filter on the audit log.
public struct AuditQuery: Sendable, Hashable {
    public var username: String?
    public var action: AuditAction?
    public var from: Date?
    /// Exclusive.
    public var to: Date?
    public var limit: Int

    public init(username: String? = nil, action: AuditAction? = nil, from: Date? = nil, to: Date? = nil, limit: Int = 200) {
        self.username = username
        self.action = action
        self.from = from
        self.to = to
        self.limit = limit
    }
}
