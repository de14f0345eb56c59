import Foundation
import RoretCore
import RoretStore
import Vapor

/// The current value of an action's sign (*tegn*), as the steering group may
/// see it: a practice indicator's share or median, or a key figure's latest
/// value — suppressed as on their pages (nil when withheld).
struct IndicatorValues {
    private var practice: [String: PracticeIndicatorRow] = [:]
    private var access: FigureAccess?
    /// The flows as the steering group sees them (suppressed), for the forecast's cost sign.
    private var shownFlows: ShownFlows?
    /// The municipality's saved budget scenarios by sign code (`SC-<id>`).
    private var scenarios: [String: StoredScenario] = [:]

    init(_ req: Request, municipality: String) async throws {
        let table = try await PracticeIndicatorTable(req, area: municipality, quarters: 0)
        for row in table.rows where row.area == municipality && row.reference == table.reference { practice[row.indicator.code] = row }
        access = try? await FigureAccess.load(req, area: municipality, wantsFull: false)
        shownFlows = access.map { req.roret.shownFlows.value($0, shownInFull: nil) }
        for s in try await req.store.scenarios.all(area: municipality) { scenarios[Self.scenarioCode(s.id)] = s }
    }

    /// A saved scenario's sign code.
    static func scenarioCode(_ id: UUID) -> String { "SC-" + id.uuidString }

    /// The municipality's saved scenarios as signs: their total potential.
    static func scenarioChoices(_ scenarios: [StoredScenario]) -> [(value: String, label: String)] {
        scenarios.map { (scenarioCode($0.id), "Budgetscenarie: \($0.scenario.name) (potentiale i alt)") }
    }

    /// The forecast's signs: the projected number on each step next year, and the projected cost.
    static let forecastSigns: [(code: String, title: String)] = (1...5).map { ("FT\($0)", "Fremskrevet antal borgere på trin \($0) næste år") } + [("FTU", "Fremskrevet udgift næste år i alt")]

    /// The indicators, key figures and forecast signs a sign may name, for a select.
    static var choices: [(value: String, label: String)] {
        PracticeIndicator.allCases.map { ($0.code, "\($0.code) \($0.title)") } + KeyFigure.allCases.map { ($0.code, "\($0.code) \($0.danishTitle)") }
            + forecastSigns.map { ($0.code, "\($0.code) \($0.title)") }
    }

    /// The title of an indicator, key figure or forecast sign by its code.
    static func title(_ code: String) -> String? {
        PracticeIndicator.allCases.first { $0.code == code }?.title ?? KeyFigure(code: code)?.danishTitle ?? forecastSigns.first { $0.code == code }?.title
            ?? (code.hasPrefix("SC-") && UUID(uuidString: String(code.dropFirst(3))) != nil ? "Budgetscenariets potentiale i alt" : nil)
    }

    /// The value now, for `code` in `area`.
    func value(_ code: String, area: String) -> Double? {
        if let row = practice[code] {
            return row.indicator.isMedian ? row.median : row.percent
        }
        if let stored = scenarios[code] {
            let s = stored.scenario
            if s.kind == .changedMovement {
                guard let access else { return nil }
                return BudgetPotential.changedMovement(s, flows: access.figures.flows, settings: Forecast.Settings(paths: 0))?.result.total
            }
            return BudgetPotential.result(s).total
        }
        if let sign = Self.forecastSigns.first(where: { $0.code == code }) {
            guard let access, let f = ForecastEngine.forecast(access.figures.flows, area: area, settings: Forecast.Settings(horizon: 1, paths: 0)) else { return nil }
            if sign.code == "FTU" {
                // The steering group sees the cost only where no unit cost would give back a withheld stock.
                return ForecastVisibility(f, shown: shownFlows ?? ShownFlows(suppressing: access.figures.flows), years: access.figures.flows.years).costTotal ? f.totalCosts[0] : nil
            }
            return f.projected[0][Int(String(sign.code.last!))! - 1].rounded()
        }
        guard let figure = KeyFigure(code: code), let access, let year = access.figures.computedYears(of: figure).last else { return nil }
        let row = access.rows(figure, area: area).first { $0.year == year && $0.breakdown.isEmpty }
        guard let row, !row.suppressed, let v = row.value else { return nil }
        return figure.valueKind == .share ? v * 100 : v
    }

    /// In Danish, with the unit.
    static func text(_ value: Double?, code: String?) -> String {
        guard let value else { return code == nil ? "–" : "ikke tilgængelig (skjult eller ikke beregnet)" }
        let isMedian = PracticeIndicator.allCases.first { $0.code == code }?.isMedian ?? false
        if code == "FTU" || code?.hasPrefix("SC-") == true { return DanishFormat.integer(Int(value.rounded())) + " kr." }
        let isShare = PracticeIndicator.allCases.contains { $0.code == code && !$0.isMedian } || (code.flatMap { KeyFigure(code: $0) }?.valueKind == .share)
        return DanishFormat.decimal(value, decimals: 1) + (isMedian ? " dage" : isShare ? " %" : "")
    }
}
