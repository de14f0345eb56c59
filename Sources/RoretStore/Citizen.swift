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

    init(_ model: CitizenModel) {
        id = model.id!
        municipality = model.municipality
        pseudonym = model.pseudonym
        name = model.name
        caseworker = model.caseworker
        phase = CasePhase(rawValue: model.phase) ?? .opening
        followUpStartedOn = Day(iso: model.followUpStartedOn) ?? Day(rawValue: 0)
        createdAt = model.createdAt
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
}
