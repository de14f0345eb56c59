import FluentKit

/// Roret's persistence (*lager*): the repositories over one Fluent database.
/// Everything it hands out is a `Sendable` value; Fluent models stay inside.
public struct Store: Sendable {
    public let accounts: AccountRepository
    public let sessions: SessionRepository
    public let audit: AuditLog
    public let extracts: ExtractRepository
    public let tokens: APITokenRepository
    public let citizens: CitizenRepository
    public let measurements: MeasurementRepository
    public let plans: PlanRepository
    public let cases: CaseRepository
    public let leadership: LeadershipRepository
    public let reflection: ReflectionRepository
    public let caseReviews: CaseReviewRepository
    public let schedules: ScheduleRepository
    public let publications: AnswersPublicationRepository
    public let offers: OfferRepository
    public let scenarios: ScenarioRepository
    public let citizenData: CitizenDataRepository
    public let secondFactors: SecondFactorRepository
    public let singleSignOn: SingleSignOnRepository
    public let messages: MessageRepository
    public let contacts: CitizenContactRepository
    public let messageTemplates: MessageTemplateRepository
    /// The database the repositories use.
    let database: any Database

    /// Repositories over `database` (the Vapor app's `app.db`, or a `StoreHost`'s).
    public init(database: any Database) {
        accounts = AccountRepository(database: database)
        sessions = SessionRepository(database: database)
        audit = AuditLog(database: database)
        extracts = ExtractRepository(database: database)
        tokens = APITokenRepository(database: database)
        citizens = CitizenRepository(database: database)
        measurements = MeasurementRepository(database: database)
        plans = PlanRepository(database: database)
        cases = CaseRepository(database: database)
        leadership = LeadershipRepository(database: database)
        reflection = ReflectionRepository(database: database)
        caseReviews = CaseReviewRepository(database: database)
        schedules = ScheduleRepository(database: database)
        publications = AnswersPublicationRepository(database: database)
        offers = OfferRepository(database: database)
        scenarios = ScenarioRepository(database: database)
        citizenData = CitizenDataRepository(database: database)
        secondFactors = SecondFactorRepository(database: database)
        singleSignOn = SingleSignOnRepository(database: database)
        messages = MessageRepository(database: database)
        contacts = CitizenContactRepository(database: database)
        messageTemplates = MessageTemplateRepository(database: database)
        self.database = database
    }

    /// Runs `work` in one transaction on one connection: what it writes and
    /// the audit entry that records it are stored together or not at all.
    /// Run again when another writer was in the way.
    public func transaction<T: Sendable>(_ work: @escaping @Sendable (Store) async throws -> T) async throws -> T {
        let database = self.database
        return try await Contention.retrying(on: database) {
            try await database.transaction { db in try await work(Store(database: db)) }
        }
    }
}
