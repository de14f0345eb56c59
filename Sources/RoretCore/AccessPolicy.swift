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

    /// Whether the role may hold API tokens for scripts (analysts' scripts).
    public static func mayUseAPI(_ role: Role) -> Bool {
        role == .analyst
    }
}
