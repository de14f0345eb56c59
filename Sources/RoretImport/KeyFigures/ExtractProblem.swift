/// One problem found in a register extract (*fejl i udtrækket*), pointing at a
/// file and, where it has one, a line (1 = the header).
public struct ExtractProblem: Hashable, Sendable, CustomStringConvertible, Comparable {
    public var file: String
    /// Line where the record starts; nil for a problem with the whole file.
    public var line: Int?
    /// The column concerned, when one is.
    public var column: String?
    /// A plain-language reason.
    public var reason: String

    public init(file: String, line: Int?, column: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `file:line: reason`, or `file: reason` for a whole-file problem.
    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }

    /// Ordered by file, then line (whole-file problems first), then reason.
    public static func < (a: ExtractProblem, b: ExtractProblem) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return (a.line ?? 0) < (b.line ?? 0) }
        return a.reason < b.reason
    }
}
