import FluentKit
import FluentSQL
import Foundation
import RoretCore

/// Everything Roret holds about one citizen, table by table, as text
/// (*indsigt*, GDPR art. 15): the rows are read with SQLKit's
/// dialect-neutral builder, every column of every row, so nothing added to
/// a table later is forgotten; secrets (password and token hashes) are left out.
public struct CitizenData: Sendable, Hashable, Encodable {
    public struct Table: Sendable, Hashable, Encodable {
        /// The table's name in the database.
        public var name: String
        /// Each row: column → value as text (null as nil).
        public var rows: [[String: String?]]
    }

    public var pseudonym: String
    public var producedAt: Date
    public var tables: [Table]

    /// All rows in all tables.
    public var rowCount: Int { tables.reduce(0) { $0 + $1.rows.count } }
}

/// What an erasure removed, table by table.
public struct CitizenErasure: Sendable, Hashable {
    public var removed: [String: Int]
    public var total: Int { removed.values.reduce(0, +) }
}

/// The citizen's data rights (*indsigt og sletning*): the full export, the
/// erasure, and the records whose retention has run out.
public struct CitizenDataRepository: Sendable {
    let database: any Database

    /// The tables that name a citizen by `citizen_id`, children first (the erasure's order).
    static let byCitizen = ["messages", "citizen_contacts", "measurement_links", "reminders", "measurements", "measurement_requests", "goal_versions", "plan_entries", "case_events",
                            "citizen_interventions", "case_review_answers"]
    /// Columns never exported: secrets.
    static let secret: Set<String> = ["password_hash", "token_hash", "secret", "payload_hash"]

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Everything about `citizen`: the citizen's row and own account, the rows of their record, the offers'
    /// documents that name them (by record id or pseudonym), and the audit entries that name their pseudonym.
    public func export(_ citizen: Citizen, at now: Date = Date()) async throws -> CitizenData {
        var tables: [CitizenData.Table] = []
        tables.append(.init(name: "citizens", rows: try await rows(sql.select().column("*").from("citizens").where("id", .equal, citizen.id))))
        if let username = citizen.accountUsername {
            tables.append(.init(name: "accounts", rows: try await rows(sql.select().column("*").from("accounts").where("username", .equal, username))))
        }
        for table in Self.byCitizen {
            tables.append(.init(name: table, rows: try await rows(sql.select().column("*").from(table).where("citizen_id", .equal, citizen.id))))
        }
        tables.append(.init(name: "offer_documents", rows: try await rows(offerDocuments(citizen).column("*"))))
        let audit = try await rows(sql.select().column("*").from("audit_events").where("detail", .like, "%\(citizen.pseudonym)%").orderBy("at"))
        tables.append(.init(name: "audit_events", rows: audit.filter { Self.names($0["detail"] ?? nil, citizen.pseudonym) }))
        return CitizenData(pseudonym: citizen.pseudonym, producedAt: now, tables: tables)
    }

    /// Erases `citizen` in one transaction: every row of their record and every offer document naming them is
    /// deleted, the citizen's row last; their own account is disabled and its name replaced. The audit log keeps
    /// its entries (the acts, not the record's content); case review answers stay as anonymous counts.
    public func erase(_ citizen: Citizen, audit entry: AuditEntry) async throws -> CitizenErasure {
        try await database.transaction { db in
            let sql = db as! any SQLDatabase
            var removed: [String: Int] = [:]
            for table in Self.byCitizen where table != "case_review_answers" {
                removed[table] = try await Self.count(sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).where("citizen_id", .equal, citizen.id), on: sql)
                try await sql.delete(from: table).where("citizen_id", .equal, citizen.id).run()
            }
            let documents = try await Self.count(CitizenDataRepository(database: db).offerDocuments(citizen).column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"), on: sql)
            removed["offer_documents"] = documents
            try await Self.namingCitizen(sql.delete(from: "offer_documents"), citizen).run()
            if let username = citizen.accountUsername {
                try await sql.update("accounts").set("display_name", to: "Slettet borger").set("disabled", to: true).where("username", .equal, username).run()
            }
            try await sql.delete(from: "citizens").where("id", .equal, citizen.id).run()
            removed["citizens"] = 1
            try await AuditLog.write(entry, on: db)
            return CitizenErasure(removed: removed)
        }
    }

    /// The offers' documents that name the citizen: answers, goals, enrolments, links and status reports by
    /// record id; a concrete citizen journey by pseudonym.
    func offerDocuments(_ citizen: Citizen) -> SQLSelectBuilder {
        Self.namingCitizen(sql.select().from("offer_documents"), citizen)
    }

    /// The one condition, for reading and for erasing: the document names the citizen's record id or pseudonym.
    static func namingCitizen<Builder: SQLPredicateBuilder>(_ builder: Builder, _ citizen: Citizen) -> Builder {
        builder.where { $0.where("payload", .like, "%\(citizen.id.uuidString)%").orWhere("doc_key", .like, "%\(citizen.id.uuidString)%").orWhere("payload", .like, "%\"\(citizen.pseudonym)\"%") }
    }

    private func rows(_ query: SQLSelectBuilder) async throws -> [[String: String?]] {
        try await query.all().map { row in
            var out: [String: String?] = [:]
            for column in row.allColumns where !Self.secret.contains(column) { out[column] = Self.text(row, column) }
            return out
        }
    }

    /// A column's value as text, whatever its type in either dialect: times (columns `at` and `…_at`) in
    /// ISO 8601, ids as UUIDs, then text, whole and decimal numbers, truth values, bytes in base64.
    static func text(_ row: any SQLRow, _ column: String) -> String? {
        if (try? row.decodeNil(column: column)) == true { return nil }
        if column == "at" || column.hasSuffix("_at"), let v = try? row.decode(column: column, as: Date.self) { return ISO8601DateFormatter().string(from: v) }
        if let v = try? row.decode(column: column, as: UUID.self) { return v.uuidString }
        if let v = try? row.decode(column: column, as: String.self) { return v }
        if let v = try? row.decode(column: column, as: Int.self) { return String(v) }
        if let v = try? row.decode(column: column, as: Double.self) { return String(v) }
        if let v = try? row.decode(column: column, as: Bool.self) { return v ? "true" : "false" }
        return (try? row.decode(column: column, as: Data.self)).map { $0.base64EncodedString() }
    }

    private static func count(_ query: SQLSelectBuilder, on sql: any SQLDatabase) async throws -> Int {
        try await query.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Whether an audit detail names the pseudonym as a whole word (not "B-0012" for "B-001").
    static func names(_ detail: String?, _ pseudonym: String) -> Bool {
        guard let detail, let range = detail.range(of: pseudonym) else { return false }
        var rest = detail[range.upperBound...]
        var start = range.lowerBound
        while true {
            let before = start == detail.startIndex ? nil : detail[detail.index(before: start)]
            let after = rest.first
            if !(before?.isLetter ?? false || before?.isNumber ?? false), !(after?.isLetter ?? false || after?.isNumber ?? false) { return true }
            guard let next = rest.range(of: pseudonym) else { return false }
            start = next.lowerBound
            rest = rest[next.upperBound...]
        }
    }

    /// Records ended on or before `cutoff` (their retention has run out), with the day each ended.
    public func endedOnOrBefore(_ cutoff: Day, today: Day) async throws -> [(citizen: Citizen, ended: Day)] {
        let citizens = try await CitizenRepository(database: database).all()
        let files = try await CaseRepository(database: database).files(of: citizens)
        return zip(citizens, files).compactMap { c, file in
            file.history.state(on: today).ending.flatMap { $0.value.endedOn <= cutoff ? (c, $0.value.endedOn) : nil }
        }.sorted { $0.ended < $1.ended }
    }
}
