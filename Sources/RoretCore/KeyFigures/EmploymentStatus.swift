/// Main status in week 48 of a year (*hovedbeskæftigelse i uge 48*).
public enum EmploymentStatus: UInt8, CaseIterable, Sendable, Hashable {
    case employed, flexjob, education, parentalLeave, unemployed, disabilityPension, otherBenefit, other

    /// The code as written in an extract.
    public var code: String {
        switch self {
        case .employed: "employed"
        case .flexjob: "flexjob"
        case .education: "education"
        case .parentalLeave: "parental_leave"
        case .unemployed: "unemployed"
        case .disabilityPension: "disability_pension"
        case .otherBenefit: "other_benefit"
        case .other: "other"
        }
    }

    /// The status with this extract code, or nil.
    public init?(code: some StringProtocol) {
        guard let match = EmploymentStatus.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }

    /// Success status (*i beskæftigelse eller uddannelse*): employed, flexjob,
    /// education or parental leave.
    public var isSuccess: Bool {
        switch self {
        case .employed, .flexjob, .education, .parentalLeave: true
        default: false
        }
    }
}
