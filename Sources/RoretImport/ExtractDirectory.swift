import Foundation
import RoretCore

/// Reading an extract folder from disk and writing one.
public enum ExtractDirectory {
    /// Reads every regular file directly in `path` and validates the extract.
    /// A folder that cannot be read is reported as a problem, never thrown.
    public static func read(_ path: String) -> ExtractReadResult {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .invalid([ExtractProblem(file: path, line: nil, reason: "is not a folder")])
        }
        guard let names = try? fm.contentsOfDirectory(atPath: path) else {
            return .invalid([ExtractProblem(file: path, line: nil, reason: "cannot be read")])
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
        if !problems.isEmpty { return .invalid(problems) }
        return ExtractReader.read(files: files)
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
