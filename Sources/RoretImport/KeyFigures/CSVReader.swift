/// A strict RFC 4180 reader over the bytes of one file: comma-separated,
/// optionally double-quoted fields with `""` as an escaped quote, LF or CRLF
/// line endings. It reports malformed records with their line and moves on,
/// so one bad record never hides the next problem.
///
/// Hand-written rather than taken from SwiftCSV or CSV.swift: the validator
/// needs the physical line on which every record starts (quoted fields may
/// span lines), a precise reason for broken quoting, recovery after an error,
/// reading a region of a file (so a large file is read in parts on both
/// cores, and an upload while it arrives); and it is faster. Measured on the
/// national demo interventions.csv (281,561 records, release, medians,
/// `Benchmarks/run.sh`): this reader 36–48 ms, yaslab/CSV.swift 2.5.2
/// 400–594 ms, swiftcsv/SwiftCSV 0.10.0 1,539–2,147 ms (docs/performance.md).
///
/// It reads through a pointer and hands fields out as offsets, not as array
/// slices: a slice per field retains the file's buffer, and `perf` showed
/// retain/release at 9 % of parse + validate.
struct CSVReader {
    enum Outcome {
        /// A record starting on `line`; its fields are in the caller's buffer.
        case record(line: Int)
        /// A malformed record starting on `line`, skipped.
        case malformed(line: Int, reason: String)
        /// No record starts before the region's end.
        case end
        /// The record at the current position runs past the bytes there are
        /// so far (only when the region is not the whole rest of the file);
        /// read it again when more have come.
        case incomplete
    }

    /// The bytes read from; fields point into them.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next record starts.
    private(set) var position: Int
    /// The line the reader is on (1-based, relative to where it started).
    private(set) var line: Int
    /// No record starts at or after this offset.
    private let stop: Int
    /// Whether `bytes` ends where the file ends.
    private let complete: Bool
    /// Unescaped copies of quoted fields that contained `""`.
    private let scratch = Scratch()

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Reads `bytes` from `start` (a record's start) on `line`; records that
    /// start before `stop` are read, running past it if they must.
    init(bytes: UnsafeBufferPointer<UInt8>, start: Int = 0, line: Int = 1, stop: Int? = nil, complete: Bool = true) {
        self.bytes = bytes
        self.position = start
        self.line = line
        self.stop = stop ?? bytes.count
        self.complete = complete
    }

    /// The length of a UTF-8 byte-order mark at the start of `bytes`, or 0.
    static func byteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Reads the next record into `fields`, skipping lines that are entirely empty.
    mutating func next(into fields: inout FieldList) -> Outcome {
        fields.removeAll()
        scratch.count = 0
        let n = bytes.count
        // Skip empty lines.
        while position < n, position < stop {
            if bytes[position] == CSVReader.lf { position += 1; line += 1; continue }
            if bytes[position] == CSVReader.cr {
                if position + 1 < n {
                    if bytes[position + 1] == CSVReader.lf { position += 2; line += 1; continue }
                } else if !complete {
                    return .incomplete
                }
            }
            break
        }
        guard position < n, position < stop else { return !complete && position >= n ? .incomplete : .end }
        let recordStart = position, recordLine = line
        while true {
            let reason: String?
            if position < n, bytes[position] == CSVReader.quote {
                reason = readQuoted(into: &fields)
            } else {
                reason = readUnquoted(into: &fields)
            }
            if reason == nil, position >= n, !complete { return rewind(recordStart, recordLine) }
            if let reason {
                if !complete, !skipRestOfLine() { return rewind(recordStart, recordLine) }
                if complete { _ = skipRestOfLine() }
                return .malformed(line: recordLine, reason: reason)
            }
            // After a field: comma, line end or end of file.
            if position >= n { return .record(line: recordLine) }
            switch bytes[position] {
            case CSVReader.comma:
                position += 1
            case CSVReader.lf:
                position += 1
                line += 1
                return .record(line: recordLine)
            case CSVReader.cr where position + 1 < n && bytes[position + 1] == CSVReader.lf:
                position += 2
                line += 1
                return .record(line: recordLine)
            case CSVReader.cr where position + 1 >= n && !complete:
                return rewind(recordStart, recordLine)
            default:
                let reason = bytes[position] == CSVReader.cr
                    ? "et vognretur-tegn (CR) uden linjeskift efter sig (felt \(fields.count))"
                    : "uventet tekst efter det afsluttende anførselstegn i felt \(fields.count)"
                if !skipRestOfLine(), !complete { return rewind(recordStart, recordLine) }
                return .malformed(line: recordLine, reason: reason)
            }
        }
    }

    /// Where unescaped fields are, for the record just read.
    var scratchBase: UnsafeMutablePointer<UInt8> { scratch.base }

    /// The bytes of field `i` of the record just read.
    @inline(__always) func field(_ i: Int, of fields: FieldList) -> UnsafeBufferPointer<UInt8> {
        let f = fields.refs[i]
        if f.start >= 0 { return UnsafeBufferPointer(start: bytes.baseAddress! + f.start, count: f.count) }
        return UnsafeBufferPointer(start: scratch.base + (-f.start - 1), count: f.count)
    }

    private mutating func rewind(_ start: Int, _ startLine: Int) -> Outcome {
        position = start
        line = startLine
        return .incomplete
    }

    private mutating func readUnquoted(into fields: inout FieldList) -> String? {
        let start = position
        let n = bytes.count
        let base = bytes.baseAddress!
        // A local index in the loop: the reader's own `position` lives in memory.
        var i = start
        while i < n {
            let c = base[i]
            if c == CSVReader.comma || c == CSVReader.lf || c == CSVReader.cr { break }
            if c == CSVReader.quote {
                position = i
                return "et anførselstegn inde i felt \(fields.count + 1), som ikke står i anførselstegn; sæt hele feltet i anførselstegn, og skriv tegnet to gange"
            }
            i += 1
        }
        position = i
        fields.append(FieldRef(start: start, count: i - start))
        return nil
    }

    private mutating func readQuoted(into fields: inout FieldList) -> String? {
        position += 1
        let start = position
        let n = bytes.count
        var copyStart = -1
        var linesInside = 0
        while position < n {
            if copyStart < 0 {
                // Plain text up to the next quote or line feed, in a tight loop on a local index.
                let base = bytes.baseAddress!
                var i = position
                while i < n {
                    let c = base[i]
                    if c == CSVReader.quote || c == CSVReader.lf { break }
                    i += 1
                }
                position = i
                if position >= n { break }
            }
            let c = bytes[position]
            if c == CSVReader.quote {
                if position + 1 < n, bytes[position + 1] == CSVReader.quote {
                    if copyStart < 0 {
                        copyStart = scratch.count
                        scratch.append(UnsafeBufferPointer(rebasing: bytes[start..<position]))
                    }
                    scratch.append(CSVReader.quote)
                    position += 2
                    continue
                }
                if position + 1 >= n, !complete {
                    // `"` at the end so far: a closing quote, or the first of `""`.
                    position = n
                    return nil
                }
                if copyStart >= 0 {
                    fields.append(FieldRef(start: -copyStart - 1, count: scratch.count - copyStart))
                } else {
                    fields.append(FieldRef(start: start, count: position - start))
                }
                position += 1
                line += linesInside
                return nil
            }
            if c == CSVReader.lf { linesInside += 1 }
            if copyStart >= 0 { scratch.append(c) }
            position += 1
        }
        if !complete { return nil }
        line += linesInside
        return "felt \(fields.count + 1) i anførselstegn lukkes aldrig (det afsluttende anførselstegn mangler; filen slutter inde i feltet)"
    }

    /// Moves past the next line feed; false when the bytes end first.
    private mutating func skipRestOfLine() -> Bool {
        let n = bytes.count
        while position < n {
            if bytes[position] == CSVReader.lf {
                position += 1
                line += 1
                return true
            }
            position += 1
        }
        return false
    }
}

/// The reader's own buffer for unescaped fields, grown as needed (fields
/// address it by offset, so growing never leaves one pointing at freed memory).
final class Scratch {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity = 256
    var count = 0

    init() { base = .allocate(capacity: capacity) }
    deinit { base.deallocate() }

    func append(_ byte: UInt8) {
        reserve(count + 1)
        base[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(count + bytes.count)
        if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
        count += bytes.count
    }

    private func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        while capacity < needed { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
    }
}

/// Where one field's bytes are: an offset into the file, or (negative) into
/// the reader's unescaped copies.
struct FieldRef {
    var start: Int
    var count: Int
}

/// The fields of the record just read, reused from record to record: the
/// array only grows, and `count` says how much of it is this record's
/// (`removeAll(keepingCapacity:)` per record showed in `perf`).
struct FieldList {
    private(set) var refs: [FieldRef] = []
    private(set) var count = 0
    @inline(__always) mutating func removeAll() { count = 0 }
    @inline(__always) mutating func append(_ ref: FieldRef) {
        if count < refs.count { refs[count] = ref } else { refs.append(ref) }
        count += 1
    }
}
