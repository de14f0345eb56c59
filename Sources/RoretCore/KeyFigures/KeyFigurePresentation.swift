/// How a figure's value reads (*visningsform*), for the interface.
public enum ValueKind: Sendable {
    /// Persons per 10,000 adults (NT01, NT02, NT04).
    case per10000Adults
    /// A share 0–1, shown as a percentage.
    case share
    /// Kroner per recipient (NT15).
    case kroner
    /// A mean score 0–100 (NT16, NT19).
    case meanScore
}

/// The themes the dashboards group the figures in (*temaer*).
public enum KeyFigureTheme: String, CaseIterable, Sendable {
    case activity = "aktivitet"
    case movements = "bevaegelser"
    case employmentPsychiatry = "beskaeftigelse-psykiatri"
    case expenditure = "udgifter"
    case citizenReported = "borgerrapporteret"

    /// Danish title.
    public var danishTitle: String {
        switch self {
        case .activity: "Aktivitet på indsatstrappen"
        case .movements: "Bevægelser på indsatstrappen"
        case .employmentPsychiatry: "Beskæftigelse og psykiatri"
        case .expenditure: "Udgifter"
        case .citizenReported: "Borgernes egne svar"
        }
    }

    /// The figures in the theme, in code order.
    public var figures: [KeyFigure] {
        switch self {
        case .activity: [.nt01, .nt02, .nt03, .nt04, .nt05]
        case .movements: [.nt06, .nt07, .nt08]
        case .employmentPsychiatry: [.nt09, .nt10, .nt11, .nt12, .nt13]
        case .expenditure: [.nt14, .nt15]
        case .citizenReported: [.nt16, .nt17, .nt18, .nt19, .nt20, .q01]
        }
    }
}

extension KeyFigure {
    /// What the numerator counts, as a table heading (*tæller*).
    public var danishNumeratorLabel: String {
        switch self {
        case .nt13: "Genindlæggelser"
        case .nt14: "Udgift på trinnet"
        case .nt15: "Udgift"
        case .nt16, .nt19: "Sum af scorer"
        case .q01: "Målte borgere"
        default: "Borgere"
        }
    }

    /// What the denominator counts, as a table heading (*nævner*).
    public var danishDenominatorLabel: String {
        switch self {
        case .nt01, .nt02, .nt04: "Voksne"
        case .nt13: "Udskrivninger"
        case .nt14: "Udgift i alt"
        case .nt15: "Modtagere"
        case .nt16, .nt17, .nt18, .nt19, .nt20: "Målte borgere"
        case .q01: "Borgere på trappen"
        default: "Borgere i alt"
        }
    }

    /// How the value reads.
    public var valueKind: ValueKind {
        switch self {
        case .nt01, .nt02, .nt04: .per10000Adults
        case .nt15: .kroner
        case .nt16, .nt19: .meanScore
        default: .share
        }
    }

    /// The theme the figure belongs to.
    public var theme: KeyFigureTheme {
        KeyFigureTheme.allCases.first { $0.figures.contains(self) }!
    }

    /// Danish label of one breakdown value, e.g. `from=2;to=lower` → "Fra trin 2: lavere trin".
    public func danishBreakdown(_ breakdown: String) -> String {
        guard !breakdown.isEmpty else { return "I alt" }
        var parts: [String: String] = [:]
        for pair in breakdown.split(separator: ";") {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if kv.count == 2 { parts[kv[0]] = kv[1] }
        }
        if let step = parts["step"] { return "Trin \(step)" }
        if let band = parts["band"] {
            switch band {
            case "0-35": return "0–35 (stor risiko)"
            case "36-50": return "36–50 (risiko)"
            default: return "51–100 (ingen umiddelbar risiko)"
            }
        }
        if let change = parts["change"], let category = ScoreChange.allCases.first(where: { $0.breakdownValue == change }) {
            return category.danishTitle
        }
        if let from = parts["from"], let to = parts["to"] {
            let fromText = from == "all" ? "Alle trin" : "Fra trin \(from)"
            let toText: String
            switch to {
            case "none": toText = "ude af trappen"
            case "lower": toText = "lavere trin"
            case "same": toText = "samme trin"
            case "higher": toText = "højere trin"
            default: toText = to == "0" ? "ude af trappen (trin 0)" : "trin \(to)"
            }
            return "\(fromText) → \(toText)"
        }
        return breakdown
    }
}

extension ScoreChange {
    /// Danish label for the interface.
    public var danishTitle: String {
        switch self {
        case .improved: "Forbedret"
        case .unchanged: "Uændret"
        case .worsened: "Forværret"
        }
    }
}
