import RoretCore
import RoretStore
import Vapor

/// Freezes the documentation a reflection meeting discusses (*frossen
/// dokumentation*): the chosen parts as tables of text, suppressed as for
/// the least privileged participant — nobody in a meeting sees anything
/// unsuppressed — so the numbers stay those the group saw after new imports.
enum DocumentationFreezer {
    enum Part: String, CaseIterable {
        case keyFigures = "noegletal", citizensAnswers = "borgersvar", practice = "praksis", evaluation = "evaluering", temperature = "temperatur"
        case forecast = "fremskrivning", scenarios = "budgetpotentiale"

        var danishName: String {
            switch self {
            case .keyFigures: "Nøgletal om trappen (kommunen og hele landet)"
            case .citizensAnswers: "Borgernes egne svar (WHO-5 og Brief INSPIRE-O)"
            case .practice: "Praksisindikatorer"
            case .evaluation: "Seneste evaluering af styrings- og datapraksis"
            case .temperature: "Seneste temperaturmåling"
            case .forecast: "Fremskrivning af trappen (med intervaller)"
            case .scenarios: "Gemte budgetscenarier"
            }
        }
    }

    static func freeze(_ req: Request, municipality: String, parts: [Part]) async throws -> FrozenDocumentation {
        let today = DanishDate.today
        var tables: [FrozenDocumentation.Table] = []
        var charts: [FrozenDocumentation.Chart] = []
        var source = "Ingen registerudtræk indlæst"
        let access = try? await FigureAccess.load(req, area: municipality, wantsFull: false)
        if let access { source = "Udtræk v\(access.version.version) · \(access.version.years.lowerBound)–\(access.version.years.upperBound)" }
        let name = DanishMunicipality.name(of: municipality) ?? municipality
        func figures(_ list: [KeyFigure], title: String) {
            guard let access else { return }
            var rows: [[String]] = []
            for figure in list {
                guard let year = access.figures.computedYears(of: figure).last else { continue }
                func value(_ area: String) -> String {
                    access.rows(figure, area: area).first { $0.year == year && $0.breakdown.isEmpty }.map(DanishFormat.value) ?? DanishFormat.none
                }
                rows.append(["\(figure.code) \(figure.danishTitle) (\(year))", value(municipality), value(nationalArea)])
            }
            tables.append(.init(title: title, header: ["Nøgletal", name, "Hele landet"], rows: rows, note: "»..« er skjult for at beskytte små grupper."))
        }
        for part in parts {
            switch part {
            case .keyFigures:
                if let access {
                    for figure in [KeyFigure.nt03, .nt05] {
                        func points(_ area: String) -> [(year: Int, value: Double?)] {
                            access.rows(figure, area: area).filter { $0.breakdown.isEmpty }.map { ($0.year, $0.suppressed ? nil : $0.value) }
                        }
                        let title = "\(figure.code) \(figure.danishTitle): \(name) og hele landet"
                        charts.append(.init(title: title, svg: TrendChart(title: title, series: [
                            .init(name: name, cssClass: "area", points: points(municipality)), .init(name: "Hele landet", cssClass: "national", points: points(nationalArea)),
                        ], kind: figure.valueKind, compact: true).svg()))
                    }
                }
                figures([.nt02, .nt03, .nt04, .nt05, .nt08, .nt09, .nt13], title: part.danishName)
            case .citizensAnswers: figures([.nt16, .nt19, .q01], title: part.danishName)
            case .practice:
                let table = try await PracticeIndicatorTable(req, area: municipality)
                let rows = table.rows.filter { $0.reference == table.reference }
                let byArea = Dictionary(grouping: rows, by: \.area)
                tables.append(.init(title: part.danishName + " pr. \(today.danish)", header: ["Indikator", name, "Hele landet"], rows: PracticeIndicator.allCases.map { i in
                    ["\(i.code) \(i.title)", PracticeIndicatorTable.value(byArea[municipality]?.first { $0.indicator == i }), PracticeIndicatorTable.value(byArea[nationalArea]?.first { $0.indicator == i })]
                }, note: "»..« er skjult for at beskytte små grupper."))
            case .forecast:
                guard let access, let f = ForecastEngine.forecast(access.figures.flows, area: municipality) else { continue }
                // As for the least privileged participant: no cost that would give back a withheld stock.
                let visible = ForecastVisibility(f, shown: req.roret.shownFlows.value(access, shownInFull: nil), years: access.figures.flows.years)
                tables.append(.init(title: "\(part.danishName), basisår \(f.baseYear)", header: ["Trin"] + (1...f.settings.horizon).map { "\(f.baseYear + $0) (80 %)" },
                                    rows: (0..<5).map { t in ["Trin \(t + 1)"] + (0..<f.settings.horizon).map { h in
                                        "\(ForecastView.persons(f.projected[h][t])) (\(ForecastView.persons(f.range80[h].low[t]))–\(ForecastView.persons(f.range80[h].high[t])))"
                                    } } + [["Udgift i alt"] + f.totalCosts.map { ForecastView.shown(ForecastView.kroner($0), visible.costTotal) }],
                                    note: "Modellens resultat, afrundet til hele personer; overgange fra \(f.windowYears.map(String.init).joined(separator: ", ")), trukket mod landet."))
            case .scenarios:
                let scenarios = try await req.store.scenarios.all(area: municipality)
                guard !scenarios.isEmpty else { continue }
                tables.append(.init(title: part.danishName, header: ["Scenarie", "Slags", "Potentiale i alt"], rows: scenarios.map { s in
                    [s.scenario.name, s.scenario.kind.danishName, s.scenario.kind == .changedMovement ? "se scenariet" : ForecastView.kroner(BudgetPotential.result(s.scenario).total)]
                }, note: "Beløbene beskriver borgere, der nåede målet – ikke effekten af en bestemt indsats."))
            case .evaluation, .temperature:
                let kind: QuestionnaireKind = part == .evaluation ? .evaluation : .temperature
                guard let round = try await req.store.leadership.rounds(kind, municipality: municipality).last else { continue }
                if kind == .temperature {
                    tables.append(.init(title: "\(kind.danishName) \(round.date.danish)", header: ["Forudsætning", "Fælles score (1–5)"],
                                        rows: round.prerequisiteScores.map { [$0.prerequisite, $0.score.map { DanishFormat.decimal($0, decimals: 1) } ?? "–"] }))
                } else {
                    tables.append(.init(title: "\(kind.danishName) \(round.date.danish)", header: ["Spørgsmål", "Fælles score"],
                                        rows: round.itemSet.items.map { ["\($0.id) \($0.text)", round.agreed[$0.id].map { "\($0.value.rawValue) \($0.value.danishLabel)" } ?? "ikke sat"] }))
                }
            }
        }
        return FrozenDocumentation(frozenOn: today, source: source, tables: tables, charts: charts)
    }
}
