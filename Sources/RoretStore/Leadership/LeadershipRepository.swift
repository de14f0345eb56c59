import FluentKit
import Foundation
import RoretCore

/// Refused leadership input: every problem, in Danish (nothing was stored).
public struct LeadershipRefused: Error, Sendable, Equatable {
    public var problems: [String]
}

/// A reminder of an overdue action in the outbox.
public struct ActionReminder: Sendable, Hashable {
    public var id: UUID
    public var municipality: String
    public var what: String
    public var recipient: String
    public var dueOn: Day
    public var state: ReminderState
}

/// One version of an action with the note written with it.
public struct ActionVersion: Sendable, Hashable {
    public var action: LeadershipAction
    public var version: Int
    public var note: String?
    public var day: Day
    public var by: String
}

/// The leaders' questionnaires, rounds and actions (*ledelsens redskaber*).
public struct LeadershipRepository: Sendable {
    let database: any Database

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    // MARK: Item sets

    /// The municipality's item set in force: its latest stored version, else the standard set.
    public func itemSet(_ kind: QuestionnaireKind, municipality: String) async throws -> ItemSet {
        let standard = kind == .evaluation ? StandardItemSets.evaluation : StandardItemSets.temperature
        guard let m = try await ItemSetModel.query(on: database).filter(\.$municipality == municipality).filter(\.$kind == kind.rawValue)
            .sort(\.$version, .descending).first(),
            let items = try? JSONDecoder().decode([QuestionnaireItem].self, from: Data(m.items.utf8)) else { return standard }
        return ItemSet(kind: kind, version: m.version, items: items, provenance: "Kommunens eget sæt, version \(m.version)")
    }

    /// Stores an edited set as the next version; refused with every problem.
    @discardableResult
    public func saveItemSet(_ kind: QuestionnaireKind, municipality: String, items: [QuestionnaireItem], by user: String) async throws -> ItemSet {
        let problems = ItemSet.problems(items)
        guard problems.isEmpty else { throw LeadershipRefused(problems: problems) }
        let current = try await itemSet(kind, municipality: municipality)
        let m = ItemSetModel()
        m.id = UUID()
        m.municipality = municipality
        m.kind = kind.rawValue
        m.version = current.version + 1
        m.items = String(decoding: try Self.encoder.encode(items), as: UTF8.self)
        m.createdBy = user
        m.createdAt = Date()
        try await m.create(on: database)
        return try await itemSet(kind, municipality: municipality)
    }

    // MARK: Rounds

    /// Opens a round on the municipality's item set in force.
    public func openRound(_ kind: QuestionnaireKind, municipality: String, date: Day, invitees: [String] = [], by user: String) async throws -> Round {
        let set = try await itemSet(kind, municipality: municipality)
        let m = RoundModel()
        m.id = UUID()
        m.municipality = municipality
        m.kind = kind.rawValue
        m.itemSetVersion = set.version
        m.items = String(decoding: try Self.encoder.encode(set.items), as: UTF8.self)
        m.provenance = set.provenance
        m.roundDate = date.description
        m.invitees = invitees.joined(separator: ",")
        m.createdBy = user
        m.createdAt = Date()
        try await m.create(on: database)
        return try await round(m.id!)!
    }

    /// A round with its answers and agreed scores in force.
    public func round(_ id: UUID) async throws -> Round? {
        guard let m = try await RoundModel.find(id, on: database) else { return nil }
        return try await rounds([m]).first
    }

    /// The municipality's rounds of a kind, oldest first.
    public func rounds(_ kind: QuestionnaireKind, municipality: String) async throws -> [Round] {
        try await rounds(RoundModel.query(on: database).filter(\.$municipality == municipality).filter(\.$kind == kind.rawValue).all())
    }

    private func rounds(_ models: [RoundModel]) async throws -> [Round] {
        let ids = models.compactMap(\.id)
        let answers = Dictionary(grouping: try await RoundAnswerModel.query(on: database).filter(\.$roundID ~~ ids).sort(\.$recordedAt).all(), by: \.roundID)
        return models.map { m in
            let kind = QuestionnaireKind(rawValue: m.kind) ?? .evaluation
            let items = (try? JSONDecoder().decode([QuestionnaireItem].self, from: Data(m.items.utf8))) ?? []
            var responses: [String: [String: ScaleAnswer]] = [:]
            var agreed: [String: AgreedScore] = [:]
            for a in answers[m.id!] ?? [] {
                if let respondent = a.respondent {
                    responses[respondent, default: [:]][a.itemID] = ScaleAnswer(field: a.answer)
                } else if case .value(let v)? = ScaleAnswer(field: a.answer) {
                    agreed[a.itemID] = AgreedScore(value: v, comment: a.comment ?? "")
                }
            }
            return Round(id: m.id!.uuidString, municipality: m.municipality, itemSet: ItemSet(kind: kind, version: m.itemSetVersion, items: items, provenance: m.provenance),
                         date: Day(iso: m.roundDate) ?? Day(rawValue: 0), responses: responses, agreed: agreed,
                         invitees: m.invitees.split(separator: ",").map(String.init))
        }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// A respondent's answers (all items of the round, or some): one transaction.
    public func answer(round id: UUID, respondent: String, _ answers: [String: ScaleAnswer]) async throws {
        guard let round = try await round(id) else { throw LeadershipRefused(problems: ["Runden findes ikke."]) }
        let known = Set(round.itemSet.items.map(\.id))
        let unknown = answers.keys.filter { !known.contains($0) }.sorted()
        guard unknown.isEmpty else { throw LeadershipRefused(problems: unknown.map { "Spørgsmål \($0) hører ikke til runden." }) }
        try await database.transaction { db in
            for (item, answer) in answers {
                try await Self.insert(round: id, respondent: respondent, item: item, answer: answer.field, comment: nil, on: db)
            }
        }
    }

    /// The group's agreed score for an item, with its comment.
    public func agree(round id: UUID, item: String, _ score: AgreedScore) async throws {
        guard let round = try await round(id) else { throw LeadershipRefused(problems: ["Runden findes ikke."]) }
        guard round.itemSet.items.contains(where: { $0.id == item }) else { throw LeadershipRefused(problems: ["Spørgsmål \(item) hører ikke til runden."]) }
        try await Self.insert(round: id, respondent: nil, item: item, answer: String(score.value.rawValue), comment: score.comment, on: database)
    }

    private static func insert(round: UUID, respondent: String?, item: String, answer: String, comment: String?, on db: any Database) async throws {
        let m = RoundAnswerModel()
        m.id = UUID()
        m.roundID = round
        m.respondent = respondent
        m.itemID = item
        m.answer = answer
        m.comment = comment
        m.recordedAt = Date()
        try await m.create(on: db)
    }

    /// The group's answers to a temperature round's reflection questions (1…5), the latest of each.
    public func reflections(round id: UUID) async throws -> [Int: String] {
        var out: [Int: String] = [:]
        for r in try await RoundReflectionModel.query(on: database).filter(\.$roundID == id).sort(\.$recordedAt).all() { out[r.question] = r.text }
        return out
    }

    /// Records the group's answers to the reflection questions (empty ones are left as they were).
    public func reflect(round id: UUID, _ answers: [Int: String], by user: String) async throws {
        guard try await RoundModel.find(id, on: database) != nil else { throw LeadershipRefused(problems: ["Runden findes ikke."]) }
        try await database.transaction { db in
            for (question, text) in answers.sorted(by: { $0.key < $1.key }) where !text.allSatisfy(\.isWhitespace) {
                let m = RoundReflectionModel()
                m.id = UUID()
                m.roundID = id
                m.question = question
                m.text = text
                m.recordedBy = user
                m.recordedAt = Date()
                try await m.create(on: db)
            }
        }
    }

    /// Rounds of any kind that invite `username` to answer.
    public func rounds(inviting username: String) async throws -> [Round] {
        try await rounds(RoundModel.query(on: database).filter(\.$invitees ~~ username).all()).filter { $0.invitees.contains(username) }
    }

    // MARK: Actions

    /// Stores an action (a new one when its id is empty) as its next version, with an optional dated note.
    @discardableResult
    public func saveAction(_ action: LeadershipAction, note: String?, on day: Day, by user: String) async throws -> LeadershipAction {
        let problems = action.problems
        guard problems.isEmpty else { throw LeadershipRefused(problems: problems) }
        var action = action
        let isNew = action.id.isEmpty
        let id: UUID
        if isNew {
            id = UUID()
            action.id = id.uuidString
        } else {
            guard let known = UUID(uuidString: action.id) else { throw LeadershipRefused(problems: ["Handlingen findes ikke."]) }
            id = known
        }
        let final = action
        return try await Contention.retrying(on: database) {
            try await database.transaction { db in
                let last = try await ActionVersionModel.query(on: db).filter(\.$actionID == id).sort(\.$version, .descending).first()
                // An existing action stays in its municipality; an unknown id is refused.
                if !isNew && (last == nil || last?.municipality != final.municipality) {
                    throw LeadershipRefused(problems: ["Handlingen findes ikke."])
                }
                let m = ActionVersionModel()
                m.id = UUID()
                m.actionID = id
                m.municipality = final.municipality
                m.version = (last?.version ?? 0) + 1
                m.action = String(decoding: try Self.encoder.encode(final), as: UTF8.self)
                m.note = note.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
                m.recordedOn = day.description
                m.recordedBy = user
                m.recordedAt = Date()
                try await m.create(on: db)
                // A finished or rescheduled action stops its pending reminders.
                for r in try await ActionReminderModel.query(on: db).filter(\.$actionID == id).filter(\.$state == ReminderState.pending.rawValue).all()
                where !final.status.isOpen || final.due?.description != r.dueOn {
                    r.state = ReminderState.cancelled.rawValue
                    r.updatedAt = Date()
                    try await r.save(on: db)
                }
                return final
            }
        }
    }

    /// Puts a reminder of an overdue action in the outbox, once per action and due day.
    public func enqueueReminder(for action: LeadershipAction, to recipient: String, due: Day) async throws {
        guard let id = UUID(uuidString: action.id) else { return }
        if try await ActionReminderModel.query(on: database).filter(\.$actionID == id).filter(\.$dueOn == due.description).first() != nil { return }
        let m = ActionReminderModel()
        m.id = UUID()
        m.actionID = id
        m.municipality = action.municipality
        m.what = action.what
        m.recipient = recipient
        m.dueOn = due.description
        m.state = ReminderState.pending.rawValue
        m.createdAt = Date()
        m.updatedAt = m.createdAt
        try await m.create(on: database)
    }

    /// Moves an action reminder in state `from` to `state`; one in another state, or none, is left alone.
    static func move(actionReminder id: UUID, to state: ReminderState, from: ReminderState, on db: any Database) async throws {
        guard let model = try await ActionReminderModel.find(id, on: db), model.state == from.rawValue else { return }
        model.state = state.rawValue
        model.updatedAt = Date()
        try await model.save(on: db)
    }

    /// How many action reminders are in each state (for operations' metrics).
    public func actionReminderCounts() async throws -> [ReminderState: Int] {
        var counts: [ReminderState: Int] = [:]
        for state in ReminderState.allCases { counts[state] = try await ActionReminderModel.query(on: database).filter(\.$state == state.rawValue).count() }
        return counts
    }

    /// Action reminders waiting for delivery, oldest due first.
    public func pendingActionReminders() async throws -> [ActionReminder] {
        try await ActionReminderModel.query(on: database).filter(\.$state == ReminderState.pending.rawValue).sort(\.$dueOn).all().map {
            ActionReminder(id: $0.id!, municipality: $0.municipality, what: $0.what, recipient: $0.recipient, dueOn: Day(iso: $0.dueOn) ?? Day(rawValue: 0), state: .pending)
        }
    }

    /// Every action reminder, newest due first.
    public func actionReminders(limit: Int = 500) async throws -> [ActionReminder] {
        try await ActionReminderModel.query(on: database).sort(\.$dueOn, .descending).limit(limit).all().map {
            ActionReminder(id: $0.id!, municipality: $0.municipality, what: $0.what, recipient: $0.recipient, dueOn: Day(iso: $0.dueOn) ?? Day(rawValue: 0), state: ReminderState(rawValue: $0.state) ?? .pending)
        }
    }

    /// The municipality's actions as they stand.
    public func actions(municipality: String) async throws -> [LeadershipAction] {
        let rows = try await ActionVersionModel.query(on: database).filter(\.$municipality == municipality).all()
        var latest: [UUID: ActionVersionModel] = [:]
        for r in rows where (latest[r.actionID]?.version ?? 0) < r.version { latest[r.actionID] = r }
        return latest.values.compactMap { try? JSONDecoder().decode(LeadershipAction.self, from: Data($0.action.utf8)) }.sorted { $0.id < $1.id }
    }

    /// Every version of an action with its notes, oldest first.
    public func history(ofAction id: UUID) async throws -> [ActionVersion] {
        try await ActionVersionModel.query(on: database).filter(\.$actionID == id).sort(\.$version).all().compactMap { m in
            guard let a = try? JSONDecoder().decode(LeadershipAction.self, from: Data(m.action.utf8)) else { return nil }
            return ActionVersion(action: a, version: m.version, note: m.note, day: Day(iso: m.recordedOn) ?? Day(rawValue: 0), by: m.recordedBy)
        }
    }
}
