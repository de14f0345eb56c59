/// The five-point scale of the leaders' questionnaires (leadership.md,
/// *svarskala*), each value with its label shown.
public enum ScaleValue: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case notAtAll = 1, smallDegree, someDegree, highDegree, veryHighDegree

    public static func < (a: ScaleValue, b: ScaleValue) -> Bool { a.rawValue < b.rawValue }

    /// The label shown beside the value.
    public var danishLabel: String {
        switch self {
        case .notAtAll: "Slet ikke"
        case .smallDegree: "I mindre grad"
        case .someDegree: "I nogen grad"
        case .highDegree: "I høj grad"
        case .veryHighDegree: "I meget høj grad"
        }
    }
}

/// One respondent's answer to one item: a value, or "Ved ikke" (not counted).
public enum ScaleAnswer: Sendable, Hashable, Codable {
    case value(ScaleValue)
    case dontKnow

    public static let dontKnowLabel = "Ved ikke"

    /// The answer as stored in a form field: `1`–`5` or `ved-ikke`.
    public init?(field: String) {
        if field == "ved-ikke" { self = .dontKnow; return }
        guard let n = Int(field), let v = ScaleValue(rawValue: n) else { return nil }
        self = .value(v)
    }

    public var field: String {
        switch self {
        case .value(let v): String(v.rawValue)
        case .dontKnow: "ved-ikke"
        }
    }
}
