/// A numerator or denominator: a whole count, or an exact amount of kroner.
public enum Quantity: Hashable, Sendable, CustomStringConvertible {
    case count(Int)
    case amount(Amount)

    /// As a Double, for the value ratio.
    public var doubleValue: Double {
        switch self {
        case .count(let n): Double(n)
        case .amount(let a): a.kroner
        }
    }

    /// Whether the quantity is zero.
    public var isZero: Bool {
        switch self {
        case .count(let n): n == 0
        case .amount(let a): a.ore == 0
        }
    }

    /// Integer for counts, plain decimal kroner for amounts.
    public var description: String {
        switch self {
        case .count(let n): String(n)
        case .amount(let a): a.description
        }
    }
}

/// One row of the key-figure output (*nøgletalsrække*): a figure for one area,
/// year and breakdown. When `suppressed`, numerator, denominator and value are nil.
public struct KeyFigureRow: Hashable, Sendable {
    /// Municipality code, or `national`.
    public var area: String
    public var year: Int
    public var figure: KeyFigure
    /// Empty, or `key=value` pairs joined by `;`.
    public var breakdown: String
    public var numerator: Quantity?
    public var denominator: Quantity?
    /// numerator / denominator × scale, unrounded; nil for a zero denominator or when suppressed.
    public var value: Double?
    /// Withheld by statistical disclosure control.
    public var suppressed: Bool

    public init(
        area: String, year: Int, figure: KeyFigure, breakdown: String,
        numerator: Quantity?, denominator: Quantity?, value: Double?, suppressed: Bool
    ) {
        self.area = area
        self.year = year
        self.figure = figure
        self.breakdown = breakdown
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.suppressed = suppressed
    }

    /// A computed, unsuppressed row; the value follows from the quantities.
    public init(area: String, year: Int, figure: KeyFigure, breakdown: String, numerator: Quantity, denominator: Quantity) {
        let value: Double? = denominator.isZero ? nil : numerator.doubleValue / denominator.doubleValue * figure.valueScale
        self.init(
            area: area, year: year, figure: figure, breakdown: breakdown,
            numerator: numerator, denominator: denominator, value: value, suppressed: false
        )
    }
}

/// The area code of the whole extract.
public let nationalArea = "national"
