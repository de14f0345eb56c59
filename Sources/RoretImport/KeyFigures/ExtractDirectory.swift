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
            guard let data = fm.contents(atPath: full) else {
                problems.append(ExtractProblem(file: name, line: nil, reason: "cannot be read"))
                continue
            }
            files[name] = [UInt8](data)
        }
        if !problems.isEmpty { return .failure(ExtractProblems(problems)) }
        return .success(files)
    }

    /// Writes `data` as CSV files into `path`, creating the folder.
    public static func write(_ data: RegisterData, to path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in ExtractCSVWriter.files(data) {
            let url = URL(fileURLWithPath: path).appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
        }
    }
}
