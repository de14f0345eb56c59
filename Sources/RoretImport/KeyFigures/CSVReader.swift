/// A strict RFC 4180 reader over the bytes of one file: comma-separated,
/// optionally double-quoted fields with `""` as an escaped quote, LF or CRLF
/// line endings. It reports malformed records with their line and moves on,
/// so one bad record never hides the next problem.
///
/// Hand-written rather than taken from SwiftCSV or CSV.swift: the validator
/// needs the physical line on which every record starts (quoted fields may
/// span lines), a precise reason for broken quoting, and recovery after an
/// error; and it is faster. Measured on the national demo interventions.csv
/// (281,561 records, release, medians, `Benchmarks/run.sh`): this reader
/// 36–48 ms, yaslab/CSV.swift 2.5.2 400–594 ms, swiftcsv/SwiftCSV 0.10.0
/// 1,539–2,147 ms (several runs; docs/performance.md).
struct CSVReader {
    enum Outcome {
        /// A record starting on `line`; its fields are in the caller's buffer.
        case record(line: Int)
        /// A malformed record starting on `line`, skipped.
        case malformed(line: Int, reason: String)
        case end
    }

    private let bytes: [UInt8]
    private var position: Int
    private var line = 1
    /// Unescaped copies of quoted fields that contained `""`.
    private var unescaped: [[UInt8]] = []

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Starts after a UTF-8 byte-order mark, if any.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Whether nothing but an optional BOM and line endings is left.
    var isAtEnd: Bool { position >= bytes.count }

    /// Reads the next record into `fields`, skipping lines that are entirely empty.
    mutating func next(into fields: inout [ArraySlice<UInt8>]) -> Outcome {
        fields.removeAll(keepingCapacity: true)
        unescaped.removeAll(keepingCapacity: true)
        // Skip empty lines.
        while position < bytes.count {
            if bytes[position] == CSVReader.lf { position += 1; line += 1; continue }
            if bytes[position] == CSVReader.cr, position + 1 < bytes.count, bytes[position + 1] == CSVReader.lf {
                position += 2; line += 1; continue
            }
            break
        }
        guard position < bytes.count else { return .end }
        let recordLine = line
        while true {
            if position < bytes.count, bytes[position] == CSVReader.quote {
                if let reason = readQuoted(into: &fields, recordLine: recordLine) {
                    skipRestOfLine()
                    return .malformed(line: recordLine, reason: reason)
                }
            } else if let reason = readUnquoted(into: &fields) {
                skipRestOfLine()
                return .malformed(line: recordLine, reason: reason)
            }
            // After a field: comma, line end or end of file.
            if position >= bytes.count { return .record(line: recordLine) }
            switch bytes[position] {
            case CSVReader.comma:
                position += 1
            case CSVReader.lf:
                position += 1
                line += 1
                return .record(line: recordLine)
            case CSVReader.cr where position + 1 < bytes.count && bytes[position + 1] == CSVReader.lf:
                position += 2
                line += 1
                return .record(line: recordLine)
            default:
                let reason = bytes[position] == CSVReader.cr
                    ? "et vognretur-tegn (CR) uden linjeskift efter sig (felt \(fields.count))"
                    : "uventet tekst efter det afsluttende anførselstegn i felt \(fields.count)"
                skipRestOfLine()
                return .malformed(line: recordLine, reason: reason)
            }
        }
    }

    private mutating func readUnquoted(into fields: inout [ArraySlice<UInt8>]) -> String? {
        let start = position
        while position < bytes.count {
            let c = bytes[position]
            if c == CSVReader.comma || c == CSVReader.lf || c == CSVReader.cr { break }
            if c == CSVReader.quote {
                return "et anførselstegn inde i felt \(fields.count + 1), som ikke står i anførselstegn; sæt hele feltet i anførselstegn, og skriv tegnet to gange"
            }
            position += 1
        }
        fields.append(bytes[start..<position])
        return nil
    }

    private mutating func readQuoted(into fields: inout [ArraySlice<UInt8>], recordLine: Int) -> String? {
        position += 1
        let start = position
        var copy: [UInt8]? = nil
        while position < bytes.count {
            let c = bytes[position]
            if c == CSVReader.quote {
                if position + 1 < bytes.count, bytes[position + 1] == CSVReader.quote {
                    if copy == nil { copy = Array(bytes[start..<position]) }
                    copy!.append(CSVReader.quote)
                    position += 2
                    continue
                }
                if let copy {
                    unescaped.append(copy)
                    fields.append(unescaped[unescaped.count - 1][...])
                } else {
                    fields.append(bytes[start..<position])
                }
                position += 1
                return nil
            }
            if c == CSVReader.lf { line += 1 }
            copy?.append(c)
            position += 1
        }
        return "felt \(fields.count + 1) i anførselstegn lukkes aldrig (det afsluttende anførselstegn mangler; filen slutter inde i feltet)"
    }

    private mutating func skipRestOfLine() {
        while position < bytes.count {
            if bytes[position] == CSVReader.lf {
                position += 1
                line += 1
                return
            }
            position += 1
        }
    }
}

/// Finds lines that are not valid UTF-8 or hold a NUL byte.
enum EncodingCheck {
    /// Line numbers (1-based) with invalid UTF-8 or NUL bytes, ascending.
    static func badLines(_ bytes: [UInt8]) -> [Int] {
        var bad: [Int] = []
        var line = 1
        var i = 0
        let n = bytes.count
        func mark() { if bad.last != line { bad.append(line) } }
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0A { line += 1 } else if b == 0 { mark() }
                i += 1
                continue
            }
            var need = 0
            var lowest: UInt32 = 0
            var scalar: UInt32 = 0
            switch b {
            case 0xC2...0xDF: need = 1; scalar = UInt32(b & 0x1F); lowest = 0x80
            case 0xE0...0xEF: need = 2; scalar = UInt32(b & 0x0F); lowest = 0x800
            case 0xF0...0xF4: need = 3; scalar = UInt32(b & 0x07); lowest = 0x10000
            default: mark(); i += 1; continue
            }
            var ok = i + need < n
            if ok {
                for k in 1...need {
                    let c = bytes[i + k]
                    if c & 0xC0 != 0x80 { ok = false; break }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
            }
            if ok, scalar >= lowest, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) {
                i += need + 1
            } else {
                mark()
                i += 1
            }
        }
        return bad
    }
}
