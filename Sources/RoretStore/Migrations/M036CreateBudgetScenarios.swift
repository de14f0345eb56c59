import FluentKit

/// Saved budget-potential scenarios (*budgetscenarier*): owned and dated,
/// each a Core `BudgetScenario` as JSON; never changed once saved.
struct M036CreateBudgetScenarios: AsyncMigration {
    var name: String { "M036CreateBudgetScenarios" }

    func prepare(on database: any Database) async throws {
        try await database.schema("budget_scenarios")
            .id()
            .field("municipality", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("owner", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("budget_scenarios").delete()
    }
}
