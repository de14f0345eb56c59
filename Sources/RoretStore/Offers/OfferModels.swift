import FluentKit
import Foundation

/// Fluent row of `offers`; never leaves RoretStore (see `Offer` in Core).
final class OfferModel: Model, @unchecked Sendable {
    static let schema = "offers"

    @ID(key: .id) var id: UUID?
    @Field(key: "municipality") var municipality: String
    @Field(key: "name") var name: String
    /// Paragraph codes, comma-separated.
    @Field(key: "paragraphs") var paragraphs: String
    @OptionalField(key: "leader") var leader: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// Fluent row of `offer_documents`: one version of one document, as JSON.
final class OfferDocumentModel: Model, @unchecked Sendable {
    static let schema = "offer_documents"

    @ID(key: .id) var id: UUID?
    @Field(key: "offer_id") var offerID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "doc_key") var key: String
    @Field(key: "version") var version: Int
    @Field(key: "payload") var payload: String
    @Field(key: "saved_by") var savedBy: String
    @Field(key: "saved_at") var savedAt: Date

    init() {}
}
