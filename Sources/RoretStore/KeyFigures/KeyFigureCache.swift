import Foundation
import RoretCore

/// Key figures per extract version and revision of the stored answers
/// (*nøgletal pr. udtræksversion*): computed once per key and process, from
/// the extract's stored files plus the answers collected in Roret, and kept.
/// A version never changes once stored and the revision changes with every
/// stored answer, so a cached set is never stale. Page views never recompute.
public actor KeyFigureCache {
    private let extracts: ExtractRepository
    private let measurements: MeasurementRepository?
    private let options: KeyFigureOptions
    private var sets: [String: Task<KeyFigureSet, any Error>] = [:]
    /// Sets recomputed for a reader who sees one municipality in full, by key and area.
    private var shownInFull: [String: Task<KeyFigureSet, Never>] = [:]
    private var order: [String] = []
    /// Versions kept in memory at once (a national set is ~65,000 rows).
    private let capacity = 4

    /// With `measurements`, answers stored in Roret join the extract's
    /// `measurements.csv` (their pseudonym is the register's `person_id`).
    public init(extracts: ExtractRepository, measurements: MeasurementRepository? = nil, options: KeyFigureOptions = KeyFigureOptions()) {
        self.extracts = extracts
        self.measurements = measurements
        self.options = options
    }

    /// The figures of `version` for a reader who sees `area` in full (see
    /// `KeyFigureSet.showingInFull`), computed once per key and area.
    public func figures(of version: ExtractVersion, answersRevision: String, showingInFull area: String) async throws -> KeyFigureSet {
        let base = try await figures(of: version, answersRevision: answersRevision)
        let key = version.id.uuidString + "|" + answersRevision + "|" + area
        if let task = shownInFull[key] { return await task.value }
        let task = Task.detached { base.showingInFull(area) }
        shownInFull[key] = task
        return await task.value
    }

    /// The figures of `version`, computing them on first use; concurrent
    /// callers share one computation.
    public func figures(of version: ExtractVersion, answersRevision: String) async throws -> KeyFigureSet {
        let key = version.id.uuidString + "|" + answersRevision
        if let task = sets[key] { return try await task.value }
        let extracts = self.extracts
        let measurements = self.measurements
        let options = self.options
        // Detached: the computation (about a second for the national extract)
        // must not hold the actor, so lookups of other versions go on.
        let task = Task.detached {
            let added = try await measurements?.exportRows() ?? []
            return KeyFigureSet(data: try await extracts.registerData(of: version, addedMeasurements: added), options: options)
        }
        sets[key] = task
        order.append(key)
        if order.count > capacity {
            let dropped = order.removeFirst()
            sets[dropped] = nil
            shownInFull = shownInFull.filter { !$0.key.hasPrefix(dropped + "|") }
        }
        do {
            return try await task.value
        } catch {
            sets[key] = nil
            order.removeAll { $0 == key }
            throw error
        }
    }
}
