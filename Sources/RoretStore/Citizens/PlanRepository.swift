import FluentKit
import Foundation
import RoretCore

/// One written part of a recovery plan as the rest of Roret sees it.
public struct PlanEntry: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var citizenID: UUID
    public var kind: PlanEntryKind
    /// Kept verbatim: never trimmed, corrected or rewritten.
    public var text: String
    /// For a network entry: the person's or community's role.
    public var role: String?
    /// Written in the citizen's own words (shown marked as theirs).
    public var inCitizensWords: Bool
    public var writtenOn: Day
    public var writtenBy: String
    /// The entry this one replaces, if it is an edit.
    public var replaces: UUID?

    init(_ m: PlanEntryModel) {
        id = m.id!
        citizenID = m.citizenID
        kind = PlanEntryKind(rawValue: m.kind) ?? .meeting
        text = m.text
        role = m.role
        inCitizensWords = m.inCitizensWords
        writtenOn = Day(iso: m.writtenOn) ?? Day(rawValue: 0)
        writtenBy = m.writtenBy
        replaces = m.replaces
    }
}

/// The recovery plan (*recoveryplanen*): versioned goals and append-only
/// entries. Nothing is overwritten; an edit is a new version or entry.
public struct PlanRepository: Sendable {
    let database: any Database

    /// Every version of every goal of the citizen's plan.
    public func goals(of citizenID: UUID) async throws -> GoalLedger {
        ledger(try await GoalVersionModel.query(on: database).filter(\.$citizenID == citizenID).all())
    }

    /// The ledger of one citizen's goal rows.
    func ledger(_ rows: [GoalVersionModel]) -> GoalLedger {
        GoalLedger(versions: rows.map {
            GoalVersion(
                goalID: $0.goalID, version: $0.version, parentGoalID: $0.parentGoalID, text: $0.text,
                horizon: GoalVersion.Horizon(rawValue: $0.horizon) ?? .shortTerm,
                status: GoalVersion.Status(rawValue: $0.status) ?? .active,
                followUpOn: $0.followUpOn.flatMap { Day(iso: $0) },
                changedOn: Day(iso: $0.changedOn) ?? Day(rawValue: 0), changedBy: $0.changedBy,
                servesHopes: $0.servesHopes.map { $0.split(separator: ",").map(String.init) } ?? []
            )
        })
    }

    /// Adds a goal (checked by `GoalLedger`); returns its id.
    @discardableResult
    public func addGoal(to citizenID: UUID, _ draft: GoalLedger.Draft, on day: Day, by user: String) async throws -> Int {
        try await database.transaction { db in
            var ledger = try await PlanRepository(database: db).goals(of: citizenID)
            let id = try ledger.add(draft, on: day, by: user)
            try await Self.insert(ledger.current(id)!, citizenID: citizenID, on: db)
            return id
        }
    }

    /// Records a change of a goal as its next version (checked by `GoalLedger`).
    public func reviseGoal(_ goalID: Int, of citizenID: UUID, to draft: GoalLedger.Draft, on day: Day, by user: String) async throws {
        try await database.transaction { db in
            var ledger = try await PlanRepository(database: db).goals(of: citizenID)
            try ledger.revise(goalID, to: draft, on: day, by: user)
            try await Self.insert(ledger.current(goalID)!, citizenID: citizenID, on: db)
            try await MeasurementRepository.cancelGoalReminders(citizenID: citizenID, goalID: goalID, on: db)
        }
    }

    private static func insert(_ v: GoalVersion, citizenID: UUID, on db: any Database) async throws {
        let m = GoalVersionModel()
        m.id = UUID()
        m.citizenID = citizenID
        m.goalID = v.goalID
        m.version = v.version
        m.parentGoalID = v.parentGoalID
        m.text = v.text
        m.horizon = v.horizon.rawValue
        m.status = v.status.rawValue
        m.followUpOn = v.followUpOn?.description
        m.changedOn = v.changedOn.description
        m.changedBy = v.changedBy
        m.servesHopes = v.servesHopes.isEmpty ? nil : v.servesHopes.joined(separator: ",")
        try await m.create(on: db)
    }

    /// Writes an entry, verbatim; with `replaces`, it is an edit of that entry
    /// (which stays in history). An entry is edited at most once: the unique
    /// index on `replaces` (M018) refuses a second edit of the same version —
    /// a stale one or two racing — and that throws `entryAlreadyChanged`.
    @discardableResult
    public func addEntry(
        to citizenID: UUID, kind: PlanEntryKind, text: String, role: String? = nil,
        inCitizensWords: Bool, on day: Day, by user: String, replaces: UUID? = nil
    ) async throws -> PlanEntry {
        guard !text.allSatisfy(\.isWhitespace) else { throw CitizenError.invalidAnswer("teksten er tom") }
        if let replaces {
            guard let old = try await PlanEntryModel.find(replaces, on: database), old.citizenID == citizenID, old.kind == kind.rawValue else {
                throw CitizenError.invalidAnswer("teksten, der skal rettes, hører ikke til denne plan")
            }
        }
        let m = PlanEntryModel()
        m.id = UUID()
        m.citizenID = citizenID
        m.kind = kind.rawValue
        m.text = text
        m.role = role
        m.inCitizensWords = inCitizensWords
        m.writtenOn = day.description
        m.writtenBy = user
        m.replaces = replaces
        m.writtenAt = Date()
        do {
            try await m.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure && replaces != nil {
            throw CitizenError.entryAlreadyChanged
        }
        return PlanEntry(m)
    }

    /// Every entry ever written, oldest first (by day, then time of writing).
    public func history(of citizenID: UUID) async throws -> [PlanEntry] {
        Self.ordered(try await PlanEntryModel.query(on: database).filter(\.$citizenID == citizenID).all())
    }

    /// Entries oldest first: by day, then time of writing, then id.
    static func ordered(_ models: [PlanEntryModel]) -> [PlanEntry] {
        models.sorted {
            ($0.writtenOn, $0.writtenAt ?? .distantPast, $0.id!.uuidString) < ($1.writtenOn, $1.writtenAt ?? .distantPast, $1.id!.uuidString)
        }.map(PlanEntry.init)
    }

    /// The plan's texts in force, each with the versions it replaced, in the
    /// order the texts were first written (an edit keeps its place).
    public func texts(of citizenID: UUID) async throws -> [PlanText] {
        PlanText.texts(from: try await history(of: citizenID))
    }
}

/// One text of the plan as it stands (*en tekst i planen*), with the
/// versions it replaced, newest first.
public struct PlanText: Sendable, Hashable {
    public var current: PlanEntry
    public var earlier: [PlanEntry]

    /// The id of the text's first version: its identity across edits (a goal names the hopes it serves by it).
    public var firstID: UUID { (earlier.last ?? current).id }

    /// Follows `replaces` back from each entry no other entry replaces;
    /// `history` oldest first. Ordered by each chain's first version.
    static func texts(from history: [PlanEntry]) -> [PlanText] {
        let byID = Dictionary(uniqueKeysWithValues: history.map { ($0.id, $0) })
        let position = Dictionary(uniqueKeysWithValues: history.enumerated().map { ($0.element.id, $0.offset) })
        let replaced = Set(history.compactMap(\.replaces))
        var texts: [(first: Int, text: PlanText)] = []
        for entry in history where !replaced.contains(entry.id) {
            var earlier: [PlanEntry] = []
            var next = entry.replaces
            while let id = next, let older = byID[id], earlier.count < history.count {
                earlier.append(older)
                next = older.replaces
            }
            texts.append((position[earlier.last?.id ?? entry.id] ?? 0, PlanText(current: entry, earlier: earlier)))
        }
        return texts.sorted { $0.first < $1.first }.map(\.text)
    }
}
