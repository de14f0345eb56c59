import Foundation

/// Where a message is (*beskedens tilstand*). A message is handed to a
/// sender at most once at a time: it is claimed (`sending`) before the
/// attempt, and only a failure the sender reports puts it back to `pending`.
public enum MessageState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Waiting for its next attempt.
    case pending
    /// Claimed by a sender; if the process stops here it is never tried again
    /// (it may have arrived), it is marked failed with that reason.
    case sending
    case sent
    /// Given up: the reason says why.
    case failed
    /// No longer wanted (the citizen withdrew consent, the reminder was answered).
    case cancelled

    public var danishName: String {
        switch self {
        case .pending: "Venter"
        case .sending: "Sendes"
        case .sent: "Sendt"
        case .failed: "Fejlet"
        case .cancelled: "Annulleret"
        }
    }
}

/// How hard Roret tries (*genforsøg*): after a failed attempt the message
/// waits `firstDelay`, then four times as long each time, at most
/// `longestDelay`; after `maxAttempts` attempts it is failed with the last reason.
public struct DeliveryPolicy: Sendable, Hashable {
    public var maxAttempts: Int
    public var firstDelay: Double
    public var longestDelay: Double
    /// A message claimed longer than this is taken to have been interrupted.
    public var interruptedAfter: Double

    public init(maxAttempts: Int = 5, firstDelay: Double = 60, longestDelay: Double = 6 * 3600, interruptedAfter: Double = 15 * 60) {
        self.maxAttempts = max(1, maxAttempts)
        self.firstDelay = firstDelay
        self.longestDelay = longestDelay
        self.interruptedAfter = interruptedAfter
    }

    /// Seconds to wait after the `attempts`-th failed attempt (1-based): `firstDelay` × 4ⁿ⁻¹, at most `longestDelay`.
    public func delay(afterAttempt attempts: Int) -> Double {
        min(firstDelay * pow(4, Double(max(1, attempts) - 1)), longestDelay)
    }

    /// What becomes of a message whose `attempts`-th attempt failed: try
    /// again after the delay, or give up (a permanent failure gives up at once).
    public func afterFailure(attempts: Int, permanent: Bool) -> AfterFailure {
        permanent || attempts >= maxAttempts ? .giveUp : .retry(afterSeconds: delay(afterAttempt: attempts))
    }

    public enum AfterFailure: Sendable, Hashable {
        case retry(afterSeconds: Double)
        case giveUp
    }
}

/// Why one attempt did not deliver, in Danish for the administrator.
/// `permanent`: trying again cannot help (the recipient does not exist, the
/// gateway refused the request as malformed).
public struct DeliveryFailure: Error, Sendable, Hashable {
    public var reason: String
    public var permanent: Bool

    public init(_ reason: String, permanent: Bool = false) {
        self.reason = reason
        self.permanent = permanent
    }
}
