/// Reads an extract while its files arrive (*løbende validering*), as an
/// upload streams in: each file's records are checked as soon as they are
/// complete, so when the last byte has come only the link across files is
/// left. The result, problems included, is the same as
/// `ExtractReader.read(files:)` on the whole files.
///
/// Use from one task: `begin(file:)`, `append(_:)` as bytes come, and
/// `finish()` at the end. A file begun again replaces the first.
public final class ExtractStream {
    /// Records are read when this many bytes wait unread, and at a file's end.
    private let roundBytes: Int
    private let log = ProblemLog()
    private var open: [String: any StreamedFile] = [:]
    private var current: (any StreamedFile)?
    /// Files with names outside the format, kept for the name check.
    private var otherNames: Set<String> = []

    /// `roundBytes` is how much of a file is collected before its records are read.
    public init(roundBytes: Int = 1 << 20) {
        self.roundBytes = max(roundBytes, 1)
    }

    /// Starts file `name` (its last path component, as in an extract folder).
    public func begin(file name: String) {
        current?.read(complete: true)
        let file: (any StreamedFile)? = switch name {
        case MunicipalityStage.file: StreamingFile(\.municipalities, log: log)
        case PopulationStage.file: StreamingFile(\.population, log: log)
        case InterventionStage.file: StreamingFile(\.interventions, log: log)
        case EmploymentStage.file: StreamingFile(\.employment, log: log)
        case AdmissionStage.file: StreamingFile(\.admissions, log: log)
        case ExpenditureStage.file: StreamingFile(\.expenditures, log: log)
        case MeasurementStage.file: StreamingFile(\.measurements, log: log)
        default: nil
        }
        if let file {
            if let earlier = open[name] { earlier.discard() }
            open[name] = file
        } else {
            otherNames.insert(name)
        }
        current = file
    }

    /// More bytes of the current file.
    public func append(_ bytes: UnsafeRawBufferPointer) {
        guard let current else { return }
        current.append(bytes)
        if current.unread >= roundBytes { current.read(complete: false) }
    }

    /// Every file has come: the extract, or every problem found; and the
    /// files of the format as they came (to store them).
    public func finish() -> (result: ExtractReadResult, files: [String: [UInt8]]) {
        current?.read(complete: true)
        current = nil
        ExtractReader.checkNames(Set(open.keys).union(otherNames), log: log)
        var link = ExtractLink(log: log)
        link.present = Set(open.keys)
        var files: [String: [UInt8]] = [:]
        for (name, file) in open {
            file.finish(into: &link)
            files[name] = file.bytes
        }
        return (link.build(), files)
    }
}

/// One file of a stream, read record by record as its bytes come.
protocol StreamedFile: AnyObject {
    var bytes: [UInt8] { get }
    var unread: Int { get }
    func append(_ bytes: UnsafeRawBufferPointer)
    /// Reads the complete records there are; with `complete`, the file has ended.
    func read(complete: Bool)
    /// Forgets the file's problems (a file of the same name came again).
    func discard()
    func finish(into link: inout ExtractLink)
}

final class StreamingFile<Stage: TableStage>: StreamedFile {
    private(set) var bytes: [UInt8] = []
    private let path: WritableKeyPath<ExtractLink, FileParts<Stage>>
    private let sharedLog: ProblemLog
    /// This file's problems, handed to the shared log at the end.
    private var log = ProblemLog()
    private var header: TableHeader?
    private var unreadable = false
    private var ended = false
    private var position = 0, line = 1
    private var stage = Stage()

    init(_ path: WritableKeyPath<ExtractLink, FileParts<Stage>>, log: ProblemLog) {
        self.path = path
        self.sharedLog = log
    }

    var unread: Int { bytes.count - position }

    func append(_ more: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: more)
    }

    func read(complete: Bool) {
        guard !ended, !unreadable else { return }
        if complete { ended = true }
        // Moved out, so its arrays stay uniquely referenced while they grow.
        var stage = self.stage
        self.stage = Stage()
        defer { self.stage = stage }
        bytes.withUnsafeBufferPointer { b in
            if header == nil {
                switch TableReading.header(Stage.file, columns: Stage.columns, bytes: b, complete: complete, log: log) {
                case .incomplete: return
                case .unreadable:
                    unreadable = true
                    return
                case .header(let h):
                    header = h
                    position = h.end
                    line = h.endLine
                }
            }
            let end = TableReading.records(Stage.file, header: header!, bytes: b, start: position, line: line, complete: complete, log: log) { line, f in
                stage.add(line: line, f, log: log)
            }
            if let base = b.baseAddress { stage.finishRound(base) }
            stage.records += end.count
            position = end.position
            line = end.line
        }
    }

    func discard() { log = ProblemLog() }

    func finish(into link: inout ExtractLink) {
        read(complete: true)
        if unreadable {
            bytes.withUnsafeBufferPointer { TableReading.checkEncoding(Stage.file, $0, from: 0, to: $0.count, firstLine: 1, log: log) }
        }
        sharedLog.absorb(log, lineOffset: 0)
        var parts = FileParts<Stage>()
        parts.readable = header != nil
        parts.parts = [(stage, 0)]
        link[keyPath: path] = parts
    }
}
