/// The CSV of change-beside-movement rows (*borgernes egne svar ved
/// bevægelser*), in the spirit of key-figures.md's output: one line per
/// (area, year, instrument, movement), withheld counts empty.
public enum MovementChangeOutput {
    /// The CSV header.
    public static let csvHeader = "area,year,instrument,movement,movers,measured,improved,unchanged,worsened,suppressed"

    /// CSV with header, LF line endings, one line per row, in the given order.
    public static func csv(_ rows: [MovementChangeRow]) -> String {
        var out = csvHeader + "\n"
        for row in rows {
            let counts = [row.movers, row.measured] + row.changes
            out += "\(row.area),\(row.year),\(row.instrument.code),\(row.movement.breakdownValue),"
            out += counts.map { $0.map(String.init) ?? "" }.joined(separator: ",")
            out += row.suppressed ? ",true\n" : ",false\n"
        }
        return out
    }
}
