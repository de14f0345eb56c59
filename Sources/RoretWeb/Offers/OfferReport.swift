import Foundation
import RoretCore
import RoretStore
import Vapor

/// One of the offer's reports (*rapporter*, results-documentation.md §5),
/// built for the signed-in reader: texts first (target group, methods),
/// then tables. Person-level when the reader edits the offer, else every
/// count under the offer's disclosure control.
struct OfferReport {
    struct Section: Encodable {
        var title: String
        var lines: [String]
    }

    var kind: OfferReportKind
    var title: String
    var lead: String
    var sections: [Section]
    var tables: [OfferReportTable]
    var warning: String?
    var personLevel: Bool
    /// Whether the offer has any course in the report's period.
    var hasData = false

    init(_ req: Request, _ context: OfferContext, _ kind: OfferReportKind, year: Int?) async throws {
        guard AccessPolicy.mayReadOfferReport(kind, role: context.account.role, username: context.account.username, area: context.account.area,
                                              offerID: context.account.offerKey, context.offer) else {
            try await req.audit(.accessDenied, area: context.offer.municipality, detail: "rapport \(kind.rawValue) i tilbud \(context.offer.name)")
            throw Abort(.forbidden)
        }
        self.kind = kind
        personLevel = context.canEdit
        title = kind.danishName
        let results = try await OfferResults(req, context)
        sections = []
        switch kind {
        case .staff:
            let own = try await Self.ownCitizens(req, context, results)
            lead = "Borgere, hvis svar, mål eller opfølgninger du har registreret i tilbuddet."
            let built = try await OfferResultTables(req, context, results, year: year, personLevel: true, citizens: own)
            tables = [try await Self.citizenTable(req, context, results, citizens: own, year: year)] + built.tables
            warning = built.warning
            hasData = built.hasData
        case .team:
            lead = "Alle tilbuddets borgere, pr. indsats og undergruppe, med tallene som de er."
            let built = try await OfferResultTables(req, context, results, year: year, personLevel: true)
            tables = built.tables
            warning = built.warning
            hasData = built.hasData
        case .leadership:
            lead = "Tilbuddets resultater pr. indsats: borgerne ved start, ændring for de samme borgere, målopfyldelse og gennemførte forløb."
            let built = try await OfferResultTables(req, context, results, year: year, personLevel: personLevel)
            tables = built.tables
            warning = built.warning
            hasData = built.hasData
        case .supervision:
            lead = "Dokumentation til socialtilsynets kriterium 3: målgruppen som beskrevet og som betjent, metoderne, og resultaterne i forhold til konkrete mål."
            let theory = try await req.store.offers.versions(TheoryOfChange.self, offer: context.offerID, kind: .theory, key: "map").last?.value
            let courses = results.courses.filter { year == nil || $0.start.year == year }
            let evidence = TargetGroupEvidence(theoryTargetGroup: theory?.targetGroup, interventions: context.offer.interventions, courses: courses)
            sections.append(Section(title: "Målgruppen som beskrevet", lines: [evidence.described ?? "Forandringsteorien beskriver ikke målgruppen endnu."]
                + context.offer.interventions.map { "\($0.name): \($0.targetGroup.isEmpty ? "ingen målgruppebeskrivelse" : $0.targetGroup)\($0.notInTargetGroup.isEmpty ? "" : " Ikke i målgruppen: \($0.notInTargetGroup)")" }))
            sections.append(Section(title: "Metoder", lines: context.offer.interventions.map { i in
                ["\(i.name):", i.activities.isEmpty ? nil : "aktiviteter: \(i.activities)", i.mechanisms.isEmpty ? nil : "virkningsmekanismer: \(i.mechanisms)",
                 i.researchBasis.isEmpty ? nil : "forskning: \(i.researchBasis)", i.practiceBasis.isEmpty ? nil : "praksis: \(i.practiceBasis)",
                 i.citizensBasis.isEmpty ? nil : "borgernes erfaringer: \(i.citizensBasis)"].compactMap { $0 }.joined(separator: " ")
            }))
            if let goals = theory?.goals.nonEmpty { sections.append(Section(title: "Tilbuddets mål (forandringsteorien)", lines: [goals])) }
            tables = [Self.servedTable(evidence, personLevel: personLevel)]
            let built = try await OfferResultTables(req, context, results, year: year, personLevel: personLevel)
            tables += built.tables
            warning = built.warning
            hasData = built.hasData
        }
    }

    /// The staff member's own citizens: those whose answer, goal or goal follow-up they recorded (docs/definitions.md 97).
    static func ownCitizens(_ req: Request, _ context: OfferContext, _ results: OfferResults) async throws -> Set<String> {
        let user = context.account.username
        let goalKeys = try await req.store.offers.keys(savedBy: user, offer: context.offerID, kind: .goal)
        return Set(results.answers.filter { $0.enteredBy == user }.map(\.citizen))
            .union(try await req.store.offers.current(OfferGoal.self, offer: context.offerID, kind: .goal).filter { goalKeys.contains($0.key) }.map(\.value.citizen))
    }

    /// One row per own citizen: intervention, start, each instrument's start → latest score, goals' latest status.
    static func citizenTable(_ req: Request, _ context: OfferContext, _ results: OfferResults, citizens: Set<String>, year: Int?) async throws -> OfferReportTable {
        let catalogue = try await req.store.offers.current(InstrumentCatalogue.self, offer: context.offerID, kind: .instruments, key: "catalogue")?.value ?? InstrumentCatalogue()
        let instruments = catalogue.all.filter { i in results.answers.contains { $0.instrument == i.id && citizens.contains($0.citizen) } }
        let enrolments = Dictionary(try await req.store.offers.current(Enrolment.self, offer: context.offerID, kind: .enrolment).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let today = DanishDate.today
        var rows: [(String, OfferReportTable.Row)] = []
        for course in results.courses where citizens.contains(course.citizen) && (year == nil || course.start.year == year) {
            guard let id = UUID(uuidString: course.citizen), let record = try await req.store.citizens.find(id: id) else { continue }
            let intervention = context.offer.interventions.first { $0.id == enrolments[course.citizen]?.intervention }?.name ?? "Ikke tilknyttet"
            let scores = instruments.map { i -> String in
                let mine = results.answers.filter { $0.citizen == course.citizen && $0.instrument == i.id && $0.score != nil }.sorted { $0.day < $1.day }
                guard let first = mine.first(where: { $0.point == .start }) ?? mine.first, let last = mine.last else { return "–" }
                let f = DanishFormat.decimal(first.score!, decimals: 0), l = DanishFormat.decimal(last.score!, decimals: 0)
                return first.id == last.id ? f : "\(f) → \(l)"
            }
            let goals = results.goals.filter { $0.citizen == course.citizen }.map { "\($0.text): \($0.status(on: today)?.danishName ?? "ikke fulgt op")" }
            rows.append((record.pseudonym, .init(label: record.pseudonym, cells: [intervention, course.start.danish, course.end?.danish ?? "i gang"] + scores
                + [goals.isEmpty ? "–" : goals.joined(separator: "; ")])))
        }
        return OfferReportTable(title: "Dine borgere", head: ["Borger", "Indsats", "Start", "Slut"] + instruments.map { "\($0.name): start → seneste" } + ["Mål og seneste status"],
                                rows: rows.sorted { $0.0 < $1.0 }.map(\.1), note: rows.isEmpty ? "Du har ikke registreret svar, mål eller opfølgninger for nogen borger endnu." : nil)
    }

    /// The target group as served: citizens per intervention (they partition all citizens) and by start year, suppressed for readers.
    static func servedTable(_ evidence: TargetGroupEvidence, personLevel: Bool) -> OfferReportTable {
        let total = evidence.groups.reduce(0) { $0 + $1.citizens }
        let counts = [[total]] + evidence.groups.map { [$0.citizens] }
        let shown = personLevel ? counts.map { $0.map(Optional.some) }
            : OfferDisclosure.suppress(.init(counts: counts, totalRow: 0, parts: Array(1..<counts.count), columnsPartition: false))
        let years = [[total]] + evidence.startsByYear.map { [$0.citizens] }
        let yearsPartition = evidence.startsByYear.reduce(0) { $0 + $1.citizens } == total
        let shownYears = personLevel ? years.map { $0.map(Optional.some) }
            : OfferDisclosure.suppress(.init(counts: years, totalRow: yearsPartition ? 0 : nil, parts: yearsPartition ? Array(1..<years.count) : nil, columnsPartition: false))
        func text(_ n: Int?) -> String { n.map(DanishFormat.integer) ?? "«..»" }
        let rows = [OfferReportTable.Row(label: "Alle borgere", cells: [text(shown[0][0])])]
            + evidence.groups.indices.map { OfferReportTable.Row(label: evidence.groups[$0].label, cells: [text(shown[$0 + 1][0])]) }
            + evidence.startsByYear.indices.map { OfferReportTable.Row(label: "Startet i \(evidence.startsByYear[$0].year)", cells: [text(shownYears[$0 + 1][0])]) }
        return OfferReportTable(title: "Målgruppen som betjent", head: ["Gruppe", "Borgere"], rows: rows,
                                note: "Borgere i tilbuddet pr. indsats (efter deres tilknytning) og efter det år, forløbet startede.")
    }

    /// The report as one sheet: each section and table under its title.
    func sheet(offer: String) -> Spreadsheet {
        var rows: [[Spreadsheet.Cell]] = []
        for s in sections {
            rows.append([.text(s.title)])
            rows += s.lines.map { [.text($0)] }
            rows.append([])
        }
        for t in tables {
            rows.append([.text(t.title)])
            rows.append(t.head.map(Spreadsheet.Cell.text))
            rows += t.rows.map { [.text($0.label)] + $0.cells.map(Spreadsheet.Cell.text) }
            if let note = t.note { rows.append([.text(note)]) }
            rows.append([])
        }
        return Spreadsheet(sheetName: "Rapport", header: ["\(title) — \(offer)"], rows: rows,
                           notes: personLevel ? [] : ["Grupper med 1–4 borgere er skjult («..»); gennemsnit vises kun bag mindst 5 borgere."])
    }
}
