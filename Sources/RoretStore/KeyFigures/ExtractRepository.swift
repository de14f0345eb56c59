import FluentKit
import Foundation
import RoretCore
import RoretImport

/// The outcome of importing an extract into the store.
public enum ImportOutcome: Sendable {
    /// Stored as this version; the versions it superseded are listed.
    case imported(ExtractVersion, superseded: [Int])
    /// Nothing was stored: every problem found.
    case rejected([ExtractProblem])
}

/// Stored register extracts (*udtræk*), versioned. An import is validated
/// first and stored in one transaction: all of it or nothing. A new import
/// supersedes every current one whose municipalities and years it covers;
/// superseded versions stay in history.
public struct ExtractRepository: Sendable {
    let database: any Database

    /// Validates `files` (name → bytes) and, when valid, stores them as a new version.
    /// `read` is their reading when the caller has it already (an upload
    /// read while it streamed in). With `audit`, the entry for a stored
    /// version is written in the same transaction as the version (a rejected
    /// extract stores nothing).
    public func importExtract(
        files: [String: [UInt8]], read: ExtractReadResult? = nil, source: String, importedBy: String,
        audit: (@Sendable (_ version: ExtractVersion, _ superseded: [Int]) -> AuditEntry)? = nil
    ) async throws -> ImportOutcome {
        let data: RegisterData
        let summary: ExtractSummary
        switch read ?? ExtractReader.read(files: files) {
        case .invalid(let problems): return .rejected(problems)
        case .valid(let d, let s): (data, summary) = (d, s)
        }
        let codes = data.municipalities.map(\.code).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let kept = files.filter { ExtractReader.knownFiles.contains($0.key) }
        return try await database.transaction { db in
            let latest = try await ExtractImportModel.query(on: db).sort(\.$version, .descending).first()
            let model = ExtractImportModel()
            model.id = UUID()
            model.version = (latest?.version ?? 0) + 1
            model.importedAt = Date()
            model.importedBy = importedBy
            model.source = source
            model.municipalities = codes.joined(separator: ",")
            model.firstYear = data.firstYear
            model.lastYear = data.lastYear
            model.summary = summary.line
            try await model.create(on: db)
            for (name, bytes) in kept.sorted(by: { $0.key < $1.key }) {
                let file = ExtractFileModel()
                file.id = UUID()
                file.importID = model.id!
                file.name = name
                file.content = Data(bytes)
                try await file.create(on: db)
            }
            let new = ExtractVersion(model)
            var superseded: [Int] = []
            let current = try await ExtractImportModel.query(on: db).filter(\.$supersededBy == nil).all()
            for old in current where old.id != model.id && new.covers(ExtractVersion(old)) {
                old.supersededBy = model.version
                try await old.save(on: db)
                superseded.append(old.version)
            }
            if let audit { try await AuditLog.write(audit(new, superseded.sorted()), on: db) }
            return .imported(new, superseded: superseded.sorted())
        }
    }

    /// Every version, newest first.
    public func history() async throws -> [ExtractVersion] {
        try await ExtractImportModel.query(on: database).sort(\.$version, .descending).all().map(ExtractVersion.init)
    }

    /// The version whose figures a user of `area` sees: the newest current
    /// version holding that municipality; for `national`, the newest current one.
    public func current(for area: String) async throws -> ExtractVersion? {
        Self.pick(try await currentVersions(), for: area)
    }

    /// Every version no later import has superseded, newest first.
    public func currentVersions() async throws -> [ExtractVersion] {
        try await ExtractImportModel.query(on: database)
            .filter(\.$supersededBy == nil).sort(\.$version, .descending).all().map(ExtractVersion.init)
    }

    /// Of current versions (newest first), the one a user of `area` sees.
    public static func pick(_ current: [ExtractVersion], for area: String) -> ExtractVersion? {
        area == nationalArea ? current.first : current.first { $0.municipalities.contains(area) }
    }

    /// The version with this number, if any.
    public func version(_ number: Int) async throws -> ExtractVersion? {
        try await ExtractImportModel.query(on: database).filter(\.$version == number).first().map(ExtractVersion.init)
    }

    /// The stored files of a version, name → bytes.
    public func files(of version: ExtractVersion) async throws -> [String: [UInt8]] {
        let rows = try await ExtractFileModel.query(on: database).filter(\.$importID == version.id).all()
        var files: [String: [UInt8]] = [:]
        for row in rows { files[row.name] = [UInt8](row.content) }
        return files
    }

    /// The register data of a version, read and validated again from its
    /// stored files; `addedMeasurements` (answers collected in Roret) join
    /// its `measurements.csv`, those of municipalities outside it left out.
    public func registerData(of version: ExtractVersion, addedMeasurements: [MeasurementsCSV.Row] = []) async throws -> RegisterData {
        var files = try await files(of: version)
        let added = addedMeasurements.filter { version.municipalities.contains($0.municipality) }
        if !added.isEmpty { files["measurements.csv"] = MeasurementsCSV.appending(added, to: files["measurements.csv"]) }
        switch ExtractReader.read(files: files) {
        case .valid(let data, _): return data
        case .invalid(let problems):
            throw StoredExtractCorrupt(version: version.version, problems: problems)
        }
    }
}

/// A stored version no longer reads as a valid extract (the database was changed by hand).
public struct StoredExtractCorrupt: Error, CustomStringConvertible {
    public var version: Int
    public var problems: [ExtractProblem]
    public var description: String {
        "stored extract version \(version) is no longer valid: " + problems.prefix(3).map(\.description).joined(separator: "; ")
    }
}
