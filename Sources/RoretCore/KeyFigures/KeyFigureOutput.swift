/// Text renderings of key-figure rows (*udtræk af nøgletal*): the exact CSV of
/// key-figures.md, and JSON with the same rows as objects. Pure string
/// building; writing it anywhere is the caller's business.
public enum KeyFigureOutput {
    /// The CSV header.
    public static let csvHeader = "area,year,figure,breakdown,numerator,denominator,value,suppressed"

    /// CSV with header, LF line endings, one line per row.
    public static func csv(_ rows: [KeyFigureRow]) -> String {
        var out = csvHeader + "\n"
        out.reserveCapacity(rows.count * 48)
        for row in rows {
            out += row.area
            out += ","
            out += String(row.year)
            out += ","
            out += row.figure.code
            out += ","
            out += row.breakdown
            out += ","
            out += row.numerator?.description ?? ""
            out += ","
            out += row.denominator?.description ?? ""
            out += ","
            out += row.value.map(DecimalFormatting.plain) ?? ""
            out += row.suppressed ? ",true\n" : ",false\n"
        }
        return out
    }

    /// A JSON array of objects with the CSV's keys; empty cells are `null`,
    /// numbers are JSON numbers, `suppressed` is a boolean.
    public static func json(_ rows: [KeyFigureRow]) -> String {
        var out = "[\n"
        out.reserveCapacity(rows.count * 140)
        for (i, row) in rows.enumerated() {
            out += "{\"area\":\"\(row.area)\",\"year\":\(row.year),\"figure\":\"\(row.figure.code)\",\"breakdown\":\"\(row.breakdown)\""
            out += ",\"numerator\":" + (row.numerator?.description ?? "null")
            out += ",\"denominator\":" + (row.denominator?.description ?? "null")
            out += ",\"value\":" + (row.value.map(DecimalFormatting.plain) ?? "null")
            out += ",\"suppressed\":" + (row.suppressed ? "true" : "false") + "}"
            out += i == rows.count - 1 ? "\n" : ",\n"
        }
        out += "]\n"
        return out
    }
}
