/// A citizen's scores on one instrument over time (*borgerens forløb*), for
/// the trajectory chart: each complete answer scored, its WHO-5 band, and
/// the change since the first (*baseline*) in the key figures' categories.
/// Incomplete answers are listed but never scored.
public struct Trajectory: Sendable, Hashable {
    /// One answer.
    public struct Point: Sendable, Hashable {
        public var date: Day
        /// 0–100; nil for an incomplete answer.
        public var score: Int?
        /// WHO-5 only.
        public var band: WHO5Band?
    }

    public let instrument: Instrument
    /// Every answer, oldest first (same-day answers keep their order).
    public let points: [Point]
    /// Points of change that count as improved or worsened (default 10).
    public let threshold: Int

    /// The trajectory of answers (date, five raw items) of one instrument.
    public init(instrument: Instrument, answers: [(date: Day, items: [Int?])], threshold: Int = 10) {
        self.instrument = instrument
        self.threshold = threshold
        points = answers.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map { _, answer in
                let score = instrument.score(answer.items)
                return Point(date: answer.date, score: score, band: instrument == .who5 ? score.map(WHO5Band.init(score:)) : nil)
            }
    }

    /// The first complete answer.
    public var baseline: Point? { points.first { $0.score != nil } }

    /// The latest complete answer.
    public var latest: Point? { points.last { $0.score != nil } }

    /// Latest minus baseline, when there are two different complete answers.
    public var changeSinceBaseline: Int? {
        guard let first = baseline, let last = latest, let a = first.score, let b = last.score,
              points.filter({ $0.score != nil }).count >= 2 else { return nil }
        return b - a
    }

    /// The category of the change since baseline (±`threshold`).
    public var changeCategory: ScoreChange? {
        changeSinceBaseline.map { ScoreChange(difference: $0, threshold: threshold) }
    }

    /// The population's mean for comparison: WHO-5 68, Brief INSPIRE-O 71.
    public var populationReference: Int { instrument.populationMean }
}
