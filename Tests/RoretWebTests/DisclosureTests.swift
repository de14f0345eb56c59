import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// Small cells never reach anyone without person-level access: the CSV a
/// user downloads is compared row by row with the engine's two forms.
@Suite struct DisclosureTests {
    /// The demo extract's figures, both forms.
    func demoSet(_ app: Application) async throws -> KeyFigureSet {
        let store = Store(database: app.db)
        let version = try #require(try await store.extracts.current(for: nationalArea))
        return try await app.roret.figures.figures(of: version, answers: try await Store(database: app.db).publications.latest())
    }

    /// Every row of every area and figure in output order, as the CSV has them.
    func csv(_ set: KeyFigureSet, figure: KeyFigure, unsuppressedAreas: Set<String>) -> String {
        let rows = set.areas.flatMap { set.rows(area: $0, figure: figure, unsuppressed: unsuppressedAreas.contains($0)) }
        return KeyFigureOutput.csv(rows)
    }

    @Test func theDemoHasSmallCellsSoTheseTestsCanFail() async throws {
        try await withRoretApp { app in
            let set = try await demoSet(app)
            #expect(set.suppressed.contains { $0.suppressed && $0.area == "265" })
            #expect(set.suppressed.contains { $0.suppressed && $0.area == "253" })
            #expect(set.suppressed.contains { $0.suppressed && $0.area == nationalArea })
        }
    }

    @Test func aLeaderGetsSuppressedFiguresEvenWhenAskingForThemUnsuppressed() async throws {
        try await withRoretApp { app in
            let set = try await demoSet(app)
            var leader = Browser(app)
            try await leader.signIn("leder")
            for figure in [KeyFigure.nt01, .nt07, .nt13, .nt17] {
                for query in ["", "?visning=fuld"] {
                    let response = try await leader.get("/hent/\(figure.code).csv\(query)")
                    #expect(response.status == .ok)
                    #expect(response.body.string == csv(set, figure: figure, unsuppressedAreas: []), "\(figure.code)\(query)")
                }
            }
            #expect(try await auditEvents(app, .viewUnsuppressed).isEmpty)
            #expect(try await auditEvents(app, .export, username: "leder").count == 8)
        }
    }

    @Test func aMunicipalAnalystSeesOnlyTheirOwnMunicipalityUnsuppressed() async throws {
        try await withRoretApp { app in
            let set = try await demoSet(app)
            var analyst = Browser(app)
            try await analyst.signIn("analytiker")
            for figure in [KeyFigure.nt01, .nt07, .nt13] {
                let plain = try await analyst.get("/hent/\(figure.code).csv")
                #expect(plain.body.string == csv(set, figure: figure, unsuppressedAreas: []), "without asking: suppressed")
                let full = try await analyst.get("/hent/\(figure.code).csv?visning=fuld")
                #expect(full.body.string == csv(set.showingInFull("265"), figure: figure, unsuppressedAreas: ["265"]), "265 open; 253, 350 and national closed, with 265 counted as shown")
                let rows = try #require(ServedCSV.keyFigureRows(full.body.string))
                #expect(DisclosureControl.violations(in: rows).isEmpty, "nothing hidden can be worked out with 265's own numbers")
            }
            let views = try await auditEvents(app, .viewUnsuppressed, username: "analytiker")
            #expect(views.count == 3)
        }
    }

    @Test func aNationalAnalystMaySeeEveryAreaUnsuppressed() async throws {
        try await withRoretApp { app in
            let set = try await demoSet(app)
            var analyst = Browser(app)
            try await analyst.signIn("analytiker-land")
            let full = try await analyst.get("/hent/NT07.csv?visning=fuld")
            #expect(full.body.string == csv(set, figure: .nt07, unsuppressedAreas: Set(set.areas)))
        }
    }

    @Test func pagesShowHiddenCellsWithTheNeutralMarkAndExplainWhy() async throws {
        try await withRoretApp { app in
            let set = try await demoSet(app)
            // A suppressed NT13 cell of 265 in some year.
            let cell = try #require(set.suppressed.first { $0.area == "265" && $0.figure == .nt13 && $0.suppressed })
            var leader = Browser(app)
            try await leader.signIn("leder")
            let page = try await leader.get("/noegletal/NT13?aar=\(cell.year)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("<td class=\"num\">..</td>"))
            #expect(!page.body.string.contains("&lt;5"), "a cell hidden by a secondary rule usually holds 5 or more")
            #expect(page.body.string.contains("diskretionering"))
            #expect(page.body.string.contains("skjult for at beskytte små grupper af borgere"))
            // The analyst asking for it sees the number and the page says the view is logged.
            var analyst = Browser(app)
            try await analyst.signIn("analytiker")
            let open = try await analyst.get("/noegletal/NT13?aar=\(cell.year)&visning=fuld")
            let number = try #require(set.unsuppressed.first { $0.area == "265" && $0.figure == .nt13 && $0.year == cell.year }?.numerator)
            #expect(open.body.string.contains("<td class=\"num\">\(number)</td>"))
            #expect(open.body.string.contains("Visningen er logget"))
        }
    }

    @Test func aLeaderOfAnotherMunicipalitySeesTheSameSuppressedNumbers() async throws {
        try await withRoretApp { app in
            var greve = Browser(app)
            try await greve.signIn("leder-greve")
            var roskilde = Browser(app)
            try await roskilde.signIn("leder")
            let a = try await greve.get("/hent/NT01.csv")
            let b = try await roskilde.get("/hent/NT01.csv")
            #expect(a.body.string == b.body.string)
        }
    }

    /// The citizens' change beside movements: a leader's download is the
    /// suppressed form in every area, an analyst's opens only their own.
    @Test func changeBesideMovementsIsSuppressedLikeTheFigures() async throws {
        try await withRoretApp { app in
            let set = try await demoSet(app)
            func csv(_ open: Set<String>) -> String {
                let source = open.isEmpty ? set : set.showingInFull("265")
                return MovementChangeOutput.csv(set.areas.flatMap { source.movementChange(area: $0, year: 2024, unsuppressed: open.contains($0)) })
            }
            let full = set.areas.flatMap { set.movementChange(area: $0, year: 2024, unsuppressed: true) }
            #expect(full.contains { row in ([row.movers, row.measured] + row.changes).contains { DisclosureControl.isSmallCount($0 ?? 0) } },
                    "the demo has small counts here, so this test can fail")
            #expect(csv([]) != csv(["265"]))
            var leader = Browser(app)
            try await leader.signIn("leder")
            for query in ["?aar=2024", "?aar=2024&visning=fuld"] {
                let response = try await leader.get("/hent/bevaegelser-svar.csv\(query)")
                #expect(response.status == .ok)
                #expect(response.body.string == csv([]), "\(query)")
            }
            var analyst = Browser(app)
            try await analyst.signIn("analytiker")
            #expect(try await analyst.get("/hent/bevaegelser-svar.csv?aar=2024").body.string == csv([]))
            #expect(try await analyst.get("/hent/bevaegelser-svar.csv?aar=2024&visning=fuld").body.string == csv(["265"]))
            // The leader's page shows the suppressed counts of their own area.
            let page = try await leader.get("/bevaegelser?aar=2024").body.string
            let shown = set.movementChange(area: "265", year: 2024, unsuppressed: false)
            #expect(shown.contains { $0.instrument == .who5 && $0.suppressed }, "some of 265's cells are withheld, so this can fail")
            for row in shown where row.instrument == .who5 {
                func text(_ n: Int?) -> String { n.map(DanishFormat.integer) ?? ".." }
                func share(_ c: ScoreChange) -> String {
                    guard row.count(c) != nil else { return ".." }
                    return row.share(c).map { DanishFormat.value($0, kind: .share) } ?? DanishFormat.none
                }
                let changes = ScoreChange.allCases.map { "<td class=\"num\" title=\"\(text(row.count($0))) borgere\">\(share($0))</td>" }.joined()
                let cells = "<th scope=\"row\">\(row.movement.danishTitle)</th><td class=\"num\">\(text(row.movers))</td><td class=\"num\">\(text(row.measured))</td>" + changes
                #expect(page.contains(cells), "\(row.movement)")
            }
            #expect(try await auditEvents(app, .export).count == 4)
            #expect(try await auditEvents(app, .viewUnsuppressed, username: "analytiker").count == 1)
            #expect(try await auditEvents(app, .viewUnsuppressed, username: "leder").isEmpty)
        }
    }
}

/// The rendered-body cache never hands one access scope's page to another.
@Suite struct RenderedBodyCacheTests {
    @Test func anAnalystsUnsuppressedPageIsNeverServedToALeader() async throws {
        try await withRoretApp { app in
            let store = Store(database: app.db)
            let version = try #require(try await store.extracts.current(for: nationalArea))
            let set = try await app.roret.figures.figures(of: version, answers: try await Store(database: app.db).publications.latest())
            let cell = try #require(set.suppressed.first { $0.area == "265" && $0.figure == .nt13 && $0.suppressed })
            let number = try #require(set.unsuppressed.first { $0.area == "265" && $0.figure == .nt13 && $0.year == cell.year }?.numerator)
            let path = "/noegletal/NT13?aar=\(cell.year)&visning=fuld"
            var analyst = Browser(app)
            try await analyst.signIn("analytiker")
            #expect(try await analyst.get(path).body.string.contains("<td class=\"num\">\(number)</td>"))
            var leader = Browser(app)
            try await leader.signIn("leder")
            let leaderPage = try await leader.get(path).body.string
            #expect(!leaderPage.contains("Visningen er logget"))
            #expect(!leaderPage.contains("<td class=\"num\">\(number)</td>"))
            #expect(leaderPage.contains("<td class=\"num\">..</td>"))
        }
    }

    @Test func aBodyIsRenderedOncePerKeyAndSharedAcrossUsersOfTheSameScope() async throws {
        try await withRoretApp { app in
            let bodies = app.roret.renderedBodies
            var roskilde = Browser(app)
            try await roskilde.signIn("leder")
            var greve = Browser(app)
            try await greve.signIn("leder-greve")
            _ = try await roskilde.get("/noegletal/NT03?omraade=265")
            let afterFirst = bodies.count
            let greveView = try await greve.get("/noegletal/NT03?omraade=265")
            #expect(bodies.count == afterFirst, "same scope, same key")
            #expect(greveView.body.string.contains("leder-greve · Leder"), "the chrome is the viewer's own")
            #expect(!greveView.body.string.contains("leder · Leder · Kommune 265"))
            _ = try await roskilde.get("/noegletal/NT03?omraade=253")
            #expect(bodies.count == afterFirst + 1, "another area, another key")
        }
    }

}

/// key-figures.md v3 over everything Roret serves: no breakdown group, and no
/// area group beside a shown national row, has exactly one hidden cell — for
/// every reader who may not see all the persons.
@Suite struct ServedAggregatesTests {
    @Test func noServedAggregateLeavesASingleHiddenCell() async throws {
        try await withRoretApp { app in
            // (user, query): a leader, an analyst without and with their own municipality open.
            let readers = [("leder", ""), ("leder-greve", ""), ("analytiker", ""), ("analytiker", "visning=fuld")]
            var checked = 0
            for (user, query) in readers {
                var browser = Browser(app)
                try await browser.signIn(user)
                var files = KeyFigure.allCases.map { "/hent/\($0.code).csv" }
                files += KeyFigureTheme.allCases.map { "/hent/\($0.rawValue).csv" }
                for file in files {
                    let response = try await browser.get(file + (query.isEmpty ? "" : "?\(query)"))
                    #expect(response.status == .ok, "\(file)")
                    let rows = try #require(ServedCSV.keyFigureRows(response.body.string), "\(file)")
                    #expect(DisclosureControl.violations(in: rows).isEmpty, "\(user) \(file) \(query)")
                    checked += rows.filter(\.suppressed).count
                }
                for year in 2018...2024 {
                    let response = try await browser.get("/hent/bevaegelser-svar.csv?aar=\(year)" + (query.isEmpty ? "" : "&\(query)"))
                    let rows = try #require(ServedCSV.movementChangeRows(response.body.string))
                    #expect(DisclosureControl.violations(in: rows).isEmpty, "\(user) movement change \(year) \(query)")
                }
            }
            #expect(checked > 100, "the demo has hidden cells, so this test can fail")
            // The API with an analyst's token, all areas at once.
            let api = APITests()
            let token = try await api.token(app, "analytiker")
            for unsuppressed in ["false", "true"] {
                let response = try await api.get(app, "/api/v1/keyfigures?format=csv&unsuppressed=\(unsuppressed)", token: token)
                let rows = try #require(ServedCSV.keyFigureRows(response.body.string))
                #expect(DisclosureControl.violations(in: rows).isEmpty, "API unsuppressed=\(unsuppressed)")
            }
        }
    }
}
