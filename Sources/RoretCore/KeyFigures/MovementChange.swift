/// Where a person is on the staircase at year end y compared with year end
/// y−1 (*bevægelse på trappen*); NT06's outcome names.
public enum StepMovement: Int, CaseIterable, Sendable {
    /// 1 ≤ step(y) < step(y−1): less intensive support.
    case lower
    case same
    /// step(y) > step(y−1): more intensive support.
    case higher
    /// step(y) = 0: out of the staircase.
    case none

    /// The movement from step `from` (≥ 1) to step `to` (0…5).
    public init(from: Int, to: Int) {
        if to == 0 { self = .none } else if to < from { self = .lower } else if to == from { self = .same } else { self = .higher }
    }

    /// Danish label for the interface.
    public var danishTitle: String {
        switch self {
        case .lower: "Lavere trin"
        case .same: "Samme trin"
        case .higher: "Højere trin"
        case .none: "Ude af trappen"
        }
    }

    /// The CSV value, as NT06's `to=`.
    public var breakdownValue: String {
        switch self {
        case .lower: "lower"
        case .same: "same"
        case .higher: "higher"
        case .none: "none"
        }
    }
}

/// The citizens' own change beside their staircase movement (*borgernes egne
/// svar ved bevægelser*): for one area, year y, instrument and movement
/// between year end y−1 and y, how many of the movers improved, were
/// unchanged or worsened since their first measurement. Not one of the 20
/// key figures; built from NT07's cohort and NT18/NT20's change
/// (docs/definitions.md, "Change beside movements").
public struct MovementChangeRow: Hashable, Sendable {
    /// Municipality code (the person's area at year end y−1), or `national`.
    public var area: String
    public var year: Int
    public var instrument: Instrument
    public var movement: StepMovement
    /// Persons with step ≥ 1 and this area at year end y−1 who made this movement by year end y.
    public var movers: Int?
    /// Of the movers, those whose latest complete measurement in y is at least 90 days after their baseline.
    public var measured: Int?
    /// Of the measured, per `ScoreChange.rawValue`: improved, unchanged, worsened.
    public var changes: [Int?]
    /// Something in the row is withheld by disclosure control.
    public var suppressed: Bool

    public init(area: String, year: Int, instrument: Instrument, movement: StepMovement, movers: Int?, measured: Int?, changes: [Int?], suppressed: Bool = false) {
        self.area = area
        self.year = year
        self.instrument = instrument
        self.movement = movement
        self.movers = movers
        self.measured = measured
        self.changes = changes
        self.suppressed = suppressed
    }

    /// The number of measured persons with `change`; nil when withheld.
    public func count(_ change: ScoreChange) -> Int? { changes[change.rawValue] }

    /// The share of the measured with `change`; nil when withheld or nobody was measured.
    public func share(_ change: ScoreChange) -> Double? {
        guard let n = count(change), let d = measured, d > 0 else { return nil }
        return Double(n) / Double(d)
    }
}

extension DisclosureControl {
    /// Suppresses change-beside-movement rows by key-figures.md's rules, each
    /// count a cell: a count of 1–4 persons is withheld; the movers of one
    /// (area, year, instrument) partition NT07's cohort and each row's three
    /// changes partition its measured persons (breakdown rule); every count of
    /// a municipality is covered by the same count of `national` (area rule);
    /// a withheld `measured` withholds its changes. The rules run in rounds
    /// as for the figures. Rows of `shownInFull` areas stay unsuppressed.
    public static func suppress(_ rows: [MovementChangeRow], shownInFull: Set<String> = []) -> [MovementChangeRow] {
        let slots = 2 + ScoreChange.allCases.count
        func cell(_ row: Int, _ slot: Int) -> Int { row * slots + slot }
        var cells: [SecondarySuppression.Cell] = []
        cells.reserveCapacity(rows.count * slots)
        for row in rows {
            let full = shownInFull.contains(row.area)
            for count in [row.movers, row.measured] + row.changes {
                let n = count ?? 0
                cells.append(.init(breakdownCount: n, personNumerator: n, personDenominator: nil, withheld: !full && isSmallCount(n), shownInFull: full))
            }
        }
        var table = SecondarySuppression(cells: cells)
        var start = 0
        while start < rows.count {
            var end = start + 1
            while end < rows.count, rows[end].area == rows[start].area, rows[end].year == rows[start].year, rows[end].instrument == rows[start].instrument {
                end += 1
            }
            table.breakdownGroups.append((start..<end).map { cell($0, 0) })
            start = end
        }
        var areaIndex: [MovementChangeCellKey: Int] = [:]
        for (r, row) in rows.enumerated() {
            let changes = (2..<slots).map { cell(r, $0) }
            table.breakdownGroups.append(changes)
            table.totalsWithParts.append(.init(total: cell(r, 1), parts: changes))
            for slot in 0..<slots {
                let key = MovementChangeCellKey(year: row.year, instrument: row.instrument, movement: row.movement, slot: slot)
                let g = areaIndex[key] ?? {
                    table.areaGroups.append(.init(municipalities: [], national: nil))
                    areaIndex[key] = table.areaGroups.count - 1
                    return table.areaGroups.count - 1
                }()
                if row.area == nationalArea { table.areaGroups[g].national = cell(r, slot) } else { table.areaGroups[g].municipalities.append(cell(r, slot)) }
            }
        }
        for g in table.areaGroups.indices {
            table.areaGroups[g].municipalities.sort { rows[$0 / slots].area.utf8.lexicographicallyPrecedes(rows[$1 / slots].area.utf8) }
        }
        table.applyRounds()
        var out = rows
        for r in out.indices {
            if table.cells[cell(r, 0)].withheld { out[r].movers = nil }
            if table.cells[cell(r, 1)].withheld { out[r].measured = nil }
            for c in out[r].changes.indices where table.cells[cell(r, 2 + c)].withheld { out[r].changes[c] = nil }
            out[r].suppressed = out[r].movers == nil || out[r].measured == nil || out[r].changes.contains(nil)
        }
        return out
    }
}

/// One count of the change beside movements across areas: the area rule's group.
private struct MovementChangeCellKey: Hashable {
    var year: Int
    var instrument: Instrument
    var movement: StepMovement
    var slot: Int
}

extension RowBuilder {
    /// Change-beside-movement rows for every area, year with NT07, instrument
    /// and movement, in that order (areas as the key figures); empty without measurements.
    func movementChangeRows() -> [MovementChangeRow] {
        guard data.measurements != nil else { return [] }
        var rows: [MovementChangeRow] = []
        let areas = data.municipalities.map(\.code) + [nationalArea]
        for (area, code) in areas.enumerated() {
            for year in data.years where KeyFigureEngine.isComputed(.nt07, year: year, period: data.years) {
                let yi = year - data.firstYear
                var movers = Array(repeating: 0, count: StepMovement.allCases.count)
                for from in 1...Staircase.topStep {
                    for to in 0...Staircase.topStep {
                        movers[StepMovement(from: from, to: to).rawValue] += tally.get(Slot.transition(from: from, to: to), area: area, year: yi)
                    }
                }
                for instrument in Instrument.allCases {
                    for movement in StepMovement.allCases {
                        rows.append(MovementChangeRow(
                            area: code, year: year, instrument: instrument, movement: movement,
                            movers: movers[movement.rawValue],
                            measured: tally.get(Slot.movementChangeMeasured(instrument, movement), area: area, year: yi),
                            changes: ScoreChange.allCases.map { tally.get(Slot.movementChange(instrument, movement, $0), area: area, year: yi) }
                        ))
                    }
                }
            }
        }
        return rows
    }
}
