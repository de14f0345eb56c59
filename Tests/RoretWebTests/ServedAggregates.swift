import RoretCore
import Testing

/// Reads back what Roret served as CSV, so the disclosure check runs on the
/// output a reader actually gets, not on the engine's arrays.
enum ServedCSV {
    /// Key-figure rows from the spec CSV; only what the check needs (area,
    /// year, figure, breakdown, suppressed) is read back. Nil for a bad line.
    static func keyFigureRows(_ csv: String) -> [KeyFigureRow]? {
        var rows: [KeyFigureRow] = []
        for line in csv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 8, let year = Int(f[1]), let figure = KeyFigure(code: f[2]) else { return nil }
            rows.append(KeyFigureRow(area: f[0], year: year, figure: figure, breakdown: f[3], numerator: nil, denominator: nil, value: nil, suppressed: f[7] == "true"))
        }
        return rows
    }

    /// Change-beside-movement rows from their CSV; a withheld count is nil.
    static func movementChangeRows(_ csv: String) -> [MovementChangeRow]? {
        var rows: [MovementChangeRow] = []
        for line in csv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 10, let year = Int(f[1]), let instrument = Instrument(code: f[2]),
                  let movement = StepMovement.allCases.first(where: { $0.breakdownValue == f[3] }) else { return nil }
            let counts = f[4...8].map { Int($0) }
            rows.append(MovementChangeRow(area: f[0], year: year, instrument: instrument, movement: movement,
                                          movers: counts[0], measured: counts[1], changes: Array(counts[2...]), suppressed: f[9] == "true"))
        }
        return rows
    }
}
