import RoretCore
import RoretStore
import Vapor

/// *Praksis*: the practice indicators I1–I16 beside the staircase figures,
/// with their trend over quarters and downloads; for leaders and analysts
/// per municipality (suppressed), for a caseworker also their own caseload.
/// Nobody opens a record here.
struct PracticeRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("praksis", use: page)
        routes.get("praksis", ":file", use: download)
    }

    @Sendable func page(req: Request) async throws -> Response {
        let table = try await PracticeIndicatorTable(req, area: req.pageQuery["omraade"])
        var staircase: [PracticePage.Figure] = []
        var change: MovementChangeSection? = nil
        var changeYear: Int? = nil
        if let access = try? await FigureAccess.load(req, area: table.areas.first, wantsFull: false) {
            changeYear = access.figures.computedYears(of: .nt07).last
            change = changeYear.flatMap { MovementChangeSection(req, access, year: $0) }
            for figure in [KeyFigure.nt05, .nt06, .nt07, .nt08] {
                guard let year = access.figures.computedYears(of: figure).last else { continue }
                let rows = access.rows(figure, area: table.areas.first).filter { $0.year == year }
                // NT06 and NT07 are tables of movements (from step, to step): shown on their own page.
                let value = rows.first(where: { $0.breakdown.isEmpty }).map(DanishFormat.value) ?? "Se tabellen"
                staircase.append(PracticePage.Figure(code: figure.code, title: figure.danishTitle, value: value, year: String(year), href: "/noegletal/\(figure.code)"))
            }
        }
        var page = try PracticePage(req, table: table, staircase: staircase)
        page.change = change
        page.changeYears = changeYear.map { "\($0 - 1)–\($0)" }
        return try await req.renderPage("practice", page, chrome: page.chrome)
    }

    /// `/praksis/praksis.csv`, `/praksis/praksis.xlsx`: every row of the page (and the trend).
    @Sendable func download(req: Request) async throws -> Response {
        let file = req.parameters.get("file") ?? ""
        guard file == "praksis.csv" || file == "praksis.xlsx" else { throw Abort(.notFound) }
        let account = try req.requireAccount()
        let table = try await PracticeIndicatorTable(req, area: req.pageQuery["omraade"])
        let rows = table.rows + table.caseload
        try await req.audit(.export, area: account.area, detail: "\(file), \(rows.count) rækker")
        let name = "roret-praksis-\(table.reference)"
        if file.hasSuffix(".csv") { return .csv(PracticeIndicatorTable.csv(rows), filename: name + ".csv") }
        let sheet = Spreadsheet(
            sheetName: "Praksis", header: ["Område", "Opgjort pr.", "Indikator", "Titel", "Tæller", "Nævner", "Andel (%) / median (dage)", "Diskretioneret"],
            rows: rows.map { r in
                let value = r.indicator.isMedian ? r.median : r.percent
                return [.text(r.area == PracticeIndicatorTable.caseloadArea ? "Egne sager" : r.area), .text(r.reference.danish), .text(r.indicator.code), .text(r.indicator.title),
                        r.numerator.map { .integer($0) } ?? .empty, r.denominator.map { .integer($0) } ?? .empty,
                        value.map { .decimal($0, decimals: 1) } ?? .empty, .text(r.suppressed ? "ja" : "")]
            },
            notes: ["Praksisindikatorer (casework.md) pr. \(table.reference.danish). \"ja\" under Diskretioneret: tallet er tilbageholdt (1–4 eller sekundært)."])
        return .spreadsheet(try sheet.xlsx(), filename: name + ".xlsx")
    }
}

/// *Praksis*'s view-model.
struct PracticePage: Encodable {
    struct Line: Encodable {
        var code: String
        var title: String
        var counted: String
        var isSub: Bool
        var cells: [Cell]
    }

    struct Cell: Encodable {
        var value: String
        var counts: String
    }

    struct Figure: Encodable {
        var code: String
        var title: String
        var value: String
        var year: String
        var href: String
    }

    var chrome: Chrome
    var reference: String
    var period: String
    var areaNames: [String]
    /// The first area: the user's municipality (or the chosen one).
    var mainArea: String
    var lines: [Line]
    var trendHeader: [String]
    var trend: [Line]
    var hasCaseload: Bool
    var caseload: [Line]
    var caseloadTrend: [Line]
    var staircase: [Figure]
    var hasStaircase: Bool
    /// The citizens' own change beside their staircase movement (NT07's latest year).
    var change: MovementChangeSection? = nil
    var changeYears: String? = nil
    var areaChoices: [Choice]
    var canChooseArea: Bool
    var downloadQuery: String
}

extension PracticePage {
    init(_ req: Request, table: PracticeIndicatorTable, staircase: [Figure]) throws {
        chrome = try Chrome(req, title: "Praksis", active: "/praksis")
        let ref = table.reference
        reference = ref.danish
        period = "Aktive sager pr. \(ref.danish). »De seneste 12 måneder« er \(ref.adding(months: -12).adding(days: 1).danish)–\(ref.danish), »de seneste 6 måneder« \(ref.adding(months: -6).adding(days: 1).danish)–\(ref.danish)."
        func name(_ area: String) -> String { area == nationalArea ? "Hele landet" : DanishMunicipality.name(of: area).map { "\($0) (\(area))" } ?? "Kommune \(area)" }
        areaNames = table.areas.map(name)
        mainArea = areaNames.first ?? "Hele landet"
        func index(_ rows: [PracticeIndicatorRow]) -> [String: PracticeIndicatorRow] {
            Dictionary(rows.map { ("\($0.area)|\($0.reference.rawValue)|\($0.indicator.rawValue)", $0) }, uniquingKeysWith: { a, _ in a })
        }
        let byKey = index(table.rows + table.caseload)
        func cell(_ area: String, _ day: Day, _ i: PracticeIndicator) -> Cell {
            let row = byKey["\(area)|\(day.rawValue)|\(i.rawValue)"]
            return Cell(value: PracticeIndicatorTable.value(row), counts: PracticeIndicatorTable.counts(row))
        }
        lines = PracticeIndicator.allCases.map { i in
            Line(code: i.code, title: i.title, counted: i.counted, isSub: i.isSubRow, cells: table.areas.map { cell($0, ref, i) })
        }
        let quarterDays = Array(table.references.dropLast())
        trendHeader = quarterDays.map { d in let (y, m, _) = d.components; return "\(y) K\((m - 1) / 3 + 1)" } + ["I dag"]
        let main = table.areas.first ?? nationalArea
        trend = PracticeIndicator.allCases.map { i in
            Line(code: i.code, title: i.title, counted: "", isSub: i.isSubRow, cells: table.references.map { cell(main, $0, i) })
        }
        hasCaseload = !table.caseload.isEmpty
        let own = PracticeIndicatorTable.caseloadArea
        caseload = hasCaseload ? PracticeIndicator.allCases.map { i in
            Line(code: i.code, title: i.title, counted: i.counted, isSub: i.isSubRow, cells: [cell(own, ref, i)] + table.areas.prefix(1).map { cell($0, ref, i) })
        } : []
        caseloadTrend = hasCaseload ? PracticeIndicator.allCases.map { i in
            Line(code: i.code, title: i.title, counted: "", isSub: i.isSubRow, cells: table.references.map { cell(own, $0, i) })
        } : []
        self.staircase = staircase
        hasStaircase = !staircase.isEmpty
        let account = try req.requireAccount()
        canChooseArea = account.area == nationalArea
        let asked = req.pageQuery["omraade"] ?? ""
        areaChoices = canChooseArea
            ? [Choice(value: "", label: "Alle kommuner", selected: asked.isEmpty)] + table.areas.filter { $0 != nationalArea }.map { Choice(value: $0, label: name($0), selected: $0 == asked) }
            : []
        downloadQuery = asked.isEmpty ? "" : "?omraade=\(asked)"
    }
}
