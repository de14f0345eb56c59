import FluentKit
import SQLKit

/// Editing a plan text (*ret en tekst i planen*): the time of writing, so
/// entries of one day keep their order, and at most one edit per entry — a
/// unique index on `replaces`, so two people editing the same text at once
/// cannot fork its history (NULLs, the originals, are not compared).
struct M018PlanEntryEdits: AsyncMigration {
    var name: String { "M018PlanEntryEdits" }
    static let index = "plan_entries_replaces_unique"

    func prepare(on database: any Database) async throws {
        try await database.schema("plan_entries").field("written_at", .datetime).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: Self.index).unique().on("plan_entries").column("replaces").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: Self.index).run()
        }
        try await database.schema("plan_entries").deleteField("written_at").update()
    }
}
