import ArgumentParser
import Foundation
import RoretImport
import RoretStore
import RoretWeb

/// `roret import DIR`: validates an extract and stores it as a new version,
/// all of it or nothing.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a register extract and store it as a new version (all or nothing)."
    )

    @Argument(help: "The folder holding the extract's CSV files.")
    var extractDir: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let files: [String: [UInt8]]
        switch ExtractDirectory.files(extractDir) {
        case .success(let f): files = f
        case .failure(let failure):
            Self.report(failure.problems)
            throw ExitCode(1)
        }
        let user = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        let source = URL(fileURLWithPath: extractDir).standardizedFileURL.path
        let outcome = try await StoreHost.withStore(store.configuration) { host in
            try await ExtractImport.run(store: host.store, figures: nil, files: files, source: source, importedBy: "cli:\(user)")
        }
        switch outcome {
        case .imported(let version, let superseded):
            print("imported as version \(version.version): \(version.municipalities.count) municipalities, \(version.years.lowerBound)–\(version.years.upperBound)")
            print(version.summary)
            if !superseded.isEmpty { print("supersedes version " + superseded.map(String.init).joined(separator: ", ") + " (kept in history)") }
        case .rejected(let problems):
            Self.report(problems)
            throw ExitCode(1)
        }
    }

    static func report(_ problems: [ExtractProblem]) {
        var text = problems.map(\.description).joined(separator: "\n")
        text += "\ninvalid: \(problems.count) problem\(problems.count == 1 ? "" : "s") found; nothing was imported\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
