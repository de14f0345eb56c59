import RoretCore
import Vapor

/// *Fremskrivning*: the staircase's forecast for one area, with its ranges,
/// its backtest, capacity and cost, and the assumptions in plain Danish.
struct ForecastPage: Encodable {
    struct Chart: Encodable {
        var step: String
        var svg: String
    }

    struct Row: Encodable {
        var label: String
        var cells: [String]
    }

    struct Field: Encodable {
        var name: String
        var label: String
        var value: String
    }

    var chrome: Chrome
    var areaName: String
    var areas: [Choice]
    var windows: [Choice]
    var horizons: [Choice]
    var unitCostInputs: [Field]
    var areaCode: String
    var problems: [String]
    var hasProblems: Bool
    var hasForecast: Bool
    var basis: String
    var assumptions: [String]
    var charts: [Chart]
    var stockHead: [String]
    var stockRows: [Row]
    var matrixHead: [String]
    var matrixRows: [Row]
    var inflowHead: [String]
    var inflowRows: [Row]
    var backtestHead: [String]
    var backtestRows: [Row]
    var hasBacktest: Bool
    var backtestNote: String
    var costHead: [String]
    var costRows: [Row]
    var unitCostNote: String
    var suppressedNote: String?
    var csvHref: String
    var xlsxHref: String
    var scenarioHref: String

    static let stepNames = ["Trin 1", "Trin 2", "Trin 3", "Trin 4", "Trin 5"]

    init(_ req: Request, _ view: ForecastView) throws {
        let access = view.access
        chrome = try Chrome(req, title: "Fremskrivning", active: "/oekonomi/fremskrivning", version: access.version)
        areaName = access.figures.areaName(access.area)
        areas = access.figures.areas.map { Choice(value: $0, label: $0 == nationalArea ? "Hele landet" : "\(access.figures.areaName($0)) (\($0))", selected: $0 == access.area) }
        windows = (1...5).map { Choice(value: String($0), label: "\($0) år", selected: $0 == view.settings.window) }
        horizons = (1...5).map { Choice(value: String($0), label: "\($0) år", selected: $0 == view.settings.horizon) }
        unitCostInputs = (1...5).map { t in Field(name: "pris\(t)", label: "Trin \(t)", value: req.pageQuery["pris\(t)"] ?? "") }
        areaCode = access.area
        problems = view.problems
        hasProblems = !problems.isEmpty
        assumptions = ForecastView.assumptions
        csvHref = QueryLink.build("/oekonomi/fremskrivning.csv", Self.query(req))
        xlsxHref = QueryLink.build("/oekonomi/fremskrivning.xlsx", Self.query(req))
        scenarioHref = "/oekonomi/budgetpotentiale?omraade=\(access.area)"
        suppressedNote = view.personLevel ? nil : "Observerede antal fra registerdata er diskretionerede: «..» er skjult for at beskytte små grupper. Fremskrevne tal er modellens resultat, ikke optællinger af personer, og vises afrundet til hele personer."
        guard let f = view.forecast else {
            hasForecast = false
            basis = "Udtrækket har ikke to år at regne overgange ud fra, så der kan ikke fremskrives."
            (charts, stockHead, stockRows, matrixHead, matrixRows, inflowHead, inflowRows, backtestHead, backtestRows, costHead, costRows) = ([], [], [], [], [], [], [], [], [], [], [])
            hasBacktest = false
            backtestNote = ""
            unitCostNote = ""
            return
        }
        hasForecast = true
        let years = access.figures.flows.years
        let shownStock = view.shown.stock[access.area] ?? []
        func observed(_ y: Int, _ t: Int) -> Int? { shownStock.indices.contains(y - years.lowerBound) ? shownStock[y - years.lowerBound][t] : nil }
        basis = "Basisår \(f.baseYear) · overgange fra \(f.windowYears.map(String.init).joined(separator: ", ")) · \(f.settings.paths) simulerede forløb (startværdi \(f.settings.seed)) · horisont \(f.settings.horizon) år"
        let future = (1...f.settings.horizon).map { f.baseYear + $0 }
        charts = (0..<5).map { t in
            Chart(step: Self.stepNames[t], svg: ForecastChart(
                title: "\(Self.stepNames[t]): observeret og fremskrevet antal borgere ved årets udgang",
                observed: f.observed.map { ($0.year, observed($0.year, t).map(Double.init)) },
                projected: future.enumerated().map { ($1, f.projected[$0][t]) },
                range80: f.range80.enumerated().map { (future[$0], $1.low[t], $1.high[t]) },
                range95: f.range95.enumerated().map { (future[$0], $1.low[t], $1.high[t]) }).svg())
        }
        let shownYears = Array(f.observed.map(\.year).suffix(4))
        stockHead = ["Trin"] + shownYears.map { "\($0) (observeret)" } + future.map { "\($0) (fremskrevet, 80 % · 95 %)" }
        stockRows = (0..<5).map { t in
            Row(label: Self.stepNames[t], cells: shownYears.map { ForecastView.count(observed($0, t)) } + future.indices.map { h in
                "\(ForecastView.persons(f.projected[h][t])) (\(ForecastView.persons(f.range80[h].low[t]))–\(ForecastView.persons(f.range80[h].high[t])) · \(ForecastView.persons(f.range95[h].low[t]))–\(ForecastView.persons(f.range95[h].high[t])))"
            })
        }
        let v = view.visibility ?? .all(f)
        matrixHead = ["Fra", "Ophørt", "Trin 1", "Trin 2", "Trin 3", "Trin 4", "Trin 5", "Borgere i vinduet", "Andel fra landet"]
        matrixRows = (0..<5).map { s in
            Row(label: "Fra \(Self.stepNames[s].lowercased())", cells: f.probabilities[s].map { ForecastView.shown(ForecastView.percent($0), v.matrixRow[s]) }
                + [ForecastView.count(v.windowCount[s]), ForecastView.shown(ForecastView.percent(f.countryShare[s]), v.matrixRow[s])])
        }
        let shownInflow = view.shown.inflow[access.area] ?? []
        inflowHead = ["Trin"] + f.windowYears.map(String.init) + ["Gennemsnit (Ī)"]
        inflowRows = (0..<5).map { t in
            let counts = f.windowYears.map { y -> Int? in shownInflow.indices.contains(y - years.lowerBound) ? shownInflow[y - years.lowerBound][t] : nil }
            return Row(label: Self.stepNames[t], cells: counts.map(ForecastView.count) + [ForecastView.shown(DanishFormat.decimal(f.meanInflow[t], decimals: 1), v.meanInflow[t])])
        }
        backtestHead = ["Fremskrevet fra", "År frem"] + Self.stepNames + ["Gennemsnitlig fejl (MAPE)"]
        backtestRows = f.backtests.enumerated().map { i, b in
            Row(label: String(b.from), cells: [String(b.lead)] + b.errors.enumerated().map { ForecastView.shown(ForecastView.percent($1), v.backtestError[i][$0]) }
                + [ForecastView.shown(ForecastView.percent(b.mape), v.backtestMean[i])])
        }
        hasBacktest = !backtestRows.isEmpty
        backtestNote = hasBacktest
            ? "Samme metode, regnet fra et tidligere basisår med kun de data, der fandtes dengang, og sammenlignet med det observerede antal i \(f.baseYear). Fejlen er den absolutte forskel i procent af det observerede."
            : "Udtrækket har for få år til at afprøve metoden på et tidligere basisår."
        costHead = ["Trin", "Enhedspris (kr. pr. år)", "Kilde"] + future.map { "\($0)" }
        costRows = (0..<5).map { t in
            let source = f.unitCostEntered[t] ? "Indtastet af \(access.account.displayName)" : !v.unitCost[t] ? "Skjult: ville vise et lille antal borgere (skriv en enhedspris for at regne med trinnet)"
                : f.unitCosts[t] == nil ? "Ingen borgere på trinnet i \(f.baseYear)" : "Udgift på trinnet i \(f.baseYear) (NT14's tæller) ÷ borgere ved årets udgang"
            return Row(label: Self.stepNames[t], cells: [ForecastView.shown(ForecastView.kroner(f.unitCosts[t]), v.unitCost[t]), source]
                + f.costs.map { ForecastView.shown(ForecastView.kroner($0[t]), v.unitCost[t]) })
        } + [Row(label: "I alt", cells: ["", ""] + f.totalCosts.map { ForecastView.shown(ForecastView.kroner($0), v.costTotal) })]
        unitCostNote = "Enhedsprisen er udgiften pr. borger på trinnet ved årets udgang i \(f.baseYear), i \(f.baseYear)-priser. Pladser på trin 3–5 og støttevolumen på trin 2 er de fremskrevne antal."
    }

    /// The query items the page keeps in its links.
    static func query(_ req: Request) -> [String: String] {
        var q: [String: String] = [:]
        for key in ["omraade", "vindue", "horisont", "pris1", "pris2", "pris3", "pris4", "pris5", "visning"] { if let v = req.pageQuery[key], !v.isEmpty { q[key] = v } }
        return q
    }
}
