/// The staircase's stocks and flows per area and year (*bestand og
/// bevægelser*), from the key-figure engine's own pass over persons — the
/// same step, area and year-end rules as the key figures (economics.md §1).
public struct StaircaseFlows: Sendable, Hashable {
    /// One area's year.
    public struct Year: Sendable, Hashable {
        /// Persons with the area and step t (index t − 1) at year end.
        public var stock: [Int]
        /// NT07's numerators: step s at year end y−1 (index s − 1, area then) → step t (index t, 0 = none) at year end y.
        /// All zero in the period's first year.
        public var transitions: [[Int]]
        /// Persons with the area and step t at year end y who did not have the area and step ≥ 1 at year end y−1.
        public var inflow: [Int]
        /// NT14's numerators: expenditure on step t in the year.
        public var expenditure: [Amount]
        /// Persons on step 2 at year end whose status in the year is not disability pension.
        public var stepTwoNotOnDisabilityPension: Int

        public init(stock: [Int], transitions: [[Int]], inflow: [Int], expenditure: [Amount], stepTwoNotOnDisabilityPension: Int = 0) {
            self.stock = stock
            self.transitions = transitions
            self.inflow = inflow
            self.expenditure = expenditure
            self.stepTwoNotOnDisabilityPension = stepTwoNotOnDisabilityPension
        }

        /// An empty year.
        public static var empty: Year {
            Year(stock: Array(repeating: 0, count: 5), transitions: Array(repeating: Array(repeating: 0, count: 6), count: 5), inflow: Array(repeating: 0, count: 5),
                 expenditure: Array(repeating: .zero, count: 5))
        }
    }

    /// The extract's period.
    public let years: ClosedRange<Int>
    /// Area code (municipalities and `national`) → one `Year` per period year.
    public let areas: [String: [Year]]

    public init(years: ClosedRange<Int>, areas: [String: [Year]]) {
        self.years = years
        self.areas = areas
    }

    public static let none = StaircaseFlows(years: 0...0, areas: [:])

    /// The area's year, if in the period.
    public func year(_ area: String, _ year: Int) -> Year? {
        guard years.contains(year), let list = areas[area] else { return nil }
        return list[year - years.lowerBound]
    }

    /// The years for which NT07 is computed (the period but its first year).
    public var transitionYears: [Int] { years.count >= 2 ? Array((years.lowerBound + 1)...years.upperBound) : [] }
}
