import NIOConcurrencyHelpers
import RoretStore
import Vapor

/// What the routes use, built once at start: the configuration, the
/// key-figure cache and the account service.
struct RoretServices: Sendable {
    let configuration: RoretConfiguration
    let figures: KeyFigureCache
    /// Rendered dashboard bodies per extract version and access scope.
    let renderedBodies: RenderedBodies
    /// The current extract versions, asked of the database at most once a second.
    let currentVersions: CurrentVersions
    /// The publication of stored answers in force, asked at most once a second.
    let answersPublication: Remembered<AnswersPublication?>
    /// Sign-in attempts at one username are checked one at a time.
    let signInGate = SignInGate()
    /// The staircase's flows with disclosure control, per extract version and reader.
    let shownFlows = ShownFlowsCache()
    /// Figures that fail are put in the audit log at most once a minute.
    let figureFailureAlert = RateLimitedAlert(interval: 60)
    /// Operations' metrics (`/metrics`).
    let metrics: RoretMetrics
    /// The municipality's identity provider, when single sign-on is set up.
    let oidc: OIDCClient?
    /// The outbox's senders (e-mail, sms) and how hard they try.
    let delivery: MessageDelivery
}

/// Says yes at most once per `interval` seconds (a failure repeated on
/// every page view is written to the audit log once, not on every view).
struct RateLimitedAlert: Sendable {
    let interval: TimeInterval
    private let last = NIOLockedValueBox<Date?>(nil)

    init(interval: TimeInterval) { self.interval = interval }

    func shouldAlert(now: Date = Date()) -> Bool {
        last.withLockedValue { last in
            if let previous = last, now.timeIntervalSince(previous) < interval { return false }
            last = now
            return true
        }
    }
}

private struct RoretServicesKey: StorageKey {
    typealias Value = RoretServices
}

extension Application {
    /// The services set up by `configure`.
    var roret: RoretServices {
        get {
            guard let services = storage[RoretServicesKey.self] else { fatalError("configure(_:_:) was not called") }
            return services
        }
        set { storage[RoretServicesKey.self] = newValue }
    }
}

extension Request {
    var roret: RoretServices { application.roret }
    /// The repositories on this request's event loop (its own connection pool).
    var store: Store { Store(database: db) }
}
