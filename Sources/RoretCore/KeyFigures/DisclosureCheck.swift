/// A check of published output against key-figures.md v3 (*kontrol af
/// diskretionering*): a breakdown group, or an area group beside a shown
/// national row, with exactly one hidden cell would let a reader subtract
/// their way to it. Used by the tests over every aggregate Roret serves.
extension DisclosureControl {
    /// Where `rows` (as served) leave exactly one hidden cell in a group; empty when none.
    public static func violations(in rows: [KeyFigureRow]) -> [String] {
        var out: [String] = []
        var blocks: [String: [KeyFigureRow]] = [:]
        var areaGroups: [String: (hidden: [String], nationalShown: Bool)] = [:]
        var order: [String] = []
        for row in rows {
            let block = "\(row.area) \(row.year) \(row.figure.code)"
            if blocks[block] == nil { order.append(block) }
            blocks[block, default: []].append(row)
            let grid = "\(row.year) \(row.figure.code) \(row.breakdown)"
            var group = areaGroups[grid] ?? ([], false)
            if row.area == nationalArea { group.nationalShown = !row.suppressed } else if row.suppressed { group.hidden.append(row.area) }
            areaGroups[grid] = group
        }
        for block in order {
            let rows = blocks[block]!
            let figure = rows[0].figure
            for range in figure.secondarySuppressionGroups {
                let members = Set(figure.breakdowns[range])
                let hidden = rows.filter { members.contains($0.breakdown) && $0.suppressed }
                if hidden.count == 1 { out.append("\(block) \(hidden[0].breakdown): the only hidden cell of its breakdown group") }
            }
        }
        for (grid, group) in areaGroups.sorted(by: { $0.key < $1.key }) where group.nationalShown && group.hidden.count == 1 {
            out.append("\(grid): \(group.hidden[0]) is the only hidden municipality beside a shown national row")
        }
        return out
    }

    /// The same check for the change beside movements, count by count.
    public static func violations(in rows: [MovementChangeRow]) -> [String] {
        var out: [String] = []
        var movers: [String: [Int?]] = [:]
        var areaGroups: [String: (hidden: [String], nationalShown: Bool)] = [:]
        for row in rows {
            let block = "\(row.area) \(row.year) \(row.instrument)"
            movers[block, default: []].append(row.movers)
            if row.changes.count(where: { $0 == nil }) == 1 { out.append("\(block) \(row.movement): one hidden change") }
            if row.measured == nil && row.changes.contains(where: { $0 != nil }) { out.append("\(block) \(row.movement): changes shown beside a hidden total") }
            for (slot, count) in ([row.movers, row.measured] + row.changes).enumerated() {
                let grid = "\(row.year) \(row.instrument) \(row.movement) \(slot)"
                var group = areaGroups[grid] ?? ([], false)
                if row.area == nationalArea { group.nationalShown = count != nil } else if count == nil { group.hidden.append(row.area) }
                areaGroups[grid] = group
            }
        }
        for (block, counts) in movers.sorted(by: { $0.key < $1.key }) where counts.count(where: { $0 == nil }) == 1 {
            out.append("\(block): one hidden count of movers")
        }
        for (grid, group) in areaGroups.sorted(by: { $0.key < $1.key }) where group.nationalShown && group.hidden.count == 1 {
            out.append("\(grid): \(group.hidden[0]) is the only hidden municipality beside a shown national count")
        }
        return out
    }
}
