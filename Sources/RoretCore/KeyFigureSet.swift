/// The computed key figures of one extract version (*nøgletalssæt*), in both
/// forms — unsuppressed and with disclosure control — indexed for page
/// rendering: lookups by (area, figure) never scan the whole output.
public struct KeyFigureSet: Sendable {
    /// Every row without disclosure control, in output order.
    public let unsuppressed: [KeyFigureRow]
    /// Every row with primary and secondary suppression, same order as `unsuppressed`.
    public let suppressed: [KeyFigureRow]
    /// Area codes in output order: municipalities by code, `national` last.
    public let areas: [String]
    /// Municipality code → name.
    public let municipalityNames: [String: String]
    /// The extract's period.
    public let years: ClosedRange<Int>
    /// Options the figures were computed with.
    public let options: KeyFigureOptions
    /// (area, figure) → indices into the row arrays, in output order.
    private let index: [AreaFigure: [Int]]

    private struct AreaFigure: Hashable {
        var area: String
        var figure: KeyFigure
    }

    /// Computes every figure for `data` and indexes the result.
    public init(data: RegisterData, options: KeyFigureOptions = KeyFigureOptions()) {
        let rows = KeyFigureEngine.compute(data, options: options)
        self.init(
            rows: rows,
            municipalities: data.municipalities,
            years: data.years,
            options: options
        )
    }

    /// Indexes rows in the engine's output order.
    public init(rows: [KeyFigureRow], municipalities: [Municipality], years: ClosedRange<Int>, options: KeyFigureOptions) {
        unsuppressed = rows
        suppressed = DisclosureControl.suppress(rows)
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


    /// The rows of one figure in one area for every year (and breakdown), in
    /// output order; suppressed unless `unsuppressed` is true.
    public func rows(area: String, figure: KeyFigure, unsuppressed: Bool) -> [KeyFigureRow] {
        guard let indices = index[AreaFigure(area: area, figure: figure)] else { return [] }
        let source = unsuppressed ? self.unsuppressed : suppressed
        return indices.map { source[$0] }
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
