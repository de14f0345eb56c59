/// A citizen's course at the offer, for the analyses: which intervention
/// and sub-group, when it started and ended, and whether it ended early.
public struct OfferCourse: Sendable, Hashable {
    public var citizen: String
    public var intervention: String?
    public var subGroup: String?
    public var start: Day
    public var end: Day?
    public var endedEarly: Bool

    public init(citizen: String, intervention: String? = nil, subGroup: String? = nil, start: Day, end: Day? = nil, endedEarly: Bool = false) {
        self.citizen = citizen
        self.intervention = intervention
        self.subGroup = subGroup
        self.start = start
        self.end = end
        self.endedEarly = endedEarly
    }
}

/// The offer's analyses (*analyse*, results-documentation.md §5): intake
/// profile, paired change for the same citizens, goal attainment, and
/// completed against ended early — counts of citizens that go through
/// `OfferDisclosure` for everyone who may not see the citizens.
public enum OfferAnalysis {
    /// One comparison of the start with a later point, for the citizens measured at both.
    public struct Pair: Sendable, Hashable {
        public var to: MeasurementPoints.Kind
        /// Citizens with a score at the start and at `to`.
        public var citizens: Int
        public var meanStart: Double?
        public var meanThen: Double?
        public var meanChange: Double? { meanStart.flatMap { s in meanThen.map { $0 - s } } }
    }

    /// Each citizen's score at a point: the first start, the latest follow-up, the latest end, the latest after end.
    static func scores(_ answers: [OfferAnswer], instrument: String, citizens: Set<String>) -> [MeasurementPoints.Kind: [String: Double]] {
        var out: [MeasurementPoints.Kind: [String: (Day, Double)]] = [:]
        for a in answers where a.instrument == instrument && citizens.contains(a.citizen) {
            guard let score = a.score else { continue }
            let current = out[a.point]?[a.citizen]
            let replace = current.map { a.point == .start ? a.day < $0.0 : a.day >= $0.0 } ?? true
            if replace { out[a.point, default: [:]][a.citizen] = (a.day, score) }
        }
        return out.mapValues { $0.mapValues(\.1) }
    }

    /// Start → latest follow-up, → end, → after end, each for the citizens measured at both.
    public static func pairedChange(_ answers: [OfferAnswer], instrument: String, citizens: Set<String>) -> [Pair] {
        let s = scores(answers, instrument: instrument, citizens: citizens)
        let start = s[.start] ?? [:]
        return [MeasurementPoints.Kind.followUp, .end, .afterEnd].map { kind in
            let then = s[kind] ?? [:]
            let both = start.keys.filter { then[$0] != nil }
            func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
            return Pair(to: kind, citizens: both.count, meanStart: mean(both.map { start[$0]! }), meanThen: mean(both.map { then[$0]! }))
        }
    }

    /// The intake profile: the citizens with a start score, their mean and median.
    public static func intake(_ answers: [OfferAnswer], instrument: String, citizens: Set<String>) -> (citizens: Int, mean: Double?, median: Double?) {
        let start = Array((scores(answers, instrument: instrument, citizens: citizens)[.start] ?? [:]).values)
        return (start.count, start.isEmpty ? nil : start.reduce(0, +) / Double(start.count), RoretCore.median(scores: start))
    }

    /// Each goal's latest status on `day`, counted per category (the handbook's order, then the sixth); goals without a follow-up apart.
    public static func goalAttainment(_ goals: [OfferGoal], citizens: Set<String>, on day: Day) -> (counts: [Int], notFollowedUp: Int) {
        var counts = Array(repeating: 0, count: GoalAttainment.allCases.count), none = 0
        for g in goals where citizens.contains(g.citizen) {
            if let s = g.status(on: day) { counts[s.rawValue - 1] += 1 } else { none += 1 }
        }
        return (counts, none)
    }

    /// Courses running, completed and ended early on `day`.
    public static func completion(_ courses: [OfferCourse], on day: Day) -> (running: Int, completed: Int, endedEarly: Int) {
        var r = 0, c = 0, e = 0
        for course in courses where course.start <= day {
            if let end = course.end, end <= day { if course.endedEarly { e += 1 } else { c += 1 } } else { r += 1 }
        }
        return (r, c, e)
    }
}

/// Disclosure control for an offer's aggregates (key-figures.md v3 applied
/// to the offer): in a table of counts of citizens whose rows are groups
/// (optionally a total row that the other rows partition) and whose columns
/// partition each row, 1–4 are withheld, then the breakdown rule within each
/// row and the area rule within each column (the group rows against the
/// total row), in rounds. nil is withheld.
public enum OfferDisclosure {
    public struct Table: Sendable, Hashable {
        public var counts: [[Int]]
        /// The row that `parts` add up to (column by column), if any.
        public var totalRow: Int?
        /// The rows that add up to the total row (default: every other row).
        public var parts: [Int]?
        /// Whether a row's columns partition one total (categories), so the breakdown rule applies;
        /// false for counts side by side that do not add up (citizens measured at different points).
        public var columnsPartition: Bool

        public init(counts: [[Int]], totalRow: Int? = nil, parts: [Int]? = nil, columnsPartition: Bool = true) {
            self.counts = counts
            self.totalRow = totalRow
            self.parts = parts
            self.columnsPartition = columnsPartition
        }
    }

    public static func suppress(_ table: Table) -> [[Int?]] {
        let width = table.counts.first?.count ?? 0
        var s = SecondarySuppression(cells: table.counts.joined().map { n in
            .init(breakdownCount: n, personNumerator: n, personDenominator: nil, withheld: DisclosureControl.isSmallCount(n))
        })
        if table.columnsPartition { s.breakdownGroups = table.counts.indices.map { r in Array((r * width)..<((r + 1) * width)) } }
        if let total = table.totalRow {
            let parts = table.parts ?? table.counts.indices.filter { $0 != total }
            s.areaGroups = (0..<width).map { c in .init(municipalities: parts.map { $0 * width + c }, national: total * width + c) }
        }
        s.applyRounds()
        return table.counts.indices.map { r in (0..<width).map { c in s.cells[r * width + c].withheld ? nil : table.counts[r][c] } }
    }

    /// A mean shown to a reader only when the citizens behind it are shown and at least 5.
    public static func mean(_ mean: Double?, of citizens: Int?) -> Double? {
        guard let n = citizens, n >= DisclosureControl.smallestShown else { return nil }
        return mean
    }
}

/// A result box's measured value (*målt værdi*, results-documentation.md
/// §5): what its indicator shows now, the change, the citizens behind it
/// and the direction for its colour.
public struct MeasuredValue: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable { case up, down, flat, unknown }

    public var text: String
    public var citizens: Int
    public var direction: Direction

    public init(text: String, citizens: Int, direction: Direction) {
        self.text = text
        self.citizens = citizens
        self.direction = direction
    }

    /// The values of the indicators a theory of change names, from the offer's data on `day`:
    /// an instrument's score (start → latest follow-up for the same citizens), goal
    /// attainment (goals reached of those followed up), the number of citizens, the completed courses.
    /// For a reader who may not see the citizens, a value behind 1–4 citizens is withheld.
    public static func values(catalogue: InstrumentCatalogue, answers: [OfferAnswer], goals: [OfferGoal], courses: [OfferCourse], on day: Day,
                              personLevel: Bool, format: (Double) -> String) -> [String: MeasuredValue] {
        let citizens = Set(courses.map(\.citizen))
        func shown(_ n: Int) -> Bool { personLevel || !DisclosureControl.isSmallCount(n) }
        var out: [String: MeasuredValue] = [:]
        for instrument in catalogue.all where instrument.isAnswered {
            let pair = OfferAnalysis.pairedChange(answers, instrument: instrument.id, citizens: citizens)[0]
            guard pair.citizens > 0, let start = pair.meanStart, let then = pair.meanThen else { continue }
            let change = then - start
            out["\(instrument.name): score"] = shown(pair.citizens)
                ? MeasuredValue(text: "\(format(start)) → \(format(then)) (\(change >= 0 ? "+" : "")\(format(change)); \(pair.citizens) borgere)", citizens: pair.citizens,
                                direction: change > 0 ? .up : change < 0 ? .down : .flat)
                : MeasuredValue(text: "«..» (færre end 5 borgere)", citizens: pair.citizens, direction: .unknown)
        }
        let attainment = OfferAnalysis.goalAttainment(goals, citizens: citizens, on: day)
        let followed = attainment.counts.reduce(0, +)
        if followed > 0 {
            let reached = attainment.counts[GoalAttainment.developmentReached.rawValue - 1] + attainment.counts[GoalAttainment.stabilityReached.rawValue - 1]
            let worse = attainment.counts[GoalAttainment.deterioration.rawValue - 1]
            out["Målopfyldelse: kategorier"] = shown(followed) && shown(reached) && shown(followed - reached)
                ? MeasuredValue(text: "\(reached) af \(followed) mål nået", citizens: followed, direction: reached * 2 >= followed ? .up : worse * 2 > followed ? .down : .flat)
                : MeasuredValue(text: "«..» (færre end 5 mål)", citizens: followed, direction: .unknown)
        }
        let completion = OfferAnalysis.completion(courses, on: day)
        out["Antal borgere"] = shown(completion.running) ? MeasuredValue(text: "\(completion.running) i forløb", citizens: completion.running, direction: .flat)
            : MeasuredValue(text: "«..»", citizens: completion.running, direction: .unknown)
        out["Antal gennemførte forløb"] = shown(completion.completed) ? MeasuredValue(text: "\(completion.completed) gennemført", citizens: completion.completed, direction: .flat)
            : MeasuredValue(text: "«..»", citizens: completion.completed, direction: .unknown)
        return out
    }
}
