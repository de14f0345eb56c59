/// The offer's measurement points (*målepunkter*, results-documentation.md
/// §3): at the start, at follow-up (a fixed interval or the phase changes),
/// at the end, and after the end.
public struct MeasurementPoints: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case start, followUp, end, afterEnd

        public var danishName: String {
            switch self {
            case .start: "Opstartsmåling"
            case .followUp: "Opfølgningsmåling"
            case .end: "Afslutningsmåling"
            case .afterEnd: "Måling efter afslutning"
            }
        }
    }

    /// Months between follow-ups; nil when follow-up is at phase changes only.
    public var followUpMonths: Int?
    /// Months after the end for the last measurement; nil for none.
    public var afterEndMonths: Int?

    public init(followUpMonths: Int? = 6, afterEndMonths: Int? = 6) {
        self.followUpMonths = followUpMonths
        self.afterEndMonths = afterEndMonths
    }

    /// The due days for a citizen's course at the offer, in order: start on
    /// the first day; follow-ups every interval while the course runs (up to
    /// `through`, or the end) and at each phase change; the end on the last
    /// day; after the end the given months later.
    public func due(start: Day, end: Day?, phaseChanges: [Day] = [], through: Day) -> [(kind: Kind, day: Day)] {
        var out: [(Kind, Day)] = [(.start, start)]
        let last = end.map { min($0, through) } ?? through
        var followUps = Set(phaseChanges.filter { start < $0 && $0 <= last })
        if let months = followUpMonths, months > 0 {
            var day = start.adding(months: months)
            while day <= last && (end.map { day < $0 } ?? true) {
                followUps.insert(day)
                day = day.adding(months: months)
            }
        }
        out += followUps.sorted().map { (.followUp, $0) }
        if let end {
            out.append((.end, end))
            if let months = afterEndMonths { out.append((.afterEnd, end.adding(months: months))) }
        }
        return out
    }
}

/// The status at a goal's follow-up at the offer (*målopfyldelse*): the
/// handbook's five categories and the sixth the spec adds.
public enum GoalAttainment: Int, Sendable, Hashable, Codable, CaseIterable {
    case developmentReached = 1, progressNotReached, stabilityReached, noDevelopment, deterioration, stabilityNotReached

    public var danishName: String {
        switch self {
        case .developmentReached: "Mål om positiv udvikling – nået"
        case .progressNotReached: "Positiv udvikling – mål ikke nået"
        case .stabilityReached: "Mål om fastholdelse/stabilisering – nået"
        case .noDevelopment: "Mål om positiv udvikling – ingen udvikling"
        case .deterioration: "Forværring"
        case .stabilityNotReached: "Mål om fastholdelse/stabilisering – ikke nået"
        }
    }
}
