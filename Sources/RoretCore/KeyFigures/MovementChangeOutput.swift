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

    /// A JSON array of objects with the CSV's keys; withheld counts are
    /// `null`, counts are JSON numbers, `suppressed` is a boolean.
    public static func json(_ rows: [MovementChangeRow]) -> String {
        let keys = ["movers", "measured"] + ScoreChange.allCases.map(\.breakdownValue)
        let objects = rows.map { row in
            let counts = zip(keys, [row.movers, row.measured] + row.changes).map { "\"\($0)\":\($1.map(String.init) ?? "null")" }
            return "{\"area\":\"\(row.area)\",\"year\":\(row.year),\"instrument\":\"\(row.instrument.code)\",\"movement\":\"\(row.movement.breakdownValue)\","
                + counts.joined(separator: ",") + ",\"suppressed\":\(row.suppressed)}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}
