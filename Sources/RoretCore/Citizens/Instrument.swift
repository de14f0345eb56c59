/// A validated questionnaire the citizen answers (*måleredskab*): WHO-5
/// (*trivselsindeks*) or Brief INSPIRE-O (*personlig recovery*). See
/// shared/spec/instruments.md.
public enum Instrument: UInt8, CaseIterable, Sendable, Hashable {
    case who5, briefInspireO

    /// The code as written in an extract.
    public var code: String {
        switch self {
        case .who5: "WHO-5"
        case .briefInspireO: "BRIEF-INSPIRE-O"
        }
    }

    /// The instrument with this extract code, or nil.
    public init?(code: some StringProtocol) {
        guard let match = Instrument.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }

    /// Number of items (*spørgsmål*).
    public static let itemCount = 5

    /// Highest raw answer value of one item: 5 for WHO-5, 4 for Brief INSPIRE-O.
    public var maxItemValue: Int {
        switch self {
        case .who5: 5
        case .briefInspireO: 4
        }
    }

    /// Multiplier from raw sum to the 0–100 score: 4 for WHO-5, 5 for Brief INSPIRE-O.
    public var scoreMultiplier: Int {
        switch self {
        case .who5: 4
        case .briefInspireO: 5
        }
    }

    /// Whether `items` can be stored as an answer: five, each left out (nil)
    /// or on the instrument's scale (0…`maxItemValue`).
    public func accepts(_ items: [Int?]) -> Bool {
        items.count == Instrument.itemCount && items.allSatisfy { $0.map { (0...maxItemValue).contains($0) } ?? true }
    }

    /// The 0–100 score of five raw answers, or nil when any answer is missing
    /// (an incomplete measurement is never scored — no imputation).
    public func score(_ items: [Int?]) -> Int? {
        guard items.count == Instrument.itemCount else { return nil }
        var sum = 0
        for item in items {
            guard let value = item, (0...maxItemValue).contains(value) else { return nil }
            sum += value
        }
        return sum * scoreMultiplier
    }
}

/// WHO-5 band (*WHO-5-interval*): 0–35 large risk of depression or stress,
/// 36–50 risk, above 50 no immediate risk.
public enum WHO5Band: Int, CaseIterable, Sendable {
    case largeRisk, risk, noImmediateRisk

    /// The band of a WHO-5 score.
    public init(score: Int) {
        if score <= 35 { self = .largeRisk } else if score <= 50 { self = .risk } else { self = .noImmediateRisk }
    }

    /// Breakdown value in the key-figure output.
    public var breakdownValue: String {
        switch self {
        case .largeRisk: "0-35"
        case .risk: "36-50"
        case .noImmediateRisk: "51-100"
        }
    }
}

/// Change of a score since the citizen's baseline (*udvikling siden første måling*).
public enum ScoreChange: Int, CaseIterable, Sendable {
    case improved, unchanged, worsened

    /// Classifies `latest − baseline` with a symmetric threshold (default 10):
    /// ≥ +threshold improved, ≤ −threshold worsened, otherwise unchanged.
    public init(difference: Int, threshold: Int) {
        if difference >= threshold { self = .improved } else if difference <= -threshold { self = .worsened } else { self = .unchanged }
    }

    /// Breakdown value in the key-figure output.
    public var breakdownValue: String {
        switch self {
        case .improved: "improved"
        case .unchanged: "unchanged"
        case .worsened: "worsened"
        }
    }
}
