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
        let spells = try await req.store.citizens.spells(atOffer: context.offerID)
        let enrolments = try await req.store.offers.current(Enrolment.self, offer: context.offerID, kind: .enrolment)
        let byCitizen = Dictionary(enrolments.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        // Ended early: the case ended for another reason than goals reached (docs/definitions.md 93);
        // the ended courses' case files are read in one go.
        let ended = Set(spells.filter { $0.end != nil }.map(\.citizenID))
        let citizens = try await req.store.citizens.all(municipality: context.offer.municipality).filter { ended.contains($0.id) }
        let files = try await req.store.cases.files(of: citizens)
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
        answers = try await req.store.offers.current(OfferAnswer.self, offer: context.offerID, kind: .answer).map(\.value)
        goals = try await req.store.offers.current(OfferGoal.self, offer: context.offerID, kind: .goal).map(\.value)
    }
}

/// The analysis page's view-model.
struct OfferAnalysisPage: Encodable {
    struct Table: Encodable {
        var title: String
        var head: [String]
        var rows: [Row]
        var note: String?
    }

    struct Row: Encodable {
        var label: String
        var cells: [String]
    }

    var chrome: Chrome
    var base: String
    var name: String
    var years: [Choice]
    var personLevel: Bool
    var canEdit: Bool
    var tables: [Table]
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
        let courses = results.courses.filter { year == nil || $0.start.year == year }
        // Groups: all citizens, then each intervention and each sub-group with citizens.
        var groups: [(label: String, citizens: Set<String>)] = [("Alle borgere", Set(courses.map(\.citizen)))]
        var interventionRows: [Int] = []
        for i in context.offer.interventions {
            let members = Set(courses.filter { $0.intervention == i.id }.map(\.citizen))
            if !members.isEmpty { interventionRows.append(groups.count); groups.append(("Indsats: \(i.name)", members)) }
            // Sub-groups only for the offer's staff: a sub-group can equal its intervention, which would undo the intervention's suppression.
            for sub in i.subGroups where context.canEdit {
                let members = Set(courses.filter { $0.intervention == i.id && $0.subGroup == sub }.map(\.citizen))
                if !members.isEmpty { groups.append(("Undergruppe: \(sub)", members)) }
            }
        }
        hasData = !courses.isEmpty
        let shown = personLevel
        // The interventions partition all citizens only when every citizen follows exactly one.
        let partition = !interventionRows.isEmpty && interventionRows.reduce(0) { $0 + groups[$1].citizens.count } == groups[0].citizens.count
            && interventionRows.reduce(Set<String>()) { $0.union(groups[$1].citizens) } == groups[0].citizens
        func suppress(_ table: [[Int]], columnsPartition: Bool) -> [[Int?]] {
            shown ? table.map { $0.map(Optional.some) }
                : OfferDisclosure.suppress(.init(counts: table, totalRow: partition ? 0 : nil, parts: interventionRows, columnsPartition: columnsPartition))
        }
        func text(_ n: Int?) -> String { n.map(DanishFormat.integer) ?? "«..»" }
        func counts(_ table: [[Int]], columnsPartition: Bool = true) -> [[String]] { suppress(table, columnsPartition: columnsPartition).map { $0.map(text) } }
        /// A mean behind `n` citizens as shown (nil n: withheld), only behind 5 or more for readers.
        func number(_ v: Double?, n: Int?) -> String {
            let value = shown ? v : OfferDisclosure.mean(v, of: n)
            return value.map { DanishFormat.decimal($0, decimals: 1) } ?? (v == nil ? "–" : "«..»")
        }
        var tables: [Table] = []
        let catalogue = try await req.store.offers.current(InstrumentCatalogue.self, offer: context.offerID, kind: .instruments, key: "catalogue")?.value ?? InstrumentCatalogue()
        for instrument in catalogue.all where results.answers.contains(where: { $0.instrument == instrument.id && $0.score != nil }) {
            let pairs = groups.map { OfferAnalysis.pairedChange(results.answers, instrument: instrument.id, citizens: $0.citizens) }
            let intake = groups.map { OfferAnalysis.intake(results.answers, instrument: instrument.id, citizens: $0.citizens) }
            let n = suppress(intake.map { [$0.citizens] }, columnsPartition: false)
            tables.append(Table(title: "\(instrument.name): borgerne ved start", head: ["Gruppe", "Borgere målt ved start", "Gennemsnit", "Median"],
                                rows: groups.indices.map { g in Row(label: groups[g].label, cells: [text(n[g][0]), number(intake[g].mean, n: n[g][0]), number(intake[g].median, n: n[g][0])]) }))
            let pairN = suppress(pairs.map { $0.map(\.citizens) }, columnsPartition: false)
            tables.append(Table(title: "\(instrument.name): ændring for de samme borgere", head: ["Gruppe"] + ["opfølgning", "afslutning", "efter afslutning"].flatMap { ["Start → \($0): borgere", "Ændring"] },
                                rows: groups.indices.map { g in
                Row(label: groups[g].label, cells: pairs[g].indices.flatMap { p in
                    [text(pairN[g][p]), pairs[g][p].meanChange.map { _ in "\(number(pairs[g][p].meanStart, n: pairN[g][p])) → \(number(pairs[g][p].meanThen, n: pairN[g][p]))" } ?? "–"]
                })
            }, note: "Kun borgere målt både ved start og ved det senere målepunkt tæller med; seneste opfølgning pr. borger."))
        }
        let today = DanishDate.today
        let attainment = groups.map { OfferAnalysis.goalAttainment(results.goals, citizens: $0.citizens, on: today) }
        let goalCounts = counts(attainment.map { $0.counts + [$0.notFollowedUp] })
        tables.append(Table(title: "Målopfyldelse (seneste status pr. mål)", head: ["Gruppe"] + GoalAttainment.allCases.map { "\($0.rawValue). \($0.danishName)" } + ["Ikke fulgt op"],
                            rows: groups.indices.map { Row(label: groups[$0].label, cells: goalCounts[$0]) }))
        let completion = groups.map { g in OfferAnalysis.completion(courses.filter { g.citizens.contains($0.citizen) }, on: today) }
        let completionCounts = counts(completion.map { [$0.running, $0.completed, $0.endedEarly] })
        tables.append(Table(title: "Gennemførte og afbrudte forløb", head: ["Gruppe", "I gang", "Gennemført", "Afbrudt før tid"],
                            rows: groups.indices.map { Row(label: groups[$0].label, cells: completionCounts[$0]) },
                            note: "Afbrudt før tid: forløbet sluttede, og sagen blev afsluttet af en anden grund end at målene var nået."))
        self.tables = tables
        let smallest = groups.map(\.citizens.count).min() ?? 0
        warning = hasData && smallest < 20 ? "Nogle grupper har under 20 borgere. Tallene er usikre: én borgers forløb kan flytte dem meget." : nil
    }
}
