import Foundation
import RoretCore
import RoretStore
import Vapor

/// A scenario worked out for a page: its result, its inputs with their
/// sources, its sensitivity, and for kind 4 the two forecasts.
struct ScenarioFigures {
    struct Line: Encodable {
        var label: String
        var value: String
        var source: String
    }

    struct YearRow: Encodable {
        var year: String
        var total: String
        var perCitizen: String
        var cumulative: String
    }

    let scenario: BudgetScenario
    let result: BudgetResult
    let inputs: [Line]
    let sensitivity: [Line]
    let years: [YearRow]
    let forecastRows: [Line]
    let poolText: String?
    let poolWarning: String?

    init(_ req: Request, _ scenario: BudgetScenario, access: FigureAccess) {
        self.scenario = scenario
        var forecastRows: [Line] = []
        var result = BudgetPotential.result(scenario)
        var changedTotal = 0.0
        // For a reader who may not see persons, a step whose unit cost would give back a withheld stock counts at 0 kr.
        var settings = Forecast.Settings()
        let view = ForecastView(req, access: access)
        var hiddenSteps: [Int] = []
        if let v = view.visibility {
            for t in 0..<5 where !v.unitCost[t] { settings.unitCosts[t] = 0; hiddenSteps.append(t + 1) }
        }
        if scenario.kind == .changedMovement, let (r, baseline, changed) = BudgetPotential.changedMovement(scenario, flows: access.figures.flows, settings: settings) {
            result = r
            changedTotal = r.total
            for (h, year) in r.years.enumerated() {
                func cost(_ f: Forecast, _ range: [Forecast.Range]) -> String {
                    let low = (0..<5).reduce(0.0) { $0 + (f.unitCosts[$1] ?? 0) * range[h].low[$1] }, high = (0..<5).reduce(0.0) { $0 + (f.unitCosts[$1] ?? 0) * range[h].high[$1] }
                    return "\(ForecastView.kroner(f.totalCosts[h])) (95 %: \(ForecastView.kroner(low))–\(ForecastView.kroner(high)))"
                }
                forecastRows.append(Line(label: String(year.year), value: cost(baseline, baseline.range95), source: cost(changed, changed.range95)))
            }
        }
        self.result = result
        self.forecastRows = forecastRows
        func kr(_ v: Double) -> String { DanishFormat.integer(Int(v.rounded())) + " kr." }
        var inputs = [Line(label: "Horisont", value: "\(Int(scenario.horizon.value)) år", source: scenario.horizon.source.danish),
                      Line(label: "Fordeling over årene", value: "Jævnt", source: "Ikke angivet i seed"),
                      Line(label: "Diskonteringsrente", value: DanishFormat.decimal(scenario.discountRate.value * 100, decimals: 1) + " %", source: scenario.discountRate.source.danish)]
        switch scenario.kind {
        case .employment, .leavingResidential:
            inputs.insert(Line(label: "Antal borgere (N)", value: String(scenario.citizens), source: "Indtastet"), at: 0)
            inputs.insert(Line(label: "Potentiale pr. borger over horisonten", value: kr(scenario.potentialPerCitizen.value), source: scenario.potentialPerCitizen.source.danish), at: 1)
        case .downTheStaircase:
            inputs.insert(contentsOf: [
                Line(label: "Antal borgere (N)", value: String(scenario.citizens), source: "Indtastet"),
                Line(label: "Fra trin → til trin", value: "\(scenario.fromStep) → \(scenario.toStep)", source: "Indtastet"),
                Line(label: "Enhedspris trin \(scenario.fromStep) (pr. år)", value: kr(scenario.unitCostFrom.value), source: scenario.unitCostFrom.source.danish),
                Line(label: "Enhedspris trin \(scenario.toStep) (pr. år)", value: kr(scenario.unitCostTo.value), source: scenario.unitCostTo.source.danish),
                Line(label: "Fastholdelse (andel stadig på det lavere trin efter et år)", value: DanishFormat.decimal(scenario.persistence.value, decimals: 3), source: scenario.persistence.source.danish),
                Line(label: "Merudgifter pr. år", value: scenario.addedCosts.isEmpty ? "Ingen" : scenario.addedCosts.map(kr).joined(separator: "; "), source: scenario.addedCosts.isEmpty ? "–" : "Indtastet"),
            ], at: 0)
        case .changedMovement:
            inputs.insert(contentsOf: [
                Line(label: "Ændret overgang", value: "Fra trin \(scenario.fromStep) til trin \(scenario.toStep): \(DanishFormat.decimal(scenario.changePoints.value, decimals: 1)) procentpoint (taget fra »samme trin«)", source: scenario.changePoints.source.danish),
                Line(label: "Fremskrivningen", value: "Vindue 3 år, 1.000 simulerede forløb, basisår \(scenario.baseYear)", source: "Kommunens egne overgange (NT07) og udgifter (NT14)"),
            ] + (hiddenSteps.isEmpty ? [] : [Line(label: "Enhedspriser regnet som 0 kr.", value: hiddenSteps.map { "trin \($0)" }.joined(separator: ", "),
                                                   source: "Skjult: kommunens enhedspris ville vise et lille antal borgere")]), at: 0)
        }
        self.inputs = inputs
        sensitivity = BudgetPotential.sensitivity(scenario, changedTotal: changedTotal).map { Line(label: $0.label, value: kr($0.total), source: "") }
        years = result.years.map { YearRow(year: String($0.year), total: kr($0.total), perCitizen: $0.perCitizen.map(kr) ?? "–", cumulative: kr($0.cumulative)) }
        let defaults = ScenarioDefaults(access, view: view)
        let pool = defaults.pool(scenario.kind)
        poolText = pool?.text
        poolWarning = pool?.count.flatMap { $0 < scenario.citizens ? "Scenariet regner med \(scenario.citizens) borgere, men puljen er kun \($0)." : nil }
    }

    /// The fixed notes (economics.md §2).
    static let notes = [
        "Beløbene beskriver borgere, der nåede målet – ikke effekten af en bestemt indsats (seed 004, linje 1230–1231).",
        "Scenarier af slags 1, 2 og 3 må ikke lægges sammen for de samme borgere: det ville tælle det samme potentiale to gange.",
        "Hvem sparer: potentialet ved beskæftigelse og uddannelse falder i hele den offentlige sektor, ikke kun i kommunen; potentialet ved at forlade et botilbud ligger næsten kun på det sociale område (seed 004, linje 1186–1187 og 1226–1228).",
    ]
}

/// The area's scenarios and the form for a new one.
struct ScenarioListPage: Encodable {
    struct Row: Encodable {
        var id: String
        var href: String
        var name: String
        var kind: String
        var owner: String
        var date: String
        var total: String
    }

    var chrome: Chrome
    var areaName: String
    var areaCode: String
    var keeps: Bool
    var rows: [Row]
    var hasRows: Bool
    var form: FormModel
    var defaults: [ScenarioFigures.Line]
    var notes: [String]

    init(_ req: Request, access: FigureAccess, scenarios: [StoredScenario], keeps: Bool, names: [String: String], failed: FailedForm?) throws {
        chrome = try Chrome(req, title: "Budgetpotentiale", active: "/oekonomi/fremskrivning", version: access.version)
        areaName = access.figures.areaName(access.area)
        areaCode = access.area
        self.keeps = keeps
        rows = scenarios.map { s in
            Row(id: s.id.uuidString, href: "/oekonomi/budgetpotentiale/\(s.id.uuidString)", name: s.scenario.name, kind: s.scenario.kind.danishName, owner: names[s.owner] ?? s.owner,
                date: DanishDate.dayOf(s.createdAt).danish, total: DanishFormat.integer(Int(BudgetPotential.result(s.scenario).total.rounded())) + (s.scenario.kind == .changedMovement ? " (se scenariet)" : " kr."))
        }
        hasRows = !rows.isEmpty
        form = FormModel(id: "scenario", values: ["kind": "downTheStaircase", "fromStep": "5", "toStep": "4", "citizens": "10"],
                         options: ["kind": BudgetScenario.Kind.allCases.map { ($0.rawValue, "\($0.danishName)") },
                                   "fromStep": (1...5).map { (String($0), "Trin \($0)") }, "toStep": (0...5).map { (String($0), $0 == 0 ? "Ingen indsats (trin 0)" : "Trin \($0)") }],
                         failed: failed)
        let d = ScenarioDefaults(access, view: ForecastView(req, access: access))
        var defaults = [ScenarioFigures.Line(label: "Potentiale pr. borger i beskæftigelse eller uddannelse", value: "250.000 kr. over 4 år", source: BudgetScenario.employmentDefault.source.danish),
                        ScenarioFigures.Line(label: "Potentiale pr. borger, der forlader et botilbud (trin 3–5)", value: "930.000 kr. over 4 år", source: BudgetScenario.residentialDefault.source.danish),
                        ScenarioFigures.Line(label: "Horisont", value: "4 år", source: "Seed 004, linje 1243, 1265"),
                        ScenarioFigures.Line(label: "Diskonteringsrente", value: "0 %", source: "Ikke angivet i seed")]
        for t in 1...5 {
            defaults.append(.init(label: "Enhedspris trin \(t)", value: d.unitCost(t).map { DanishFormat.integer(Int($0.value.rounded())) + " kr. pr. år" } ?? "skjult eller mangler",
                                  source: d.unitCost(t)?.source.danish ?? "Skrives ind i scenariet"))
        }
        for t in 1...4 {
            let p = d.persistence(t)
            defaults.append(.init(label: "Fastholdelse ved flytning til trin \(t)", value: DanishFormat.decimal(p.value, decimals: 3), source: p.source.danish))
        }
        for kind in [BudgetScenario.Kind.employment, .leavingResidential] {
            if let pool = d.pool(kind) { defaults.append(.init(label: "Pulje: \(kind.danishName.lowercased())", value: pool.text, source: "Kommunens egne tal, \(d.baseYear)")) }
        }
        self.defaults = defaults
        notes = ScenarioFigures.notes
    }
}

/// One scenario: result, derivation, sensitivity, notes; printable (A4).
struct ScenarioPage: Encodable {
    var chrome: Chrome
    var title: String
    var kind: String
    var areaName: String
    var owner: String
    var date: String
    var formula: String
    var years: [ScenarioFigures.YearRow]
    var total: String
    var inputs: [ScenarioFigures.Line]
    var sensitivity: [ScenarioFigures.Line]
    var hasSensitivity: Bool
    var forecastRows: [ScenarioFigures.Line]
    var hasForecast: Bool
    var poolText: String?
    var poolWarning: String?
    var notes: [String]
    var printHref: String
    var backHref: String

    init(_ req: Request, access: FigureAccess, stored: StoredScenario, names: [String: String]) throws {
        let s = stored.scenario
        let figures = ScenarioFigures(req, s, access: access)
        chrome = try Chrome(req, title: "Budgetpotentiale: \(s.name)", active: "/oekonomi/fremskrivning", version: access.version)
        title = s.name
        kind = s.kind.danishName
        areaName = access.figures.areaName(s.area)
        owner = names[stored.owner] ?? stored.owner
        date = DanishDate.dayOf(stored.createdAt).danish
        formula = figures.result.formula
        years = figures.years
        total = DanishFormat.integer(Int(figures.result.total.rounded())) + " kr."
        inputs = figures.inputs
        sensitivity = figures.sensitivity
        hasSensitivity = !sensitivity.isEmpty
        forecastRows = figures.forecastRows
        hasForecast = !forecastRows.isEmpty
        poolText = figures.poolText
        poolWarning = figures.poolWarning
        notes = ScenarioFigures.notes
        printHref = "/oekonomi/budgetpotentiale/\(stored.id.uuidString)?udskriv=1"
        backHref = "/oekonomi/budgetpotentiale?omraade=\(s.area)"
    }
}

/// Two to four scenarios side by side.
struct ScenarioComparePage: Encodable {
    struct Column: Encodable {
        var title: String
        var kind: String
        var owner: String
        var total: String
        var years: [ScenarioFigures.YearRow]
        var inputs: [ScenarioFigures.Line]
    }

    var chrome: Chrome
    var columns: [Column]
    var notes: [String]

    init(_ req: Request, access: FigureAccess, scenarios: [StoredScenario], names: [String: String]) throws {
        chrome = try Chrome(req, title: "Sammenligning af scenarier", active: "/oekonomi/fremskrivning", version: access.version)
        columns = scenarios.map { stored in
            let f = ScenarioFigures(req, stored.scenario, access: access)
            return Column(title: stored.scenario.name, kind: stored.scenario.kind.danishName, owner: "\(names[stored.owner] ?? stored.owner), \(DanishDate.dayOf(stored.createdAt).danish)",
                          total: DanishFormat.integer(Int(f.result.total.rounded())) + " kr.", years: f.years, inputs: f.inputs)
        }
        notes = ScenarioFigures.notes
    }
}
