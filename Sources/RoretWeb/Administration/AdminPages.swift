import RoretCore
import RoretStore
import Vapor

/// *Log*: the audit log, filtered by user, action and period.
struct AuditPage: Encodable {
    struct Entry: Encodable {
        var at: String
        var username: String
        var role: String
        var action: String
        var area: String
        var detail: String
        var address: String
    }


    /// "265 Roskilde", "Hele landet".
    static func areaLabel(_ area: String) -> String {
        area == nationalArea ? "Hele landet" : DanishMunicipality.name(of: area).map { "\(area) \($0)" } ?? area
    }

    var chrome: Chrome
    var entries: [Entry]
    var actions: [Choice]
    var username: String
    var from: String
    var to: String
    var limit: Int

    init(_ req: Request, events: [AuditEvent], query: AuditQuery, fromText: String, toText: String) throws {
        chrome = try Chrome(req, title: "Log", active: "/admin/log")
        entries = events.map {
            Entry(
                at: DanishDate.time($0.at), username: $0.username ?? "(system)", role: $0.role.flatMap { Role(rawValue: $0)?.danishName } ?? "",
                action: $0.action.danishLabel, area: $0.area.map(AuditPage.areaLabel) ?? "", detail: $0.detail, address: $0.address ?? ""
            )
        }
        actions = [Choice(value: "", label: "Alle handlinger", selected: query.action == nil)]
            + AuditAction.allCases.map { Choice(value: $0.rawValue, label: $0.danishLabel, selected: $0 == query.action) }
        username = query.username ?? ""
        from = fromText
        to = toText
        limit = query.limit
    }
}

/// *Brugere*: every account, with forms to add, reset and disable.
struct UsersPage: Encodable {
    struct Row: Encodable {
        var username: String
        var displayName: String
        var role: String
        var area: String
        var disabled: Bool
        var isSelf: Bool
        var offer: String
        /// Two-factor sign-in confirmed for the account.
        var secondFactor: Bool = false
        /// Where reminders go by e-mail ("" when none).
        var email = ""
    }

    /// What was typed in *Opret bruger*, kept when it was refused.
    struct Draft: Encodable {
        var username = ""
        var displayName = ""
        var role = ""
        var area = ""
        var offer = ""
    }

    var chrome: Chrome
    var users: [Row]
    var roles: [Choice]
    /// The offers provider staff can belong to.
    var offers: [Choice]
    var draft: Draft
    /// Shown once after adding or resetting: the new password.
    var message: String?
    var error: String?
    /// The staff accounts whose e-mail can be set (everyone but citizens), and the address typed when refused.
    var emailUsers: [Choice]
    var emailDraft = ""

    init(_ req: Request, accounts: [Account], offers: [Offer], enrolled: Set<UUID> = [], message: String? = nil, error: String? = nil, draft: Draft = Draft()) throws {
        chrome = try Chrome(req, title: "Brugere", active: "/admin/brugere")
        let me = req.account?.username
        users = accounts.map {
            Row(username: $0.username, displayName: $0.displayName, role: $0.role.danishName, area: $0.area, disabled: $0.isDisabled, isSelf: $0.username == me,
                offer: $0.provider ?? "", secondFactor: enrolled.contains($0.id), email: $0.email ?? "")
        }
        emailUsers = accounts.filter { $0.role != .citizen }.map { Choice(value: $0.username, label: "\($0.username) (\($0.displayName))", selected: false) }
        self.offers = [Choice(value: "", label: "(intet – ikke en udfører)", selected: draft.offer.isEmpty)]
            + offers.map { Choice(value: $0.id, label: "\($0.name) (\($0.municipality))", selected: $0.id == draft.offer) }
        roles = Role.allCases.map { Choice(value: $0.rawValue, label: $0.danishName, selected: $0.rawValue == draft.role) }
        self.draft = draft
        self.message = message
        self.error = error
    }
}

/// *Udtræk*: every imported extract version, current and superseded.
struct ExtractsPage: Encodable {
    struct Row: Encodable {
        var version: Int
        var importedAt: String
        var importedBy: String
        var source: String
        var municipalities: String
        var years: String
        var summary: String
        var status: String
        var current: Bool
    }

    var chrome: Chrome
    var versions: [Row]
    /// The outcome of an upload, if the page answers one.
    var message: String?
    var problems: [String]
    var hasProblems: Bool
    /// The message reports a refusal, not a success.
    var failed: Bool

    init(_ req: Request, history: [ExtractVersion], message: String? = nil, problems: [String] = [], failed: Bool = false) throws {
        chrome = try Chrome(req, title: "Udtræk", active: "/admin/udtraek")
        self.message = message
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.failed = failed
        versions = history.map {
            Row(
                version: $0.version, importedAt: DanishDate.time($0.importedAt), importedBy: $0.importedBy, source: $0.source,
                municipalities: $0.municipalities.count > 6 ? "\($0.municipalities.count) kommuner" : $0.municipalities.joined(separator: ", "),
                years: "\($0.years.lowerBound)–\($0.years.upperBound)", summary: $0.summary,
                status: $0.supersededBy.map { "Erstattet af v\($0)" } ?? "Gældende", current: $0.isCurrent
            )
        }
    }
}

/// *API-nøgler*: an analyst's tokens for scripts; a new token is shown once.
struct TokensPage: Encodable {
    struct Row: Encodable {
        var id: String
        var name: String
        var created: String
        var lastUsed: String
        var active: Bool
    }

    var chrome: Chrome
    var tokens: [Row]
    var newToken: String?

    init(_ req: Request, tokens: [APIToken], newToken: String? = nil) throws {
        chrome = try Chrome(req, title: "API-nøgler", active: "/api-noegler")
        self.tokens = tokens.map {
            Row(id: $0.id.uuidString, name: $0.name, created: DanishDate.time($0.createdAt), lastUsed: $0.lastUsedAt.map(DanishDate.time) ?? "aldrig", active: $0.isActive)
        }
        self.newToken = newToken
    }
}

/// *Log ind*.
struct SignInPage: Encodable {
    var csrf: String
    var username: String
    var error: String?
    /// The municipality's login button's text, when single sign-on is set up.
    var sso: String?

    init(_ req: Request, username: String, error: String?) {
        csrf = req.csrfToken
        self.username = username
        self.error = error
        sso = req.roret.configuration.singleSignOn?.label
    }
}

/// A page shown when there is nothing to show yet or something went wrong.
struct MessagePage: Encodable {
    var title: String
    var message: String
}
