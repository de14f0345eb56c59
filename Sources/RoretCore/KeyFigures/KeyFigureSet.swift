/// The computed key figures of one extract version (*nøgletalssæt*), in both
/// forms — unsuppressed and with disclosure control — indexed for page
/// rendering: lookups by (area, figure) never scan the whole output.
public struct KeyFigureSet: Sendable {
    /// Every row without disclosure control, in output order.
    public let unsuppressed: [KeyFigureRow]
    /// Every row with primary and secondary suppression, same order as `unsuppressed`.
    public private(set) var suppressed: [KeyFigureRow]
    /// Area codes in output order: municipalities by code, `national` last.
    public let areas: [String]
    /// Municipality code → name.
    public let municipalityNames: [String: String]
    /// The extract's period.
    public let years: ClosedRange<Int>
    /// Options the figures were computed with.
    public let options: KeyFigureOptions
    /// The citizens' change beside their staircase movements, unsuppressed and suppressed (same order).
    private var movementChange: (unsuppressed: [MovementChangeRow], suppressed: [MovementChangeRow])
    /// The staircase's stocks and flows (unsuppressed) for forecasts and budget potential.
    public let flows: StaircaseFlows
    /// (area, figure) → indices into the row arrays, in output order.
    private let index: [AreaFigure: [Int]]
    /// (area, year) → indices into the movement-change arrays.
    private let movementChangeIndex: [AreaYear: Range<Int>]

    private struct AreaYear: Hashable {
        var area: String
        var year: Int
    }

    private struct AreaFigure: Hashable {
        var area: String
        var figure: KeyFigure
    }

    /// Computes every figure for `data` and indexes the result.
    public init(data: RegisterData, options: KeyFigureOptions = KeyFigureOptions()) {
        let computed = KeyFigureEngine.computeAll(data, options: options)
        self.init(
            rows: computed.rows,
            movementChange: computed.movementChange,
            flows: computed.flows,
            municipalities: data.municipalities,
            years: data.years,
            options: options
        )
    }

    /// Indexes rows in the engine's output order.
    public init(
        rows: [KeyFigureRow], movementChange: [MovementChangeRow] = [], flows: StaircaseFlows = .none,
        municipalities: [Municipality], years: ClosedRange<Int>, options: KeyFigureOptions
    ) {
        unsuppressed = rows
        self.flows = flows
        suppressed = DisclosureControl.suppress(rows)
        self.movementChange = (movementChange, DisclosureControl.suppress(movementChange))
        var changeIndex: [AreaYear: Range<Int>] = [:]
        for (i, row) in movementChange.enumerated() {
            let key = AreaYear(area: row.area, year: row.year)
            changeIndex[key] = (changeIndex[key]?.lowerBound ?? i)..<(i + 1)
        }
        movementChangeIndex = changeIndex
        let codes = municipalities.map(\.code).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        areas = codes + [nationalArea]
        municipalityNames = Dictionary(uniqueKeysWithValues: municipalities.map { ($0.code, $0.name) })
        self.years = years
        self.options = options
        var index: [AreaFigure: [Int]] = [:]
        for (i, row) in rows.enumerated() {
            index[AreaFigure(area: row.area, figure: row.figure), default: []].append(i)
        }
        self.index = index
    }

    /// The same figures for a reader who sees `area` in full (a municipal
    /// analyst's own municipality): the suppressed form is recomputed with
    /// that area treated as shown, so the other areas' hidden cells cannot be
    /// worked out from it either (key-figures.md v3, docs/definitions.md).
    public func showingInFull(_ area: String) -> KeyFigureSet {
        var copy = self
        copy.suppressed = DisclosureControl.suppress(unsuppressed, shownInFull: [area])
        copy.movementChange.suppressed = DisclosureControl.suppress(movementChange.unsuppressed, shownInFull: [area])
        return copy
    }

    /// The rows of one figure in one area for every year (and breakdown), in
    /// output order; suppressed unless `unsuppressed` is true.
    public func rows(area: String, figure: KeyFigure, unsuppressed: Bool) -> [KeyFigureRow] {
        guard let indices = index[AreaFigure(area: area, figure: figure)] else { return [] }
        let source = unsuppressed ? self.unsuppressed : suppressed
        return indices.map { source[$0] }
    }

    /// The change-beside-movement rows of one area and year (both
    /// instruments, movements in order); suppressed unless `unsuppressed`.
    /// Empty when the extract has no measurements or NT07 lacks the year.
    public func movementChange(area: String, year: Int, unsuppressed: Bool) -> [MovementChangeRow] {
        guard let range = movementChangeIndex[AreaYear(area: area, year: year)] else { return [] }
        return Array((unsuppressed ? movementChange.unsuppressed : movementChange.suppressed)[range])
    }

    /// Every change-beside-movement row, suppressed unless `unsuppressed`.
    public func movementChangeRows(unsuppressed: Bool) -> [MovementChangeRow] {
        unsuppressed ? movementChange.unsuppressed : movementChange.suppressed
    }

    /// Years the figure is computed for in this extract.
    public func computedYears(of figure: KeyFigure) -> [Int] {
        years.filter { KeyFigureEngine.isComputed(figure, year: $0, period: years) }
    }

    /// A display name: the municipality's name, or *Hele landet* for `national`.
    public func areaName(_ area: String) -> String {
        area == nationalArea ? "Hele landet" : municipalityNames[area] ?? area
    }
}
