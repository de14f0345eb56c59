import FluentKit
import Foundation

/// Fluent row of `extract_imports`; never leaves RoretStore (see `ExtractVersion`).
final class ExtractImportModel: Model, @unchecked Sendable {
    static let schema = "extract_imports"

    @ID(key: .id) var id: UUID?
    @Field(key: "version") var version: Int
    @Field(key: "imported_at") var importedAt: Date
    @Field(key: "imported_by") var importedBy: String
    @Field(key: "source") var source: String
    /// Municipality codes, comma-separated, in code order.
    @Field(key: "municipalities") var municipalities: String
    @Field(key: "first_year") var firstYear: Int
    @Field(key: "last_year") var lastYear: Int
    @Field(key: "summary") var summary: String
    @OptionalField(key: "superseded_by") var supersededBy: Int?

    init() {}
}
