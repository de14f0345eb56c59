import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Rapporter*: the offer's reports for staff, team, leadership and
/// socialtilsynet, each on screen, printable on A4 and as Excel.
/// Person-level reports and views are audited.
struct OfferReportRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("tilbud", ":offer", "rapporter")
        r.get(use: index)
        r.get(":kind", use: show)
        r.get(":kind", "xlsx", use: xlsx)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .read)
        let page = try OfferReportsPage(req, context)
        return try await req.renderPage("offer-reports", page, chrome: page.chrome)
    }

    private func report(_ req: Request) async throws -> (OfferContext, OfferReport, Int?) {
        let context = try await OfferContext(req, .read)
        guard let kind = req.parameters.get("kind").flatMap(OfferReportKind.init(rawValue:)) else { throw Abort(.notFound) }
        let year = req.pageQuery.int("aar")
        let report = try await OfferReport(req, context, kind, year: year)
        if report.personLevel {
            try await req.audit(.offerRead, area: context.offer.municipality, detail: "rapport »\(kind.danishName)« i tilbud \(context.offer.name)")
        }
        return (context, report, year)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (context, report, year) = try await report(req)
        let page = try OfferReportPage(req, context, report, year: year)
        return try await req.renderPage("offer-report", page, chrome: page.chrome)
    }

    @Sendable func xlsx(req: Request) async throws -> Response {
        let (context, report, _) = try await report(req)
        try await req.audit(.export, area: context.offer.municipality, detail: "rapport »\(report.kind.danishName)« i tilbud \(context.offer.name) (Excel)")
        return .spreadsheet(try report.sheet(offer: context.offer.name).xlsx(), filename: "rapport-\(report.kind.rawValue).xlsx")
    }
}

/// *Rapporter*: the reports the reader may open.
struct OfferReportsPage: Encodable {
    struct Link: Encodable {
        var href: String
        var title: String
        var text: String
    }

    var chrome: Chrome
    var base: String
    var name: String
    var canEdit: Bool
    var reports: [Link]

    init(_ req: Request, _ context: OfferContext) throws {
        chrome = try Chrome(req, title: "Rapporter · \(context.offer.name)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        canEdit = context.canEdit
        let texts: [OfferReportKind: String] = [
            .staff: "Dine egne borgere: deres forløb, scorer fra start til seneste måling og målenes status.",
            .team: "Alle borgere pr. indsats og undergruppe, med tallene som de er.",
            .leadership: "Resultaterne pr. indsats til ledelsen og kommunen; små grupper skjules for dem, der ikke må se borgerne.",
            .supervision: "Målgruppen som beskrevet og som betjent, metoderne og resultaterne i forhold til konkrete mål.",
        ]
        let account = context.account
        reports = OfferReportKind.allCases.filter {
            AccessPolicy.mayReadOfferReport($0, role: account.role, username: account.username, area: account.area, offerID: account.offerKey, context.offer)
        }.map { Link(href: context.base + "/rapporter/\($0.rawValue)", title: $0.danishName, text: texts[$0] ?? "") }
    }
}

/// One report on screen (and in the print view).
struct OfferReportPage: Encodable {
    var chrome: Chrome
    var base: String
    var name: String
    var canEdit: Bool
    var title: String
    var lead: String
    var years: [Choice]
    var action: String
    var printHref: String
    var xlsxHref: String
    var sections: [OfferReport.Section]
    var tables: [OfferReportTable]
    var warning: String?
    var hidden: Bool
    var date: String

    init(_ req: Request, _ context: OfferContext, _ report: OfferReport, year: Int?) throws {
        chrome = try Chrome(req, title: "\(report.title) · \(context.offer.name)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        canEdit = context.canEdit
        title = report.title
        lead = report.lead
        let thisYear = DanishDate.today.year
        years = [Choice(value: "", label: "Alle år", selected: year == nil)] + (thisYear - 4...thisYear).reversed().map { Choice(value: String($0), label: "Forløb startet i \($0)", selected: $0 == year) }
        action = context.base + "/rapporter/\(report.kind.rawValue)"
        let query = year.map { "aar=\($0)&" } ?? ""
        printHref = action + "?\(query)udskriv=1"
        xlsxHref = action + "/xlsx" + (year.map { "?aar=\($0)" } ?? "")
        sections = report.sections
        tables = report.tables
        warning = report.warning
        hidden = !report.personLevel
        date = DanishDate.today.danish
    }
}
