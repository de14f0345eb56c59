/// The offer's theory of change (*forandringsteori*, results-documentation.md
/// §2): a result map of four columns whose boxes are joined by arrows, each
/// carrying its mechanism. Versioned: a saved version never changes.
public struct TheoryOfChange: Sendable, Hashable, Codable {
    public enum Column: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case activities, immediate, mediumTerm, longTerm

        public static func < (a: Column, b: Column) -> Bool { a.rawValue < b.rawValue }

        public var danishName: String {
            switch self {
            case .activities: "AKTIVITETER"
            case .immediate: "UMIDDELBARE RESULTATER"
            case .mediumTerm: "RESULTATER PÅ MELLEMLANGT SIGT"
            case .longTerm: "RESULTATER PÅ LANGT SIGT"
            }
        }
    }

    public struct Box: Sendable, Hashable, Codable {
        public var id: String
        public var column: Column
        /// A component or sub-group row ("Indsats på tilbuddet", …); "" for none.
        public var row: String
        public var text: String
        /// The indicator that documents a result box (an instrument score, a goal-attainment category, a count).
        public var indicator: String?
        /// Marked as a gap or uncertainty (*hul/uklarhed*).
        public var uncertain: Bool

        public init(id: String, column: Column, row: String = "", text: String, indicator: String? = nil, uncertain: Bool = false) {
            self.id = id
            self.column = column
            self.row = row
            self.text = text
            self.indicator = indicator
            self.uncertain = uncertain
        }
    }

    public struct Arrow: Sendable, Hashable, Codable {
        public var from: String
        public var to: String
        /// Why this leads to that (*mekanisme*).
        public var mechanism: String
        /// A loop back to an earlier column, deliberately.
        public var feedback: Bool
        /// The group is unsure of this link (*uklarhed*).
        public var uncertain: Bool

        public init(from: String, to: String, mechanism: String, feedback: Bool = false, uncertain: Bool = false) {
            self.from = from
            self.to = to
            self.mechanism = mechanism
            self.feedback = feedback
            self.uncertain = uncertain
        }
    }

    public var goals: String
    public var targetGroup: String
    public var boxes: [Box]
    public var arrows: [Arrow]
    /// *Huller og uklarheder* in words (missing activities, doubts).
    public var gaps: String
    public var minutes: String

    /// The next free box id ("B1", "B2", …).
    public var nextBoxID: String {
        let used = Set(boxes.map(\.id))
        var n = boxes.count + 1
        while used.contains("B\(n)") { n += 1 }
        return "B\(n)"
    }

    /// The rows in the order of their first box ("" — no row — first).
    public var rows: [String] {
        var seen: [String] = []
        for b in boxes.sorted(by: { ($0.row.isEmpty ? 0 : 1) < ($1.row.isEmpty ? 0 : 1) }) where !seen.contains(b.row) { seen.append(b.row) }
        return seen
    }

    /// Without box `id` and the arrows that touch it.
    public func removing(box id: String) -> TheoryOfChange {
        var t = self
        t.boxes.removeAll { $0.id == id }
        t.arrows.removeAll { $0.from == id || $0.to == id }
        return t
    }

    public init(goals: String = "", targetGroup: String = "", boxes: [Box] = [], arrows: [Arrow] = [], gaps: String = "", minutes: String = "") {
        self.goals = goals
        self.targetGroup = targetGroup
        self.boxes = boxes
        self.arrows = arrows
        self.gaps = gaps
        self.minutes = minutes
    }

    /// Every problem with the map, in Danish: every box has a text and a
    /// unique id; an arrow joins two boxes of the map, never a box to
    /// itself, and never runs from a later column to an earlier one unless
    /// it is marked as a feedback loop; an activity names no indicator.
    public var problems: [String] {
        var p: [String] = []
        var ids = Set<String>()
        for box in boxes {
            if box.text.allSatisfy(\.isWhitespace) { p.append("Boks \(box.id): skriv teksten.") }
            if !ids.insert(box.id).inserted { p.append("Boks \(box.id): nummeret er brugt to gange.") }
            if box.column == .activities && box.indicator != nil { p.append("Boks \(box.id): en aktivitet har ingen indikator; indikatorer dokumenterer resultater.") }
        }
        let column = Dictionary(boxes.map { ($0.id, $0.column) }, uniquingKeysWith: { a, _ in a })
        for arrow in arrows {
            guard let from = column[arrow.from], let to = column[arrow.to] else {
                p.append("Pil \(arrow.from) → \(arrow.to): begge ender skal være bokse på kortet.")
                continue
            }
            if arrow.from == arrow.to { p.append("Pil \(arrow.from) → \(arrow.to): en pil går fra én boks til en anden.") }
            if to < from && !arrow.feedback { p.append("Pil \(arrow.from) → \(arrow.to): går baglæns (fra »\(from.danishName)« til »\(to.danishName)«); markér den som en tilbagekobling, hvis det er meningen.") }
        }
        return p
    }
}

/// Every saved version of an offer's theory of change, oldest first: a
/// version, once saved, is never changed (*versioner*).
public struct TheoryOfChangeHistory: Sendable, Hashable {
    public struct Version: Sendable, Hashable {
        public var number: Int
        public var theory: TheoryOfChange
        public var savedOn: Day
        public var by: String

        public init(number: Int, theory: TheoryOfChange, savedOn: Day, by: String) {
            self.number = number
            self.theory = theory
            self.savedOn = savedOn
            self.by = by
        }
    }

    public private(set) var versions: [Version] = []

    public init() {}

    /// The history as stored, oldest first.
    public init(versions: [Version]) { self.versions = versions.sorted { $0.number < $1.number } }

    /// Saves `theory` as the next version; refused with every problem, or when nothing changed.
    @discardableResult
    public mutating func save(_ theory: TheoryOfChange, on day: Day, by user: String) throws -> Int {
        let problems = theory.problems + (versions.last?.theory == theory ? ["Intet er ændret; der er ikke gemt en ny version."] : [])
        guard problems.isEmpty else { throw TheoryOfChangeRefused(problems: problems) }
        let number = (versions.last?.number ?? 0) + 1
        versions.append(Version(number: number, theory: theory, savedOn: day, by: user))
        return number
    }

    public var current: TheoryOfChange? { versions.last?.theory }

    public func version(_ number: Int) -> TheoryOfChange? { versions.first { $0.number == number }?.theory }
}

/// A theory of change that cannot be saved: every problem, in Danish.
public struct TheoryOfChangeRefused: Error, Sendable, Equatable {
    public var problems: [String]
}
