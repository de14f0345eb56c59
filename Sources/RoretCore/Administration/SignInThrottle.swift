/// Sign-in throttling with backoff (*spærring af log ind*): a few free
/// failures per name from one address, then a wait that doubles with each
/// failure, never a hard lock. Counted separately for a name from one
/// address, a name from all addresses and an address over all names, so
/// guessing from one address never locks the real user out elsewhere, and
/// guessing from many addresses or at many names is still slowed.
public struct SignInThrottle: Sendable, Hashable {
    /// Failures counted for one key within the window.
    public struct Failures: Sendable, Hashable {
        public var count: Int
        /// When the latest failure was, in seconds since 1970.
        public var last: Double?

        public init(count: Int, last: Double?) {
            self.count = count
            self.last = last
        }

        public static let none = Failures(count: 0, last: nil)
    }

    /// Free failures for one name from one address.
    public var perNameAndAddress = 5
    /// Free failures for one name from all addresses together.
    public var perName = 20
    /// Free failures from one address over all names.
    public var perAddress = 30
    /// The wait after the first failure over a limit; doubles with each further one.
    public var firstWait: Double = 30
    /// The longest wait.
    public var longestWait: Double = 15 * 60
    /// Failures older than this are forgotten.
    public var window: Double = 15 * 60

    public init() {}

    /// How many seconds to wait before the next attempt may be checked (`now`
    /// in seconds since 1970); nil when it may be now.
    public func wait(nameAndAddress: Failures, name: Failures, address: Failures, now: Double) -> Double? {
        let waits = [(nameAndAddress, perNameAndAddress), (name, perName), (address, perAddress)].compactMap { failures, limit -> Double? in
            guard failures.count >= limit, let last = failures.last else { return nil }
            let over = failures.count - limit
            let delay = min(longestWait, firstWait * Double(1 << min(over, 20)))
            let left = last + delay - now
            return left > 0 ? left : nil
        }
        return waits.max()
    }
}
