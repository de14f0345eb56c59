import Foundation
import RoretCore
import RoretStore

/// The scheduled rebuild that brings the answers stored in Roret into the
/// leaders' figures (*natlig opdatering*): nightly by default
/// (`RORET_FIGURES_REBUILD_HOUR`, Danish time), and at the first start.
/// The new figures are computed first and published after: pages keep
/// showing the previous figures until the new ones are ready.
enum AnswersRebuild {
    /// Computes every current version's figures with the answers entered
    /// until `now`, then records the publication; returns it.
    @discardableResult
    static func run(store: Store, figures: KeyFigureCache, now: Date = Date(), today: Day) async throws -> AnswersPublication {
        let publication = AnswersPublication.now(now, today: today)
        for version in try await store.extracts.history() where version.isCurrent {
            _ = try await figures.figures(of: version, answers: publication)
        }
        try await store.publications.record(publication)
        return publication
    }

    /// Whole milliseconds since `start`, for the log (operations read rebuild times there).
    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Whether the hourly housekeeping should rebuild now: in the configured
    /// hour (Danish time), unless a rebuild ran in the last 12 hours; or
    /// when nothing was ever published.
    static func isDue(latest: AnswersPublication?, now: Date, hour: Int) -> Bool {
        guard let latest else { return true }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Copenhagen")!
        return calendar.component(.hour, from: now) == hour && now.timeIntervalSince(latest.publishedAt) > 12 * 60 * 60
    }
}
