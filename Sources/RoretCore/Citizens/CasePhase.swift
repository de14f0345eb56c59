/// The phases of a case in the authority (*sagens faser*, seed 003): the
/// eight principles of *Borgeren ved roret* apply across them.
public enum CasePhase: String, CaseIterable, Sendable, Codable {
    case opening, inquiry, assessment, decision, order, followUp

    /// The Danish name used in the guide.
    public var danishName: String {
        switch self {
        case .opening: "Sagsåbning"
        case .inquiry: "Sagsoplysning"
        case .assessment: "Sagsvurdering"
        case .decision: "Afgørelse"
        case .order: "Bestilling"
        case .followUp: "Opfølgning"
        }
    }
}
