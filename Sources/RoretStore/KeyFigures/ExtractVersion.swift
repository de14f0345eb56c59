import Foundation

/// One imported register extract (*udtræksversion*): what it covers, who
/// imported it, and whether a later import has superseded it.
public struct ExtractVersion: Sendable, Hashable, Identifiable {
    public var id: UUID
    /// 1, 2, 3, … in import order across the database.
    public var version: Int
    public var importedAt: Date
    public var importedBy: String
    /// Where it came from, e.g. the folder name.
    public var source: String
    /// Municipality codes, in code order.
    public var municipalities: [String]
    public var years: ClosedRange<Int>
    /// The validator's one-line summary (rows per file).
    public var summary: String
    /// The version that superseded this one; nil while it is current.
    public var supersededBy: Int?

    /// Whether no later import has superseded it.
    public var isCurrent: Bool { supersededBy == nil }

    /// Whether this version's data covers all of `other`'s municipalities and years.
    public func covers(_ other: ExtractVersion) -> Bool {
        Set(other.municipalities).isSubset(of: Set(municipalities))
            && years.lowerBound <= other.years.lowerBound && other.years.upperBound <= years.upperBound
    }

    init(_ model: ExtractImportModel) {
        id = model.id!
        version = model.version
        importedAt = model.importedAt
        importedBy = model.importedBy
        source = model.source
        municipalities = model.municipalities.split(separator: ",").map(String.init)
        years = model.firstYear...max(model.firstYear, model.lastYear)
        summary = model.summary
        supersededBy = model.supersededBy
    }
}
