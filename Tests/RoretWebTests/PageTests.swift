import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// Every dashboard page renders with real data, in Danish, with its charts.
@Suite struct PageTests {
    @Test func everyKeyFigurePageRendersItsDefinitionTrendAndTable() async throws {
        try await withRoretApp { app in
            var leader = Browser(app)
            try await leader.signIn("leder")
            for figure in KeyFigure.allCases {
                let page = try await leader.get("/noegletal/\(figure.code)")
                #expect(page.status == .ok, "\(figure.code)")
                let html = page.body.string
                #expect(html.contains(figure.danishTitle), "\(figure.code)")
                #expect(html.contains(figure.danishDefinition), "\(figure.code)")
                #expect(html.contains("<svg"), "\(figure.code) trend chart")
                #expect(html.contains("Roskilde"), "\(figure.code) table")
                #expect(html.contains("Hele landet"), "\(figure.code)")
                #expect(html.contains("name=\"brud\"") == (figure.breakdowns.count > 1), "\(figure.code): a breakdown chooser only where there are breakdowns")
                #expect(!html.contains("hele landet — </h2>") && !html.contains("hele landet —</h2>"), "\(figure.code)")
            }
        }
    }

    @Test func theOverviewDrawsTheStaircaseWithTheAreaBesideTheCountry() async throws {
        try await withRoretApp { app in
            var leader = Browser(app)
            try await leader.signIn("leder")
            let html = try await leader.get("/oversigt").body.string
            #expect(html.contains("Oversigt: Roskilde, 2024"))
            #expect(html.contains("class=\"chart staircase\""))
            for step in 1...5 { #expect(html.contains("Trin \(step)")) }
            #expect(html.contains("Pr. 10.000 voksne"))
            #expect(html.contains("class=\"national-mark\""), "the country is marked on the same scale")
            #expect(html.contains("Ændring fra 2023, pr. 10.000"), "the change says whose and in which unit")
            #expect(!html.contains("&lt;5"))
            let earlier = try await leader.get("/oversigt?aar=2019&omraade=253").body.string
            #expect(earlier.contains("Oversigt: Greve, 2019"))
        }
    }

    /// The overview of the extract's first year: NT04 and NT05 need the year
    /// before, so they say so instead of showing another year's value.
    @Test func aYearWithoutAFigureSaysSoInsteadOfShowingAnotherYear() async throws {
        try await withRoretApp { app in
            var leader = Browser(app)
            try await leader.signIn("leder")
            let html = try await leader.get("/oversigt?aar=2017").body.string
            #expect(html.contains("Oversigt: Roskilde, 2017"))
            let nt04 = try #require(html.range(of: "<span class=\"code\">NT04</span>"))
            let card = html[nt04.lowerBound...].prefix(400)
            #expect(card.contains("ikke tilgængelig") && card.contains("Kræver tal for 2016"), "\(card)")
            #expect(!card.contains("(2018)"))
        }
    }

    @Test func q01WithoutMeasurementsSaysSoAndHiddenCellsUseTheNeutralMark() {
        let none = KeyFigureRow(area: "265", year: 2024, figure: .q01, breakdown: "", numerator: .count(0), denominator: .count(40))
        #expect(DanishFormat.value(none) == "ingen målinger")
        let some = KeyFigureRow(area: "265", year: 2024, figure: .q01, breakdown: "", numerator: .count(10), denominator: .count(40))
        #expect(DanishFormat.value(some) == "25,0 %")
        var hidden = some
        hidden.suppressed = true
        #expect(DanishFormat.value(hidden) == ".." && DanishFormat.quantity(nil, suppressed: true) == "..")
    }

    @Test func theIndexListsEveryFigureWithItsDefinition() async throws {
        try await withRoretApp { app in
            var leader = Browser(app)
            try await leader.signIn("leder")
            let html = try await leader.get("/noegletal").body.string
            for figure in KeyFigure.allCases {
                #expect(html.contains("<span class=\"code\">\(figure.code)</span> \(figure.danishTitle)"), "\(figure.code)")
            }
            #expect(html.contains("aria-current=\"page\">Nøgletal</a>"))
        }
    }

    @Test func tablesNameWhatIsCounted() async throws {
        try await withRoretApp { app in
            var leader = Browser(app)
            try await leader.signIn("leder")
            let nt01 = try await leader.get("/noegletal/NT01").body.string
            #expect(nt01.contains(">Borgere</th>") && nt01.contains(">Voksne</th>") && !nt01.contains("Tæller"))
            let nt16 = try await leader.get("/noegletal/NT16").body.string
            #expect(nt16.contains(">Sum af scorer</th>") && nt16.contains(">Målte borgere</th>"))
        }
    }

    @Test func movementsShowTheFlowAndTheMatrix() async throws {
        try await withRoretApp { app in
            var leader = Browser(app)
            try await leader.signIn("leder")
            let html = try await leader.get("/bevaegelser?aar=2024").body.string
            #expect(html.contains("<title>Hvor er borgerne på hvert trin"), "the NT06 flow")
            #expect(html.contains("id=\"matrix\""))
            #expect(html.contains("Overgange fra 2023 til 2024"))
            #expect(html.contains("NT08 Tilbage inden for 12 måneder"))
            #expect(html.contains("Borgernes egne svar ved bevægelser fra 2023 til 2024"))
            for instrument in Instrument.allCases { #expect(html.contains("<h3>\(instrument.danishName)")) }
            for movement in StepMovement.allCases { #expect(html.contains("<th scope=\"row\">\(movement.danishTitle)</th>")) }
            for instrument in Instrument.allCases {
                #expect(html.contains("<title>\(instrument.danishName) fra første måling til seneste måling i 2024, efter bevægelse fra 2023 til 2024</title>"), "the chart of \(instrument)")
            }
            #expect(html.contains("/hent/bevaegelser-svar.csv?aar=2024"))
            // 2018 has a year before it but not two: the matrix, and NT06 says what it lacks.
            let second = try await leader.get("/bevaegelser?aar=2018").body.string
            #expect(second.contains("Overgange fra 2017 til 2018"))
            #expect(second.contains("Kræver to års data før 2018."))
            #expect(!second.contains("<title>Hvor er borgerne på hvert trin"), "no NT06 flow without two years before")
            // 2017 has no year before it: NT07 is not computed, so the latest year is shown.
            let first = try await leader.get("/bevaegelser?aar=2017").body.string
            #expect(first.contains("Overgange fra 2023 til 2024"))
        }
    }

    @Test func themePagesListTheirFigures() async throws {
        try await withRoretApp { app in
            var leader = Browser(app)
            try await leader.signIn("leder")
            for theme in KeyFigureTheme.allCases where theme != .movements {
                let html = try await leader.get("/tema/\(theme.rawValue)").body.string
                for figure in theme.figures { #expect(html.contains("id=\"\(figure.code)\""), "\(theme) \(figure.code)") }
            }
            let citizen = try await leader.get("/tema/borgerrapporteret").body.string
            #expect(citizen.contains("±10 point"), "the interface says which threshold is used")
            let redirect = try await leader.get("/tema/bevaegelser")
            #expect(redirect.status == .seeOther)
            #expect(try await leader.get("/tema/ukendt").status == .notFound)
            #expect(try await leader.get("/noegletal/NT99").status == .notFound)
        }
    }

    @Test func theAreaTableSortsByValue() async throws {
        try await withRoretApp { app in
            var leader = Browser(app)
            try await leader.signIn("leder")
            let html = try await leader.get("/noegletal/NT02?aar=2024&sorter=vaerdi&retning=ned").body.string
            let values = Self.values(html)
            #expect(values.count == 4)
            #expect(values == values.sorted(by: >))
            let up = Self.values(try await leader.get("/noegletal/NT02?aar=2024&sorter=vaerdi&retning=op").body.string)
            #expect(up == values.reversed())
        }
    }

    /// The numbers of the value column of the areas table (Danish decimals).
    static func values(_ html: String) -> [Double] {
        guard let table = html.range(of: "id=\"areas\"") else { return [] }
        return html[table.upperBound...].components(separatedBy: "<tr").dropFirst(2).compactMap { row in
            let cells = row.components(separatedBy: "<td class=\"num\">").dropFirst()
            guard let last = cells.last?.components(separatedBy: "</td>").first else { return nil }
            return Double(last.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
        }
    }

    @Test func thePrintViewHasNoMenuOrControls() async throws {
        try await withRoretApp { app in
            var leader = Browser(app)
            try await leader.signIn("leder")
            let html = try await leader.get("/noegletal/NT03?udskriv=1").body.string
            #expect(html.contains("<body class=\"print\">"))
            let normal = try await leader.get("/noegletal/NT03").body.string
            #expect(normal.contains("<body>"))
            #expect(normal.contains("href=\"/noegletal/NT03?udskriv=1\""))
        }
    }

    @Test func withoutAnImportThePagesSaySoInsteadOfFailing() async throws {
        try await withRoretApp(importDemo: false) { app in
            var leader = Browser(app)
            try await leader.signIn("leder")
            let page = try await leader.get("/oversigt")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Ingen tal endnu"))
            #expect(try await leader.get("/hent/NT01.csv").status == .notFound)
        }
    }

    @Test func theHealthEndpointAnswersWithoutSignIn() async throws {
        try await withRoretApp(importDemo: false) { app in
            var browser = Browser(app)
            let health = try await browser.get("/health")
            #expect(health.status == .ok)
            #expect(health.body.string == "ok")
        }
    }

    @Test func theStylesheetIsServedFromTheAppItself() async throws {
        try await withRoretApp(importDemo: false) { app in
            var browser = Browser(app)
            let css = try await browser.get("/roret.css")
            #expect(css.status == .ok)
            #expect(css.body.string.contains("@media print"))
        }
    }

    @Test func downloadsAreCSVAttachmentsInTheKeyFigureFormat() async throws {
        try await withRoretApp { app in
            var leader = Browser(app)
            try await leader.signIn("leder")
            let csv = try await leader.get("/hent/oversigt.csv")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            let lines = csv.body.string.split(separator: "\n")
            #expect(lines.first == "area,year,figure,breakdown,numerator,denominator,value,suppressed")
            #expect(Set(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[0] }) == ["265", "national"])
            let year = try await leader.get("/hent/NT02.csv?aar=2020").body.string.split(separator: "\n")
            #expect(year.count == 1 + 4, "header + 3 municipalities + national")
        }
    }
}
