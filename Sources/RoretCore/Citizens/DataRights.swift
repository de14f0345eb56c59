/// A citizen's data rights (*indsigt og sletning*, GDPR art. 15 and 17):
/// who may produce the export and who may erase, and how long an ended
/// record is kept.
extension AccessPolicy {
    /// Whether the user produces everything Roret holds about the citizen
    /// (*indsigt*): the assigned caseworker, or an administrator of the
    /// citizen's municipality or the country.
    public static func mayExportCitizenData(role: Role, username: String, area: String, _ facts: CitizenAccessFacts) -> Bool {
        mayTakeAuthorityAct(role: role, username: username, area: area, facts) || mayEraseCitizen(role: role, area: area, facts)
    }

    /// Whether the user erases the citizen's record (*sletning*): an
    /// administrator of the citizen's municipality or the country — never
    /// the caseworker alone, since an erasure cannot be undone.
    public static func mayEraseCitizen(role: Role, area: String, _ facts: CitizenAccessFacts) -> Bool {
        role == .administrator && (area == nationalArea || area == facts.municipality)
    }
}

/// How long an ended record is kept (*opbevaringsperiode*) before it is
/// listed for erasure.
public struct Retention: Sendable, Hashable {
    /// Whole years after the record ended.
    public var years: Int

    public init(years: Int = 5) { self.years = max(1, years) }

    /// The last day a record may have ended on and still be listed today: `years` years before `today`.
    public func cutoff(today: Day) -> Day { today.adding(months: -12 * years) }
}
