import Foundation
import RoretCore

/// Key figures per extract version (*nøgletal pr. udtræksversion*): computed
/// once per version and process, from the stored files, and kept. A version
/// never changes once stored, so a cached set is never stale; a new import is
/// a new version and gets its own set. Page views never recompute.
public actor KeyFigureCache {
    private let extracts: ExtractRepository
    private let options: KeyFigureOptions
    private var sets: [UUID: Task<KeyFigureSet, any Error>] = [:]
    private var order: [UUID] = []
    /// Versions kept in memory at once (a national set is ~65,000 rows).
    private let capacity = 4

    public init(extracts: ExtractRepository, options: KeyFigureOptions = KeyFigureOptions()) {
        self.extracts = extracts
        self.options = options
    }

    /// The figures of `version`, computing them on first use; concurrent
    /// callers share one computation.
    public func figures(of version: ExtractVersion) async throws -> KeyFigureSet {
        if let task = sets[version.id] { return try await task.value }
        let extracts = self.extracts
        let options = self.options
        // Detached: the computation (about a second for the national extract)
        // must not hold the actor, so lookups of other versions go on.
        let task = Task.detached {
            let data = try await extracts.registerData(of: version)
            return KeyFigureSet(data: data, options: options)
        }
        sets[version.id] = task
        order.append(version.id)
        if order.count > capacity { sets[order.removeFirst()] = nil }
        do {
            return try await task.value
        } catch {
            sets[version.id] = nil
            order.removeAll { $0 == version.id }
            throw error
        }
    }
}
