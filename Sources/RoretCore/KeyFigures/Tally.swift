/// The engine's counters: one flat array of counts per (area, year index,
/// slot), where area `municipalityCount` is `national`. Every figure's
/// numerator and denominator is read from here after one pass over persons.
struct Tally {
    let yearCount: Int
    private(set) var cells: [Int]

    init(areaCount: Int, yearCount: Int) {
        self.yearCount = yearCount
        cells = Array(repeating: 0, count: areaCount * yearCount * Slot.width)
    }

    /// Adds every count of `other` (same shape) to this tally.
    mutating func merge(_ other: Tally) {
        for i in cells.indices { cells[i] += other.cells[i] }
    }

    @inline(__always)
    mutating func add(_ slot: Int, area: Int, year yi: Int, _ n: Int = 1) {
        cells[(area * yearCount + yi) * Slot.width + slot] += n
    }

    @inline(__always)
    func get(_ slot: Int, area: Int, year yi: Int) -> Int {
        cells[(area * yearCount + yi) * Slot.width + slot]
    }
}

/// Slot numbers in a `Tally`. Counts for figures that look back (NT04, NT05,
/// NT07, NT08, NT11, NT06) are stored at the year they are reported for.
enum Slot {
    /// NT01 numerator: distinct recipients on step k (1...5) overlapping y.
    static func recipients(step k: Int) -> Int { k - 1 }
    /// NT02 numerator: distinct recipients on any step overlapping y.
    static let recipientsAny = 5
    /// NT12 numerator: NT02 persons admitted in y.
    static let admitted = 6
    /// Persons with area and step ≥ 1 at year end y.
    static let yearEndActive = 7
    /// Of those, on step 1 or 2 (NT03).
    static let yearEndLowSteps = 8
    /// NT05 numerator: step ≥ 1 at year end y−1 (area then), 0 at year end y.
    static let ended = 9
    /// NT04 numerator.
    static let newRecipients = 10
    /// NT06: from index f (0...4 = steps 1...5, 5 = all), outcome o (0 higher, 1 lower, 2 none, 3 same).
    static func movement(from f: Int, outcome o: Int) -> Int { 11 + f * 4 + o }
    /// NT06 cohort size for from index f.
    static func movementCohort(from f: Int) -> Int { 35 + f }
    /// NT07: step s (1...5) at year end y−1, step t (0...5) at year end y.
    static func transition(from s: Int, to t: Int) -> Int { 41 + (s - 1) * 6 + t }
    /// Persons with area and step s (1...5) at year end y.
    static func yearEndOnStep(_ s: Int) -> Int { 71 + s - 1 }
    static let returnDenominator = 76
    static let returnNumerator = 77
    static let inSuccess = 78
    static let onDisabilityPension = 79
    static let intoSuccessDenominator = 80
    static let intoSuccessNumerator = 81
    static let stayDenominator = 82
    static let stayReadmitted = 83
    /// NT16/NT19: persons with a latest measurement, and the sum of their scores.
    static func scoredPersons(_ i: Instrument) -> Int { i == .who5 ? 84 : 93 }
    static func scoreSum(_ i: Instrument) -> Int { i == .who5 ? 85 : 94 }
    /// NT17: WHO-5 band.
    static func band(_ b: WHO5Band) -> Int { 86 + b.rawValue }
    /// NT18/NT20: persons with a baseline at least 90 days earlier.
    static func changeDenominator(_ i: Instrument) -> Int { i == .who5 ? 89 : 95 }
    static func change(_ i: Instrument, _ c: ScoreChange) -> Int { (i == .who5 ? 90 : 96) + c.rawValue }
    static let measured = 99
    /// Change beside movements: persons with step ≥ 1 at year end y−1 (area
    /// then) who made movement `m` by year end y and have a change in y.
    static func movementChangeMeasured(_ i: Instrument, _ m: StepMovement) -> Int { 100 + Int(i.rawValue) * 16 + m.rawValue * 4 }
    /// Of those, the persons with change `c`.
    static func movementChange(_ i: Instrument, _ m: StepMovement, _ c: ScoreChange) -> Int { movementChangeMeasured(i, m) + 1 + c.rawValue }
    /// Inflow (economics.md §1): persons with area A and step t (1...5) at year
    /// end y who did not have area A and step ≥ 1 at year end y−1.
    static func inflow(step t: Int) -> Int { 132 + t - 1 }
    /// Persons with area and step 2 at year end y whose status in y is not
    /// `disability_pension` (the budget potential's pool into work or education).
    static let stepTwoNotOnDisabilityPension = 137
    static let width = 138
}
