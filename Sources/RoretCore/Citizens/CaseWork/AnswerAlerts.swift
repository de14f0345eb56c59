/// Alerts on the citizen's own answers (*opmærksomhed på borgerens svar*),
/// like the triage of PRO answers: a WHO-5 score in the 0–35 band, or a
/// score that falls by the relevant change (10 points) since the previous
/// complete answer on the same instrument.
public enum AnswerAlerts {
    public struct Alert: Sendable, Hashable {
        public enum Reason: Sendable, Hashable {
            /// WHO-5 in the 0–35 band.
            case lowWellBeing
            /// The score fell from `from` to the answer's.
            case drop(from: Int)
        }

        public var measurementID: String
        public var instrument: Instrument
        public var answeredOn: Day
        public var score: Int
        public var reasons: [Reason]

        /// In Danish, for the caseworker.
        public var danishText: String {
            let parts = reasons.map { reason -> String in
                switch reason {
                case .lowWellBeing: "\(instrument.danishName) \(score) — i båndet 0–35 (stor risiko for depression eller stress)"
                case .drop(let from): "\(instrument.danishName) faldt \(from - score) point (fra \(from) til \(score))"
                }
            }
            return parts.joined(separator: "; ") + ", svar fra \(answeredOn.danish)"
        }
    }

    /// The relevant change in points.
    public static let relevantChange = 10

    /// Every answer that raises an alert, oldest first.
    public static func alerts(_ answers: [AnswerFact]) -> [Alert] {
        var previous: [Instrument: Int] = [:]
        var result: [Alert] = []
        for answer in answers.enumerated().sorted(by: { ($0.element.answeredOn, $0.offset) < ($1.element.answeredOn, $1.offset) }).map(\.element) {
            guard let score = answer.score else { continue }
            var reasons: [Alert.Reason] = []
            if answer.instrument == .who5, WHO5Band(score: score) == .largeRisk { reasons.append(.lowWellBeing) }
            if let before = previous[answer.instrument], before - score >= relevantChange { reasons.append(.drop(from: before)) }
            previous[answer.instrument] = score
            if !reasons.isEmpty {
                result.append(Alert(measurementID: answer.id, instrument: answer.instrument, answeredOn: answer.answeredOn, score: score, reasons: reasons))
            }
        }
        return result
    }
}
