import RoretCore
import RoretStore
import Vapor

/// *Ledelse*: the steering group's overview in the three tracks of the
/// guide — prerequisites (temperature), principles (practice indicators),
/// impact (key figures and the citizens' own answers) — with their trends,
/// the latest evaluation and the open actions.
struct LeadershipOverviewRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("ledelse", use: overview)
    }

    struct Page: Encodable {
        struct Line: Encodable {
            var label: String
            var values: [String]
        }

        var chrome: Chrome
        var municipality: String
        var query: String
        var temperatureHeader: [String]
        var prerequisites: [Line]
        var hasTemperature: Bool
        var chart: String?
        var evaluation: [Line]
        var evaluationDate: String?
        var principlesHeader: [String]
        var principles: [Line]
        var review: [Line]
        var reviewTitle: String?
        var answerLabels: [String]
        var impactHeader: [String]
        var impact: [Line]
        var hasImpact: Bool
        var openActions: Int
        var overdueActions: Int
        var hasOverdue: Bool
        var canChooseMunicipality: Bool
        var municipalities: [Choice]
    }

    @Sendable func overview(req: Request) async throws -> Response {
        let context = try LeadershipContext(req)
        try await context.requireRunning(req)
        let store = req.store.leadership
        let temperature = RoundTrend.comparable(try await store.rounds(.temperature, municipality: context.municipality)).suffix(4)
        let evaluation = try await store.rounds(.evaluation, municipality: context.municipality).last
        let table = try await PracticeIndicatorTable(req, area: context.municipality)
        let byKey = Dictionary(table.rows.filter { $0.area == context.municipality }.map { ("\($0.reference.rawValue)|\($0.indicator.rawValue)", $0) }, uniquingKeysWith: { a, _ in a })
        let days = Array(table.references.suffix(5))
        let actions = try await store.actions(municipality: context.municipality)
        let review = try await req.store.caseReviews.reviews(municipality: context.municipality).first
        let today = DanishDate.today
        var impactHeader: [String] = []
        var impact: [Page.Line] = []
        if let access = try? await FigureAccess.load(req, area: context.municipality, wantsFull: false) {
            let years = Array(access.figures.years.suffix(3))
            impactHeader = years.map(String.init)
            for figure in [KeyFigure.nt05, .nt08, .nt16, .nt19, .q01] {
                impact.append(Page.Line(label: "\(figure.code) \(figure.danishTitle)", values: years.map { y in
                    access.rows(figure, area: context.municipality).first { $0.year == y && $0.breakdown.isEmpty }.map(DanishFormat.value) ?? DanishFormat.none
                }))
            }
        }
        let page = Page(
            chrome: try Chrome(req, title: "Ledelse", active: "/ledelse"), municipality: context.municipalityName, query: context.query,
            temperatureHeader: temperature.map(\.date.danish),
            prerequisites: StandardItemSets.prerequisites.indices.compactMap { i in
                guard let name = temperature.last?.itemSet.groups[safe: i] else { return nil }
                return Page.Line(label: name, values: temperature.map { r in r.prerequisiteScores.first { $0.prerequisite == name }?.score.map { DanishFormat.decimal($0, decimals: 1) } ?? "–" })
            },
            hasTemperature: !temperature.isEmpty, chart: temperature.isEmpty ? nil : PrerequisiteChart(rounds: Array(temperature)).svg(),
            evaluation: evaluation.map { r in r.itemSet.items.map { item in
                Page.Line(label: "\(item.id) \(item.text)", values: [r.agreed[item.id].map { "\($0.value.rawValue) \($0.value.danishLabel)" } ?? "ikke sat"])
            } } ?? [],
            evaluationDate: evaluation?.date.danish,
            principlesHeader: days.map { $0 == table.reference ? "I dag" : { let (y, m, _) = $0.components; return "\(y) K\((m - 1) / 3 + 1)" }($0) },
            principles: [PracticeIndicator.i1, .i2, .i4, .i5, .i7, .i9, .i10, .i11, .i12, .i13, .i16].map { i in
                Page.Line(label: "\(i.code) \(i.title)", values: days.map { PracticeIndicatorTable.value(byKey["\($0.rawValue)|\(i.rawValue)"]) })
            },
            review: review.map { r in
                let aggregate = r.aggregate
                return CaseReview.criteria.enumerated().map { i, c in Page.Line(label: "\(i + 1). \(c)", values: ReviewAnswer.allCases.map { String(aggregate[i][$0] ?? 0) }) }
            } ?? [],
            reviewTitle: review.map { "Sagsgennemgang \($0.date.danish) (\($0.sample.count) sager, startværdi \($0.seed))" },
            answerLabels: ReviewAnswer.allCases.map(\.danishLabel),
            impactHeader: impactHeader, impact: impact, hasImpact: !impact.isEmpty,
            openActions: actions.filter(\.status.isOpen).count, overdueActions: actions.filter { $0.isOverdue(on: today) }.count,
            hasOverdue: actions.contains { $0.isOverdue(on: today) },
            canChooseMunicipality: context.account.area == nationalArea,
            municipalities: DanishMunicipality.all.map { Choice(value: $0.code, label: "\($0.name) (\($0.code))", selected: $0.code == context.municipality) })
        return try await req.renderPage("leadership", page, chrome: page.chrome)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
