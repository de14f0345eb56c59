import FluentKit

/// Reviews of ten recent cases (*sagsgennemgange*): the seed and the sampled
/// records (JSON); the reviewers' answers per case and criterion
/// (append-only); and the administrators' time-limited grants.
struct M031CreateCaseReviews: AsyncMigration {
    var name: String { "M031CreateCaseReviews" }

    func prepare(on database: any Database) async throws {
        try await database.schema("case_reviews")
            .id()
            .field("municipality", .string, .required)
            .field("seed", .string, .required)
            .field("sample", .string, .required)
            .field("review_date", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("case_review_answers")
            .id()
            .field("review_id", .uuid, .required, .references("case_reviews", "id"))
            .field("citizen_id", .uuid, .required)
            .field("criterion", .int, .required)
            .field("answer", .string, .required)
            .field("comment", .string, .required)
            .field("reviewer", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema("review_grants")
            .id()
            .field("review_id", .uuid, .required, .references("case_reviews", "id"))
            .field("username", .string, .required)
            .field("expires_on", .string, .required)
            .field("granted_by", .string, .required)
            .field("granted_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("review_grants").delete()
        try await database.schema("case_review_answers").delete()
        try await database.schema("case_reviews").delete()
    }
}
