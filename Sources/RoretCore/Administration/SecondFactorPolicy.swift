import Foundation

extension AccessPolicy {
    /// Whether the role signs in with a second factor (*totrinsgodkendelse*)
    /// when it uses a local password: administrators, and everyone who reads
    /// person-level data — caseworkers and provider staff.
    public static func requiresSecondFactor(_ role: Role) -> Bool {
        role == .administrator || role == .caseworker || role == .provider
    }
}

/// Wrong second-factor codes (*forkerte koder*): after `maxFailures` within
/// `window`, the next code is not even checked until the window has passed —
/// six digits cannot be guessed in the attempts this allows (5 per 15 minutes).
public struct SecondFactorThrottle: Sendable, Hashable {
    public var maxFailures: Int
    public var window: TimeInterval

    public init(maxFailures: Int = 5, window: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures
        self.window = window
    }

    /// Whether a code is refused unchecked, given the failures within the window.
    public func mustWait(failuresInWindow: Int) -> Bool { failuresInWindow >= maxFailures }
}
