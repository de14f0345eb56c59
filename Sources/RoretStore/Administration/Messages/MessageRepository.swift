import FluentKit
import FluentSQL
import Foundation
import RoretCore

/// The outbox of messages (*udbakken*) the senders deliver from. Each
/// message is sent at most once: a sender claims it with one conditional
/// UPDATE before the attempt, so two instances never send the same one; a
/// claimed message that never reports back is failed, not tried again.
/// A message made from a reminder settles that reminder with it.
public struct MessageRepository: Sendable {
    let database: any Database

    /// What a link's body becomes once it is sent or given up: the link is a secret.
    public static let erasedLinkBody = "(Teksten er slettet efter afsendelse, fordi den indeholdt borgerens personlige link.)"
    /// The reason given to a message a sender claimed and never reported on.
    public static let interrupted = "Afsendelsen blev afbrudt. Beskeden sendes ikke igen, fordi den kan være nået frem."
    /// Prefixes of the idempotency keys of messages made from reminders.
    public static let reminderPrefix = "reminder:"
    public static let actionReminderPrefix = "action-reminder:"

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Puts the message in the outbox, or returns the one with its key already there.
    @discardableResult
    public func enqueue(_ new: NewMessage, at now: Date = Date()) async throws -> OutgoingMessage {
        if let known = try await find(key: new.idempotencyKey) { return known }
        let m = MessageModel()
        m.id = UUID()
        m.idempotencyKey = new.idempotencyKey
        m.kind = new.kind.rawValue
        m.channel = new.channel.rawValue
        m.address = new.address
        m.addressee = new.addressee
        m.subject = new.subject
        m.body = new.body
        m.municipality = new.municipality
        m.citizenID = new.citizenID
        m.state = MessageState.pending.rawValue
        m.attempts = 0
        m.nextAttemptAt = now
        m.createdAt = now
        m.updatedAt = now
        do {
            try await m.create(on: database)
        } catch {
            // Another instance put the same key in first: that one is the message.
            if let known = try await find(key: new.idempotencyKey) { return known }
            throw error
        }
        return OutgoingMessage(m)
    }

    public func find(key: String) async throws -> OutgoingMessage? {
        try await MessageModel.query(on: database).filter(\.$idempotencyKey == key).first().map(OutgoingMessage.init)
    }

    public func find(id: UUID) async throws -> OutgoingMessage? {
        try await MessageModel.find(id, on: database).map(OutgoingMessage.init)
    }

    /// The keys already used that start with `prefix`.
    public func keys(startingWith prefix: String) async throws -> Set<String> {
        Set(try await MessageModel.query(on: database).filter(\.$idempotencyKey =~ prefix).all().map(\.idempotencyKey))
    }

    /// Pending messages whose time has come, by the given channels (all when nil), the longest waiting first.
    public func due(at now: Date, channels: Set<MessageChannel>? = nil, limit: Int = 50) async throws -> [OutgoingMessage] {
        var query = MessageModel.query(on: database).filter(\.$state == MessageState.pending.rawValue).filter(\.$nextAttemptAt <= now)
        if let channels { query = query.filter(\.$channel ~~ channels.map(\.rawValue)) }
        return try await query.sort(\.$nextAttemptAt).limit(limit).all().map(OutgoingMessage.init)
    }

    /// Claims a pending message for one attempt (counted); nil when another sender has it or it is no longer pending.
    public func claim(_ id: UUID, token: String, at now: Date = Date()) async throws -> OutgoingMessage? {
        let moved = try await sql.update(MessageModel.schema).set("state", to: MessageState.sending.rawValue).set("claim_token", to: token)
            .where("id", .equal, id).where("state", .equal, MessageState.pending.rawValue).returning("id").all()
        guard !moved.isEmpty, let m = try await MessageModel.find(id, on: database), m.claimToken == token else { return nil }
        m.attempts += 1
        m.claimedAt = now
        m.updatedAt = now
        try await m.save(on: database)
        return OutgoingMessage(m)
    }

    /// The sender delivered the claimed message.
    public func delivered(_ id: UUID, token: String, at now: Date = Date()) async throws {
        try await database.transaction { db in
            guard let m = try await Self.claimed(id, token: token, on: db) else { return }
            m.state = MessageState.sent.rawValue
            m.sentAt = now
            m.lastError = nil
            try await Self.settle(m, .sent, at: now, on: db)
        }
    }

    /// The claimed message's attempt failed: it waits for the next attempt,
    /// or is failed with the reason when the policy gives up. Returns its new state.
    @discardableResult
    public func attemptFailed(_ id: UUID, token: String, _ failure: DeliveryFailure, policy: DeliveryPolicy, at now: Date = Date()) async throws -> MessageState {
        try await database.transaction { db in
            guard let m = try await Self.claimed(id, token: token, on: db) else { return .failed }
            m.lastError = failure.reason
            switch policy.afterFailure(attempts: m.attempts, permanent: failure.permanent) {
            case .retry(let seconds):
                m.state = MessageState.pending.rawValue
                m.nextAttemptAt = now.addingTimeInterval(seconds)
                m.claimToken = nil
                m.updatedAt = now
                try await m.save(on: db)
                return .pending
            case .giveUp:
                m.state = MessageState.failed.rawValue
                try await Self.settle(m, .failed, at: now, on: db)
                return .failed
            }
        }
    }

    /// Messages claimed longer ago than the policy allows, whose sender never
    /// reported (the process stopped): failed, never sent again. Returns how many.
    @discardableResult
    public func failInterrupted(policy: DeliveryPolicy, at now: Date = Date()) async throws -> Int {
        let stale = try await MessageModel.query(on: database).filter(\.$state == MessageState.sending.rawValue)
            .filter(\.$claimedAt < now.addingTimeInterval(-policy.interruptedAfter)).all()
        for m in stale {
            try await database.transaction { db in
                m.state = MessageState.failed.rawValue
                m.lastError = Self.interrupted
                try await Self.settle(m, .failed, at: now, on: db)
            }
        }
        return stale.count
    }

    /// The administrator sends a failed message to staff again: pending, its
    /// attempts from zero. A link is not sent again (its text is gone; make a new link).
    public func sendAgain(_ id: UUID, at now: Date = Date()) async throws -> OutgoingMessage? {
        try await database.transaction { db in
            guard let m = try await MessageModel.find(id, on: db), m.state == MessageState.failed.rawValue,
                  m.kind != MessageKind.measurementLink.rawValue else { return nil }
            m.state = MessageState.pending.rawValue
            m.attempts = 0
            m.nextAttemptAt = now
            m.claimToken = nil
            m.updatedAt = now
            try await m.save(on: db)
            try await Self.setSource(of: m.idempotencyKey, to: .pending, from: .failed, on: db)
            return OutgoingMessage(m)
        }
    }

    /// A citizen's pending messages are cancelled (the citizen withdrew consent).
    static func cancelPending(citizenID: UUID, at now: Date = Date(), on db: any Database) async throws {
        for m in try await MessageModel.query(on: db).filter(\.$citizenID == citizenID).filter(\.$state == MessageState.pending.rawValue).all() {
            m.state = MessageState.cancelled.rawValue
            try await settle(m, .cancelled, at: now, on: db)
        }
    }

    /// Every message (of one municipality, or all), in one state or all, newest first, at most `limit`.
    public func all(municipality: String? = nil, state: MessageState? = nil, limit: Int = 500) async throws -> [OutgoingMessage] {
        var query = MessageModel.query(on: database)
        if let municipality { query = query.filter(\.$municipality == municipality) }
        if let state { query = query.filter(\.$state == state.rawValue) }
        return try await query.sort(\.$createdAt, .descending).limit(limit).all().map(OutgoingMessage.init)
    }

    /// One citizen's messages, newest first.
    public func messages(citizenID: UUID) async throws -> [OutgoingMessage] {
        try await MessageModel.query(on: database).filter(\.$citizenID == citizenID).sort(\.$createdAt, .descending).all().map(OutgoingMessage.init)
    }

    /// How many messages (of one municipality, or all) are in each state (the administrator's page, operations' metrics).
    public func counts(municipality: String? = nil) async throws -> [MessageState: Int] {
        var counts: [MessageState: Int] = [:]
        for state in MessageState.allCases {
            var query = MessageModel.query(on: database).filter(\.$state == state.rawValue)
            if let municipality { query = query.filter(\.$municipality == municipality) }
            counts[state] = try await query.count()
        }
        return counts
    }

    private static func claimed(_ id: UUID, token: String, on db: any Database) async throws -> MessageModel? {
        guard let m = try await MessageModel.find(id, on: db), m.state == MessageState.sending.rawValue, m.claimToken == token else { return nil }
        return m
    }

    /// Saves the message's end (`sent`, `failed`, `cancelled`): a link's text is erased, and the reminder it came from ends alike.
    private static func settle(_ m: MessageModel, _ state: MessageState, at now: Date, on db: any Database) async throws {
        if m.kind == MessageKind.measurementLink.rawValue { m.body = erasedLinkBody }
        m.claimToken = nil
        m.updatedAt = now
        try await m.save(on: db)
        let reminderState: ReminderState = switch state {
        case .sent: .sent
        case .cancelled: .cancelled
        default: .failed
        }
        try await setSource(of: m.idempotencyKey, to: reminderState, from: .pending, on: db)
    }

    /// The reminder a message was made from moves from `from` to `to` (nothing when the key names none).
    private static func setSource(of key: String, to state: ReminderState, from: ReminderState, on db: any Database) async throws {
        if key.hasPrefix(reminderPrefix), let id = UUID(uuidString: String(key.dropFirst(reminderPrefix.count))) {
            try await MeasurementRepository.move(reminder: id, to: state, from: from, on: db)
        } else if key.hasPrefix(actionReminderPrefix), let id = UUID(uuidString: String(key.dropFirst(actionReminderPrefix.count))) {
            try await LeadershipRepository.move(actionReminder: id, to: state, from: from, on: db)
        }
    }
}
