import RoretCore
import Vapor

/// A theme page (*tema*): employment & psychiatry, expenditure, the
/// citizen-reported figures, or the activity figures — each figure with its
/// latest value beside the country and a small trend.
struct ThemePage: Encodable {
    struct Line: Encodable {
        var label: String
        var value: String
        var national: String
        var suppressed: Bool
    }

    struct Card: Encodable {
        var code: String
        var title: String
        var definition: String
        var year: String
        var lines: [Line]
        var trend: String
        var href: String
        var downloadHref: String
        var excelHref: String
        var available: Bool
    }

    var picker: AreaPicker
    var title: String
    var areaName: String
    var cards: [Card]
    var anySuppressed: Bool
    var note: String?

    init(_ req: Request, _ access: FigureAccess, theme: KeyFigureTheme) {
        let allYears = Array(access.figures.years)
        let asked = req.pageQuery.int("aar")
        picker = AreaPicker(req, access, years: allYears, selectedYear: asked ?? allYears.last)
        title = theme.danishTitle
        areaName = access.figures.areaName(access.area)
        var suppressedSeen = false
        var cards: [Card] = []
        for figure in theme.figures {
            let years = access.figures.computedYears(of: figure)
            let year = years.contains(asked ?? -1) ? asked : years.last
            var lines: [Line] = []
            if let year {
                for breakdown in figure.breakdowns {
                    let row = access.row(figure, year: year, breakdown: breakdown)
                    if row?.suppressed == true { suppressedSeen = true }
                    lines.append(Line(
                        label: figure.danishBreakdown(breakdown),
                        value: row.map(DanishFormat.value) ?? DanishFormat.none,
                        national: access.row(figure, area: nationalArea, year: year, breakdown: breakdown).map(DanishFormat.value) ?? DanishFormat.none,
                        suppressed: row?.suppressed ?? false
                    ))
                }
            }
            let breakdown = figure.breakdowns[figure == .nt17 ? 2 : 0]
            func points(_ area: String) -> [(year: Int, value: Double?)] {
                access.rows(figure, area: area).filter { $0.breakdown == breakdown }.map { ($0.year, $0.value) }
            }
            var series = [TrendChart.Series(name: areaName, cssClass: "area", points: points(access.area))]
            if access.area != nationalArea { series.append(.init(name: "Hele landet", cssClass: "national", points: points(nationalArea))) }
            cards.append(Card(
                code: figure.code, title: figure.danishTitle, definition: figure.danishDefinition,
                year: year.map(String.init) ?? "",
                lines: lines,
                trend: TrendChart(title: "\(figure.danishTitle) — \(figure.danishBreakdown(breakdown)): udvikling", series: series, kind: figure.valueKind, compact: true).svg(),
                href: QueryLink.current(req, path: "/noegletal/\(figure.code)", setting: ["aar": year.map(String.init)]),
                downloadHref: QueryLink.build("/hent/\(figure.code).csv", access.unsuppressedRequested ? ["visning": "fuld"] : [:]),
                excelHref: QueryLink.build("/hent/\(figure.code).xlsx", access.unsuppressedRequested ? ["visning": "fuld"] : [:]),
                available: year != nil
            ))
        }
        self.cards = cards
        anySuppressed = suppressedSeen
        switch theme {
        case .citizenReported:
            note = "Borgernes egne svar på WHO-5 (trivsel) og Brief INSPIRE-O (personlig recovery). Befolkningens gennemsnit på WHO-5 er 68. Tærskel for forbedret/forværret: ±\(access.figures.options.who5ChangeThreshold) point (WHO-5) og ±\(access.figures.options.inspireChangeThreshold) point (Brief INSPIRE-O). En enkelt måling er usikker; se på udviklingen over tid."
        case .expenditure:
            note = "Kommunens nettodriftsudgifter efter paragraf, fordelt på trappens trin."
        default:
            note = nil
        }
    }
}
