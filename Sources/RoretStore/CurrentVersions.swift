import Foundation
import RoretCore

/// The current extract versions, remembered for at most `maxAge` so a page
/// view does not ask the database each time (one round trip of three per
/// page). An import on this instance forgets them at once; another
/// instance's import is seen within `maxAge`.
public final class CurrentVersions: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: (at: Date, versions: [ExtractVersion])?
    public let maxAge: TimeInterval

    public init(maxAge: TimeInterval = 1) { self.maxAge = maxAge }

    /// The version a user of `area` sees (see `ExtractRepository.current(for:)`).
    public func current(for area: String, using extracts: ExtractRepository) async throws -> ExtractVersion? {
        let now = Date()
        let known = lock.withLock { cached.flatMap { now.timeIntervalSince($0.at) < maxAge ? $0.versions : nil } }
        let versions: [ExtractVersion]
        if let known {
            versions = known
        } else {
            versions = try await extracts.currentVersions()
            lock.withLock { cached = (now, versions) }
        }
        return ExtractRepository.pick(versions, for: area)
    }

    /// Forgets what it knew (after an import).
    public func invalidate() {
        lock.withLock { cached = nil }
    }
}
