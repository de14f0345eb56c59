import RoretCore
import Vapor

/// The budget scenario's defaults for an area and where each comes from
/// (economics.md §2), and the form read into a scenario: a field left
/// empty takes its default with that source; a typed value is "indtastet".
struct ScenarioDefaults {
    let access: FigureAccess
    let forecast: Forecast?
    let personLevel: Bool
    let visibility: ForecastVisibility?

    init(_ access: FigureAccess, view: ForecastView) {
        self.access = access
        forecast = view.forecast
        personLevel = view.personLevel
        visibility = view.visibility
    }

    var baseYear: Int { forecast?.baseYear ?? access.figures.flows.years.upperBound }

    /// The register's unit cost of step t (withheld where it would give back a withheld stock: `ForecastVisibility`).
    func unitCost(_ t: Int) -> BudgetScenario.Input? {
        guard (1...5).contains(t), let f = forecast, let cost = f.unitCosts[t - 1], !f.unitCostEntered[t - 1], visibility?.unitCost[t - 1] == true else { return nil }
        return .init(cost, .register("udgift på trin \(t) i \(f.baseYear) (NT14's tæller) ÷ borgere på trinnet ved årets udgang"))
    }

    /// The persistence for a move to step b, from the area's own NT07 over the forecast's window.
    func persistence(_ b: Int) -> BudgetScenario.Input {
        guard (1...5).contains(b), let f = forecast else { return .init(0.95, .assumption("Ingen overgange at regne fra; 0,95")) }
        let p = BudgetPotential.persistence(access.figures.flows, area: access.area, step: b, years: f.windowYears)
        guard p.estimated else { return .init(0.95, .assumption("For få borgere på trin \(b) (\(personLevel ? String(p.persons) : "under 20")); 0,95")) }
        let stayed = Int((p.value * Double(p.persons)).rounded())
        if !personLevel && (DisclosureControl.isSmallCount(stayed) || DisclosureControl.isSmallCount(p.persons - stayed)) {
            return .init(0.95, .assumption("Kommunens andel er skjult for at beskytte små grupper; 0,95"))
        }
        return .init(p.value, .register("NT07 \(f.windowYears.map(String.init).joined(separator: ", ")): andel af borgerne på trin \(b), der ét år senere er på trin \(b) eller lavere"))
    }

    /// The eligible pool for kinds 1 and 2, as the reader may see it (nil: withheld or not applicable).
    func pool(_ kind: BudgetScenario.Kind) -> (count: Int?, text: String)? {
        guard let n = BudgetPotential.pool(kind, flows: access.figures.flows, area: access.area, year: baseYear) else { return nil }
        let shown = personLevel || !DisclosureControl.isSmallCount(n) ? n : nil
        let what = kind == .employment ? "borgere på trin 2 ved udgangen af \(baseYear), som ikke var på førtidspension" : "borgere på trin 3–5 ved udgangen af \(baseYear)"
        return (shown, "\(ForecastView.count(shown)) \(what)")
    }

    /// A number as Danes type it: "250.000", "250000", "0,9", "12,5".
    static func number(_ raw: String) -> Double? {
        var s = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "kr.", with: "").replacingOccurrences(of: "%", with: "")
        if s.contains(",") { s = s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".") }
        else if s.range(of: #"^-?\d{1,3}(\.\d{3})+$"#, options: .regularExpression) != nil { s = s.replacingOccurrences(of: ".", with: "") }
        return Double(s)
    }

    /// Reads the posted form into a scenario, with every problem at once.
    func read(_ form: inout FormReader, by user: String) -> (BudgetScenario?, [String]) {
        var problems: [String] = []
        let kind: BudgetScenario.Kind? = form.choice("kind", "Slags scenarie")
        func input(_ name: String, _ label: String, default value: BudgetScenario.Input?, scale: Double = 1) -> BudgetScenario.Input? {
            let raw = form.text(name)
            if raw.trimmingCharacters(in: .whitespaces).isEmpty { return value }
            // A typed value that is not a number is a problem; the default stands in so every other problem is found too.
            guard let v = Self.number(raw) else { problems.append("\(label): skriv et tal."); return value ?? .init(0, .assumption("")) }
            return .init(v * scale, .entered(user))
        }
        let citizens = form.number("citizens", "Antal borgere", in: 0...1_000_000) ?? 0
        let from = Int(form.text("fromStep")) ?? 5, to = Int(form.text("toStep")) ?? 4
        let name = form.text("name").trimmingCharacters(in: .whitespaces)
        let potentialDefault = kind == .leavingResidential ? BudgetScenario.residentialDefault : BudgetScenario.employmentDefault
        let potential = input("potential", "Potentiale pr. borger", default: potentialDefault)
        let horizon = input("horizon", "Horisont", default: .init(4, .seed("linje 1243, 1265: 4 år")))
        let discount = input("discount", "Diskonteringsrente", default: .init(0, .assumption("Ikke angivet i seed; 0 %")), scale: 0.01)
        let costFrom = input("unitCostFrom", "Enhedspris på trinnet, de flytter fra", default: unitCost(from))
        let costTo = input("unitCostTo", "Enhedspris på trinnet, de flytter til", default: to == 0 ? .init(0, .assumption("Trin 0: ingen indsats på trappen")) : unitCost(to))
        let persistence = input("persistence", "Fastholdelse", default: persistence(to))
        let change = input("changePoints", "Ændring i procentpoint", default: .init(5, .assumption("Eksempel: +5 procentpoint")))
        var added: [Double] = []
        for (i, part) in form.text("addedCosts").split(whereSeparator: { $0 == ";" || $0.isNewline }).enumerated() {
            if let v = Self.number(String(part)) { added.append(v) } else { problems.append("Merudgifter år \(i + 1): skriv et beløb i kroner.") }
        }
        guard let kind else { return (nil, form.problems + problems) }
        if kind == .downTheStaircase {
            if costFrom == nil { problems.append("Enhedspris på trin \(from): kommunens egen er skjult eller mangler; skriv den.") }
            if costTo == nil { problems.append("Enhedspris på trin \(to): kommunens egen er skjult eller mangler; skriv den.") }
        }
        let fallback = BudgetScenario.Input(0, .assumption(""))
        let scenario = BudgetScenario(name: name, kind: kind, area: access.area, baseYear: baseYear, citizens: citizens, fromStep: from, toStep: to,
                                      potentialPerCitizen: potential ?? fallback, horizon: horizon ?? .init(4, .assumption("")), discountRate: discount ?? fallback,
                                      unitCostFrom: costFrom ?? .init(0, .assumption("mangler")), unitCostTo: costTo ?? .init(0, .assumption("mangler")),
                                      persistence: persistence ?? .init(0.95, .assumption("")), addedCosts: added, changePoints: change ?? fallback)
        problems = form.problems + problems + scenario.problems
        return problems.isEmpty ? (scenario, []) : (nil, problems)
    }
}
