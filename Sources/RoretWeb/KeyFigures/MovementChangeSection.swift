import RoretCore
import Vapor

/// The section of *Bevægelser* that puts the citizens' own change beside
/// their staircase movement (*borgernes egne svar ved bevægelser*): per
/// instrument a bar per movement split into improved, unchanged and worsened,
/// and the table of counts behind it.
struct MovementChangeSection: Encodable {
    struct Group: Encodable {
        var movement: String
        var movers: String
        var measured: String
        /// Improved, unchanged, worsened: share and count.
        var changes: [Cell]
    }

    struct Cell: Encodable {
        var share: String
        var count: String
    }

    /// One instrument's chart and table.
    struct InstrumentPart: Encodable {
        var title: String
        var threshold: Int
        var chart: String
        var groups: [Group]
    }

    var instruments: [InstrumentPart]
    var anySuppressed: Bool
    var download: String

    /// nil when the extract has no measurements or the year has no NT07.
    init?(_ req: Request, _ access: FigureAccess, year: Int) {
        let rows = access.movementChange(areas: [access.area], year: year)
        guard !rows.isEmpty else { return nil }
        anySuppressed = rows.contains { $0.suppressed }
        let options = access.figures.options
        instruments = Instrument.allCases.map { instrument in
            let own = rows.filter { $0.instrument == instrument }
            let threshold = options.changeThreshold(instrument)
            let bars = own.map { row in
                FlowChart.Bar(
                    label: row.movement.danishTitle,
                    cohort: "\(Self.count(row.measured)) af \(Self.count(row.movers))",
                    segments: ScoreChange.allCases.map { change in
                        FlowChart.Segment(
                            label: change.danishTitle, cssClass: change.breakdownValue,
                            share: row.count(change) == nil ? nil : (row.share(change) ?? 0),
                            text: Self.share(row, change)
                        )
                    }
                )
            }
            let title = "\(instrument.danishName) fra første måling til seneste måling i \(year), efter bevægelse fra \(year - 1) til \(year)"
            return InstrumentPart(
                title: instrument.danishName, threshold: threshold,
                chart: FlowChart(title: title, bars: bars).svg(),
                groups: own.map { row in
                    Group(
                        movement: row.movement.danishTitle, movers: Self.count(row.movers), measured: Self.count(row.measured),
                        changes: ScoreChange.allCases.map { Cell(share: Self.share(row, $0), count: Self.count(row.count($0))) }
                    )
                }
            )
        }
        download = QueryLink.build("/hent/bevaegelser-svar.csv", ["aar": String(year)].merging(access.unsuppressedRequested ? ["visning": "fuld"] : [:]) { $1 })
    }

    private static func count(_ n: Int?) -> String { n.map(DanishFormat.integer) ?? DanishFormat.suppressed }

    private static func share(_ row: MovementChangeRow, _ change: ScoreChange) -> String {
        guard row.count(change) != nil else { return DanishFormat.suppressed }
        return row.share(change).map { DanishFormat.value($0, kind: .share) } ?? DanishFormat.none
    }
}
