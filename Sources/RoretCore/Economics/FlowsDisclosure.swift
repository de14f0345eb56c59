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

/// Which of a forecast's numbers that come from register counts a reader
/// may see, given the counts they see (`ShownFlows`). Projections and ranges
/// are model output and always shown; but a unit cost is the step's
/// expenditure (NT14, shown) divided by its year-end stock, so it — and the
/// cost projected with it — would give back a withheld stock; a matrix row's
/// share from the country is α / (n + α) and would give back a withheld
/// window count, and with it the row's transition counts; a backtest error
/// is measured against the observed stock (docs/definitions.md 90).
public struct ForecastVisibility: Sendable, Hashable {
    /// Per step: the unit cost and the costs projected with it.
    public var unitCost: [Bool]
    /// Per step: the transition probabilities and the country's share.
    public var matrixRow: [Bool]
    /// Per step: the persons behind the matrix row over the window, when every count in it is shown.
    public var windowCount: [Int?]
    /// Per step: the mean inflow Ī, when every year behind it is shown.
    public var meanInflow: [Bool]
    /// Per backtest and step: the error; and per backtest the mean (shown only when every step's is).
    public var backtestError: [[Bool]]
    public var backtestMean: [Bool]

    /// The projected total cost per year is shown only when every step's cost is.
    public var costTotal: Bool { unitCost.allSatisfy { $0 } }

    /// Everything shown (a reader who may see the persons).
    public static func all(_ f: Forecast) -> ForecastVisibility {
        ForecastVisibility(unitCost: Array(repeating: true, count: 5), matrixRow: Array(repeating: true, count: 5), windowCount: f.rowCounts.map(Optional.some),
                           meanInflow: Array(repeating: true, count: 5), backtestError: f.backtests.map { _ in Array(repeating: true, count: 5) },
                           backtestMean: f.backtests.map { _ in true })
    }

    public init(unitCost: [Bool], matrixRow: [Bool], windowCount: [Int?], meanInflow: [Bool], backtestError: [[Bool]], backtestMean: [Bool]) {
        self.unitCost = unitCost
        self.matrixRow = matrixRow
        self.windowCount = windowCount
        self.meanInflow = meanInflow
        self.backtestError = backtestError
        self.backtestMean = backtestMean
    }

    /// For a reader who sees `shown` of the flows behind `f`.
    public init(_ f: Forecast, shown: ShownFlows, years: ClosedRange<Int>) {
        func yi(_ y: Int) -> Int { y - years.lowerBound }
        let stock = shown.stock[f.area] ?? [], inflow = shown.inflow[f.area] ?? [], transitions = shown.transitions[f.area] ?? []
        let baseStock: [Int?] = stock.indices.contains(yi(f.baseYear)) ? stock[yi(f.baseYear)] : Array(repeating: nil, count: 5)
        unitCost = (0..<5).map { f.unitCostEntered[$0] || baseStock[$0] != nil }
        windowCount = (0..<5).map { s in
            var total = 0
            for y in f.windowYears {
                guard transitions.indices.contains(yi(y)) else { return nil }
                let row = transitions[yi(y)][s]
                if row.contains(where: { $0 == nil }) { return nil }
                total += row.compactMap { $0 }.reduce(0, +)
            }
            return total
        }
        matrixRow = windowCount.map { $0 != nil }
        meanInflow = (0..<5).map { t in f.windowYears.allSatisfy { inflow.indices.contains(yi($0)) && inflow[yi($0)][t] != nil } }
        backtestError = f.backtests.map { _ in baseStock.map { $0 != nil } }
        backtestMean = backtestError.map { $0.allSatisfy { $0 } }
    }
}
