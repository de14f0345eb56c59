import Foundation
import RoretCore
import RoretStore

/// Everything the web application is configured with, read once (from the
/// environment and the command line) and injected; tests build their own.
public struct RoretConfiguration: Sendable {
    /// Where the data is kept.
    public var store: StoreConfiguration
    public var hostname: String
    public var port: Int
    /// Send the session cookie only over HTTPS. On by default when
    /// `RORET_PUBLIC_URL` starts with `https://`; off for the local demo on http.
    public var secureCookies: Bool
    /// The hour (Danish time, 0–23) of the nightly rebuild that brings stored
    /// answers into the figures; `RORET_FIGURES_REBUILD_HOUR`, default 2.
    public var figuresRebuildHour: Int = 2
    /// A browser session unused this long ends (30 minutes), besides the absolute 8 hours.
    public var sessionIdleTimeout: TimeInterval = 30 * 60
    /// The address citizens reach Roret on (`RORET_PUBLIC_URL`), the only
    /// origin of the personal answer links; nil: links only while serving
    /// on loopback (the demo), never from a request's Host header.
    public var publicURL: String?
    /// Bcrypt cost for new password hashes (12 in production; tests use 4).
    public var bcryptCost: Int
    /// On an empty database, generate and import the demo extract and create demo accounts.
    public var seedDemoWhenEmpty: Bool
    /// Sign-in throttling with backoff (free failures, waits, window).
    public var signInThrottle: SignInThrottle
    /// Leaf caches parsed templates (production); off while editing templates.
    public var cacheTemplates: Bool
    /// Run the hourly housekeeping (session purge, reminder job); tests turn it off.
    public var runsHousekeeping: Bool
    /// The largest upload (an extract's files together) accepted, in bytes;
    /// `RORET_MAX_UPLOAD_MB`, 512 MB by default (a national extract is about 100 MB).
    public var maxUploadBytes: Int
    /// `/metrics` answers only with this bearer token (`RORET_METRICS_TOKEN`); without it the route does not exist.
    public var metricsToken: String?
    /// Log lines as JSON objects (`RORET_LOG_FORMAT=json`) instead of text.
    public var jsonLogs = false
    /// Administrators, caseworkers and provider staff sign in with a second factor
    /// (`RORET_REQUIRE_2FA`, on unless `off`; off in the demo and where a test builds the configuration itself).
    public var requireSecondFactor = false
    /// The municipality's login (OpenID Connect), when configured (`RORET_OIDC_*`).
    public var singleSignOn: SingleSignOnConfiguration?
    /// The roles that may sign in with a local password (`RORET_PASSWORD_ROLES`, comma-separated; default every role).
    public var passwordRoles: Set<Role> = Set(Role.allCases)
    /// Ended records older than this are listed for erasure (`RORET_RETENTION_YEARS`, default 5).
    public var retention = Retention()
    /// How messages are delivered (`RORET_SMTP_*`, `RORET_SMS_GATEWAY_*`, `RORET_MESSAGE_MAX_ATTEMPTS`); none by default.
    public var messaging = MessagingConfiguration()
    /// Settings read from the environment that Roret cannot start with, in Danish; `roret serve` lists them and stops.
    public var problems: [String] = []

    public init(
        store: StoreConfiguration, hostname: String = "127.0.0.1", port: Int = 8080,
        secureCookies: Bool = false, bcryptCost: Int = 12, seedDemoWhenEmpty: Bool = false,
        signInThrottle: SignInThrottle = SignInThrottle(), cacheTemplates: Bool = true, runsHousekeeping: Bool = true,
        maxUploadBytes: Int = 512 * 1024 * 1024, publicURL: String? = nil
    ) {
        self.store = store
        self.hostname = hostname
        self.port = port
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.seedDemoWhenEmpty = seedDemoWhenEmpty
        self.signInThrottle = signInThrottle
        self.cacheTemplates = cacheTemplates
        self.runsHousekeeping = runsHousekeeping
        self.maxUploadBytes = maxUploadBytes
        self.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }

    /// What staff are told when `linkOrigin` is nil.
    static let noLinkOrigin = "Der kan ikke laves links, før Roret kender sin offentlige adresse (RORET_PUBLIC_URL). Kontakt jeres it-afdeling."

    /// Where a personal answer link points: the public address, or on
    /// loopback the server's own; nil when neither is known.
    public var linkOrigin: String? {
        if let publicURL, !publicURL.isEmpty { return publicURL }
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(hostname) || hostname.hasPrefix("127.")
        return loopback ? "http://\(hostname == "::1" ? "[::1]" : hostname):\(port)" : nil
    }

    /// Read from the environment: `DATABASE_URL` / `RORET_SQLITE`, `RORET_PUBLIC_URL`, `RORET_MAX_UPLOAD_MB`,
    /// `RORET_FIGURES_REBUILD_HOUR`, `RORET_METRICS_TOKEN` (16 characters or more), `RORET_LOG_FORMAT`, `RORET_HOUSEKEEPING`, `RORET_RETENTION_YEARS`, `RORET_REQUIRE_2FA`,
    /// `RORET_OIDC_*`, `RORET_PASSWORD_ROLES`, `RORET_SMTP_*`, `RORET_SMS_GATEWAY_*`, `RORET_MESSAGE_MAX_ATTEMPTS`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> RoretConfiguration {
        var config = RoretConfiguration(
            store: StoreConfiguration.fromEnvironment(environment),
            secureCookies: environment["RORET_PUBLIC_URL"]?.lowercased().hasPrefix("https://") ?? false,
            maxUploadBytes: (environment["RORET_MAX_UPLOAD_MB"].flatMap(Int.init).map { max($0, 1) } ?? 512) * 1024 * 1024,
            publicURL: environment["RORET_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
        )
        config.metricsToken = environment["RORET_METRICS_TOKEN"].flatMap { $0.count >= 16 ? $0 : nil }
        config.jsonLogs = environment["RORET_LOG_FORMAT"]?.lowercased() == "json"
        config.runsHousekeeping = environment["RORET_HOUSEKEEPING"]?.lowercased() != "off"
        config.requireSecondFactor = environment["RORET_REQUIRE_2FA"]?.lowercased() != "off"
        config.singleSignOn = SingleSignOnConfiguration(environment)
        if let roles = environment["RORET_PASSWORD_ROLES"] {
            config.passwordRoles = Set(roles.split(separator: ",").compactMap { Role(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
        }
        if let years = environment["RORET_RETENTION_YEARS"].flatMap(Int.init), years >= 1 { config.retention = Retention(years: years) }
        do {
            config.messaging = try MessagingConfiguration.fromEnvironment(environment)
        } catch {
            config.problems.append(String(describing: error))
        }
        if let hour = environment["RORET_FIGURES_REBUILD_HOUR"].flatMap(Int.init), (0...23).contains(hour) { config.figuresRebuildHour = hour }
        return config
    }
}
