/// Collects the problems of one validation run, or of one part of a file.
final class ProblemLog: @unchecked Sendable {
    /// At most this many problems are shown per file; the rest are counted.
    /// A file of junk lines (4 million problems) once made a 615 MB answer
    /// and 3.9 GB of memory; now it makes 1,000 lines and a count.
    static let keptPerFile = 1_000

    private var kept: [String: [ExtractProblem]] = [:]
    private var counts: [String: Int] = [:]

    func add(_ file: String, _ line: Int?, column: String? = nil, _ reason: String) {
        let n = counts[file, default: 0] + 1
        counts[file] = n
        if n <= Self.keptPerFile { kept[file, default: []].append(ExtractProblem(file: file, line: line, column: column, reason: reason)) }
    }

    /// Takes over the problems of a part of a file read on its own, whose
    /// lines are counted from `lineOffset` + 1.
    func absorb(_ other: ProblemLog, lineOffset: Int) {
        for (file, n) in other.counts {
            counts[file, default: 0] += n
            var list = kept[file, default: []]
            for var problem in other.kept[file] ?? [] {
                problem.line = problem.line.map { $0 + lineOffset }
                list.append(problem)
            }
            if list.count > 2 * Self.keptPerFile { list = Array(list.sorted().prefix(Self.keptPerFile)) }
            kept[file] = list
        }
    }

    /// The first problems of each file by line, and per file with more a
    /// line saying how many more there are.
    var problems: [ExtractProblem] {
        var all: [ExtractProblem] = []
        for list in kept.values { all += list.sorted().prefix(Self.keptPerFile) }
        for (file, n) in counts where n > Self.keptPerFile {
            let more = n - Self.keptPerFile
            all.append(ExtractProblem(file: file, line: nil, reason: "har \(more) fejl mere end de første \(Self.keptPerFile), som vises (\(n) i alt); ret dem, og indlæs igen"))
        }
        return all.sorted()
    }

    var isEmpty: Bool { counts.isEmpty }
}

/// A file's header as read: which field holds each of the schema's columns.
struct TableHeader: Sendable {
    /// For each schema column, its position in the file's records.
    var map: [Int]
    /// The file's column names in its order (a record has as many fields).
    var names: [String]
    var width: Int { names.count }
    /// Where the first data record may start, and its line.
    var end: Int
    var endLine: Int
}

/// The fields of one record, addressed by the schema's column order. Only
/// pointers, valid while the record is handed over: copying it for every
/// record retains nothing (array and class references did, 11 % in `perf`).
struct RecordFields {
    fileprivate let bytes: UnsafePointer<UInt8>
    fileprivate let scratch: UnsafePointer<UInt8>
    fileprivate let refs: UnsafePointer<FieldRef>
    fileprivate let map: UnsafePointer<Int>

    /// Where a field from the file starts, counted from the file's start.
    @inline(__always) func offset(of field: FieldBytes) -> Int { field.baseAddress! - bytes }

    @inline(__always) subscript(column: Int) -> FieldBytes {
        let f = refs[map[column]]
        if f.start >= 0 { return FieldBytes(start: bytes + f.start, count: f.count) }
        return FieldBytes(start: scratch + (-f.start - 1), count: f.count)
    }
}

/// Reading the records of a CSV file of an extract against its columns.
enum TableReading {
    enum HeaderOutcome {
        case header(TableHeader)
        /// The file cannot be read as a table (the problem is logged).
        case unreadable
        /// More bytes are needed to see the whole header.
        case incomplete
    }

    /// Reads and checks the header at the start of `bytes` (after a BOM).
    /// When the file is unreadable its encoding is not checked here: the
    /// caller checks the whole file once it has all of it.
    static func header(_ file: String, columns: [String], bytes: FieldBytes, complete: Bool, log: ProblemLog) -> HeaderOutcome {
        var reader = CSVReader(bytes: bytes, start: CSVReader.byteOrderMark(bytes), complete: complete)
        var fields = FieldList()
        let header: [String]
        switch reader.next(into: &fields) {
        case .incomplete:
            return .incomplete
        case .end:
            log.add(file, nil, "er tom; forventet en overskriftsrække med kolonnerne \(columns.joined(separator: ","))")
            return .unreadable
        case .malformed(let line, let reason):
            log.add(file, line, "overskriftsrækken er forkert: \(reason)")
            return .unreadable
        case .record:
            header = (0..<fields.count).map { String(decoding: reader.field($0, of: fields), as: UTF8.self) }
        }
        var headerOK = true
        var seen: Set<String> = []
        for (i, name) in header.enumerated() {
            if !seen.insert(name).inserted {
                log.add(file, 1, "kolonnen \(name.isEmpty ? "(uden navn)" : name) står mere end én gang i overskriften")
                headerOK = false
            } else if !columns.contains(name) {
                let shown = name.isEmpty ? "(uden navn, kolonne \(i + 1))" : "\"\(name)\""
                log.add(file, 1, "ukendt kolonne \(shown); forventet præcis \(columns.joined(separator: ","))")
                headerOK = false
            }
        }
        for name in columns where !header.contains(name) {
            log.add(file, 1, "kolonnen \(name) mangler")
            headerOK = false
        }
        guard headerOK else { return .unreadable }
        checkEncoding(file, bytes, from: 0, to: reader.position, firstLine: 1, log: log)
        return .header(TableHeader(map: columns.map { header.firstIndex(of: $0)! }, names: header, end: reader.position, endLine: reader.line))
    }

    /// Reads the records that start in `start..<stop` (running past `stop`
    /// to finish the last one), checks their encoding, and hands every
    /// well-formed one to `body`. Returns where reading ended, its line and
    /// how many records were read (malformed ones included). Without
    /// `complete`, stops before a record that runs past the bytes there are.
    static func records(
        _ file: String, header: TableHeader, bytes: FieldBytes, start: Int, line: Int, stop: Int? = nil, complete: Bool,
        log: ProblemLog, body: (_ line: Int, _ fields: RecordFields) -> Void
    ) -> (position: Int, line: Int, count: Int) {
        var reader = CSVReader(bytes: bytes, start: start, line: line, stop: stop, complete: complete)
        var list = FieldList()
        var count = 0
        header.map.withUnsafeBufferPointer { map in
            loop: while true {
                switch reader.next(into: &list) {
                case .end, .incomplete:
                    break loop
                case .malformed(let line, let reason):
                    count += 1
                    log.add(file, line, reason)
                case .record(let line):
                    count += 1
                    guard list.count == header.width else {
                        log.add(file, line, "har \(list.count) felt\(list.count == 1 ? "" : "er"), forventet \(header.width) (\(header.names.joined(separator: ",")))")
                        continue
                    }
                    let scratch = UnsafePointer(reader.scratchBase)
                    list.refs.withUnsafeBufferPointer { refs in
                        body(line, RecordFields(bytes: bytes.baseAddress!, scratch: scratch, refs: refs.baseAddress!, map: map.baseAddress!))
                    }
                }
            }
        }
        checkEncoding(file, bytes, from: start, to: reader.position, firstLine: line, log: log)
        return (reader.position, reader.line, count)
    }

    /// Logs each line of `from..<to` (starting on `firstLine`) that is not UTF-8.
    static func checkEncoding(_ file: String, _ bytes: FieldBytes, from: Int, to: Int, firstLine: Int, log: ProblemLog) {
        guard to > from else { return }
        for line in EncodingCheck.badLines(UnsafeBufferPointer(rebasing: bytes[from..<to]), firstLine: firstLine) {
            log.add(file, line, "er ikke gyldig UTF-8-tekst (eller indeholder en NUL-byte); gem filen som UTF-8")
        }
    }
}
