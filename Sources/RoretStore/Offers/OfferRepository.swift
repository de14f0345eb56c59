import FluentKit
import Foundation
import RoretCore

/// The kinds of document an offer keeps (*resultatdokumentation*), each a
/// Codable value of Core stored in numbered versions.
public enum OfferDocumentKind: String, Sendable, CaseIterable {
    case intervention, selfEvaluation = "self_evaluation", selfEvaluationAnswer = "self_evaluation_answer", maturity, theory, theoryDraft = "theory_draft", journey
    case strategy, instruments, measurementPlan = "measurement_plan", collectionPlan = "collection_plan", annualPlan = "annual_plan"
    case checklist, action
    /// Part 2 (collection): answers at the offer, citizens' goals at the offer with their follow-ups, calibration sessions.
    case answer, goal, calibration
    /// One rater's item ratings in a calibration session (keyed "<session>/<username>").
    case calibrationRating = "calibration_rating"
    /// Which intervention and sub-group of the offer a citizen follows (keyed by the citizen's record id).
    case enrolment
    /// Part 2 (use and review): learning meetings with their frozen report and decisions; reviews of the whole cycle.
    case learningMeeting = "learning_meeting", cycleReview = "cycle_review"
    /// A citizen's personal link to answer one of the offer's own instruments (keyed by the token's hash).
    case answerLink = "answer_link"
    /// The status reports sent to the authority for a citizen (keyed by the citizen's record id; each version one report).
    case statusReport = "status_report"
}

/// One version of an offer's document, with who saved it and when.
public struct OfferDocument<Value: Codable & Sendable>: Sendable {
    public var key: String
    public var version: Int
    public var value: Value
    public var savedBy: String
    public var savedAt: Date
}

/// A refused change to an offer: every problem, in Danish.
public struct OfferRefused: Error, Sendable, Equatable {
    public var problems: [String]
    public init(_ problems: [String]) { self.problems = problems }
}

/// Social offers (*tilbud*) and their results documentation.
public struct OfferRepository: Sendable {
    let database: any Database

    private static func offer(_ m: OfferModel, interventions: [OfferIntervention] = []) -> Offer {
        Offer(id: m.id!.uuidString, municipality: m.municipality, name: m.name,
              paragraphs: m.paragraphs.split(separator: ",").compactMap { Paragraph(code: String($0)) }, leader: m.leader, interventions: interventions)
    }

    /// Every offer, by municipality and name (without their interventions).
    public func all() async throws -> [Offer] {
        try await OfferModel.query(on: database).sort(\.$municipality).sort(\.$name).all().map { Self.offer($0) }
    }

    /// The municipality's offers, by name.
    public func all(municipality: String) async throws -> [Offer] {
        try await OfferModel.query(on: database).filter(\.$municipality == municipality).sort(\.$name).all().map { Self.offer($0) }
    }

    /// The offer with its interventions.
    public func find(_ id: UUID) async throws -> Offer? {
        guard let m = try await OfferModel.find(id, on: database) else { return nil }
        let interventions = try await current(OfferIntervention.self, offer: id, kind: .intervention).map(\.value).sorted { $0.name < $1.name }
        return Self.offer(m, interventions: interventions)
    }

    /// The offer named `name` in the municipality, registered (with no
    /// paragraphs or leader yet) when it is new: an intervention or a staff
    /// account always refers to an offer.
    public func ensure(municipality: String, name: String) async throws -> Offer {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw OfferRefused(["Tilbud: skriv tilbuddets navn."]) }
        if let m = try await OfferModel.query(on: database).filter(\.$municipality == municipality).filter(\.$name == name).first() { return Self.offer(m) }
        return try await create(municipality: municipality, name: name, paragraphs: [], leader: nil)
    }

    /// Registers an offer; its name must be new in the municipality.
    public func create(municipality: String, name: String, paragraphs: [Paragraph], leader: String?) async throws -> Offer {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        try await check(municipality: municipality, name: name, except: nil)
        let m = OfferModel()
        m.id = UUID()
        m.municipality = municipality
        m.name = name
        m.paragraphs = paragraphs.map(\.code).joined(separator: ",")
        m.leader = leader
        m.createdAt = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        try await m.create(on: database)
        return Self.offer(m)
    }

    /// Changes name, paragraphs and leader. A new name is written on the
    /// offer's staff accounts and interventions too (run it in a transaction).
    public func update(_ id: UUID, name: String, paragraphs: [Paragraph], leader: String?) async throws -> Offer {
        guard let m = try await OfferModel.find(id, on: database) else { throw OfferRefused(["Tilbuddet findes ikke."]) }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        try await check(municipality: m.municipality, name: name, except: id)
        if name != m.name {
            try await AccountModel.query(on: database).filter(\.$offerID == id).set(\.$provider, to: name).update()
            try await CitizenInterventionModel.query(on: database).filter(\.$offerID == id).set(\.$provider, to: name).update()
        }
        m.name = name
        m.paragraphs = paragraphs.map(\.code).joined(separator: ",")
        m.leader = leader
        try await m.save(on: database)
        return Self.offer(m)
    }

    private func check(municipality: String, name: String, except: UUID?) async throws {
        guard !name.isEmpty else { throw OfferRefused(["Navn: skriv tilbuddets navn."]) }
        guard name.count <= 120 else { throw OfferRefused(["Navn: højst 120 tegn."]) }
        var query = OfferModel.query(on: database).filter(\.$municipality == municipality).filter(\.$name == name)
        if let except { query = query.filter(\.$id != except) }
        if try await query.count() > 0 { throw OfferRefused(["Navn: kommunen har allerede et tilbud med navnet »\(name)«."]) }
    }

    /// The offer's staff accounts (provider staff belonging to it), by username.
    public func staff(of id: UUID) async throws -> [Account] {
        try await AccountModel.query(on: database).filter(\.$offerID == id).sort(\.$username).all().map(Account.init)
    }

    // MARK: Documents

    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    private static func document<T: Codable & Sendable>(_ m: OfferDocumentModel, as type: T.Type) throws -> OfferDocument<T> {
        OfferDocument(key: m.key, version: m.version, value: try JSONDecoder().decode(T.self, from: Data(m.payload.utf8)), savedBy: m.savedBy, savedAt: m.savedAt)
    }

    /// The current version of every document of `kind` (one per key), oldest key first.
    public func current<T: Codable & Sendable>(_ type: T.Type, offer: UUID, kind: OfferDocumentKind) async throws -> [OfferDocument<T>] {
        let rows = try await OfferDocumentModel.query(on: database).filter(\.$offerID == offer).filter(\.$kind == kind.rawValue).sort(\.$savedAt).sort(\.$version).all()
        var latest: [String: OfferDocumentModel] = [:]
        var order: [String] = []
        for r in rows {
            if latest[r.key] == nil { order.append(r.key) }
            if (latest[r.key]?.version ?? 0) < r.version { latest[r.key] = r }
        }
        return try order.map { try Self.document(latest[$0]!, as: T.self) }
    }

    /// The current version of one document, if saved.
    public func current<T: Codable & Sendable>(_ type: T.Type, offer: UUID, kind: OfferDocumentKind, key: String) async throws -> OfferDocument<T>? {
        try await OfferDocumentModel.query(on: database).filter(\.$offerID == offer).filter(\.$kind == kind.rawValue).filter(\.$key == key)
            .sort(\.$version, .descending).first().map { try Self.document($0, as: T.self) }
    }

    /// Every version of one document, oldest first.
    public func versions<T: Codable & Sendable>(_ type: T.Type, offer: UUID, kind: OfferDocumentKind, key: String) async throws -> [OfferDocument<T>] {
        try await OfferDocumentModel.query(on: database).filter(\.$offerID == offer).filter(\.$kind == kind.rawValue).filter(\.$key == key)
            .sort(\.$version).all().map { try Self.document($0, as: T.self) }
    }

    /// The keys of `kind`'s documents of which `user` saved any version.
    public func keys(savedBy user: String, offer: UUID, kind: OfferDocumentKind) async throws -> Set<String> {
        Set(try await OfferDocumentModel.query(on: database).filter(\.$offerID == offer).filter(\.$kind == kind.rawValue).filter(\.$savedBy == user).all().map(\.key))
    }

    /// Saves `value` as the document's next version (the first is 1); an
    /// earlier version is never changed.
    @discardableResult
    ///
    /// With `after`, the version it replaces: when another save came first,
    /// the next version exists and the unique (offer, kind, key, version)
    /// refuses this one — exactly one of two concurrent changes takes effect.
    public func save<T: Codable & Sendable>(_ value: T, offer: UUID, kind: OfferDocumentKind, key: String, by user: String, after expected: Int? = nil) async throws -> OfferDocument<T> {
        let last: Int
        if let expected {
            last = expected
        } else {
            last = try await OfferDocumentModel.query(on: database).filter(\.$offerID == offer).filter(\.$kind == kind.rawValue).filter(\.$key == key)
                .sort(\.$version, .descending).first()?.version ?? 0
        }
        let m = OfferDocumentModel()
        m.id = UUID()
        m.offerID = offer
        m.kind = kind.rawValue
        m.key = key
        m.version = last + 1
        m.payload = String(decoding: try Self.encoder.encode(value), as: UTF8.self)
        m.savedBy = user
        m.savedAt = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        try await m.create(on: database)
        return try Self.document(m, as: T.self)
    }
}
