import Foundation
import RoretCore
import RoretStore
import Vapor

/// The offer's result tables per group (all citizens, each intervention,
/// each sub-group for person-level readers): intake, paired change, goal
/// attainment, completion. Shared by *Analyse*, the reports and the
/// learning meeting's frozen report. Without person-level access every
/// count goes through the offer's disclosure control, and means show only
/// behind 5 or more citizens.
struct OfferResultTables {
    var tables: [OfferReportTable]
    var hasData: Bool
    var warning: String?

    /// `year`: only courses started that year; `citizens`: only these citizens (the staff member's own).
    init(_ req: Request, _ context: OfferContext, _ results: OfferResults, year: Int?, personLevel: Bool, citizens only: Set<String>? = nil) async throws {
        try await self.init(req.store, offer: context.offer, id: context.offerID, results, year: year, personLevel: personLevel, citizens: only)
    }

    init(_ store: Store, offer: Offer, id offerID: UUID, _ results: OfferResults, year: Int?, personLevel: Bool, citizens only: Set<String>? = nil) async throws {
        let courses = results.courses.filter { (year == nil || $0.start.year == year) && (only?.contains($0.citizen) ?? true) }
        var groups: [(label: String, citizens: Set<String>)] = [(only == nil ? "Alle borgere" : "Dine borgere", Set(courses.map(\.citizen)))]
        var interventionRows: [Int] = []
        for i in offer.interventions {
            let members = Set(courses.filter { $0.intervention == i.id }.map(\.citizen))
            if !members.isEmpty { interventionRows.append(groups.count); groups.append(("Indsats: \(i.name)", members)) }
            // Sub-groups only with person-level access: a sub-group can equal its intervention, which would undo the intervention's suppression.
            for sub in i.subGroups where personLevel {
                let members = Set(courses.filter { $0.intervention == i.id && $0.subGroup == sub }.map(\.citizen))
                if !members.isEmpty { groups.append(("Undergruppe: \(sub)", members)) }
            }
        }
        hasData = !courses.isEmpty
        // The interventions partition all citizens only when every citizen follows exactly one.
        let partition = !interventionRows.isEmpty && interventionRows.reduce(0) { $0 + groups[$1].citizens.count } == groups[0].citizens.count
            && interventionRows.reduce(Set<String>()) { $0.union(groups[$1].citizens) } == groups[0].citizens
        func suppress(_ table: [[Int]], columnsPartition: Bool) -> [[Int?]] {
            personLevel ? table.map { $0.map(Optional.some) }
                : OfferDisclosure.suppress(.init(counts: table, totalRow: partition ? 0 : nil, parts: interventionRows, columnsPartition: columnsPartition))
        }
        func text(_ n: Int?) -> String { n.map(DanishFormat.integer) ?? "«..»" }
        func counts(_ table: [[Int]], columnsPartition: Bool = true) -> [[String]] { suppress(table, columnsPartition: columnsPartition).map { $0.map(text) } }
        /// A mean behind `n` citizens as shown (nil n: withheld), only behind 5 or more for readers.
        func number(_ v: Double?, n: Int?) -> String {
            let value = personLevel ? v : OfferDisclosure.mean(v, of: n)
            return value.map { DanishFormat.decimal($0, decimals: 1) } ?? (v == nil ? "–" : "«..»")
        }
        var tables: [OfferReportTable] = []
        let catalogue = try await store.offers.current(InstrumentCatalogue.self, offer: offerID, kind: .instruments, key: "catalogue")?.value ?? InstrumentCatalogue()
        for instrument in catalogue.all where results.answers.contains(where: { $0.instrument == instrument.id && $0.score != nil }) {
            let pairs = groups.map { OfferAnalysis.pairedChange(results.answers, instrument: instrument.id, citizens: $0.citizens) }
            let intake = groups.map { OfferAnalysis.intake(results.answers, instrument: instrument.id, citizens: $0.citizens) }
            let n = suppress(intake.map { [$0.citizens] }, columnsPartition: false)
            tables.append(OfferReportTable(title: "\(instrument.name): borgerne ved start", head: ["Gruppe", "Borgere målt ved start", "Gennemsnit", "Median"],
                                           rows: groups.indices.map { g in .init(label: groups[g].label, cells: [text(n[g][0]), number(intake[g].mean, n: n[g][0]), number(intake[g].median, n: n[g][0])]) }))
            let pairN = suppress(pairs.map { $0.map(\.citizens) }, columnsPartition: false)
            tables.append(OfferReportTable(title: "\(instrument.name): ændring for de samme borgere",
                                           head: ["Gruppe"] + ["opfølgning", "afslutning", "efter afslutning"].flatMap { ["Start → \($0): borgere", "Ændring"] },
                                           rows: groups.indices.map { g in
                .init(label: groups[g].label, cells: pairs[g].indices.flatMap { p in
                    [text(pairN[g][p]), pairs[g][p].meanChange.map { _ in "\(number(pairs[g][p].meanStart, n: pairN[g][p])) → \(number(pairs[g][p].meanThen, n: pairN[g][p]))" } ?? "–"]
                })
            }, note: "Kun borgere målt både ved start og ved det senere målepunkt tæller med; seneste opfølgning pr. borger."))
        }
        let today = DanishDate.today
        let attainment = groups.map { OfferAnalysis.goalAttainment(results.goals, citizens: $0.citizens, on: today) }
        let goalCounts = counts(attainment.map { $0.counts + [$0.notFollowedUp] })
        tables.append(OfferReportTable(title: "Målopfyldelse (seneste status pr. mål)", head: ["Gruppe"] + GoalAttainment.allCases.map { "\($0.rawValue). \($0.danishName)" } + ["Ikke fulgt op"],
                                       rows: groups.indices.map { .init(label: groups[$0].label, cells: goalCounts[$0]) }))
        let completion = groups.map { g in OfferAnalysis.completion(courses.filter { g.citizens.contains($0.citizen) }, on: today) }
        let completionCounts = counts(completion.map { [$0.running, $0.completed, $0.endedEarly] })
        tables.append(OfferReportTable(title: "Gennemførte og afbrudte forløb", head: ["Gruppe", "I gang", "Gennemført", "Afbrudt før tid"],
                                       rows: groups.indices.map { .init(label: groups[$0].label, cells: completionCounts[$0]) },
                                       note: "Afbrudt før tid: forløbet sluttede, og sagen blev afsluttet af en anden grund end at målene var nået."))
        self.tables = tables
        let smallest = groups.map(\.citizens.count).min() ?? 0
        warning = hasData && smallest < 20 ? "Nogle grupper har under 20 borgere. Tallene er usikre: én borgers forløb kan flytte dem meget." : nil
    }
}
