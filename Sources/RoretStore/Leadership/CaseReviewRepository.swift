import FluentKit
import Foundation
import RoretCore

/// Fluent row of `case_reviews`; never leaves RoretStore (see `StoredCaseReview`).
final class CaseReviewModel: Model, @unchecked Sendable {
    static let schema = "case_reviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "municipality") var municipality: String
    @Field(key: "seed") var seed: String
    /// The sampled citizens' ids as JSON, in the drawn order.
    @Field(key: "sample") var sample: String
    @Field(key: "review_date") var reviewDate: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// Fluent row of `case_review_answers`.
final class CaseReviewAnswerModel: Model, @unchecked Sendable {
    static let schema = "case_review_answers"

    @ID(key: .id) var id: UUID?
    @Field(key: "review_id") var reviewID: UUID
    @Field(key: "citizen_id") var citizenID: UUID
    @Field(key: "criterion") var criterion: Int
    @Field(key: "answer") var answer: String
    @Field(key: "comment") var comment: String
    @Field(key: "reviewer") var reviewer: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// Fluent row of `review_grants`.
final class ReviewGrantModel: Model, @unchecked Sendable {
    static let schema = "review_grants"

    @ID(key: .id) var id: UUID?
    @Field(key: "review_id") var reviewID: UUID
    @Field(key: "username") var username: String
    @Field(key: "expires_on") var expiresOn: String
    @Field(key: "granted_by") var grantedBy: String
    @Field(key: "granted_at") var grantedAt: Date

    init() {}
}

/// A case review as the rest of Roret sees it.
public struct StoredCaseReview: Sendable, Hashable {
    public var id: UUID
    public var municipality: String
    public var seed: UInt64
    /// The sampled citizens, in the drawn order ("sag 1" … "sag 10").
    public var sample: [UUID]
    public var date: Day
    /// One criterion's answer for one case, with the reviewer's comment.
    public struct Answer: Sendable, Hashable {
        public var answer: ReviewAnswer
        public var comment: String
    }

    /// Citizen → criterion (1-based) → the latest answer.
    public var answers: [UUID: [Int: Answer]]
    public var grants: [ReviewGrant]

    /// The answers without the records: what the steering group sees.
    public var aggregate: [[ReviewAnswer: Int]] {
        CaseReview.aggregate(sample.map { id in (answers[id] ?? [:]).mapValues(\.answer) })
    }
}

/// Reviews of ten recent cases (*sagsgennemgang*).
public struct CaseReviewRepository: Sendable {
    let database: any Database

    /// Draws the sample (`CaseReview.sample` of the eligible records) and stores the review.
    public func create(municipality: String, eligible: [UUID], seed: UInt64, on day: Day, by user: String) async throws -> StoredCaseReview {
        let drawn = CaseReview.sample(eligible.map(\.uuidString), seed: seed).compactMap(UUID.init(uuidString:))
        let m = CaseReviewModel()
        m.id = UUID()
        m.municipality = municipality
        m.seed = String(seed)
        m.sample = String(decoding: try JSONEncoder().encode(drawn), as: UTF8.self)
        m.reviewDate = day.description
        m.createdBy = user
        m.createdAt = Date()
        try await m.create(on: database)
        return try await review(m.id!)!
    }

    public func review(_ id: UUID) async throws -> StoredCaseReview? {
        guard let m = try await CaseReviewModel.find(id, on: database) else { return nil }
        return try await reviews([m]).first
    }

    /// The municipality's reviews (all, for `nil`), newest first.
    public func reviews(municipality: String?) async throws -> [StoredCaseReview] {
        var q = CaseReviewModel.query(on: database)
        if let municipality { q = q.filter(\.$municipality == municipality) }
        return try await reviews(q.all())
    }

    private func reviews(_ models: [CaseReviewModel]) async throws -> [StoredCaseReview] {
        let ids = models.compactMap(\.id)
        let answers = Dictionary(grouping: try await CaseReviewAnswerModel.query(on: database).filter(\.$reviewID ~~ ids).sort(\.$recordedAt).all(), by: \.reviewID)
        let grants = Dictionary(grouping: try await ReviewGrantModel.query(on: database).filter(\.$reviewID ~~ ids).all(), by: \.reviewID)
        let newestFirst = models.sorted { ($0.reviewDate, $0.createdAt) > ($1.reviewDate, $1.createdAt) }
        return newestFirst.map { m in
            var byCitizen: [UUID: [Int: StoredCaseReview.Answer]] = [:]
            for a in answers[m.id!] ?? [] {
                guard let answer = ReviewAnswer(rawValue: a.answer) else { continue }
                byCitizen[a.citizenID, default: [:]][a.criterion] = StoredCaseReview.Answer(answer: answer, comment: a.comment)
            }
            return StoredCaseReview(
                id: m.id!, municipality: m.municipality, seed: UInt64(m.seed) ?? 0,
                sample: (try? JSONDecoder().decode([UUID].self, from: Data(m.sample.utf8))) ?? [],
                date: Day(iso: m.reviewDate) ?? Day(rawValue: 0), answers: byCitizen,
                grants: (grants[m.id!] ?? []).compactMap { g in Day(iso: g.expiresOn).map { ReviewGrant(username: g.username, expiresOn: $0) } })
        }
    }

    /// A reviewer's answers for one sampled case: every criterion, in one transaction.
    public func answer(review id: UUID, citizen: UUID, _ answers: [Int: (ReviewAnswer, String)], by reviewer: String) async throws {
        guard let review = try await review(id), review.sample.contains(citizen) else { throw LeadershipRefused(problems: ["Sagen er ikke med i gennemgangen."]) }
        try await database.transaction { db in
            for (criterion, (answer, comment)) in answers.sorted(by: { $0.key < $1.key }) {
                let m = CaseReviewAnswerModel()
                m.id = UUID()
                m.reviewID = id
                m.citizenID = citizen
                m.criterion = criterion
                m.answer = answer.rawValue
                m.comment = comment
                m.reviewer = reviewer
                m.recordedAt = Date()
                try await m.create(on: db)
            }
        }
    }

    /// Gives a named person access to the review's sampled records until `expiresOn`.
    public func grant(review id: UUID, to username: String, until expiresOn: Day, by admin: String) async throws {
        let m = ReviewGrantModel()
        m.id = UUID()
        m.reviewID = id
        m.username = username
        m.expiresOn = expiresOn.description
        m.grantedBy = admin
        m.grantedAt = Date()
        try await m.create(on: database)
    }
}
