import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Tilbuddenes resultater*: the municipality's view of its offers
/// (results-documentation.md §5, issue 13 item 8). Per offer the
/// aggregates of its leadership report for all citizens, under the offer's
/// disclosure control whoever reads, beside the key figures' count of
/// citizens on the offer's staircase steps, with links to the leadership
/// report and the criterion-3 documentation.
struct OfferMunicipalityRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("tilbud", "resultater", use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let page = try await OfferMunicipalityPage(req)
        return try await req.renderPage("offer-municipality", page, chrome: page.chrome)
    }
}

struct OfferMunicipalityPage: Encodable {
    struct Step: Encodable {
        var text: String
        var figuresHref: String
    }

    struct Item: Encodable {
        var name: String
        var municipality: String
        var paragraphs: String
        var steps: [Step]
        var hasSteps: Bool
        var tables: [OfferReportTable]
        var hasData: Bool
        var leadershipHref: String
        var supervisionHref: String
    }

    var chrome: Chrome
    var offers: [Item]
    var hasOffers: Bool

    init(_ req: Request) async throws {
        chrome = try Chrome(req, title: "Tilbuddenes resultater", active: "/tilbud")
        let account = try req.requireAccount()
        var items: [Item] = []
        /// Each municipality's year-end stock per step in the latest year, as the key figures show it (nil: no extract).
        var stocksByArea: [String: (year: Int, stock: [Int?])] = [:]
        var noExtract: Set<String> = []
        for offer in try await req.store.offers.all().sorted(by: { ($0.municipality, $0.name) < ($1.municipality, $1.name) }) {
            guard let context = OfferContext.reading(offer, account: account) else { continue }
            let area = offer.municipality
            if stocksByArea[area] == nil && !noExtract.contains(area) {
                if let access = try? await FigureAccess.load(req, area: area, wantsFull: false), let stock = req.roret.shownFlows.value(access, shownInFull: nil).stock[area]?.last {
                    stocksByArea[area] = (access.figures.flows.years.upperBound, stock)
                } else {
                    noExtract.insert(area)
                }
            }
            let areaName = DanishMunicipality.name(of: area) ?? area
            let steps = offer.steps.map { step -> Step in
                let text = stocksByArea[area].flatMap { s in
                    s.stock.indices.contains(step - 1) ? "Borgere på trin \(step) i \(areaName) ultimo \(s.year): \(s.stock[step - 1].map(DanishFormat.integer) ?? "«..»")" : nil
                } ?? "Borgere på trin \(step) i \(areaName): ingen registerudtræk endnu"
                return Step(text: text, figuresHref: "/noegletal?omraade=\(area)")
            }
            let report = try await OfferReport(req, context.asReader, .leadership, year: nil)
            let summary = report.tables.map { t in OfferReportTable(title: t.title, head: t.head, rows: Array(t.rows.prefix(1)), note: nil) }
            items.append(Item(name: offer.name, municipality: areaName, paragraphs: OfferPage.paragraphs(offer), steps: steps, hasSteps: !steps.isEmpty,
                              tables: report.hasData ? summary : [], hasData: report.hasData,
                              leadershipHref: context.base + "/rapporter/ledelse", supervisionHref: context.base + "/rapporter/tilsyn"))
        }
        offers = items
        hasOffers = !items.isEmpty
    }
}
