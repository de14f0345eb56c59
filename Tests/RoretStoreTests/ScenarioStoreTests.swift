import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
import Testing

/// Budget scenarios in the store: saved whole with every input's source, by area.
@Suite struct ScenarioStoreTests {
    @Test(arguments: TestDatabase.available)
    func scenariosKeepEveryInputAndItsSource(_ backend: TestDatabase) async throws {
        try await withStore(backend) { host in
            let store = host.store
            let down = BudgetScenario(name: "10 borgere fra trin 5 til trin 4", kind: .downTheStaircase, area: "265", baseYear: 2024, citizens: 10, fromStep: 5, toStep: 4,
                                      unitCostFrom: .init(612_345.5, .register("NT14 2024")), unitCostTo: .init(401_000, .entered("Lene Leder")), persistence: .init(0.93, .register("NT07")),
                                      addedCosts: [50_000, 0])
            let saved = try await store.scenarios.save(down, by: "leder")
            let job = try await store.scenarios.save(BudgetScenario(name: "Fem i job", kind: .employment, area: "265", baseYear: 2024, citizens: 5, potentialPerCitizen: BudgetScenario.employmentDefault), by: "analytiker")
            _ = try await store.scenarios.save(BudgetScenario(name: "Greve", kind: .employment, area: "253", baseYear: 2024, citizens: 1), by: "leder-greve")
            let found = try #require(try await store.scenarios.find(saved.id))
            #expect(found.scenario == down && found.owner == "leder")
            #expect(found.scenario.unitCostTo.source == .entered("Lene Leder") && found.scenario.potentialPerCitizen.source == .assumption(""))
            #expect(Set(try await store.scenarios.all(area: "265").map(\.id)) == [saved.id, job.id])
            #expect(try await store.scenarios.all(area: "253").map(\.scenario.name) == ["Greve"])
        }
    }
}
