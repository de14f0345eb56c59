import FluentKit
import Foundation

/// Fluent row of `extract_files`; never leaves RoretStore.
final class ExtractFileModel: Model, @unchecked Sendable {
    static let schema = "extract_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "import_id") var importID: UUID
    @Field(key: "name") var name: String
    @Field(key: "content") var content: Data

    init() {}
}
