import Foundation
import RoretCore
import Vapor

/// The forecast asked for on a request (*fremskrivning*): the area, window,
/// horizon and any entered unit costs from the query, the forecast itself,
/// and the observed counts as this user may see them.
struct ForecastView {
    let access: FigureAccess
    let settings: Forecast.Settings
    let problems: [String]
    let forecast: Forecast?
    /// Which of the forecast's register-derived numbers this reader sees (Core decides).
    let visibility: ForecastVisibility?
    /// The observed counts this user may see (suppressed unless they may see persons).
    let shown: ShownFlows

    /// Reads `vindue`, `horisont` and `pris1`…`pris5`; a bad value is a problem and its default is used.
    init(_ req: Request, access: FigureAccess, query: (String) -> String? = { _ in nil }) {
        var settings = Forecast.Settings()
        var problems: [String] = []
        func int(_ key: String, _ label: String, _ range: ClosedRange<Int>, _ apply: (Int) -> Void) {
            guard let raw = query(key), !raw.isEmpty else { return }
            if let n = Int(raw), range.contains(n) { apply(n) } else { problems.append("\(label): vælg \(range.lowerBound) til \(range.upperBound) år.") }
        }
        int("vindue", "Vindue", 1...5) { settings.window = $0 }
        int("horisont", "Horisont", 1...5) { settings.horizon = $0 }
        for t in 1...5 {
            guard let raw = query("pris\(t)")?.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."), !raw.isEmpty else { continue }
            if let v = Double(raw), v >= 0, v < 1e9 { settings.unitCosts[t - 1] = v } else { problems.append("Enhedspris trin \(t): skriv et beløb i kroner.") }
        }
        self.init(req, access: access, settings: settings, problems: problems)
    }

    /// The forecast with `settings` (the default one without simulated paths: for a scenario's defaults and pools).
    init(_ req: Request, access: FigureAccess, settings: Forecast.Settings = Forecast.Settings(paths: 0), problems: [String] = []) {
        self.access = access
        self.settings = settings
        self.problems = problems
        let forecast = ForecastEngine.forecast(access.figures.flows, area: access.area, settings: settings)
        let personLevel = access.isUnsuppressed(access.area)
        let shown = personLevel ? ShownFlows(unsuppressed: access.figures.flows)
            : req.roret.shownFlows.value(access, shownInFull: access.unsuppressedRequested && access.account.area != nationalArea ? access.account.area : nil)
        self.forecast = forecast
        self.shown = shown
        visibility = forecast.map { personLevel ? .all($0) : ForecastVisibility($0, shown: shown, years: access.figures.flows.years) }
    }

    /// Whether the reader sees persons in `area` (then counts are exact).
    var personLevel: Bool { access.isUnsuppressed(access.area) }

    /// A count as shown: «..» when withheld.
    static func count(_ n: Int?) -> String { n.map(DanishFormat.integer) ?? "«..»" }

    /// A projected value: whole persons (model output, not a count).
    static func persons(_ v: Double) -> String { DanishFormat.integer(Int(v.rounded())) }

    static func kroner(_ v: Double?) -> String { v.map { DanishFormat.integer(Int($0.rounded())) + " kr." } ?? "–" }

    /// An amount or share that is withheld (`shown` false) as «..».
    static func shown(_ text: String, _ shown: Bool) -> String { shown ? text : "«..»" }

    static func percent(_ v: Double?) -> String { v.map { DanishFormat.decimal($0 * 100, decimals: 1) + " %" } ?? "–" }

    /// The assumptions, in plain Danish (economics.md §1).
    static let assumptions = [
        "Fremskrivningen antager, at borgerne flytter mellem trinene, og at nye borgere kommer til, som de gjorde i vinduets år.",
        "Et nyt lokalt trin, en ny politik eller en ændret registrering bryder den antagelse (seed 004, linje 1004–1019 og 679–697).",
        "At borgere flytter ned ad trappen, er aktivitet – ikke et bevis på recovery (seed 004, linje 710–713).",
        "Små kommuners overgange trækkes mod landets: jo færre borgere på et trin, jo mere af rækken kommer fra landet.",
        "Intervallerne viser, hvor 80 % og 95 % af 1.000 simulerede forløb lander; de dækker tilfældig variation, ikke brud i antagelserne.",
    ]
}

/// The suppressed flows per extract version and reader, computed once (disclosure control of the national flows takes a moment).
final class ShownFlowsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: [String: ShownFlows] = [:]

    func value(_ access: FigureAccess, shownInFull: String?) -> ShownFlows {
        let key = "\(access.version.version)|\(access.answersKey)|\(shownInFull ?? "")"
        if let hit = lock.withLock({ cache[key] }) { return hit }
        let computed = ShownFlows(suppressing: access.figures.flows, shownInFull: shownInFull.map { [$0] } ?? [])
        lock.withLock {
            if cache.count > 16 { cache.removeAll() }
            cache[key] = computed
        }
        return computed
    }
}
