/// Collects the problems of one validation run.
final class ProblemLog {
    /// At most this many problems are kept per file; the rest are counted.
    /// A file of junk lines (4 million problems) once made a 615 MB answer
    /// and 3.9 GB of memory; now it makes 1,000 lines and a count.
    static let keptPerFile = 1_000

    private var kept: [ExtractProblem] = []
    private var perFile: [String: Int] = [:]

    func add(_ file: String, _ line: Int?, column: String? = nil, _ reason: String) {
        let n = perFile[file, default: 0] + 1
        perFile[file] = n
        if n <= Self.keptPerFile { kept.append(ExtractProblem(file: file, line: line, column: column, reason: reason)) }
    }

    /// The kept problems, and per file with more a line saying how many more there are.
    var problems: [ExtractProblem] {
        var all = kept
        for (file, n) in perFile where n > Self.keptPerFile {
            let more = n - Self.keptPerFile
            all.append(ExtractProblem(file: file, line: nil, reason: "har \(more) fejl mere end de første \(Self.keptPerFile), som vises (\(n) i alt); ret dem, og indlæs igen"))
        }
        return all
    }

    var isEmpty: Bool { perFile.isEmpty }
}

/// The fields of one record, addressed by the schema's column order.
struct Fields {
    fileprivate var raw: [ArraySlice<UInt8>] = []
    fileprivate var map: [Int] = []

    subscript(column: Int) -> ArraySlice<UInt8> { raw[map[column]] }
}

/// Reads one CSV file of an extract against its columns: checks encoding and
/// header, then hands every well-formed record to `body` with its line.
/// Returns the number of data records read (malformed ones included), or nil
/// when the file cannot be read as a table at all.
@discardableResult
func readTable(
    _ file: String, columns: [String], bytes: [UInt8], log: ProblemLog,
    body: (_ line: Int, _ fields: Fields) -> Void
) -> Int? {
    for line in EncodingCheck.badLines(bytes) {
        log.add(file, line, "er ikke gyldig UTF-8-tekst (eller indeholder en NUL-byte); gem filen som UTF-8")
    }
    var reader = CSVReader(bytes: bytes)
    var fields = Fields()
    let header: [String]
    switch reader.next(into: &fields.raw) {
    case .end:
        log.add(file, nil, "er tom; forventet en overskriftsrække med kolonnerne \(columns.joined(separator: ","))")
        return nil
    case .malformed(let line, let reason):
        log.add(file, line, "overskriftsrækken er forkert: \(reason)")
        return nil
    case .record:
        header = fields.raw.map { String(decoding: $0, as: UTF8.self) }
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
    guard headerOK else { return nil }
    fields.map = columns.map { header.firstIndex(of: $0)! }
    var count = 0
    while true {
        switch reader.next(into: &fields.raw) {
        case .end:
            return count
        case .malformed(let line, let reason):
            count += 1
            log.add(file, line, reason)
        case .record(let line):
            count += 1
            guard fields.raw.count == header.count else {
                log.add(file, line, "har \(fields.raw.count) felt\(fields.raw.count == 1 ? "" : "er"), forventet \(header.count) (\(header.joined(separator: ",")))")
                continue
            }
            body(line, fields)
        }
    }
}
