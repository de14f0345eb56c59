import FluentKit
import Foundation
import RoretCore
import RoretImport

/// A citizen followed up (*borger*) as the rest of Roret sees it.
public struct Citizen: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var municipality: String
    /// The pseudonymous id shown to everyone with access to the case.
    public var pseudonym: String
    /// The name, shown only to those with access to the citizen's record.
    public var name: String?
    /// The assigned caseworker's username.
    public var caseworker: String?
    public var phase: CasePhase
    /// When measurement follow-up started (the first measurement is due then).
    public var followUpStartedOn: Day
    public var createdAt: Date
    /// The citizen's own account, if they have one.
    public var accountUsername: String?

    init(_ model: CitizenModel) {
        id = model.id!
        municipality = model.municipality
        pseudonym = model.pseudonym
        name = model.name
        caseworker = model.caseworker
        phase = CasePhase(rawValue: model.phase) ?? .opening
        followUpStartedOn = Day(iso: model.followUpStartedOn) ?? Day(rawValue: 0)
        createdAt = model.createdAt
        accountUsername = model.accountUsername
    }
}

/// One of a citizen's interventions (*indsats*): paragraph, provider, spell.
public struct CitizenIntervention: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var citizenID: UUID
    public var paragraph: Paragraph
    /// The offer's name.
    public var provider: String
    /// The offer delivering it (*tilbud*).
    public var offerID: UUID?
    public var start: Day
    /// Last day, inclusive; nil while running.
    public var end: Day?

    /// The staircase step of the paragraph (0 when off the staircase).
    public var step: Int { Staircase.standard.step(of: paragraph) }

    /// Whether it is active on `day`.
    public func isActive(on day: Day) -> Bool { start <= day && end.map { day <= $0 } ?? true }

    init(_ m: CitizenInterventionModel) {
        id = m.id!
        citizenID = m.citizenID
        paragraph = Paragraph(code: m.paragraph) ?? .p99
        provider = m.provider
        offerID = m.offerID
        start = Day(iso: m.startOn) ?? Day(rawValue: 0)
        end = m.endOn.flatMap { Day(iso: $0) }
    }
}

/// Citizens' records (*borgerregister*).
public struct CitizenRepository: Sendable {
    let database: any Database

    /// Creates a citizen; the pseudonym must follow the extract's `person_id`
    /// rule (it becomes `person_id` in `measurements.csv`) and be new in the municipality.
    public func create(municipality: String, pseudonym: String, name: String?, caseworker: String?, followUpStartedOn: Day) async throws -> Citizen {
        if let problem = Pseudonym.problem(pseudonym) { throw CitizenError.invalidPseudonym(problem) }
        let taken = try await CitizenModel.query(on: database)
            .filter(\.$municipality == municipality).filter(\.$pseudonym == pseudonym).count() > 0
        if taken { throw CitizenError.pseudonymTaken(pseudonym) }
        let model = CitizenModel()
        model.id = UUID()
        model.municipality = municipality
        model.pseudonym = pseudonym
        model.name = name
        model.caseworker = caseworker
        model.phase = CasePhase.opening.rawValue
        model.followUpStartedOn = followUpStartedOn.description
        model.createdAt = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        try await model.create(on: database)
        return Citizen(model)
    }

    public func find(id: UUID) async throws -> Citizen? {
        try await CitizenModel.find(id, on: database).map(Citizen.init)
    }

    /// Every citizen of a municipality (or of all, for `nil`), by municipality and pseudonym.
    public func all(municipality: String? = nil) async throws -> [Citizen] {
        var query = CitizenModel.query(on: database)
        if let municipality { query = query.filter(\.$municipality == municipality) }
        return try await query.sort(\.$municipality).sort(\.$pseudonym).all().map(Citizen.init)
    }

    /// The citizens assigned to a caseworker, by pseudonym.
    public func assigned(to caseworker: String) async throws -> [Citizen] {
        try await CitizenModel.query(on: database).filter(\.$caseworker == caseworker).sort(\.$pseudonym).all().map(Citizen.init)
    }

    /// Gives the citizen their own account (for their own view).
    public func linkAccount(_ username: String, to id: UUID) async throws {
        guard let model = try await CitizenModel.find(id, on: database) else { throw CitizenError.noSuchCitizen }
        model.accountUsername = username
        try await model.save(on: database)
    }

    /// The citizen whose own account this is.
    public func find(accountUsername: String) async throws -> Citizen? {
        try await CitizenModel.query(on: database).filter(\.$accountUsername == accountUsername).first().map(Citizen.init)
    }

    /// Records an intervention at the offer named `provider` in the
    /// citizen's municipality (registered there if new).
    @discardableResult
    public func addIntervention(to id: UUID, paragraph: Paragraph, provider: String, start: Day, end: Day?) async throws -> CitizenIntervention {
        guard let citizen = try await CitizenModel.find(id, on: database) else { throw CitizenError.noSuchCitizen }
        for (day, field) in [(start, "Startdatoen"), (end, "Slutdatoen")] {
            if let day, case .failure(let error) = ExtractFieldRules.date(day.description, field: field) { throw CitizenError.invalidAnswer(error.reason) }
        }
        if let end, end < start { throw CitizenError.invalidAnswer("indsatsen slutter \(end), før den begynder \(start)") }
        guard !provider.allSatisfy(\.isWhitespace) else { throw CitizenError.invalidAnswer("en indsats skal have en udfører") }
        let offer = try await OfferRepository(database: database).ensure(municipality: citizen.municipality, name: provider)
        let m = CitizenInterventionModel()
        m.id = UUID()
        m.citizenID = id
        m.paragraph = paragraph.code
        m.provider = offer.name
        m.offerID = UUID(uuidString: offer.id)
        m.startOn = start.description
        m.endOn = end?.description
        try await m.create(on: database)
        return CitizenIntervention(m)
    }

    /// A citizen's interventions, by start.
    public func interventions(of id: UUID) async throws -> [CitizenIntervention] {
        try await CitizenInterventionModel.query(on: database).filter(\.$citizenID == id).all()
            .map(CitizenIntervention.init).sorted { ($0.start, $0.provider) < ($1.start, $1.provider) }
    }

    /// Every spell at the offer (running or ended), by start.
    public func spells(atOffer offer: UUID) async throws -> [CitizenIntervention] {
        try await CitizenInterventionModel.query(on: database).filter(\.$offerID == offer).all().map(CitizenIntervention.init).sorted { $0.start < $1.start }
    }

    /// The citizens with an intervention at the offer active on `day`.
    public func withActiveIntervention(at offer: UUID, on day: Day) async throws -> [Citizen] {
        let spells = try await CitizenInterventionModel.query(on: database).filter(\.$offerID == offer).all().map(CitizenIntervention.init)
        let ids = Set(spells.filter { $0.isActive(on: day) }.map(\.citizenID))
        return try await CitizenModel.query(on: database).filter(\.$id ~~ Array(ids)).sort(\.$pseudonym).all().map(Citizen.init)
    }

    /// Ends a running intervention of the citizen with `end` as its last day;
    /// the provider's access to the record ends after that day.
    public func endIntervention(_ interventionID: UUID, of citizenID: UUID, on end: Day) async throws -> CitizenIntervention {
        guard let m = try await CitizenInterventionModel.query(on: database).filter(\.$id == interventionID).filter(\.$citizenID == citizenID).first() else {
            throw CitizenError.invalidAnswer("indsatsen findes ikke i denne borgers sag")
        }
        if case .failure(let error) = ExtractFieldRules.date(end.description, field: "Sidste dag") { throw CitizenError.invalidAnswer(error.reason) }
        guard m.endOn == nil else { throw CitizenError.invalidAnswer("indsatsen er allerede afsluttet") }
        let start = Day(iso: m.startOn) ?? end
        guard end >= start else { throw CitizenError.invalidAnswer("den sidste dag (\(end)) er før indsatsen begyndte (\(start))") }
        m.endOn = end.description
        try await m.save(on: database)
        return CitizenIntervention(m)
    }

    /// What decides who may read the citizen's record on `day`.
    public func accessFacts(of citizen: Citizen, on day: Day) async throws -> CitizenAccessFacts {
        let active = try await interventions(of: citizen.id).filter { $0.isActive(on: day) }.compactMap { $0.offerID?.uuidString }
        return CitizenAccessFacts(municipality: citizen.municipality, caseworker: citizen.caseworker, activeProviders: Set(active), ownAccount: citizen.accountUsername)
    }

    /// Moves the case to another phase.
    public func setPhase(_ phase: CasePhase, of id: UUID) async throws {
        guard let model = try await CitizenModel.find(id, on: database) else { throw CitizenError.noSuchCitizen }
        model.phase = phase.rawValue
        try await model.save(on: database)
    }
}

/// What goes wrong with citizens' data that a caller can act on.
public enum CitizenError: Error, Equatable {
    case pseudonymTaken(String)
    /// The reason, in plain words (a CPR-like value is never echoed).
    case invalidPseudonym(String)
    case noSuchCitizen
    /// Five answers, each empty or within the instrument's scale.
    case invalidAnswer(String)
    case noSuchLink
    /// The plan text was edited by someone else first; nothing was stored.
    case entryAlreadyChanged
}
