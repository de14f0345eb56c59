/// The group's agreed score for an item, with the comment it gave (*aftalt score*).
public struct AgreedScore: Sendable, Hashable, Codable {
    public var value: ScaleValue
    public var comment: String

    public init(value: ScaleValue, comment: String) {
        self.value = value
        self.comment = comment
    }
}

/// One dated run of a questionnaire for one municipality (*runde*):
/// respondents answer alone, then the group sets an agreed score per item.
public struct Round: Sendable, Hashable {
    public var id: String
    public var municipality: String
    public var itemSet: ItemSet
    public var date: Day
    /// Respondent (username) → item id → answer.
    public var responses: [String: [String: ScaleAnswer]]
    /// Item id → the group's agreed score.
    public var agreed: [String: AgreedScore]
    /// Caseworkers invited to answer (leaders and analysts of the municipality always may).
    public var invitees: [String]

    public init(id: String, municipality: String, itemSet: ItemSet, date: Day, responses: [String: [String: ScaleAnswer]] = [:], agreed: [String: AgreedScore] = [:], invitees: [String] = []) {
        self.invitees = invitees
        self.id = id
        self.municipality = municipality
        self.itemSet = itemSet
        self.date = date
        self.responses = responses
        self.agreed = agreed
    }

    public var kind: QuestionnaireKind { itemSet.kind }

    /// The answers to one item: how many gave each value, how many "Ved ikke", and their median.
    public struct ItemSummary: Sendable, Hashable {
        public var item: QuestionnaireItem
        /// Count per value 1…5 (index 0 is "Slet ikke").
        public var counts: [Int]
        public var dontKnow: Int
        /// Of the counted answers (not "Ved ikke"); nil when none.
        public var median: Double?
        public var agreed: AgreedScore?

        /// Answers that count (not "Ved ikke").
        public var counted: Int { counts.reduce(0, +) }
    }

    /// Every item's summary, in the set's order.
    public var summaries: [ItemSummary] {
        itemSet.items.map { item in
            var counts = [Int](repeating: 0, count: ScaleValue.allCases.count)
            var dontKnow = 0
            var values: [Int] = []
            for answers in responses.values {
                switch answers[item.id] {
                case .value(let v)?:
                    counts[v.rawValue - 1] += 1
                    values.append(v.rawValue)
                case .dontKnow?: dontKnow += 1
                case nil: break
                }
            }
            return ItemSummary(item: item, counts: counts, dontKnow: dontKnow, median: RoretCore.median(values), agreed: agreed[item.id])
        }
    }


    /// A temperature round's score per prerequisite: the mean of its
    /// statements' agreed scores (those agreed); nil when none is agreed.
    public var prerequisiteScores: [(prerequisite: String, score: Double?)] {
        itemSet.groups.map { group in
            let values = itemSet.items.filter { $0.group == group }.compactMap { agreed[$0.id]?.value.rawValue }
            return (group, values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count))
        }
    }
}

/// An item's course over rounds (*udvikling over runder*): only rounds of
/// the same item-set version as the latest are compared.
public enum RoundTrend {
    public struct Point: Sendable, Hashable {
        public var date: Day
        public var roundID: String
        public var median: Double?
        public var agreed: ScaleValue?
    }

    /// The rounds comparable with the latest (same kind and version), oldest first.
    public static func comparable(_ rounds: [Round]) -> [Round] {
        guard let latest = rounds.max(by: { ($0.date, $0.id) < ($1.date, $1.id) }) else { return [] }
        return rounds.filter { $0.kind == latest.kind && $0.itemSet.version == latest.itemSet.version && $0.municipality == latest.municipality }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// One item's points over the comparable rounds.
    public static func points(_ rounds: [Round], item: String) -> [Point] {
        comparable(rounds).map { round in
            let summary = round.summaries.first { $0.item.id == item }
            return Point(date: round.date, roundID: round.id, median: summary?.median, agreed: round.agreed[item]?.value)
        }
    }
}
