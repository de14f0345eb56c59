import FluentKit
import Foundation
import RoretCore

/// Which answers stored in Roret the leaders' figures include
/// (*svar i nøgletallene*): those entered up to `cutoff` and dated in
/// `countedFromYear` or later. Answers enter the figures at a scheduled
/// rebuild, never one by one, so a leader cannot watch one person's answer
/// move a figure (docs/definitions.md).
public struct AnswersPublication: Sendable, Hashable {
    public var id: UUID
    public var publishedAt: Date
    /// Answers entered after this are not yet in the figures.
    public var cutoff: Date
    /// Answers dated before this year are kept in the record but never counted.
    public var countedFromYear: Int

    public init(id: UUID = UUID(), publishedAt: Date, cutoff: Date, countedFromYear: Int) {
        self.id = id
        self.publishedAt = publishedAt
        self.cutoff = cutoff
        self.countedFromYear = countedFromYear
    }

    /// A publication of the answers entered up to `now`: counted from the
    /// year before `today`'s (an answer backdated further would change
    /// figures that were published long ago).
    public static func now(_ now: Date, today: Day) -> AnswersPublication {
        AnswersPublication(publishedAt: now, cutoff: now, countedFromYear: today.year - 1)
    }

    /// Whether an answer dated `day` is ever counted under this publication's rule.
    public func counts(answeredOn day: Day) -> Bool { day.year >= countedFromYear }
}

final class FigurePublicationModel: Model, @unchecked Sendable {
    static let schema = "figure_publications"

    @ID(key: .id) var id: UUID?
    @Field(key: "published_at") var publishedAt: Date
    @Field(key: "cutoff") var cutoff: Date
    @Field(key: "counted_from_year") var countedFromYear: Int

    init() {}
}

/// The publications, newest last.
public struct AnswersPublicationRepository: Sendable {
    let database: any Database

    public init(database: any Database) { self.database = database }

    /// The publication in force, or nil before the first.
    public func latest() async throws -> AnswersPublication? {
        try await FigurePublicationModel.query(on: database).sort(\.$publishedAt, .descending).first().map(Self.value)
    }

    /// Records a publication (after its figures were computed).
    public func record(_ publication: AnswersPublication) async throws {
        let m = FigurePublicationModel()
        m.id = publication.id
        m.publishedAt = publication.publishedAt
        m.cutoff = publication.cutoff
        m.countedFromYear = publication.countedFromYear
        try await m.create(on: database)
    }

    static func value(_ m: FigurePublicationModel) -> AnswersPublication {
        AnswersPublication(id: m.id ?? UUID(), publishedAt: m.publishedAt, cutoff: m.cutoff, countedFromYear: m.countedFromYear)
    }
}
