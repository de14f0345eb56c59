/// The staircase's observed counts as a reader without access to persons
/// may see them (economics.md §1, key-figures.md v3): stocks, inflows and
/// transition counts of 1–4 withheld, then the breakdown rule within each
/// (area, year) vector — the steps of a year's stock add up to NT03's shown
/// denominator, a transition row to NT07's — and the area rule across the
/// municipalities and `national`, in rounds until nothing more is withheld.
/// nil is a withheld count.
public struct ShownFlows: Sendable, Hashable {
    /// Area → year index → step (index t − 1).
    public var stock: [String: [[Int?]]]
    public var inflow: [String: [[Int?]]]
    /// Area → year index → from step (s − 1) → to step (t, 0 = none).
    public var transitions: [String: [[[Int?]]]]

    /// Everything shown (for readers with access to the persons).
    public init(unsuppressed flows: StaircaseFlows) {
        stock = flows.areas.mapValues { $0.map { $0.stock.map(Optional.some) } }
        inflow = flows.areas.mapValues { $0.map { $0.inflow.map(Optional.some) } }
        transitions = flows.areas.mapValues { $0.map { $0.transitions.map { $0.map(Optional.some) } } }
    }

    /// With disclosure control; `shownInFull` areas (an analyst's own) stay whole and count as shown.
    public init(suppressing flows: StaircaseFlows, shownInFull: Set<String> = []) {
        let areas = flows.areas.keys.filter { $0 != nationalArea }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } + (flows.areas[nationalArea] == nil ? [] : [nationalArea])
        func suppress(_ vectors: (StaircaseFlows.Year) -> [[Int]]) -> [String: [[[Int?]]]] {
            // Cells in order: area, year, vector, element.
            var cells: [SecondarySuppression.Cell] = []
            var position: [String: Int] = [:]
            var shape: [Int] = []
            for area in areas {
                position[area] = cells.count
                for year in flows.areas[area]! {
                    let v = vectors(year)
                    if shape.isEmpty { shape = v.map(\.count) }
                    for n in v.joined() {
                        cells.append(.init(breakdownCount: n, personNumerator: n, personDenominator: nil,
                                           withheld: !shownInFull.contains(area) && DisclosureControl.isSmallCount(n), shownInFull: shownInFull.contains(area)))
                    }
                }
            }
            let perYear = shape.reduce(0, +), yearCount = flows.years.count
            var table = SecondarySuppression(cells: cells)
            for area in areas {
                for yi in 0..<yearCount {
                    var start = position[area]! + yi * perYear
                    for size in shape {
                        table.breakdownGroups.append(Array(start..<(start + size)))
                        start += size
                    }
                }
            }
            for offset in 0..<(yearCount * perYear) {
                table.areaGroups.append(.init(municipalities: areas.filter { $0 != nationalArea }.map { position[$0]! + offset }, national: position[nationalArea].map { $0 + offset }))
            }
            table.applyRounds()
            var out: [String: [[[Int?]]]] = [:]
            for area in areas {
                out[area] = (0..<yearCount).map { yi in
                    var start = position[area]! + yi * perYear
                    return shape.map { size in
                        defer { start += size }
                        return (start..<(start + size)).map { table.cells[$0].withheld && !table.cells[$0].shownInFull ? nil : table.cells[$0].breakdownCount }
                    }
                }
            }
            return out
        }
        stock = suppress { [$0.stock] }.mapValues { $0.map { $0[0] } }
        inflow = suppress { [$0.inflow] }.mapValues { $0.map { $0[0] } }
        transitions = suppress { $0.transitions }
    }
}
