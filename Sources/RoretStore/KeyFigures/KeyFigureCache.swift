import Foundation
import RoretCore

/// Key figures per extract version and publication of the stored answers
/// (*nøgletal pr. udtræksversion*): computed once per key and process, from
/// the extract's stored files plus the answers collected in Roret that the
/// publication includes, and kept. A version never changes once stored and
/// a publication never changes, so a cached set is never stale.
public actor KeyFigureCache {
    private let extracts: ExtractRepository
    private let measurements: MeasurementRepository?
    private let options: KeyFigureOptions
    /// Told how long each computed set took (operations' metrics).
    private let computed: @Sendable (Duration) -> Void
    private var sets: [String: Task<KeyFigureSet, any Error>] = [:]
    /// Sets recomputed for a reader who sees one municipality in full, by key and area.
    private var shownInFull: [String: Task<KeyFigureSet, Never>] = [:]
    private var order: [String] = []
    /// Versions kept in memory at once (a national set is ~65,000 rows).
    private let capacity = 4

    /// The cache key: the version and the publication (none: no stored answers).
    public static func key(_ version: ExtractVersion, _ answers: AnswersPublication?) -> String {
        version.id.uuidString + "|" + (answers?.id.uuidString ?? "none")
    }

    /// With `measurements`, answers stored in Roret join the extract's
    /// `measurements.csv` (their pseudonym is the register's `person_id`).
    public init(extracts: ExtractRepository, measurements: MeasurementRepository? = nil, options: KeyFigureOptions = KeyFigureOptions(),
                computed: @escaping @Sendable (Duration) -> Void = { _ in }) {
        self.extracts = extracts
        self.measurements = measurements
        self.options = options
        self.computed = computed
    }

    /// The figures of `version` for a reader who sees `area` in full (see
    /// `KeyFigureSet.showingInFull`), computed once per key and area.
    public func figures(of version: ExtractVersion, answers: AnswersPublication?, showingInFull area: String) async throws -> KeyFigureSet {
        let base = try await figures(of: version, answers: answers)
        let key = Self.key(version, answers) + "|" + area
        if let task = shownInFull[key] { return await task.value }
        let task = Task.detached { base.showingInFull(area) }
        shownInFull[key] = task
        return await task.value
    }

    /// The figures of `version`, computing them on first use; concurrent
    /// callers share one computation.
    public func figures(of version: ExtractVersion, answers: AnswersPublication?) async throws -> KeyFigureSet {
        let key = Self.key(version, answers)
        if let task = sets[key] { return try await task.value }
        let extracts = self.extracts
        let measurements = self.measurements
        let options = self.options
        let computed = self.computed
        // Detached: the computation (about a second for the national extract)
        // must not hold the actor, so lookups of other versions go on.
        let task = Task.detached {
            let started = ContinuousClock.now
            let added = answers == nil ? [] : try await measurements?.exportRows(publication: answers) ?? []
            let set = KeyFigureSet(data: try await extracts.registerData(of: version, addedMeasurements: added), options: options)
            computed(ContinuousClock.now - started)
            return set
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
