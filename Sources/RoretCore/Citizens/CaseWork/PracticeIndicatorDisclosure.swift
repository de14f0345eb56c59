/// Disclosure control of practice indicators for everyone who may not read
/// the records (key-figures.md v3, as casework.md asks): a numerator or
/// denominator from 1 to 4 — records, goals, follow-up dates, meetings or
/// endings alike — withholds the cell, as does a median of fewer than 5
/// records; then the area rule in rounds (per indicator and reference day,
/// the municipalities against `national`), and a withheld I1 withholds I2,
/// whose denominator is I1's numerator. The rows partition no denominator,
/// so the breakdown rule has no groups (definitions 61).
public enum PracticeIndicatorDisclosure {
    /// `rows` in `PracticeIndicators.table`'s order, with cells withheld.
    /// Rows of the areas in `shownInFull` stay as they are and count as shown.
    public static func suppress(_ rows: [PracticeIndicatorRow], shownInFull: Set<String> = []) -> [PracticeIndicatorRow] {
        var table = SecondarySuppression(cells: rows.map { row in
            let full = shownInFull.contains(row.area)
            let small: Bool
            if row.indicator.isMedian {
                small = (row.denominator ?? 0) >= 1 && (row.denominator ?? 0) < DisclosureControl.smallestShown
            } else {
                small = DisclosureControl.isSmallCount(row.numerator ?? 0) || DisclosureControl.isSmallCount(row.denominator ?? 0)
            }
            return SecondarySuppression.Cell(
                breakdownCount: row.numerator ?? 0, personNumerator: row.indicator.isMedian ? nil : row.numerator,
                personDenominator: row.denominator, withheld: !full && small, shownInFull: full)
        })
        struct Key: Hashable {
            var reference: Day
            var indicator: PracticeIndicator
        }
        var groups: [Key: SecondarySuppression.AreaGroup] = [:]
        var order: [Key] = []
        var i1: [String: Int] = [:]
        for (i, row) in rows.enumerated() {
            let key = Key(reference: row.reference, indicator: row.indicator)
            if groups[key] == nil {
                groups[key] = SecondarySuppression.AreaGroup(municipalities: [], national: nil)
                order.append(key)
            }
            if row.area == nationalArea { groups[key]!.national = i } else { groups[key]!.municipalities.append(i) }
            let areaDay = "\(row.area)|\(row.reference.rawValue)"
            if row.indicator == .i1 { i1[areaDay] = i }
            if row.indicator == .i2, let total = i1[areaDay] {
                table.totalsWithParts.append(SecondarySuppression.TotalWithParts(total: total, parts: [i]))
            }
        }
        table.areaGroups = order.map { key in
            var group = groups[key]!
            group.municipalities.sort { rows[$0].area.utf8.lexicographicallyPrecedes(rows[$1].area.utf8) }
            return group
        }
        table.applyRounds()
        var result = rows
        for (i, cell) in table.cells.enumerated() where cell.withheld && !cell.shownInFull {
            result[i].numerator = nil
            result[i].denominator = nil
            result[i].median = nil
            result[i].suppressed = true
        }
        return result
    }
}
