import RoretImport
import RoretStore
import Vapor

/// Importing an extract (web upload or `roret import`): store it all or
/// nothing, audit the outcome, and start computing the new version's figures.
public enum ExtractImport {
    public static func run(
        store: Store, figures: KeyFigureCache?, currentVersions: CurrentVersions? = nil, files: [String: [UInt8]],
        read: ExtractReadResult? = nil, source: String, importedBy: String, address: String? = nil
    ) async throws -> ImportOutcome {
        let outcome = try await store.extracts.importExtract(files: files, read: read, source: source, importedBy: importedBy) { version, superseded in
            let replaced = superseded.isEmpty ? "" : "; erstatter v" + superseded.map(String.init).joined(separator: ", v")
            return AuditEntry(.extractImported, username: importedBy, detail: "v\(version.version) fra \(source): \(version.summary)\(replaced)", address: address)
        }
        switch outcome {
        case .imported(let version, _):
            currentVersions?.invalidate()
            if let figures {
                let answers = try await store.publications.latest()
                Task { _ = try? await figures.figures(of: version, answers: answers) }
            }
        case .rejected(let problems):
            try await store.audit.record(.extractRejected, username: importedBy, detail: "\(source): \(problems.count) fejl, intet gemt", address: address)
        }
        return outcome
    }
}
