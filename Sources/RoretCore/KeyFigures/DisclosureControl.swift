/// Statistical disclosure control (*diskretionering*): withholds small cells
/// from anyone without access to person-level data (key-figures.md).
public enum DisclosureControl {
    /// Counts of individuals from 1 to this are withheld.
    public static let smallestShown = 5

    /// Applies primary and secondary suppression to rows in the engine's order.
    public static func suppress(_ rows: [KeyFigureRow]) -> [KeyFigureRow] {
        var rows = rows
        var start = 0
        while start < rows.count {
            var end = start + 1
            while end < rows.count, rows[end].figure == rows[start].figure, rows[end].year == rows[start].year, rows[end].area == rows[start].area {
                end += 1
            }
            suppressBlock(&rows, start..<end)
            start = end
        }
        return rows
    }

    /// Whether a row is withheld by primary suppression: a count of persons
    /// or stays (numerator or denominator) from 1 to 4. A zero denominator is
    /// never suppressed.
    public static func needsPrimarySuppression(_ row: KeyFigureRow) -> Bool {
        guard let numerator = row.numerator, let denominator = row.denominator, !denominator.isZero else { return false }
        return isSmall(numerator, row.figure.numeratorKind) || isSmall(denominator, row.figure.denominatorKind)
    }

    private static func isSmall(_ q: Quantity, _ kind: KeyFigure.QuantityKind) -> Bool {
        guard kind.countsIndividuals, case .count(let n) = q else { return false }
        return isSmallCount(n)
    }

    /// Whether a count of persons is withheld by primary suppression (1–4).
    public static func isSmallCount(_ n: Int) -> Bool { n >= 1 && n < smallestShown }

    /// Secondary suppression's pick: the index of the smallest non-zero count
    /// not already excluded (ties: the first), or nil when there is none.
    static func smallestNonZero(_ counts: [Int], excluding excluded: [Bool]) -> Int? {
        var pick: Int? = nil
        var smallest = Int.max
        for (i, n) in counts.enumerated() where !excluded[i] && n > 0 && n < smallest {
            smallest = n
            pick = i
        }
        return pick
    }

    /// One (area, year, figure) block: primary per row, then secondary per group.
    private static func suppressBlock(_ rows: inout [KeyFigureRow], _ block: Range<Int>) {
        let figure = rows[block.lowerBound].figure
        var primary = Array(repeating: false, count: block.count)
        for (offset, i) in block.enumerated() where needsPrimarySuppression(rows[i]) { primary[offset] = true }
        var withheld = primary
        for group in figure.secondarySuppressionGroups where group.upperBound <= block.count {
            guard group.filter({ primary[$0] }).count == 1 else { continue }
            // The smallest non-zero numerator among the rest; ties: first in breakdown byte order.
            let counts = group.map { offset -> Int in
                guard case .count(let n)? = rows[block.lowerBound + offset].numerator else { return 0 }
                return n
            }
            if let pick = smallestNonZero(counts, excluding: group.map { primary[$0] }) { withheld[group.lowerBound + pick] = true }
        }
        for (offset, i) in block.enumerated() where withheld[offset] {
            rows[i].numerator = nil
            rows[i].denominator = nil
            rows[i].value = nil
            rows[i].suppressed = true
        }
    }
}
