import RoretCore

/// Renders a `RegisterData` as an extract the way real ones arrive
/// (*rodet udtræk*): the same data as `ExtractCSVWriter`, but some files
/// start with a UTF-8 byte-order mark, some end lines with CRLF, some quote
/// every field (empty ones as `""`), some have their columns in another
/// order and some their rows shuffled. Reading it back gives the same key
/// figures; the benchmark and the tests feed it to the reader.
public enum MessyExtractWriter {
    /// How one file is written.
    struct Style {
        var byteOrderMark = false
        var crlf = false
        var quoteAll = false
        var shuffle = false
        /// Column order as positions in the clean file's header.
        var columns: [Int]? = nil
    }

    /// Which file gets which mess.
    static let styles: [String: Style] = [
        "municipalities.csv": Style(byteOrderMark: true, crlf: true, quoteAll: true),
        "population.csv": Style(crlf: true, columns: [1, 2, 0]),
        "interventions.csv": Style(byteOrderMark: true, crlf: true, quoteAll: true, shuffle: true, columns: [1, 0, 3, 4, 2, 5]),
        "employment.csv": Style(shuffle: true, columns: [2, 0, 1]),
        "admissions.csv": Style(crlf: true, quoteAll: true),
        "expenditures.csv": Style(byteOrderMark: true, columns: [3, 0, 1, 2]),
        "measurements.csv": Style(crlf: true, quoteAll: true, shuffle: true, columns: [3, 0, 1, 2, 8, 7, 6, 5, 4]),
    ]

    /// File name → bytes; `seed` decides the shuffled order.
    public static func files(_ data: RegisterData, seed: UInt64) -> [String: [UInt8]] {
        var rng = SplitMix64(seed: seed ^ 0x6D65_7373_79)
        var out: [String: [UInt8]] = [:]
        for (name, text) in ExtractCSVWriter.files(data).sorted(by: { $0.key < $1.key }) {
            out[name] = render(text, style: styles[name] ?? Style(), rng: &rng)
        }
        return out
    }

    private static func render(_ clean: String, style: Style, rng: inout SplitMix64) -> [UInt8] {
        var lines = Array(clean.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard !lines.isEmpty else { return [] }
        var order = Array(1..<lines.count)
        if style.shuffle {
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
        }
        let end: [UInt8] = style.crlf ? [13, 10] : [10]
        var bytes: [UInt8] = style.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        bytes.reserveCapacity(clean.utf8.count * 3 / 2)
        for index in [0] + order {
            var fields = fieldsOf(lines[index])
            if let columns = style.columns { fields = columns.map { fields[$0] } }
            for (i, field) in fields.enumerated() {
                if i > 0 { bytes.append(comma) }
                if style.quoteAll || field.contains(where: { $0 == comma || $0 == quote || $0 == 10 || $0 == 13 }) {
                    bytes.append(quote)
                    for c in field {
                        bytes.append(c)
                        if c == quote { bytes.append(quote) }
                    }
                    bytes.append(quote)
                } else {
                    bytes.append(contentsOf: field)
                }
            }
            bytes.append(contentsOf: end)
        }
        return bytes
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")

    /// The unquoted fields of one line the clean writer wrote (it quotes only
    /// municipality names with a comma or quote, never across lines).
    private static func fieldsOf(_ line: ArraySlice<UInt8>) -> [[UInt8]] {
        var fields: [[UInt8]] = []
        var current: [UInt8] = []
        var quoted = false
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if quoted {
                if c == quote {
                    if i + 1 < line.endIndex, line[i + 1] == quote { current.append(quote); i += 1 } else { quoted = false }
                } else {
                    current.append(c)
                }
            } else if c == quote {
                quoted = true
            } else if c == comma {
                fields.append(current)
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(c)
            }
            i += 1
        }
        fields.append(current)
        return fields
    }
}
