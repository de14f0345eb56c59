/// What a written part of the recovery plan is (*del af recoveryplanen*).
public enum PlanEntryKind: String, CaseIterable, Sendable, Codable {
    /// The citizen's hopes, wishes and dreams, in their own words.
    case hopesWishesDreams
    /// The citizen's resources (*ressourcer*).
    case resource
    /// A person or community in the citizen's network, with their role.
    case network
    /// Notes from a follow-up meeting (*opfølgningsmøde*).
    case meeting

    public var danishName: String {
        switch self {
        case .hopesWishesDreams: "Håb, ønsker og drømme"
        case .resource: "Ressourcer"
        case .network: "Netværk og fællesskaber"
        case .meeting: "Opfølgningsmøder"
        }
    }
}
