/// One of Socialpsykiatriens Nøgletal (*nøgletal*) NT01–NT20, or the
/// companion data-quality figure Q01. Definitions: shared/spec/key-figures.md.
public enum KeyFigure: Int, CaseIterable, Sendable, Hashable, Comparable {
    case nt01, nt02, nt03, nt04, nt05, nt06, nt07, nt08, nt09, nt10
    case nt11, nt12, nt13, nt14, nt15, nt16, nt17, nt18, nt19, nt20, q01

    /// Output code, e.g. `NT01`, `Q01`. Case order equals byte order of codes.
    public var code: String { self == .q01 ? "Q01" : "NT" + (rawValue < 9 ? "0" : "") + String(rawValue + 1) }

    /// The figure with this code, or nil.
    public init?(code: String) {
        guard let match = KeyFigure.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }

    public static func < (a: KeyFigure, b: KeyFigure) -> Bool { a.rawValue < b.rawValue }

    /// What a numerator or denominator counts; decides disclosure control and formatting.
    public enum QuantityKind: Sendable {
        /// Distinct persons: primary suppression applies to 1–4.
        case persons
        /// Hospital stays: primary suppression applies to 1–4.
        case stays
        /// Adults in the population (persons): primary suppression applies to 1–4.
        case adults
        /// Sum of 0–100 scores: not a count of persons.
        case scoreSum
        /// Kroner: not a count of persons.
        case amount

        /// Whether a value 1–4 of this kind discloses a small group.
        public var countsIndividuals: Bool {
            switch self {
            case .persons, .stays, .adults: true
            case .scoreSum, .amount: false
            }
        }
    }

    /// The extract file a figure needs besides the three required ones.
    public enum Source: Sendable {
        case interventions, employment, admissions, expenditures, measurements
    }

    /// The breakdown values, in output (byte) order; `[""]` when the figure has none.
    public var breakdowns: [String] {
        switch self {
        case .nt01, .nt14, .nt15: (1...5).map { "step=\($0)" }
        case .nt06:
            (["1", "2", "3", "4", "5", "all"]).flatMap { from in
                ["higher", "lower", "none", "same"].map { "from=\(from);to=\($0)" }
            }
        case .nt07: (1...5).flatMap { s in (0...5).map { "from=\(s);to=\($0)" } }
        case .nt17: WHO5Band.allCases.map { "band=\($0.breakdownValue)" }
        case .nt18, .nt20: ScoreChange.allCases.map { "change=\($0.breakdownValue)" }
        default: [""]
        }
    }

    /// Groups of breakdown indices that partition one denominator, for
    /// secondary suppression. Empty for figures without such groups.
    public var secondarySuppressionGroups: [Range<Int>] {
        switch self {
        case .nt06: (0..<6).map { $0 * 4..<($0 + 1) * 4 }
        case .nt07: (0..<5).map { $0 * 6..<($0 + 1) * 6 }
        case .nt17, .nt18, .nt20: [0..<3]
        default: []
        }
    }

    /// What the numerator counts.
    public var numeratorKind: QuantityKind {
        switch self {
        case .nt13: .stays
        case .nt14, .nt15: .amount
        case .nt16, .nt19: .scoreSum
        default: .persons
        }
    }

    /// What the denominator counts.
    public var denominatorKind: QuantityKind {
        switch self {
        case .nt01, .nt02, .nt04: .adults
        case .nt13: .stays
        case .nt14: .amount
        default: .persons
        }
    }

    /// Multiplier from numerator/denominator to value: 10 000 for the
    /// per-10,000-adults figures, otherwise 1.
    public var valueScale: Double {
        switch self {
        case .nt01, .nt02, .nt04: 10_000
        default: 1
        }
    }

    /// Years relative to y the figure needs inside the period.
    public var yearsNeeded: ClosedRange<Int> {
        switch self {
        case .nt04, .nt05, .nt07, .nt08, .nt11: -1...0
        case .nt06: -2...0
        case .nt13: 0...1
        default: 0...0
        }
    }

    /// The optional extract file the figure is computed from.
    public var source: Source {
        switch self {
        case .nt09, .nt10, .nt11: .employment
        case .nt12, .nt13: .admissions
        case .nt14, .nt15: .expenditures
        case .nt16, .nt17, .nt18, .nt19, .nt20, .q01: .measurements
        default: .interventions
        }
    }

    /// Danish title for the interface.
    public var danishTitle: String {
        switch self {
        case .nt01: "Modtagere pr. trin"
        case .nt02: "Modtagere i alt"
        case .nt03: "Andel på de to nederste trin"
        case .nt04: "Nye modtagere"
        case .nt05: "Afsluttet samarbejde"
        case .nt06: "Bevægelser over to år"
        case .nt07: "Overgange over et år"
        case .nt08: "Tilbage inden for 12 måneder"
        case .nt09: "I beskæftigelse eller uddannelse"
        case .nt10: "På førtidspension"
        case .nt11: "Overgang til beskæftigelse eller uddannelse"
        case .nt12: "Psykiatriske indlæggelser"
        case .nt13: "Genindlæggelse inden for 30 dage"
        case .nt14: "Udgifter fordelt på trin"
        case .nt15: "Udgift pr. modtager"
        case .nt16: "WHO-5, gennemsnit"
        case .nt17: "WHO-5, fordeling på intervaller"
        case .nt18: "WHO-5, udvikling"
        case .nt19: "Brief INSPIRE-O, gennemsnit"
        case .nt20: "Brief INSPIRE-O, udvikling"
        case .q01: "Dækning af målinger"
        }
    }
}
