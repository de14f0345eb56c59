import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Analyse*: the offer's results per group (all citizens, each
/// intervention, each sub-group) and start year: intake profile, paired
/// change for the same citizens, goal attainment and completion. The
/// offer's staff see the counts; readers see them under the offer's
/// disclosure control, with means only behind 5 or more citizens.
struct OfferAnalysisRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("tilbud", ":offer").get("analyse", use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .read)
        let page = try await OfferAnalysisPage(req, context)
        return try await req.renderPage("offer-analysis", page, chrome: page.chrome)
    }
}

/// The offer's collected data, read once: courses, answers, goals, enrolments.
struct OfferResults {
    var courses: [OfferCourse]
    var answers: [OfferAnswer]
    var goals: [OfferGoal]

    init(_ req: Request, _ context: OfferContext) async throws {
        try await self.init(req.store, offer: context.offer, id: context.offerID)
    }

    init(_ store: Store, offer: Offer, id offerID: UUID) async throws {
        let spells = try await store.citizens.spells(atOffer: offerID)
        let enrolments = try await store.offers.current(Enrolment.self, offer: offerID, kind: .enrolment)
        let byCitizen = Dictionary(enrolments.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        // Ended early: the case ended for another reason than goals reached (docs/definitions.md 93);
        // the ended courses' case files are read in one go.
        let ended = Set(spells.filter { $0.end != nil }.map(\.citizenID))
        let citizens = try await store.citizens.all(municipality: offer.municipality).filter { ended.contains($0.id) }
        let files = try await store.cases.files(of: citizens)
        let today = DanishDate.today
        var endedEarly: [UUID: Bool] = [:]
        for (citizen, file) in zip(citizens, files) {
            endedEarly[citizen.id] = file.history.state(on: today).ending.map { $0.value.reason != .goalsReached } ?? false
        }
        let courses = spells.map { spell in
            let citizen = spell.citizenID.uuidString
            return OfferCourse(citizen: citizen, intervention: byCitizen[citizen]?.intervention, subGroup: byCitizen[citizen]?.subGroup, start: spell.start, end: spell.end,
                               endedEarly: spell.end != nil && (endedEarly[spell.citizenID] ?? false))
        }
        self.courses = courses
        answers = try await store.offers.current(OfferAnswer.self, offer: offerID, kind: .answer).map(\.value)
        goals = try await store.offers.current(OfferGoal.self, offer: offerID, kind: .goal).map(\.value)
    }
}

/// The analysis page's view-model.
struct OfferAnalysisPage: Encodable {
    var chrome: Chrome
    var base: String
    var name: String
    var years: [Choice]
    var personLevel: Bool
    var canEdit: Bool
    var tables: [OfferReportTable]
    var hasData: Bool
    var warning: String?

    init(_ req: Request, _ context: OfferContext) async throws {
        chrome = try Chrome(req, title: "Analyse · \(context.offer.name)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        personLevel = context.canEdit
        canEdit = context.canEdit
        let results = try await OfferResults(req, context)
        let allYears = Set(results.courses.map(\.start.year)).sorted()
        let year = req.pageQuery.int("aar").flatMap { allYears.contains($0) ? $0 : nil }
        years = [Choice(value: "", label: "Alle år", selected: year == nil)] + allYears.map { Choice(value: String($0), label: "Forløb startet i \($0)", selected: $0 == year) }
        let built = try await OfferResultTables(req, context, results, year: year, personLevel: personLevel)
        tables = built.tables
        hasData = built.hasData
        warning = built.warning
    }
}
