import RoretCore
import Vapor

/// *Oversigt*: the staircase with recipients per step and per 10,000 adults
/// this year, the change from last year, and the area beside the country.
struct OverviewPage: Encodable {
    struct StepRow: Encodable {
        var step: Int
        var name: String
        var recipients: String
        var rate: String
        var lastYearRate: String
        var change: String
        var nationalRate: String
        var suppressed: Bool
    }

    struct Card: Encodable {
        var code: String
        var title: String
        var value: String
        var national: String
        var change: String
        var href: String
        var suppressed: Bool
        /// The figure is computed for the page's year.
        var available: Bool
    }

    var picker: AreaPicker
    var areaName: String
    var year: Int
    var staircase: String
    var steps: [StepRow]
    var cards: [Card]
    var anySuppressed: Bool
    var downloadHref: String
    var excelHref: String
    var changeHeading: String

    init(_ req: Request, _ access: FigureAccess) {
        let years = access.figures.computedYears(of: .nt01)
        let year = access.year(for: .nt01, req) ?? access.figures.years.upperBound
        picker = AreaPicker(req, access, years: years, selectedYear: year)
        areaName = access.figures.areaName(access.area)
        self.year = year
        var suppressedSeen = false
        var rows: [StepRow] = []
        var bars: [StaircaseChart.Step] = []
        for step in 1...Staircase.topStep {
            let breakdown = "step=\(step)"
            let now = access.row(.nt01, year: year, breakdown: breakdown)
            let before = access.row(.nt01, year: year - 1, breakdown: breakdown)
            let national = access.row(.nt01, area: nationalArea, year: year, breakdown: breakdown)
            let change: String
            if let v = now?.value, let b = before?.value { change = DanishFormat.change(v - b, kind: .per10000Adults) } else { change = DanishFormat.none }
            if now?.suppressed == true { suppressedSeen = true }
            rows.append(StepRow(
                step: step, name: Staircase.name(ofStep: step),
                recipients: DanishFormat.quantity(now?.numerator, suppressed: now?.suppressed ?? false),
                rate: now.map(DanishFormat.value) ?? DanishFormat.none,
                lastYearRate: before.map(DanishFormat.value) ?? DanishFormat.none,
                change: change,
                nationalRate: national.map(DanishFormat.value) ?? DanishFormat.none,
                suppressed: now?.suppressed ?? false
            ))
            bars.append(.init(step: step, name: Staircase.shortName(ofStep: step), rate: now?.value, rateText: rows[step - 1].rate,
                              recipients: rows[step - 1].recipients, nationalRate: national?.value, nationalRateText: rows[step - 1].nationalRate))
        }
        steps = rows
        staircase = StaircaseChart(
            steps: bars,
            areaName: areaName
        ).svg()
        var cards: [Card] = []
        for figure in [KeyFigure.nt02, .nt03, .nt04, .nt05, .nt09, .nt13] {
            // A figure that needs the year before (NT04, NT05) or after (NT13) is not shown for another year.
            guard access.figures.computedYears(of: figure).contains(year), let row = access.row(figure, year: year) else {
                cards.append(Card(code: figure.code, title: figure.danishTitle, value: "ikke tilgængelig", national: "",
                                  change: Self.unavailableReason(figure, year: year), href: QueryLink.current(req, path: "/noegletal/\(figure.code)", setting: ["aar": nil]),
                                  suppressed: false, available: false))
                continue
            }
            let y = year
            let national = access.row(figure, area: nationalArea, year: y)
            let before = access.row(figure, year: y - 1)
            var change = DanishFormat.none
            if let v = row.value, let b = before?.value { change = DanishFormat.change(v - b, kind: figure.valueKind) + " fra \(y - 1)" }
            if row.suppressed { suppressedSeen = true }
            cards.append(Card(
                code: figure.code, title: figure.danishTitle,
                value: DanishFormat.value(row), national: "Hele landet: " + (national.map(DanishFormat.value) ?? DanishFormat.none),
                change: change, href: QueryLink.current(req, path: "/noegletal/\(figure.code)", setting: ["aar": String(y)]),
                suppressed: row.suppressed, available: true
            ))
        }
        self.cards = cards
        anySuppressed = suppressedSeen
        downloadHref = QueryLink.current(req, path: "/hent/oversigt.csv", setting: [:])
        excelHref = downloadHref.replacingOccurrences(of: ".csv", with: ".xlsx")
        changeHeading = "Ændring fra \(year - 1)"
    }

    /// Why a figure has no value for `year`, in plain Danish.
    static func unavailableReason(_ figure: KeyFigure, year: Int) -> String {
        if figure.yearsNeeded.lowerBound < 0 { return "Kræver tal for \(year + figure.yearsNeeded.lowerBound), som udtrækket ikke har." }
        if figure.yearsNeeded.upperBound > 0 { return "Kræver tal for \(year + figure.yearsNeeded.upperBound), som udtrækket ikke har endnu." }
        return "Udtrækket har ikke tallene."
    }
}
