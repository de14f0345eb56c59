/// A Social Services Act paragraph (*paragraf*) an intervention is granted under.
///
/// `p105` is housing under Almenboligloven § 105 with support under SEL § 85
/// (*botilbudslignende tilbud*).
public enum Paragraph: UInt8, CaseIterable, Sendable, Hashable {
    case p82a, p82b, p82c, p82d, p85, p107, p105, p108, p99, p103, p104, p110

    /// The code as written in an extract, e.g. `82a`, `107`.
    public var code: String {
        switch self {
        case .p82a: "82a"
        case .p82b: "82b"
        case .p82c: "82c"
        case .p82d: "82d"
        case .p85: "85"
        case .p107: "107"
        case .p105: "105"
        case .p108: "108"
        case .p99: "99"
        case .p103: "103"
        case .p104: "104"
        case .p110: "110"
        }
    }

    /// The paragraph with this extract code, or nil.
    public init?(code: some StringProtocol) {
        guard let match = Paragraph.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }
}

/// Socialpsykiatriens Indsatstrappe — the intervention staircase. Step 0 is no
/// intervention on the staircase; steps 1–5 go from early, easy-access support
/// (§ 82 a–d) to long-term residential care (§ 108). Lower is closer to an
/// independent everyday life.
public struct Staircase: Sendable {
    /// The highest step.
    public static let topStep = 5

    /// The default mapping used by every key figure (key-figures.md).
    public static let standard = Staircase()

    /// The step a paragraph maps to; 0 for paragraphs not on the staircase
    /// (§ 99, § 103, § 104, § 110).
    public func step(of paragraph: Paragraph) -> Int {
        switch paragraph {
        case .p82a, .p82b, .p82c, .p82d: 1
        case .p85: 2
        case .p107: 3
        case .p105: 4
        case .p108: 5
        case .p99, .p103, .p104, .p110: 0
        }
    }

    /// Danish name of a step for the interface (*trinnets navn*).
    /// The paragraphs of a step, short, for charts: e.g. `§ 85`.
    public static func shortName(ofStep step: Int) -> String {
        switch step {
        case 1: "§ 82 a–d"
        case 2: "§ 85"
        case 3: "§ 107"
        case 4: "§ 105 / § 85"
        case 5: "§ 108"
        default: "—"
        }
    }

    public static func name(ofStep step: Int) -> String {
        switch step {
        case 0: "Ingen indsats på trappen"
        case 1: "Tidlige, forebyggende og lettilgængelige indsatser (§ 82 a–d)"
        case 2: "Socialpædagogisk støtte i eget hjem (§ 85)"
        case 3: "Midlertidigt botilbud (§ 107)"
        case 4: "Botilbudslignende tilbud (ABL § 105 / SEL § 85)"
        case 5: "Længerevarende botilbud (§ 108)"
        default: "Ukendt trin"
        }
    }
}

/// The basis a support is granted on (*målgruppe*).
public enum Reason: UInt8, CaseIterable, Sendable, Hashable {
    case sindslidelse, kognitivtHandicap, andet

    /// The code as written in an extract.
    public var code: String {
        switch self {
        case .sindslidelse: "sindslidelse"
        case .kognitivtHandicap: "kognitivt_handicap"
        case .andet: "andet"
        }
    }

    /// The reason with this extract code, or nil.
    public init?(code: some StringProtocol) {
        guard let match = Reason.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }
}

/// The target group (*målgruppen*) a key-figure run counts: spells whose reason
/// is outside it are ignored everywhere. Default: `sindslidelse`.
public struct TargetGroup: Sendable, Hashable {
    public var reasons: Set<Reason>

    public init(_ reasons: Set<Reason>) { self.reasons = reasons }

    /// `sindslidelse` only.
    public static let standard = TargetGroup([.sindslidelse])

    public func contains(_ reason: Reason) -> Bool { reasons.contains(reason) }
}
