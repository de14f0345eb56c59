import Foundation
import RoretCore

/// A value read from the database and remembered for at most `maxAge`, so
/// a page view does not ask each time. A change on this instance forgets it
/// at once (`invalidate`); another instance's change is seen within `maxAge`.
public final class Remembered<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: (at: Date, value: Value)?
    public let maxAge: TimeInterval

    public init(maxAge: TimeInterval = 1) { self.maxAge = maxAge }

    /// The remembered value, or a fresh one from `fetch`.
    public func value(_ fetch: () async throws -> Value) async throws -> Value {
        let now = Date()
        if let known = lock.withLock({ cached.flatMap { now.timeIntervalSince($0.at) < maxAge ? $0.value : nil } }) {
            return known
        }
        let fresh = try await fetch()
        lock.withLock { cached = (now, fresh) }
        return fresh
    }

    /// Forgets the value (after a change on this instance).
    public func invalidate() {
        lock.withLock { cached = nil }
    }
}

/// The current extract versions, remembered briefly (one round trip of three per page).
public final class CurrentVersions: Sendable {
    private let remembered: Remembered<[ExtractVersion]>

    public init(maxAge: TimeInterval = 1) { remembered = Remembered(maxAge: maxAge) }

    /// The version a user of `area` sees (see `ExtractRepository.current(for:)`).
    public func current(for area: String, using extracts: ExtractRepository) async throws -> ExtractVersion? {
        ExtractRepository.pick(try await remembered.value { try await extracts.currentVersions() }, for: area)
    }

    /// Forgets what it knew (after an import).
    public func invalidate() { remembered.invalidate() }
}
