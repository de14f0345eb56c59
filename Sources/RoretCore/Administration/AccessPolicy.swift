/// Who may see what (*adgangsregler*). The web application and the API ask
/// these questions; they hold no access rules of their own.
public enum AccessPolicy {
    /// Whether the role may see the key-figure dashboards (suppressed aggregates).
    /// Citizens see only their own data, never the municipality's figures.
    public static func maySeeAggregates(_ role: Role) -> Bool {
        role != .citizen
    }

    /// Whether the role may ask for aggregates without disclosure control.
    /// Only analysts have access to person-level data; leaders never do.
    public static func mayRequestUnsuppressed(_ role: Role) -> Bool {
        role == .analyst
    }

    /// Whether a user with `role` belonging to `userArea` (a municipality code
    /// or `national`) may see the unsuppressed rows of `area`. A municipal
    /// analyst sees their own municipality unsuppressed, never another's nor
    /// the national total (which holds the other municipalities' citizens);
    /// a national analyst sees every area.
    public static func mayUnsuppress(role: Role, userArea: String, area: String) -> Bool {
        guard mayRequestUnsuppressed(role) else { return false }
        return userArea == nationalArea || userArea == area
    }

    /// Whether the role administers accounts, imports and reads the audit log.
    public static func mayAdminister(_ role: Role) -> Bool {
        role == .administrator
    }

    /// Whether the role may see the practice indicators (*praksisindikatorer*):
    /// leaders and analysts for the municipality (suppressed unless they may
    /// read the records — they never may), caseworkers for their own caseload.
    public static func maySeePracticeIndicators(_ role: Role) -> Bool {
        role == .leader || role == .analyst || role == .caseworker
    }

    /// Whether the role may hold API tokens for scripts (analysts' scripts).
    public static func mayUseAPI(_ role: Role) -> Bool {
        role == .analyst
    }
}

/// What decides who may read one citizen's record (*borgerens sag*).
public struct CitizenAccessFacts: Sendable, Hashable {
    /// The municipality that follows the citizen up.
    public var municipality: String
    /// The assigned caseworker's username.
    public var caseworker: String?
    /// The offers (by id) with an intervention active today for the citizen.
    public var activeProviders: Set<String>
    /// The username of the citizen's own account, if they have one.
    public var ownAccount: String?

    public init(municipality: String, caseworker: String?, activeProviders: Set<String>, ownAccount: String?) {
        self.municipality = municipality
        self.caseworker = caseworker
        self.activeProviders = activeProviders
        self.ownAccount = ownAccount
    }
}

extension AccessPolicy {
    /// Whether a user may read a citizen's record, plan and answers: the
    /// assigned caseworker (in the citizen's municipality), provider staff
    /// of an offer with an active intervention for the citizen (`provider`:
    /// the offer's id their account belongs to), and the
    /// citizen themself. Nobody else — leaders and analysts see aggregates only.
    public static func mayReadCitizen(role: Role, username: String, area: String, provider: String?, _ facts: CitizenAccessFacts) -> Bool {
        switch role {
        case .caseworker: facts.caseworker == username && area == facts.municipality
        case .provider: provider.map { facts.activeProviders.contains($0) } ?? false
        case .citizen: facts.ownAccount == username
        case .administrator, .leader, .analyst: false
        }
    }

    /// Whether the user may change a citizen's plan and record answers for
    /// them: the caseworker and provider staff who may read the record
    /// (the citizen writes through staff or answers through links).
    public static func mayWorkOnCitizen(role: Role, username: String, area: String, provider: String?, _ facts: CitizenAccessFacts) -> Bool {
        (role == .caseworker || role == .provider) && mayReadCitizen(role: role, username: username, area: area, provider: provider, facts)
    }

    /// Whether the user may take an authority act (*myndighedshandling*) in
    /// the citizen's case — set the case phase, register or end an
    /// intervention, link the citizen's own account: only the assigned
    /// caseworker in the citizen's municipality. Provider staff (*udfører*)
    /// work in the record but never decide the case.
    public static func mayTakeAuthorityAct(role: Role, username: String, area: String, _ facts: CitizenAccessFacts) -> Bool {
        role == .caseworker && mayReadCitizen(role: role, username: username, area: area, provider: nil, facts)
    }
}
