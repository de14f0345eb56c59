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
        var flowsByArea: [String: (ShownFlows, ClosedRange<Int>)?] = [:]
        for offer in try await req.store.offers.all().sorted(by: { ($0.municipality, $0.name) < ($1.municipality, $1.name) }) {
            guard let context = OfferContext.reading(offer, account: account) else { continue }
            if flowsByArea[offer.municipality] == nil {
                let access = try? await FigureAccess.load(req, area: offer.municipality, wantsFull: false)
                flowsByArea[offer.municipality] = access.map { (req.roret.shownFlows.value($0, shownInFull: nil), $0.figures.flows.years) }
            }
            let flows = flowsByArea[offer.municipality] ?? nil
            let areaName = DanishMunicipality.name(of: offer.municipality) ?? offer.municipality
            let steps = offer.steps.map { step -> Step in
                let text: String
                if let (shown, years) = flows, let stock = shown.stock[offer.municipality]?.last, stock.indices.contains(step - 1) {
                    text = "Borgere på trin \(step) i \(areaName) ultimo \(years.upperBound): \(stock[step - 1].map(DanishFormat.integer) ?? "«..»")"
                } else {
                    text = "Borgere på trin \(step) i \(areaName): ingen registerudtræk endnu"
                }
                return Step(text: text, figuresHref: "/noegletal?omraade=\(offer.municipality)")
            }
            let report = try await OfferReport(req, context.asReader, .leadership, year: nil)
            let summary = report.tables.map { t in OfferReportTable(title: t.title, head: t.head, rows: Array(t.rows.prefix(1)), note: nil) }
            items.append(Item(name: offer.name, municipality: areaName, paragraphs: OfferPage.paragraphs(offer), steps: steps, hasSteps: !steps.isEmpty,
                              tables: summary, hasData: report.tables.contains { !$0.rows.isEmpty },
                              leadershipHref: context.base + "/rapporter/ledelse", supervisionHref: context.base + "/rapporter/tilsyn"))
        }
        offers = items
        hasOffers = !items.isEmpty
    }
}
