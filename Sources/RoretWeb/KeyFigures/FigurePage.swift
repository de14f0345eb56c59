import RoretCore
import Vapor

/// *Nøgletal*: one figure — its definition in plain Danish, its trend for the
/// area against the country, and a sortable table of every area.
struct FigurePage: Encodable {

    struct TableRow: Encodable {
        /// The area code (`national` included), for sorting.
        var key: String
        var area: String
        var name: String
        var numerator: String
        var denominator: String
        var value: String
        var suppressed: Bool
        var highlighted: Bool
        var href: String
    }

    struct SortLink: Encodable {
        var label: String
        var href: String
        var marker: String
    }

    var picker: AreaPicker
    var code: String
    var title: String
    var definition: String
    var breakdowns: [Choice]
    var hasBreakdowns: Bool
    /// The chosen breakdown in Danish; nil for a figure without breakdowns.
    var breakdownLabel: String?
    var year: Int
    var areaName: String
    var trend: String
    var columns: [SortLink]
    var numeratorLabel: String
    var denominatorLabel: String
    var rows: [TableRow]
    var anySuppressed: Bool
    var notComputed: Bool
    var note: String?
    var downloadHref: String
    var excelHref: String
    var themeTitle: String
    var themeHref: String

    init(_ req: Request, _ access: FigureAccess, figure: KeyFigure) {
        let years = access.figures.computedYears(of: figure)
        let year = access.year(for: figure, req) ?? access.figures.years.upperBound
        picker = AreaPicker(req, access, years: years, selectedYear: year, keep: ["brud", "sorter", "retning"])
        code = figure.code
        title = figure.danishTitle
        definition = figure.danishDefinition
        let asked = req.pageQuery["brud"]
        let breakdown = figure.breakdowns.contains(asked ?? "\u{0}") ? asked! : figure.breakdowns[0]
        breakdowns = figure.breakdowns.count > 1
            ? figure.breakdowns.map { Choice(value: $0, label: figure.danishBreakdown($0), selected: $0 == breakdown) } : []
        hasBreakdowns = figure.breakdowns.count > 1
        breakdownLabel = hasBreakdowns ? figure.danishBreakdown(breakdown) : nil
        self.year = year
        areaName = access.figures.areaName(access.area)
        notComputed = years.isEmpty
        themeTitle = figure.theme.danishTitle
        themeHref = QueryLink.current(req, path: figure.theme == .movements ? "/bevaegelser" : "/tema/\(figure.theme.rawValue)", setting: ["brud": nil, "sorter": nil, "retning": nil])

        func points(_ area: String) -> [(year: Int, value: Double?)] {
            access.rows(figure, area: area).filter { $0.breakdown == breakdown }.map { ($0.year, $0.value) }
        }
        var series = [TrendChart.Series(name: areaName, cssClass: "area", points: points(access.area))]
        if access.area != nationalArea {
            series.append(TrendChart.Series(name: "Hele landet", cssClass: "national", points: points(nationalArea)))
        }
        trend = TrendChart(title: "\(figure.danishTitle): \(areaName) og hele landet", series: series, kind: figure.valueKind).svg()

        var table: [TableRow] = []
        var suppressedSeen = false
        for area in access.figures.areas {
            guard let row = access.row(figure, area: area, year: year, breakdown: breakdown) else { continue }
            if row.suppressed { suppressedSeen = true }
            table.append(TableRow(
                key: area, area: area == nationalArea ? "" : area, name: access.figures.areaName(area),
                numerator: DanishFormat.quantity(row.numerator, suppressed: row.suppressed),
                denominator: DanishFormat.quantity(row.denominator, suppressed: row.suppressed),
                value: DanishFormat.value(row), suppressed: row.suppressed,
                highlighted: area == access.area,
                href: QueryLink.current(req, setting: ["omraade": area])
            ))
        }
        let sortKey = req.pageQuery["sorter"] ?? "omraade"
        let descending = req.pageQuery["retning"] == "ned"
        let values = Dictionary(uniqueKeysWithValues: access.figures.areas.map { area in
            (area, access.row(figure, area: area, year: year, breakdown: breakdown)?.value)
        })
        table.sort { a, b in
            let ordered: Bool
            switch sortKey {
            case "navn": ordered = a.name.localizedCompare(b.name) == .orderedAscending
            case "vaerdi":
                // Suppressed and missing values sort last either way.
                let va = values[a.key] ?? nil, vb = values[b.key] ?? nil
                switch (va, vb) {
                case let (x?, y?): return descending ? x > y : x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return a.name < b.name
                }
            default: ordered = (a.area.isEmpty ? "999" : a.area) < (b.area.isEmpty ? "999" : b.area)
            }
            return descending ? !ordered : ordered
        }
        rows = table
        anySuppressed = suppressedSeen
        columns = [("omraade", "Kode"), ("navn", "Område"), ("vaerdi", "Værdi")].map { key, label in
            let active = sortKey == key
            let nextDirection = active && !descending ? "ned" : "op"
            return SortLink(label: label, href: QueryLink.current(req, setting: ["sorter": key, "retning": nextDirection]), marker: active ? (descending ? "▼" : "▲") : "")
        }
        switch figure {
        case .nt18: note = "Forbedret/forværret: mindst ±\(access.figures.options.who5ChangeThreshold) point fra første måling."
        case .nt20: note = "Forbedret/forværret: mindst ±\(access.figures.options.inspireChangeThreshold) point fra første måling (et dansk valideringsstudie foreslår 8 point; på instrumentets 5-points-skala udvælger det de samme borgere)."
        case .nt14: note = "Udgifter tæller ikke personer og diskretioneres ikke."
        default: note = nil
        }
        numeratorLabel = figure.danishNumeratorLabel
        denominatorLabel = figure.danishDenominatorLabel
        downloadHref = QueryLink.current(req, path: "/hent/\(figure.code).csv", setting: ["brud": nil, "sorter": nil, "retning": nil, "aar": nil, "omraade": nil])
        excelHref = downloadHref.replacingOccurrences(of: ".csv", with: ".xlsx")
    }
}
