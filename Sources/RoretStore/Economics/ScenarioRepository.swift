import FluentKit
import Foundation
import RoretCore

/// Fluent row of `budget_scenarios`; never leaves RoretStore (see `StoredScenario`).
final class BudgetScenarioModel: Model, @unchecked Sendable {
    static let schema = "budget_scenarios"

    @ID(key: .id) var id: UUID?
    @Field(key: "municipality") var municipality: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "payload") var payload: String
    @Field(key: "owner") var owner: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A saved scenario with its owner and date.
public struct StoredScenario: Sendable, Hashable {
    public var id: UUID
    public var scenario: BudgetScenario
    public var owner: String
    public var createdAt: Date
}

/// Budget-potential scenarios (*scenarier*).
public struct ScenarioRepository: Sendable {
    let database: any Database

    private static func stored(_ m: BudgetScenarioModel) throws -> StoredScenario {
        StoredScenario(id: m.id!, scenario: try JSONDecoder().decode(BudgetScenario.self, from: Data(m.payload.utf8)), owner: m.owner, createdAt: m.createdAt)
    }

    /// Saves a scenario owned by `owner`.
    public func save(_ scenario: BudgetScenario, by owner: String) async throws -> StoredScenario {
        let m = BudgetScenarioModel()
        m.id = UUID()
        m.municipality = scenario.area
        m.name = scenario.name
        m.kind = scenario.kind.rawValue
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        m.payload = String(decoding: try encoder.encode(scenario), as: UTF8.self)
        m.owner = owner
        m.createdAt = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        try await m.create(on: database)
        return try Self.stored(m)
    }

    /// The area's scenarios, newest first.
    public func all(area: String) async throws -> [StoredScenario] {
        try await BudgetScenarioModel.query(on: database).filter(\.$municipality == area).sort(\.$createdAt, .descending).sort(\.$name).all().map(Self.stored)
    }

    public func find(_ id: UUID) async throws -> StoredScenario? {
        try await BudgetScenarioModel.find(id, on: database).map(Self.stored)
    }
}
