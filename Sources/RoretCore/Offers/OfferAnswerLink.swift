/// A citizen's personal link to answer one of the offer's own
/// citizen-completed instruments (*målingslink*, results-documentation.md
/// §4): like the WHO-5 link — single use, expiring, the secret only hashed —
/// and tied to the measurement point it collects.
public struct OfferAnswerLink: Sendable, Hashable, Codable {
    public var citizen: String
    public var instrument: String
    public var point: MeasurementPoints.Kind
    public var issuedOn: Day
    /// The last day it can be used.
    public var expiresOn: Day
    public var state: MeasurementLink.State

    /// A new link, valid for `validDays` days from `issuedOn` (default 14, as the WHO-5 link).
    public init(citizen: String, instrument: String, point: MeasurementPoints.Kind, issuedOn: Day, validDays: Int = 14) {
        self.citizen = citizen
        self.instrument = instrument
        self.point = point
        self.issuedOn = issuedOn
        expiresOn = issuedOn.adding(days: max(1, validDays) - 1)
        state = .issued
    }

    /// Why it cannot be used on `day`, or nil when it can.
    public func refusal(on day: Day) -> MeasurementLink.Refusal? {
        switch state {
        case .answered: .alreadyAnswered
        case .declined: .alreadyDeclined
        case .revoked: .revoked
        case .issued, .opened: day > expiresOn ? .expired : nil
        }
    }

    /// The link moved to `state` on `day`; throws its refusal when it cannot be used.
    public func moved(to state: MeasurementLink.State, on day: Day) throws -> OfferAnswerLink {
        if let refusal = refusal(on: day) { throw refusal }
        var next = self
        next.state = state
        return next
    }
}
