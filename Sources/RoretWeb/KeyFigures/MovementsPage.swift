import RoretCore
import Vapor

/// *Bevægelser*: NT06 as a flow picture from each step, NT07 as a matrix,
/// NT08 (returns within 12 months), and the citizens' own change beside
/// their movement.
struct MovementsPage: Encodable {
    struct MatrixCell: Encodable {
        var text: String
        var count: String
        var shade: String
        var suppressed: Bool
    }

    struct MatrixRow: Encodable {
        var from: String
        var cohort: String
        var cells: [MatrixCell]
    }

    struct Summary: Encodable {
        var title: String
        var value: String
        var national: String
        var href: String
    }

    var picker: AreaPicker
    var areaName: String
    var year: Int
    var yearBefore: Int
    var twoYearsBefore: Int
    var flow: String
    var flowAvailable: Bool
    var matrixHeaders: [String]
    var matrix: [MatrixRow]
    var matrixAvailable: Bool
    var returns: Summary?
    /// The citizens' own change beside their movement; nil without measurements.
    var change: MovementChangeSection?
    var anySuppressed: Bool
    var nt06Href: String
    var nt07Href: String
    var nt06Download: String
    var nt07Download: String

    init(_ req: Request, _ access: FigureAccess) {
        let years = access.figures.computedYears(of: .nt07)
        let year = access.year(for: .nt07, req) ?? access.figures.years.upperBound
        picker = AreaPicker(req, access, years: years, selectedYear: year)
        areaName = access.figures.areaName(access.area)
        self.year = year
        yearBefore = year - 1
        twoYearsBefore = year - 2
        var suppressedSeen = false

        let outcomes: [(key: String, label: String, css: String)] = [
            ("lower", "Lavere trin", "lower"), ("same", "Samme trin", "same"),
            ("higher", "Højere trin", "higher"), ("none", "Ude af trappen", "none"),
        ]
        let nt06Year = access.figures.computedYears(of: .nt06).contains(year) ? year : nil
        flowAvailable = nt06Year != nil
        var bars: [FlowChart.Bar] = []
        if let nt06Year {
            for from in ["1", "2", "3", "4", "5", "all"] {
                let rows = outcomes.map { access.row(.nt06, year: nt06Year, breakdown: "from=\(from);to=\($0.key)") }
                let cohortRow = rows.compactMap { $0 }.first { !$0.suppressed }
                if rows.contains(where: { $0?.suppressed == true }) { suppressedSeen = true }
                bars.append(FlowChart.Bar(
                    label: from == "all" ? "Alle trin" : "Trin \(from) · \(Staircase.shortName(ofStep: Int(from)!))",
                    cohort: cohortRow.map { DanishFormat.quantity($0.denominator, suppressed: false) } ?? DanishFormat.suppressed,
                    segments: zip(outcomes, rows).map { outcome, row in
                        FlowChart.Segment(
                            label: outcome.label, cssClass: outcome.css,
                            share: row?.suppressed == true ? nil : (row?.value ?? 0),
                            text: row.map(DanishFormat.value) ?? DanishFormat.none
                        )
                    }
                ))
            }
        }
        flow = FlowChart(title: "Hvor er borgerne på hvert trin ved udgangen af \(year - 2) to år efter (\(year))?", bars: bars).svg()

        matrixHeaders = (0...Staircase.topStep).map { $0 == 0 ? "Ude (0)" : "Trin \($0)" }
        var matrix: [MatrixRow] = []
        matrixAvailable = access.figures.computedYears(of: .nt07).contains(year)
        if matrixAvailable {
            for from in 1...Staircase.topStep {
                let rows = (0...Staircase.topStep).map { access.row(.nt07, year: year, breakdown: "from=\(from);to=\($0)") }
                let cohort = rows.compactMap { $0 }.first { !$0.suppressed }
                matrix.append(MatrixRow(
                    from: "Trin \(from) (\(Staircase.shortName(ofStep: from)))",
                    cohort: cohort.map { DanishFormat.quantity($0.denominator, suppressed: false) } ?? DanishFormat.suppressed,
                    cells: rows.map { row in
                        let suppressed = row?.suppressed ?? false
                        if suppressed { suppressedSeen = true }
                        let share = row?.value ?? 0
                        return MatrixCell(
                            text: row.map(DanishFormat.value) ?? DanishFormat.none,
                            count: DanishFormat.quantity(row?.numerator, suppressed: suppressed),
                            shade: suppressed ? "hs" : "h\(min(5, Int((share * 5).rounded(.up))))",
                            suppressed: suppressed
                        )
                    }
                ))
            }
        }
        self.matrix = matrix
        if let y = access.figures.computedYears(of: .nt08).last(where: { $0 <= year }), let row = access.row(.nt08, year: y) {
            if row.suppressed { suppressedSeen = true }
            returns = Summary(
                title: "\(KeyFigure.nt08.danishTitle) (\(y))", value: DanishFormat.value(row),
                national: access.row(.nt08, area: nationalArea, year: y).map(DanishFormat.value) ?? DanishFormat.none,
                href: QueryLink.current(req, path: "/noegletal/NT08", setting: [:])
            )
        }
        change = MovementChangeSection(req, access, year: year)
        anySuppressed = suppressedSeen || change?.anySuppressed == true
        nt06Href = QueryLink.current(req, path: "/noegletal/NT06", setting: [:])
        nt07Href = QueryLink.current(req, path: "/noegletal/NT07", setting: [:])
        nt06Download = QueryLink.build("/hent/NT06.csv", access.unsuppressedRequested ? ["visning": "fuld"] : [:])
        nt07Download = QueryLink.build("/hent/NT07.csv", access.unsuppressedRequested ? ["visning": "fuld"] : [:])
    }
}
