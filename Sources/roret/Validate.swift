import ArgumentParser
import RoretImport

/// `roret validate <extract-dir>`: every problem at once, as `file:line: reason`.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a register extract against the import contract and report every problem."
    )

    @Argument(help: "The folder holding the extract's CSV files.")
    var extractDir: String

    func run() throws {
        switch ExtractDirectory.read(extractDir) {
        case .valid(_, let summary):
            print(summary.line)
        case .invalid(let problems):
            for problem in problems { print(problem.description) }
            print("invalid: \(problems.count) problem\(problems.count == 1 ? "" : "s") found; nothing was read")
            throw ExitCode(1)
        }
    }
}
