import Foundation
import RoretCore

/// Problems that kept an extract's files from being read at all.
public struct ExtractProblems: Error, Sendable {
    public var problems: [ExtractProblem]
    public init(_ problems: [ExtractProblem]) { self.problems = problems }
}

/// Reading an extract folder from disk and writing one.
public enum ExtractDirectory {
    /// Reads every regular file directly in `path` and validates the extract.
    /// A folder that cannot be read is reported as a problem, never thrown.
    public static func read(_ path: String) -> ExtractReadResult {
        switch files(path) {
        case .success(let files): return ExtractReader.read(files: files)
        case .failure(let problems): return .invalid(problems.problems)
        }
    }

    /// The `.csv` files directly in `path`, name → bytes, unvalidated; or
    /// the problems reading them.
    public static func files(_ path: String) -> Result<[String: [UInt8]], ExtractProblems> {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(ExtractProblems([ExtractProblem(file: path, line: nil, reason: "is not a folder")]))
        }
        guard let names = try? fm.contentsOfDirectory(atPath: path) else {
            return .failure(ExtractProblems([ExtractProblem(file: path, line: nil, reason: "cannot be read")]))
        }
        var files: [String: [UInt8]] = [:]
        var problems: [ExtractProblem] = []
        for name in names where name.lowercased().hasSuffix(".csv") {
            let full = (path as NSString).appendingPathComponent(name)
            guard let bytes = readBytes(full) else {
                problems.append(ExtractProblem(file: name, line: nil, reason: "cannot be read"))
                continue
            }
            files[name] = bytes
        }
        if !problems.isEmpty { return .failure(ExtractProblems(problems)) }
        return .success(files)
    }

    /// A file's bytes read straight into an array: `FileManager.contents`
    /// gives `Data`, and copying that into `[UInt8]` took 19 % of `roret
    /// validate` on the national extract (`perf`).
    static func readBytes(_ path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), (try? handle.seek(toOffset: 0)) != nil else { return nil }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(size)) { buffer, count in
            count = 0
            let fd = handle.fileDescriptor
            while count < buffer.count {
                let n = readFromDescriptor(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 { failed = true; return }
                if n == 0 { break }
                count += n
            }
        }
        return failed ? nil : bytes
    }

    /// Writes `data` as CSV files into `path`, creating the folder; with
    /// `messySeed`, as `MessyExtractWriter` writes them.
    public static func write(_ data: RegisterData, to path: String, messySeed: UInt64? = nil) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let files = messySeed.map { MessyExtractWriter.files(data, seed: $0) } ?? ExtractCSVWriter.files(data).mapValues { Array($0.utf8) }
        for (name, bytes) in files {
            let url = URL(fileURLWithPath: path).appendingPathComponent(name)
            try Data(bytes).write(to: url)
        }
    }
}

/// POSIX `read(2)`, outside `ExtractDirectory` whose own `read` would shadow it.
private func readFromDescriptor(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, buffer, count)
}
