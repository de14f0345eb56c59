import FluentKit
import FluentSQL
import Foundation
import RoretCore
import RoretImport

/// How an answer came in (*indsamlingsform*).
public enum MeasurementChannel: String, Sendable, Hashable, CaseIterable {
    /// The citizen on their own device through a personal link.
    case link
    /// Staff-assisted (interview).
    case interview
    /// A paper answer entered later with its real date.
    case paper
}

/// A stored answer (*måling*).
public struct StoredMeasurement: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var citizenID: UUID
    public var instrument: Instrument
    public var answeredOn: Day
    /// Five raw answers; nil where the citizen left one out.
    public var items: [Int?]
    public var channel: MeasurementChannel
    public var enteredBy: String
    public var enteredAt: Date

    /// 0–100, or nil for an incomplete answer (never imputed).
    public var score: Int? { instrument.score(items) }

    /// Oldest first, then by entry time, then WHO-5 before Brief INSPIRE-O.
    static func chronological(_ a: StoredMeasurement, _ b: StoredMeasurement) -> Bool {
        (a.answeredOn, a.enteredAt, a.instrument.rawValue) < (b.answeredOn, b.enteredAt, b.instrument.rawValue)
    }

    init(_ m: MeasurementModel) {
        id = m.id!
        citizenID = m.citizenID
        instrument = Instrument(code: m.instrument) ?? .who5
        answeredOn = Day(iso: m.answeredOn) ?? Day(rawValue: 0)
        items = [m.item1, m.item2, m.item3, m.item4, m.item5]
        channel = MeasurementChannel(rawValue: m.channel) ?? .interview
        enteredBy = m.enteredBy
        enteredAt = m.enteredAt
    }
}

/// Where a reminder is (*påmindelsens tilstand*).
public enum ReminderState: String, Sendable, Hashable, CaseIterable {
    /// Waiting for the sender plug-in.
    case pending
    case sent
    /// The measurement was answered before it went out.
    case cancelled
    case failed
}

/// One reminder in the outbox: a measurement due, or a goal to follow up.
public struct Reminder: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var citizenID: UUID
    /// The measurement due; nil for a goal follow-up.
    public var instrument: Instrument?
    /// The goal to follow up; nil for a measurement.
    public var goalID: Int?
    public var dueOn: Day
    /// Who is reminded: a staff username.
    public var recipient: String
    public var state: ReminderState

    /// The `instrument` column of a goal reminder.
    static let goalSubject = "goal"
    /// The `instrument` column of a measurement at an offer starts with this, followed by what is due.
    static let offerPrefix = "tilbud:"

    /// A measurement due at an offer by its plan, e.g. "Bostedet: Trivsel, opfølgning"; nil otherwise.
    public var offerMeasurement: String?

    /// What the reminder is about, in Danish.
    public var subject: String {
        if let offerMeasurement { return "\(offerMeasurement) skal måles" }
        if let instrument { return "\(instrument.danishName) skal måles" }
        return "Mål \(goalID ?? 0) skal følges op"
    }

    init(_ m: ReminderModel) {
        id = m.id!
        citizenID = m.citizenID
        goalID = m.goalID
        offerMeasurement = m.instrument.hasPrefix(Self.offerPrefix) ? String(m.instrument.dropFirst(Self.offerPrefix.count)) : nil
        instrument = m.goalID == nil && offerMeasurement == nil ? Instrument(code: m.instrument) ?? .who5 : nil
        dueOn = Day(iso: m.dueOn) ?? Day(rawValue: 0)
        recipient = m.recipient
        state = ReminderState(rawValue: m.state) ?? .pending
    }
}

/// Measurements, their single-use links and the reminder outbox. An answer
/// is stored in one transaction with its link's new state and the
/// cancellation of the reminders it meets: it is durable before the citizen
/// sees "tak", and a reminder stops as soon as it is answered.
public struct MeasurementRepository: Sendable {
    let database: any Database

    /// Stores an answer. With `linkHash`, the link must be usable on `today`
    /// (else its refusal is thrown and nothing is stored) and is spent.
    @discardableResult
    public func record(
        citizenID: UUID, instrument: Instrument, answeredOn: Day, items: [Int?],
        channel: MeasurementChannel, enteredBy: String, linkHash: String? = nil, today: Day
    ) async throws -> StoredMeasurement {
        guard instrument.accepts(items) else {
            throw CitizenError.invalidAnswer("\(instrument.danishName) har \(Instrument.itemCount) spørgsmål, hvert besvaret fra 0 til \(instrument.maxItemValue) eller sprunget over")
        }
        // The extract format's own date rule: a stored answer joins the figures' measurements.csv.
        if case .failure(let error) = ExtractFieldRules.date(answeredOn.description, field: "Datoen for besvarelsen") {
            throw CitizenError.invalidAnswer(error.reason)
        }
        guard answeredOn <= today else { throw CitizenError.invalidAnswer("datoen for besvarelsen (\(answeredOn)) er efter i dag") }
        return try await Contention.retrying(on: database) { try await database.transaction { db in
            guard try await CitizenModel.find(citizenID, on: db) != nil else { throw CitizenError.noSuchCitizen }
            let measurement = MeasurementModel()
            measurement.id = UUID()
            if let linkHash {
                guard let linkModel = try await MeasurementLinkModel.query(on: db).filter(\.$tokenHash == linkHash).first(),
                      linkModel.citizenID == citizenID, linkModel.instrument == instrument.code
                else { throw CitizenError.noSuchLink }
                var link = Self.link(linkModel)
                try link.answer(on: today)
                try await Self.claim(linkModel, to: link.state, measurementID: measurement.id, today: today, on: db)
            }
            measurement.citizenID = citizenID
            measurement.instrument = instrument.code
            measurement.answeredOn = answeredOn.description
            (measurement.item1, measurement.item2, measurement.item3, measurement.item4, measurement.item5) = (items[0], items[1], items[2], items[3], items[4])
            measurement.channel = channel.rawValue
            measurement.enteredBy = enteredBy
            measurement.enteredAt = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            try await measurement.create(on: db)
            for reminder in try await ReminderModel.query(on: db)
                .filter(\.$citizenID == citizenID).filter(\.$instrument == instrument.code).filter(\.$goalID == nil)
                .filter(\.$state == ReminderState.pending.rawValue).all() {
                reminder.state = ReminderState.cancelled.rawValue
                reminder.updatedAt = Date()
                try await reminder.save(on: db)
            }
            return StoredMeasurement(measurement)
        } }
    }

    /// A citizen's answers, oldest first (then by entry time, then WHO-5 before
    /// Brief INSPIRE-O: the same order on every database).
    public func measurements(of citizenID: UUID) async throws -> [StoredMeasurement] {
        try await MeasurementModel.query(on: database).filter(\.$citizenID == citizenID).all()
            .map(StoredMeasurement.init).sorted(by: StoredMeasurement.chronological)
    }

    /// Every stored answer as rows of `measurements.csv` (pseudonym as
    /// `person_id`), by municipality, pseudonym (byte order), then as
    /// `measurements(of:)`; `municipality` limits them. Two queries, whatever
    /// the number of citizens: it runs on every figure-cache miss. An answer
    /// that breaks the extract format's rules (stored before they were
    /// checked at entry) is left out, so it can never make the figures fail.
    /// With `publication`, only the answers it includes (entered up to its
    /// cutoff, dated from its first counted year).
    public func exportRows(municipality: String? = nil, publication: AnswersPublication? = nil) async throws -> [MeasurementsCSV.Row] {
        let citizens = try await CitizenRepository(database: database).all(municipality: municipality)
        let byID = Dictionary(uniqueKeysWithValues: citizens.map { ($0.id, $0) })
        let answers = try await MeasurementModel.query(on: database).all().map(StoredMeasurement.init)
            .filter { ExtractFieldRules.isValid($0.answeredOn) && $0.instrument.accepts($0.items) }
            .filter { m in publication.map { m.enteredAt <= $0.cutoff && $0.counts(answeredOn: m.answeredOn) } ?? true }
            .compactMap { m in byID[m.citizenID].map { (citizen: $0, measurement: m) } }
            .sorted { a, b in
                if a.citizen.municipality != b.citizen.municipality { return a.citizen.municipality.utf8.lexicographicallyPrecedes(b.citizen.municipality.utf8) }
                if a.citizen.pseudonym != b.citizen.pseudonym { return a.citizen.pseudonym.utf8.lexicographicallyPrecedes(b.citizen.pseudonym.utf8) }
                return StoredMeasurement.chronological(a.measurement, b.measurement)
            }
        return answers.map { c, m in
            MeasurementsCSV.Row(personID: c.pseudonym, municipality: c.municipality, instrument: m.instrument.code, date: m.answeredOn.description, items: m.items)
        }
    }

    // MARK: Links

    /// Stores a new link under the hash of its secret.
    public func issueLink(citizenID: UUID, instrument: Instrument, tokenHash: String, issuedOn: Day, validDays: Int = 14) async throws -> MeasurementLink {
        let link = MeasurementLink(instrument: instrument, issuedAt: issuedOn, validDays: validDays)
        let model = MeasurementLinkModel()
        model.id = UUID()
        model.citizenID = citizenID
        model.instrument = instrument.code
        model.tokenHash = tokenHash
        model.issuedOn = issuedOn.description
        model.expiresOn = link.expiresOn.description
        model.state = link.state.rawValue
        try await model.create(on: database)
        return link
    }

    /// Every link issued to a citizen, oldest first (to show a "nej tak").
    public func links(of citizenID: UUID) async throws -> [MeasurementLink] {
        try await MeasurementLinkModel.query(on: database).filter(\.$citizenID == citizenID).all().map(Self.link)
            .sorted { $0.issuedAt < $1.issuedAt }
    }

    /// The link with this hash and whose it is.
    public func link(tokenHash: String) async throws -> (citizenID: UUID, link: MeasurementLink)? {
        try await MeasurementLinkModel.query(on: database).filter(\.$tokenHash == tokenHash).first().map { ($0.citizenID, Self.link($0)) }
    }

    /// The citizen opens the link; throws its refusal when it cannot be used.
    public func openLink(tokenHash: String, on day: Day) async throws {
        try await change(tokenHash, on: day) { link in try link.open(on: day) }
    }

    /// The citizen declines; the link is spent and nothing is stored.
    public func declineLink(tokenHash: String, on day: Day) async throws {
        try await change(tokenHash, on: day) { link in try link.decline(on: day) }
    }

    private func change(_ tokenHash: String, on day: Day, _ apply: (inout MeasurementLink) throws -> Void) async throws {
        try await Contention.retrying(on: database) { try await changeOnce(tokenHash, on: day, apply) }
    }

    private func changeOnce(_ tokenHash: String, on day: Day, _ apply: (inout MeasurementLink) throws -> Void) async throws {
        guard let model = try await MeasurementLinkModel.query(on: database).filter(\.$tokenHash == tokenHash).first() else { throw CitizenError.noSuchLink }
        var link = Self.link(model)
        try apply(&link)
        try await Self.claim(model, to: link.state, measurementID: nil, today: day, on: database)
    }

    /// Moves a link from the state it was read in to `state` with one
    /// conditional UPDATE (SQLKit's dialect-neutral builder): if someone moved
    /// it meanwhile — an answer and a "nej tak" sent at once — nothing
    /// changes and the refusal for the state it is in now is thrown, so
    /// exactly one of them takes effect.
    private static func claim(_ model: MeasurementLinkModel, to state: MeasurementLink.State, measurementID: UUID?, today: Day, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw CitizenError.noSuchLink }
        var update = sql.update(MeasurementLinkModel.schema)
            .set("state", to: state.rawValue)
            .where("token_hash", .equal, model.tokenHash)
            .where("state", .equal, model.state)
        if let measurementID { update = update.set("measurement_id", to: measurementID) }
        let moved = try await update.returning("id").all()
        guard moved.isEmpty else { return }
        guard let now = try await MeasurementLinkModel.query(on: db).filter(\.$tokenHash == model.tokenHash).first() else { throw CitizenError.noSuchLink }
        throw link(now).refusal(on: today) ?? MeasurementLink.Refusal.alreadyAnswered
    }

    static func link(_ m: MeasurementLinkModel) -> MeasurementLink {
        MeasurementLink(
            instrument: Instrument(code: m.instrument) ?? .who5,
            issuedAt: Day(iso: m.issuedOn) ?? Day(rawValue: 0), expiresOn: Day(iso: m.expiresOn) ?? Day(rawValue: 0),
            state: MeasurementLink.State(rawValue: m.state) ?? .revoked
        )
    }

    // MARK: Reminders

    /// Puts a reminder in the outbox, unless one is already pending for the
    /// citizen and instrument; returns the pending one.
    @discardableResult
    public func enqueueReminder(citizenID: UUID, instrument: Instrument, dueOn: Day, recipient: String) async throws -> Reminder {
        if let pending = try await ReminderModel.query(on: database)
            .filter(\.$citizenID == citizenID).filter(\.$instrument == instrument.code)
            .filter(\.$state == ReminderState.pending.rawValue).first() {
            return Reminder(pending)
        }
        return try await insertReminder(citizenID: citizenID, subject: instrument.code, goalID: nil, dueOn: dueOn, recipient: recipient)
    }

    /// A new pending reminder: `subject` is the `instrument` column (an instrument's code, the goal or the offer subject).
    private func insertReminder(citizenID: UUID, subject: String, goalID: Int?, dueOn: Day, recipient: String) async throws -> Reminder {
        let model = ReminderModel()
        model.id = UUID()
        model.citizenID = citizenID
        model.instrument = subject
        model.goalID = goalID
        model.dueOn = dueOn.description
        model.recipient = recipient
        model.state = ReminderState.pending.rawValue
        model.createdAt = Date()
        model.updatedAt = model.createdAt
        try await model.create(on: database)
        return Reminder(model)
    }

    /// Puts a reminder to follow up a goal in the outbox, once per goal and follow-up date.
    @discardableResult
    public func enqueueGoalReminder(citizenID: UUID, goalID: Int, dueOn: Day, recipient: String) async throws -> Reminder {
        if let known = try await ReminderModel.query(on: database)
            .filter(\.$citizenID == citizenID).filter(\.$goalID == goalID).filter(\.$dueOn == dueOn.description).first() {
            return Reminder(known)
        }
        return try await insertReminder(citizenID: citizenID, subject: Reminder.goalSubject, goalID: goalID, dueOn: dueOn, recipient: recipient)
    }

    /// Puts a reminder of a measurement due at an offer in the outbox, once per citizen, subject and due day.
    @discardableResult
    public func enqueueOfferReminder(citizenID: UUID, subject: String, dueOn: Day, recipient: String) async throws -> Reminder {
        let code = Reminder.offerPrefix + subject
        if let known = try await ReminderModel.query(on: database)
            .filter(\.$citizenID == citizenID).filter(\.$instrument == code).filter(\.$dueOn == dueOn.description).first() {
            return Reminder(known)
        }
        return try await insertReminder(citizenID: citizenID, subject: code, goalID: nil, dueOn: dueOn, recipient: recipient)
    }

    /// A goal was followed up: its pending reminders are cancelled.
    static func cancelGoalReminders(citizenID: UUID, goalID: Int, on db: any Database) async throws {
        for reminder in try await ReminderModel.query(on: db).filter(\.$citizenID == citizenID).filter(\.$goalID == goalID)
            .filter(\.$state == ReminderState.pending.rawValue).all() {
            reminder.state = ReminderState.cancelled.rawValue
            reminder.updatedAt = Date()
            try await reminder.save(on: db)
        }
    }

    /// Every reminder, newest due first, at most `limit`.
    public func allReminders(limit: Int = 500) async throws -> [Reminder] {
        try await ReminderModel.query(on: database).sort(\.$dueOn, .descending).limit(limit).all().map(Reminder.init)
    }

    /// Reminders in a state, oldest due first.
    /// How many reminders are in each state (for operations' metrics).
    public func reminderCounts() async throws -> [ReminderState: Int] {
        var counts: [ReminderState: Int] = [:]
        for state in ReminderState.allCases { counts[state] = try await ReminderModel.query(on: database).filter(\.$state == state.rawValue).count() }
        return counts
    }

    public func reminders(_ state: ReminderState) async throws -> [Reminder] {
        try await ReminderModel.query(on: database).filter(\.$state == state.rawValue).sort(\.$dueOn).all().map(Reminder.init)
    }

    /// What became of a pending reminder (its message was sent or failed).
    public func mark(reminder id: UUID, _ state: ReminderState) async throws {
        try await Self.move(reminder: id, to: state, from: .pending, on: database)
    }

    /// Moves a reminder in state `from` to `state`; one in another state, or none, is left alone.
    static func move(reminder id: UUID, to state: ReminderState, from: ReminderState, on db: any Database) async throws {
        guard let model = try await ReminderModel.find(id, on: db), model.state == from.rawValue else { return }
        model.state = state.rawValue
        model.updatedAt = Date()
        try await model.save(on: db)
    }
}
