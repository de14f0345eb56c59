import Dispatch
import RoretCore

/// What a valid extract held, for the one-line summary of `roret validate`.
public struct ExtractSummary: Sendable, Hashable {
    /// Data rows of one file.
    public struct FileRows: Sendable, Hashable {
        public var file: String
        public var rows: Int
    }

    /// Data rows per file present, in the contract's file order.
    public var rowsPerFile: [FileRows]
    /// Measurements with one or more empty items: kept, never scored.
    public var incompleteMeasurements: Int

    /// One line, e.g. `gyldigt: municipalities.csv 3 rækker, population.csv 24 rækker, …`.
    public var line: String {
        let files = rowsPerFile.map { "\($0.file) \($0.rows) række\($0.rows == 1 ? "" : "r")" }.joined(separator: ", ")
        let incomplete = incompleteMeasurements > 0 ? " (\(incompleteMeasurements) ufuldstændig\(incompleteMeasurements == 1 ? "" : "e") måling\(incompleteMeasurements == 1 ? "" : "er"), gemt men aldrig scoret)" : ""
        return "gyldigt: \(files)\(incomplete)"
    }
}

/// The outcome of reading an extract: the data, or every problem found.
public enum ExtractReadResult: Sendable {
    case valid(RegisterData, ExtractSummary)
    case invalid([ExtractProblem])
}

/// Reads and validates a register extract (*registerudtræk*) against
/// shared/spec/register-extract.md. All-or-nothing: either every file is valid
/// and a `RegisterData` comes back, or nothing does and every problem found is
/// reported with file, line and a plain reason.
public enum ExtractReader {
    public static let requiredFiles = ["municipalities.csv", "population.csv", "interventions.csv"]
    public static let optionalFiles = ["employment.csv", "admissions.csv", "expenditures.csv", "measurements.csv"]
    /// Every file an extract may hold, in the contract's order.
    public static var knownFiles: [String] { requiredFiles + optionalFiles }

    /// Validates and reads an extract given as file name → bytes. Names not
    /// ending in `.csv` are ignored; an unknown `.csv` name is a problem (its
    /// data would otherwise be silently lost).
    ///
    /// Files are read in parts on every core (a large file split at record
    /// boundaries), then linked on one: the result, problems included, is the
    /// same as reading each file from start to end. `partBytes` sets how
    /// large a part is (tests use small ones); by default a quarter of the
    /// extract, at least 1 MB: enough parts to keep both cores busy, few
    /// enough that joining their person ids stays cheap.
    public static func read(files: [String: [UInt8]], partBytes: Int? = nil) -> ExtractReadResult {
        let log = ProblemLog()
        checkNames(files.keys, log: log)
        var link = ExtractLink(log: log)
        link.present = Set(files.keys)
        let total = files.values.reduce(0) { $0 + $1.count }
        let size = max(partBytes ?? max(total / 4, 1 << 20), 1)
        var plans: [any FilePlan] = []
        func plan<S: TableStage>(_ path: WritableKeyPath<ExtractLink, FileParts<S>>) {
            guard let bytes = files[S.file] else { return }
            plans.append(PartedFile<S>(bytes: bytes, partBytes: size, log: log, into: path))
        }
        plan(\.municipalities); plan(\.population); plan(\.interventions); plan(\.employment)
        plan(\.admissions); plan(\.expenditures); plan(\.measurements)
        let jobs = plans.flatMap { $0.jobs }
        DispatchQueue.concurrentPerform(iterations: jobs.count) { jobs[$0].run() }
        for plan in plans { plan.finish(into: &link) }
        return link.build()
    }

    /// Logs unknown `.csv` names and missing required files.
    static func checkNames(_ names: some Collection<String>, log: ProblemLog) {
        for name in names.sorted() where name.lowercased().hasSuffix(".csv") && !knownFiles.contains(name) {
            log.add(name, nil, "er ikke en fil i udtræksformatet; forventet \(knownFiles.joined(separator: ", "))")
        }
        for name in requiredFiles where !names.contains(name) {
            log.add(name, nil, "mangler; et udtræk skal have \(requiredFiles.joined(separator: ", "))")
        }
    }
}

/// One file's reading in parts, planned before any part runs.
protocol FilePlan: AnyObject {
    var jobs: [PartJob] { get }
    /// Checks that the parts met at record boundaries (reading a part again
    /// from where the one before really ended when not), and hands the parts
    /// and their problems to the link.
    func finish(into link: inout ExtractLink)
}

/// One part to read; each is run by exactly one thread, and its result read
/// only after all have run.
final class PartJob: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// What reading one part gave.
final class PartResult<Stage: TableStage> {
    var value: (stage: Stage, log: ProblemLog, end: Int, endLine: Int)?
}

/// A file split at line ends into parts read at once.
final class PartedFile<Stage: TableStage>: FilePlan {
    private let bytes: [UInt8]
    private let log: ProblemLog
    private var header: TableHeader?
    /// Each part: where it starts and where no record may start any more.
    private var bounds: [(start: Int, stop: Int)] = []
    private var results: [PartResult<Stage>] = []
    private(set) var jobs: [PartJob] = []
    private let path: WritableKeyPath<ExtractLink, FileParts<Stage>>

    init(bytes: [UInt8], partBytes: Int, log: ProblemLog, into path: WritableKeyPath<ExtractLink, FileParts<Stage>>) {
        self.bytes = bytes
        self.log = log
        self.path = path
        let outcome = bytes.withUnsafeBufferPointer { TableReading.header(Stage.file, columns: Stage.columns, bytes: $0, complete: true, log: log) }
        guard case .header(let header) = outcome else {
            bytes.withUnsafeBufferPointer { TableReading.checkEncoding(Stage.file, $0, from: 0, to: $0.count, firstLine: 1, log: log) }
            return
        }
        self.header = header
        var start = header.end
        while start < bytes.count {
            var cut = partBytes >= bytes.count - start ? bytes.count : start + partBytes
            while cut < bytes.count, bytes[cut - 1] != UInt8(ascii: "\n") { cut += 1 }
            bounds.append((start, cut))
            start = cut
        }
        if bounds.isEmpty { bounds.append((header.end, header.end)) }
        results = bounds.map { _ in PartResult() }
        jobs = bounds.indices.map { k in
            let result = results[k]
            return PartJob { [unowned self] in result.value = self.read(k, from: self.bounds[k].start) }
        }
    }

    /// Reads part `k` from `start`; the first part counts lines from the
    /// header's end, the others from 1.
    private func read(_ k: Int, from start: Int) -> (stage: Stage, log: ProblemLog, end: Int, endLine: Int) {
        var stage = Stage()
        // A record of these files is never shorter than 12 bytes.
        stage.reserve(rows: max(0, bounds[k].stop - start) / 12 + 16)
        let partLog = ProblemLog()
        let header = header!
        let firstLine = k == 0 ? header.endLine : 1
        let end = bytes.withUnsafeBufferPointer { b in
            let end = TableReading.records(Stage.file, header: header, bytes: b, start: start, line: firstLine, stop: bounds[k].stop, complete: true, log: partLog) { line, f in
                stage.add(line: line, f, log: partLog)
            }
            stage.finishRound(b.baseAddress!)
            return end
        }
        stage.records = end.count
        return (stage, partLog, end.position, end.line)
    }

    func finish(into link: inout ExtractLink) {
        var parts = FileParts<Stage>()
        parts.readable = header != nil
        var offset = 0
        var previousEnd: Int? = nil
        for k in bounds.indices {
            var result = results[k].value!
            if let previousEnd, previousEnd != bounds[k].start {
                // A quoted field ran over the cut: read this part from where the last record ended.
                result = read(k, from: previousEnd)
            }
            log.absorb(result.log, lineOffset: offset)
            parts.parts.append((result.stage, offset))
            offset += result.endLine - 1
            previousEnd = result.end
        }
        link[keyPath: path] = parts
    }
}
