/// A personal, single-use link by which a citizen answers a measurement on
/// their own phone (*personligt målingslink*) — its lifecycle, without the
/// secret (the web layer makes and hashes that). Issued links expire; an
/// answered or declined link can never be used again.
public struct MeasurementLink: Sendable, Hashable {
    /// Where a link is in its life.
    public enum State: String, Sendable, Hashable, Codable {
        /// Sent, not yet opened.
        case issued
        /// Opened: the citizen has seen what the answers are for and who sees them.
        case opened
        /// Answered: the answer is stored; the link is spent.
        case answered
        /// The citizen said no, thank you; the link is spent.
        case declined
        /// Withdrawn by staff before it was used.
        case revoked
    }

    /// Why a link cannot be used.
    public enum Refusal: Error, Sendable, Hashable {
        case expired
        case alreadyAnswered
        case alreadyDeclined
        case revoked
    }

    public let instrument: Instrument
    public let issuedAt: Day
    /// The last day it can be used.
    public let expiresOn: Day
    public private(set) var state: State

    /// A new link for `instrument`, valid from `issuedAt` for `validDays` days (default 14).
    public init(instrument: Instrument, issuedAt: Day, validDays: Int = 14) {
        precondition(validDays >= 1)
        self.instrument = instrument
        self.issuedAt = issuedAt
        expiresOn = Day(rawValue: issuedAt.rawValue + Int32(validDays - 1))
        state = .issued
    }

    /// A stored link.
    public init(instrument: Instrument, issuedAt: Day, expiresOn: Day, state: State) {
        self.instrument = instrument
        self.issuedAt = issuedAt
        self.expiresOn = expiresOn
        self.state = state
    }

    /// Why the link cannot be used on `day`, or nil when it can.
    public func refusal(on day: Day) -> Refusal? {
        switch state {
        case .answered: return .alreadyAnswered
        case .declined: return .alreadyDeclined
        case .revoked: return .revoked
        case .issued, .opened: return day > expiresOn ? .expired : nil
        }
    }

    /// The citizen opens the link (the information page).
    public mutating func open(on day: Day) throws(Refusal) {
        if let refusal = refusal(on: day) { throw refusal }
        state = .opened
    }

    /// The citizen's answer is stored; the link is spent.
    public mutating func answer(on day: Day) throws(Refusal) {
        if let refusal = refusal(on: day) { throw refusal }
        state = .answered
    }

    /// The citizen declines; the link is spent.
    public mutating func decline(on day: Day) throws(Refusal) {
        if let refusal = refusal(on: day) { throw refusal }
        state = .declined
    }

    /// Staff withdraw an unused link.
    public mutating func revoke() throws(Refusal) {
        switch state {
        case .answered: throw .alreadyAnswered
        case .declined: throw .alreadyDeclined
        case .revoked, .issued, .opened: state = .revoked
        }
    }
}
