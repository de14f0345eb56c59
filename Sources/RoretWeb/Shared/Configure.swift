import Fluent
import Leaf
import LeafKit
import NIOCore
import RoretCore
import RoretStore
import Vapor

/// Sets up the application: database and migrations, services, views,
/// sessions, middleware and routes. Returns the demo sign-ins when it
/// seeded an empty database (else empty).
@discardableResult
public func configure(_ app: Application, _ config: RoretConfiguration) async throws -> [DemoSignIn] {
    app.databases.use(try config.store.databaseFactory(), as: config.store.databaseID)
    app.migrations.add(StoreMigrations.all)
    // Write-ahead logging first, while nothing else uses the file.
    try await StoreHost.useWriteAheadLog(on: app.db)
    try await app.autoMigrate()

    let store = Store(database: app.db)
    let metrics = RoretMetrics()
    app.roret = RoretServices(
        configuration: config,
        figures: KeyFigureCache(extracts: store.extracts, measurements: store.measurements, computed: { metrics.figuresComputed(in: $0) }),
        renderedBodies: RenderedBodies(), currentVersions: CurrentVersions(), answersPublication: Remembered(), metrics: metrics,
        oidc: config.singleSignOn.map { OIDCClient(configuration: $0) },
        delivery: MessageDelivery(config.messaging, client: { app.client }, group: app.eventLoopGroup)
    )
    app.passwords.use(.bcrypt(cost: config.bcryptCost))

    let views = WebResources.directory
    app.views.use(.leaf)
    // Sandboxed to the resource bundle, which holds every domain's views at
    // its top; not `.toVisibleFiles`, which refuses any path with a
    // dot-folder such as `.build` where SwiftPM puts the resources.
    app.leaf.sources = LeafSources.singleSource(NIOLeafFiles(
        fileio: app.fileio, limits: [.toSandbox, .requireExtensions], sandboxDirectory: views, viewDirectory: views
    ))
    app.leaf.cache.isEnabled = config.cacheTemplates

    app.sessions.use { _ in DatabaseSessionDriver(idleTimeout: config.sessionIdleTimeout) }
    app.sessions.configuration = SessionsConfiguration(cookieName: "roret-session") { id in
        HTTPCookies.Value(string: id.string, path: "/", isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    app.middleware = Middlewares()
    app.middleware.use(MetricsMiddleware(metrics: metrics))
    app.middleware.use(ErrorPages())
    app.middleware.use(SecurityHeaders(strictTransportSecurity: config.secureCookies))
    app.middleware.use(APIMethods())
    app.middleware.use(FileMiddleware(publicDirectory: views + "Public/"))

    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port

    try routes(app)
    if config.runsHousekeeping { scheduleHousekeeping(app) }

    let signIns = config.seedDemoWhenEmpty ? try await DemoSeeder.seedIfEmpty(app) : []
    // Compute the current figures before the first page view asks for them.
    // A failure never stops Roret from starting: pages that need the
    // figures say so in Danish, the rest work, and the cause is logged.
    do {
        let started = ContinuousClock.now
        if let publication = try await store.publications.latest() {
            for version in try await store.extracts.history() where version.isCurrent {
                _ = try await app.roret.figures.figures(of: version, answers: publication)
            }
        } else {
            // The first start: publish the answers stored so far (the demo's).
            try await AnswersRebuild.run(store: store, figures: app.roret.figures, today: DanishDate.today)
        }
        app.logger.notice("key figures ready at start in \(AnswersRebuild.milliseconds(since: started)) ms")
    } catch {
        app.logger.error("the key figures could not be computed at start: \(error)")
        try? await store.audit.record(.figuresFailed, username: nil, detail: "ved start: \(String(describing: error).prefix(500))")
    }
    return signIns
}

/// Every hour (and shortly after start): removes expired sessions, puts
/// reminders for due measurements in the outbox and makes e-mails of them
/// for staff with an address; every half minute, when a sender is set up,
/// delivers what is due. Stops with the app.
func scheduleHousekeeping(_ app: Application) {
    let database = app.db
    let logger = app.logger
    let loop = app.eventLoopGroup.next()
    let repeated = loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(5), delay: .hours(1)) { _ in
        loop.makeFutureWithTask {
            do {
                let purged = try await SessionRepository(database: database).purgeExpired()
                if purged > 0 { logger.info("purged \(purged) expired sessions") }
                let pending = try await ReminderJob.run(store: Store(database: database), today: DanishDate.today)
                logger.info("\(pending) reminders pending in the outbox")
                let store = Store(database: database)
                let mails = try await app.roret.delivery.enqueueStaffReminders(store: store, origin: app.roret.configuration.linkOrigin)
                if mails > 0 { logger.info("\(mails) reminders put in the outbox as e-mails") }
                if AnswersRebuild.isDue(latest: try await store.publications.latest(), now: Date(), hour: app.roret.configuration.figuresRebuildHour) {
                    let started = ContinuousClock.now
                    let publication = try await AnswersRebuild.run(store: store, figures: app.roret.figures, today: DanishDate.today)
                    app.roret.answersPublication.invalidate()
                    logger.notice("stored answers up to \(publication.cutoff) published in the key figures (rebuilt in \(AnswersRebuild.milliseconds(since: started)) ms)")
                }
            } catch {
                logger.warning("session purge failed: \(error)")
            }
        }
    }
    app.lifecycle.use(StopOnShutdown(task: repeated))
    let delivery = app.roret.delivery
    guard !delivery.senders.isEmpty else { return }
    // What is due in the outbox goes to its sender every half minute.
    let sending = loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(10), delay: .seconds(delivery.configuration.interval)) { _ in
        loop.makeFutureWithTask {
            do { try await delivery.deliverDue(store: Store(database: database), logger: logger) } catch { logger.warning("message delivery failed: \(error)") }
        }
    }
    app.lifecycle.use(StopOnShutdown(task: sending))
}

/// Cancels a repeated task when the application shuts down.
struct StopOnShutdown: LifecycleHandler {
    let task: RepeatedTask

    func shutdown(_ application: Application) { task.cancel() }
}

/// Every route, each group behind the middleware its users need.
func routes(_ app: Application) throws {
    try app.register(collection: HealthRoutes())

    let browser = app.grouped(app.sessions.middleware, SessionAuthenticator(), CSRFProtection())
    browser.get { req in req.redirect(to: req.account.map { SignInRoutes.home(for: $0.role) } ?? "/log-ind") }
    try browser.register(collection: SignInRoutes())

    try browser.register(collection: SecondFactorRoutes.CodeStep())
    try browser.register(collection: SingleSignOnRoutes())
    // Enrolment in two-factor sign-in: signed in, before the second factor is required.
    try browser.grouped(RequireSignIn()).register(collection: SecondFactorRoutes())
    let signedIn = browser.grouped(RequireSignIn(), RequireSecondFactor())
    try signedIn.grouped(RequireRole(allowed: AccessPolicy.maySeeAggregates)).register(collection: DashboardRoutes())
    try signedIn.grouped(RequireRole(allowed: AccessPolicy.mayAdminister)).register(collection: AdminRoutes())
    try signedIn.grouped(RequireRole(allowed: AccessPolicy.mayAdminister)).register(collection: DataRightsRoutes())
    try signedIn.grouped(RequireRole(allowed: AccessPolicy.mayAdminister)).register(collection: SingleSignOnAdminRoutes())
    try signedIn.grouped(RequireRole(allowed: AccessPolicy.mayAdminister)).register(collection: OutboxRoutes())
    try signedIn.grouped(RequireRole(allowed: AccessPolicy.mayAdminister)).register(collection: MessageTextRoutes())
    try signedIn.grouped(RequireRole(allowed: AccessPolicy.mayAdminister)).register(collection: CaseWorkSettingsRoutes())
    try signedIn.grouped(RequireRole(allowed: AccessPolicy.mayUseAPI)).register(collection: TokenRoutes())
    try signedIn.grouped(RequireRole(allowed: { $0 == .citizen })).register(collection: OwnPageRoutes())
    let staff = signedIn.grouped(RequireRole(allowed: { $0 == .caseworker || $0 == .provider }))
    try staff.register(collection: CitizenListRoutes())
    try staff.register(collection: CitizenRecordRoutes())
    try staff.register(collection: CitizenContactRoutes())
    try staff.register(collection: StatusReportRoutes())
    try staff.register(collection: DataRightsRoutes.Caseworker())
    try staff.register(collection: CaseWorkRoutes())
    try signedIn.grouped(RequireRole(allowed: AccessPolicy.maySeePracticeIndicators)).register(collection: PracticeRoutes())
    // Leadership: the pages check the municipality themselves; rounds also admit invited caseworkers.
    let leaders = signedIn.grouped(RequireRole(allowed: { $0 == .leader || $0 == .analyst }))
    try leaders.register(collection: LeadershipOverviewRoutes())
    try leaders.register(collection: ActionRoutes())
    try signedIn.grouped(RequireRole(allowed: { $0 == .leader || $0 == .analyst || $0 == .caseworker })).register(collection: RoundRoutes())
    try signedIn.grouped(RequireRole(allowed: AccessPolicy.mayAdminister)).register(collection: ItemSetRoutes())
    try signedIn.grouped(RequireRole(allowed: AccessPolicy.mayAdminister)).register(collection: ReviewGrantRoutes())
    try signedIn.grouped(RequireRole(allowed: { $0 == .leader || $0 == .analyst || $0 == .caseworker })).register(collection: CaseReviewRoutes())
    // Meetings admit their participants of any role but administrators and provider staff; the list is the leaders'.
    try signedIn.grouped(RequireRole(allowed: { $0 != .administrator && $0 != .provider })).register(collection: ReflectionRoutes())
    // Offers: the offer itself decides who reads and edits (AccessPolicy.mayReadOffer / mayEditOffer).
    let offers = signedIn.grouped(RequireRole(allowed: AccessPolicy.mayUseOffers))
    try offers.register(collection: OfferMunicipalityRoutes())
    try offers.register(collection: OfferRoutes())
    try offers.register(collection: SelfEvaluationRoutes())
    try offers.register(collection: TheoryOfChangeRoutes())
    try offers.register(collection: CitizenJourneyRoutes())
    try offers.register(collection: PlanningRoutes())
    try offers.register(collection: OfferAnalysisRoutes())
    try offers.register(collection: CollectionRoutes())
    try offers.register(collection: OfferReportRoutes())
    try offers.register(collection: LearningMeetingRoutes())
    try offers.register(collection: CycleReviewRoutes())
    try offers.register(collection: CalibrationRoutes())
    try signedIn.grouped(RequireRole(allowed: AccessPolicy.mayAdminister)).register(collection: OfferAdminRoutes())
    // Economic steering: forecasts and budget potential for the steering group.
    let economics = signedIn.grouped(RequireRole(allowed: AccessPolicy.mayUseEconomics))
    try economics.register(collection: ForecastRoutes())
    try economics.register(collection: ScenarioRoutes())
    // The citizen's personal link: no account and no session; the secret in the address is the credential.
    try app.register(collection: AnswerRoutes())
    try app.register(collection: OfferAnswerRoutes())

    app.get("api", "v1", use: APIRoutes.index)
    let api = app.grouped("api", "v1").grouped(TokenAuthenticator())
    try api.register(collection: APIRoutes())
    try api.register(collection: PracticeAPIRoutes())
    try api.register(collection: ForecastAPIRoutes())
}

/// Where the templates (at the top) and static files (`Public/`) are.
enum WebResources {
    static var directory: String {
        (Bundle.module.resourceURL?.path ?? Bundle.module.bundlePath) + "/"
    }
}
