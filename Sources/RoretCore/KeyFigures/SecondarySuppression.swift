/// The two secondary rules of key-figures.md v3 (*sekundær diskretionering*),
/// applied in rounds to a table of cells until a round withholds nothing more.
/// The table knows only counts and groups, so the key figures and the
/// change beside movements share one implementation.
struct SecondarySuppression {
    /// One cell: a count that is shown or withheld.
    struct Cell {
        /// The count a breakdown group's pick compares (0 where it is not a count of persons).
        var breakdownCount: Int
        /// The area rule's first choice: the numerator where it counts persons (or stays), else nil.
        var personNumerator: Int?
        /// The area rule's second choice: the denominator where it counts persons, else nil.
        var personDenominator: Int?
        /// Withheld (by the primary rule, or by a round).
        var withheld: Bool
        /// Shown in full to this reader, so never withheld and never counted as hidden
        /// (an analyst's own municipality); the rules treat it as shown.
        var shownInFull: Bool = false
    }

    /// Cells that partition one shown total, in the output's byte order of breakdowns.
    typealias BreakdownGroup = [Int]

    /// The municipality cells of one (year, figure, breakdown), lowest code
    /// first, and the `national` cell that covers them (nil when absent).
    struct AreaGroup {
        var municipalities: [Int]
        var national: Int?
    }

    /// A shown total and the cells that add up to it, where a withheld total
    /// withholds every part (the parts would add up to it).
    struct TotalWithParts {
        var total: Int
        var parts: [Int]
    }

    var cells: [Cell]
    var breakdownGroups: [BreakdownGroup] = []
    var areaGroups: [AreaGroup] = []
    var totalsWithParts: [TotalWithParts] = []

    /// Applies the breakdown rule to every breakdown group, then the area rule
    /// to every area group, each on the state the previous step left, until a
    /// round withholds nothing more.
    mutating func applyRounds() {
        while true {
            let byTotals = applyTotalsRule()
            let byBreakdown = applyBreakdownRule()
            let byArea = applyAreaRule()
            if !byTotals && !byBreakdown && !byArea { return }
        }
    }

    private func isHidden(_ i: Int) -> Bool { cells[i].withheld && !cells[i].shownInFull }

    private mutating func withhold(_ i: Int) -> Bool {
        guard !cells[i].withheld, !cells[i].shownInFull else { return false }
        cells[i].withheld = true
        return true
    }

    /// Where a total is hidden, every part of it.
    private mutating func applyTotalsRule() -> Bool {
        var changed = false
        for entry in totalsWithParts where isHidden(entry.total) {
            for part in entry.parts { changed = withhold(part) || changed }
        }
        return changed
    }

    /// Where exactly one cell of a group is hidden: also the remaining cell with
    /// the smallest non-zero count (ties: the first); if every remaining count
    /// is 0, every cell of the group.
    private mutating func applyBreakdownRule() -> Bool {
        var changed = false
        for group in breakdownGroups where group.count(where: isHidden) == 1 {
            let remaining = group.filter { !isHidden($0) }
            if let pick = Self.smallestNonZero(remaining, by: { cells[$0].breakdownCount }) {
                changed = withhold(pick) || changed
            } else if remaining.allSatisfy({ cells[$0].breakdownCount == 0 }) {
                for i in remaining { changed = withhold(i) || changed }
            }
        }
        return changed
    }

    /// Where exactly one municipality cell of an area group is hidden and the
    /// national cell is shown: also the remaining municipality with the
    /// smallest non-zero count of persons in the numerator, else in the
    /// denominator (ties: the lowest code), else the national cell itself.
    private mutating func applyAreaRule() -> Bool {
        var changed = false
        for group in areaGroups {
            guard let national = group.national, !isHidden(national),
                  group.municipalities.count(where: isHidden) == 1 else { continue }
            let remaining = group.municipalities.filter { !isHidden($0) && !cells[$0].shownInFull }
            let pick = Self.smallestNonZero(remaining) { cells[$0].personNumerator ?? 0 }
                ?? Self.smallestNonZero(remaining) { cells[$0].personDenominator ?? 0 }
                ?? national
            changed = withhold(pick) || changed
        }
        return changed
    }

    /// The first of `candidates` with the smallest non-zero `count`, or nil.
    static func smallestNonZero(_ candidates: [Int], by count: (Int) -> Int) -> Int? {
        var pick: Int? = nil
        var smallest = Int.max
        for i in candidates {
            let n = count(i)
            if n > 0 && n < smallest {
                smallest = n
                pick = i
            }
        }
        return pick
    }
}
