import RoretCore
import Vapor

/// *Nøgletal*: the index of the 20 key figures and the companion figure Q01,
/// grouped by theme, each with its definition and the area's latest value.
struct FigureIndexPage: Encodable {
    struct Entry: Encodable {
        var code: String
        var title: String
        var definition: String
        var href: String
        var latest: String
    }

    struct Group: Encodable {
        var title: String
        var href: String
        var entries: [Entry]
    }

    var areaName: String
    var groups: [Group]
    var anySuppressed: Bool

    init(_ req: Request, _ access: FigureAccess) {
        areaName = access.figures.areaName(access.area)
        var suppressedSeen = false
        groups = KeyFigureTheme.allCases.map { theme in
            Group(
                title: theme.danishTitle, href: theme == .movements ? "/bevaegelser" : "/tema/\(theme.rawValue)",
                entries: theme.figures.map { figure in
                    var latest = "ikke beregnet for udtrækket"
                    if let year = access.figures.computedYears(of: figure).last {
                        let breakdown = figure.breakdowns[0]
                        if let row = access.row(figure, year: year, breakdown: breakdown) {
                            if row.suppressed { suppressedSeen = true }
                            let label = breakdown.isEmpty ? "" : " (\(figure.danishBreakdown(breakdown)))"
                            latest = "\(year)\(label): \(DanishFormat.value(row))"
                        }
                    }
                    return Entry(code: figure.code, title: figure.danishTitle, definition: figure.danishDefinition,
                                 href: QueryLink.current(req, path: "/noegletal/\(figure.code)", setting: [:]), latest: latest)
                }
            )
        }
        anySuppressed = suppressedSeen
    }
}
