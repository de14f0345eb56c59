/// What a user of Roret is (*rolle*). Decides what they may see; the rules
/// themselves are in `AccessPolicy`.
public enum Role: String, CaseIterable, Sendable, Hashable, Codable {
    /// *Administrator*: accounts, imports and the audit log.
    case administrator
    /// *Leder* (steering group, leaders): aggregates, always suppressed.
    case leader
    /// *Analytiker*: aggregates, and may ask for them unsuppressed in their own area.
    case analyst
    /// *Sagsbehandler* (myndighed): works with citizens' cases.
    case caseworker
    /// *Udfører* (provider staff): works with the citizens at their provider.
    case provider
    /// *Borger*: sees only their own plan and measurements.
    case citizen

    /// The Danish name for the interface.
    public var danishName: String {
        switch self {
        case .administrator: "Administrator"
        case .leader: "Leder"
        case .analyst: "Analytiker"
        case .caseworker: "Sagsbehandler"
        case .provider: "Udfører"
        case .citizen: "Borger"
        }
    }
}
