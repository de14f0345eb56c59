/// What Roret itself holds beside each item of the evaluation (*Rorets egne
/// data*): it informs the group, it never fills in the answer.
public struct EvaluationEvidence: Sendable, Hashable {
    /// The current extract's version for the municipality, if any, and its years.
    public var extractVersion: Int?
    public var extractYears: ClosedRange<Int>?
    /// Years with movements between steps (NT06/NT07) for the municipality.
    public var movementYears: [Int]
    /// Active records as I1's denominator shows them after disclosure control
    /// (nil when withheld: then no count over them is shown either).
    public var activeRecords: Int?
    /// Active records with a WHO-5 answer in the last 12 months.
    public var withWHO5LastYear: Int
    /// Active records with any WHO-5 or Brief INSPIRE-O answer.
    public var withAnyInstrument: Int
    /// I12 for the municipality (meetings in the last 12 months with the
    /// citizen's rating), as disclosure control left it.
    public var ratedMeetings: PracticeIndicatorRow?

    public init(extractVersion: Int?, extractYears: ClosedRange<Int>?, movementYears: [Int], activeRecords: Int?, withWHO5LastYear: Int,
                withAnyInstrument: Int, ratedMeetings: PracticeIndicatorRow?) {
        self.extractVersion = extractVersion
        self.extractYears = extractYears
        self.movementYears = movementYears
        self.activeRecords = activeRecords
        self.withWHO5LastYear = withWHO5LastYear
        self.withAnyInstrument = withAnyInstrument
        self.ratedMeetings = ratedMeetings
    }

    /// The evidence for an item (`E1`…`E7`), in Danish. Counts of 1–4 are not
    /// shown (the page is read by people who may not read the records).
    public func text(for item: String) -> String {
        func count(_ n: Int, of d: Int?) -> String {
            guard let d else { return "få sager (tallet vises ikke)" }
            if d == 0 { return "ingen" }
            if DisclosureControl.isSmallCount(n) || DisclosureControl.isSmallCount(d) { return "under 5 sager (tallet vises ikke)" }
            return "\(n) af \(d) (\(Int((Double(n) / Double(d) * 100).rounded())) %)"
        }
        switch item {
        case "E1":
            guard let version = extractVersion, let years = extractYears else { return "Roret har endnu ikke et registerudtræk for kommunen." }
            return "Roret har kommunens registerudtræk (version \(version), \(years.lowerBound)–\(years.upperBound)): hvilke borgere der får hvilke indsatser, og hos hvilke udførere."
        case "E2":
            return "Roret har endnu ingen fremskrivning af behovet for kommunen."
        case "E3":
            return movementYears.isEmpty ? "Roret har endnu ingen bevægelser på trappen for kommunen (NT06/NT07)."
                : "Bevægelser mellem trinene (NT06/NT07) findes for \(movementYears.map(String.init).joined(separator: ", "))."
        case "E4":
            return "Aktive sager med en WHO-5-besvarelse de seneste 12 måneder: \(count(withWHO5LastYear, of: activeRecords))."
        case "E5":
            guard let row = ratedMeetings, !row.suppressed else { return "Møder de seneste 12 måneder, hvor borgeren har vurderet hjælpen: skjult for at beskytte små grupper." }
            return "Møder de seneste 12 måneder, hvor borgeren har vurderet hjælpen (I12): \(count(row.numerator ?? 0, of: row.denominator ?? 0))."
        case "E6":
            return "Aktive sager med mindst én besvarelse af WHO-5 eller Brief INSPIRE-O: \(count(withAnyInstrument, of: activeRecords))."
        case "E7":
            return "Roret holder ikke funktionsevnevurderinger efter VUM 2.0."
        default:
            return ""
        }
    }

    /// Of the municipality's active records on `day`: those with a WHO-5
    /// answer in the last 12 months, and those with any answer.
    public static func counts(_ files: [CaseFile], on day: Day) -> (who5: Int, any: Int) {
        let yearAgo = day.adding(months: -12)
        var result = (who5: 0, any: 0)
        for file in files {
            let s = file.snapshot(on: day)
            guard s.isActive else { continue }
            let answers = file.answers.filter { $0.answeredOn <= day }
            if answers.contains(where: { $0.instrument == .who5 && yearAgo < $0.answeredOn }) { result.who5 += 1 }
            if !answers.isEmpty { result.any += 1 }
        }
        return result
    }
}
