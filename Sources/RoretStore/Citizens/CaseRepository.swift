import FluentKit
import Foundation
import RoretCore

/// Refused case facts: every problem, in Danish (nothing was stored).
public struct CaseFactRefused: Error, Sendable, Equatable {
    public var problems: [String]
}

/// The case in depth (*sagen*): its append-only facts, and the case files
/// the follow-up overview and the practice indicators read.
public struct CaseRepository: Sendable {
    let database: any Database

    /// Every fact of a citizen's case, in recording order.
    public func history(of citizenID: UUID) async throws -> CaseHistory {
        let rows = try await CaseEventModel.query(on: database).filter(\.$citizenID == citizenID).sort(\.$sequence).all()
        return CaseHistory(events: rows.compactMap(Self.event))
    }

    /// Records a fact on `day` after `CaseFactCheck`; a new network entry,
    /// meeting or agreement (id 0) gets the next id. In one transaction, run
    /// again when another writer took the same sequence number. Returns the
    /// fact as recorded.
    @discardableResult
    public func record(_ fact: CaseFact, for citizenID: UUID, on day: Day, by user: String) async throws -> CaseFact {
        try await Contention.retrying(on: database) {
            try await database.transaction { db in
                let repo = CaseRepository(database: db)
                guard let citizen = try await CitizenModel.find(citizenID, on: db) else { throw CitizenError.noSuchCitizen }
                let file = try await repo.file(of: Citizen(citizen))
                let snapshot = file.snapshot(on: day)
                // Checked as posted (id 0: a new entry), then numbered.
                let problems = CaseFactCheck.problems(fact, in: snapshot)
                guard problems.isEmpty else { throw CaseFactRefused(problems: problems) }
                var fact = fact
                // Numbered over every fact, also those dated after `day`, so an id is never reused.
                let all = file.history.current
                switch fact {
                case .network(var n) where n.entryID == 0:
                    n.entryID = all.nextNetworkID
                    fact = .network(n)
                case .meeting(var m) where m.meetingID == 0:
                    m.meetingID = all.nextMeetingID
                    fact = .meeting(m)
                case .logbook(var l) where l.entryID == 0:
                    l.entryID = all.nextLogbookID
                    fact = .logbook(l)
                default: break
                }
                let m = CaseEventModel()
                m.id = UUID()
                m.citizenID = citizenID
                m.sequence = file.history.events.count + 1
                m.kind = Self.kind(of: fact)
                m.payload = String(decoding: try Self.encoder.encode(fact), as: UTF8.self)
                m.recordedOn = day.description
                m.recordedBy = user
                m.recordedAt = Date()
                try await m.create(on: db)
                if case .review(let review) = fact {
                    try await MeasurementRepository.cancelGoalReminders(citizenID: citizenID, goalID: review.goalID, on: db)
                }
                return fact
            }
        }
    }

    /// The case file of one citizen.
    public func file(of citizen: Citizen) async throws -> CaseFile {
        try await files(of: [citizen]).first!
    }

    /// The case files of `citizens` (in their order), with a handful of queries whatever their number.
    public func files(of citizens: [Citizen]) async throws -> [CaseFile] {
        guard !citizens.isEmpty else { return [] }
        let ids = citizens.map(\.id)
        func by<M: Model>(_ rows: [M], _ key: (M) -> UUID) -> [UUID: [M]] { Dictionary(grouping: rows, by: key) }
        let events = by(try await CaseEventModel.query(on: database).filter(\.$citizenID ~~ ids).sort(\.$sequence).all(), \.citizenID)
        let entries = by(try await PlanEntryModel.query(on: database).filter(\.$citizenID ~~ ids).all(), \.citizenID)
        let goals = by(try await GoalVersionModel.query(on: database).filter(\.$citizenID ~~ ids).all(), \.citizenID)
        let answers = by(try await MeasurementModel.query(on: database).filter(\.$citizenID ~~ ids).all(), \.citizenID)
        let requests = by(try await MeasurementRequestModel.query(on: database).filter(\.$citizenID ~~ ids).all(), \.citizenID)
        let spells = by(try await CitizenInterventionModel.query(on: database).filter(\.$citizenID ~~ ids).all(), \.citizenID)
        let plans = PlanRepository(database: database)
        return citizens.map { c in
            CaseFile(
                recordID: c.id.uuidString, municipality: c.municipality, caseworker: c.caseworker,
                createdOn: Self.day(of: c.createdAt),
                history: CaseHistory(events: (events[c.id] ?? []).compactMap(Self.event)),
                planTexts: Self.versions(PlanRepository.ordered(entries[c.id] ?? [])),
                goals: plans.ledger((goals[c.id] ?? [])),
                answers: (answers[c.id] ?? []).map(StoredMeasurement.init).sorted(by: StoredMeasurement.chronological)
                    .map { AnswerFact(id: $0.id.uuidString, instrument: $0.instrument, answeredOn: $0.answeredOn, score: $0.score) },
                measurementStart: c.followUpStartedOn,
                adHocRequests: (requests[c.id] ?? []).compactMap { Day(iso: $0.requestedOn) }.sorted(),
                interventionStarts: (spells[c.id] ?? []).compactMap { Day(iso: $0.startOn) }.sorted())
        }
    }

    /// Plan entries (oldest first) as versions with the id of their text's first version (`PlanText.firstID`).
    static func versions(_ history: [PlanEntry]) -> [PlanTextVersion] {
        var first: [UUID: UUID] = [:]
        for text in PlanText.texts(from: history) {
            for entry in [text.current] + text.earlier { first[entry.id] = text.firstID }
        }
        return history.map { entry in
            PlanTextVersion(id: entry.id.uuidString, chainID: (first[entry.id] ?? entry.id).uuidString, kind: entry.kind,
                            writtenOn: entry.writtenOn, inCitizensWords: entry.inCitizensWords)
        }
    }

    /// The day in Denmark of a moment.
    static func day(of date: Date) -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Copenhagen")!, from: date)
        return Day(year: c.year!, month: c.month!, day: c.day!)
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    /// A stored fact; nil (left out) if it cannot be read.
    static func event(_ m: CaseEventModel) -> CaseEvent? {
        guard let fact = try? JSONDecoder().decode(CaseFact.self, from: Data(m.payload.utf8)), let day = Day(iso: m.recordedOn) else { return nil }
        return CaseEvent(day: day, by: m.recordedBy, fact: fact)
    }

    static func kind(of fact: CaseFact) -> String {
        switch fact {
        case .opening: "opening"
        case .phase: "phase"
        case .review: "review"
        case .resources: "resources"
        case .network: "network"
        case .meeting: "meeting"
        case .agenda: "agenda"
        case .logbook: "logbook"
        case .ending: "ending"
        case .alertHandled: "alert_handled"
        }
    }

    // MARK: Settings

    /// The municipality's follow-up settings (defaults until set).
    public func settings(for municipality: String) async throws -> CaseWorkSettings {
        guard let m = try await CaseWorkSettingsModel.query(on: database).filter(\.$municipality == municipality).first() else { return CaseWorkSettings() }
        return CaseWorkSettings(goalFollowUpMonths: m.goalFollowUpMonths, meetingIntervalMonths: m.meetingIntervalMonths,
                                reminderLeadDays: m.reminderLeadDays, helpText: m.helpText)
    }

    /// Saves the municipality's settings; refused with every problem when they are not valid.
    public func setSettings(_ settings: CaseWorkSettings, for municipality: String) async throws {
        guard settings.problems.isEmpty else { throw CaseFactRefused(problems: settings.problems) }
        let m = try await CaseWorkSettingsModel.query(on: database).filter(\.$municipality == municipality).first() ?? {
            let m = CaseWorkSettingsModel()
            m.id = UUID()
            m.municipality = municipality
            return m
        }()
        m.goalFollowUpMonths = settings.goalFollowUpMonths
        m.meetingIntervalMonths = settings.meetingIntervalMonths
        m.reminderLeadDays = settings.reminderLeadDays
        m.helpText = settings.helpText.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        try await m.save(on: database)
    }
}
