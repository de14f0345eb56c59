import Dispatch

/// Runs the person pass on both halves of the persons at once, each into its
/// own tally, then sums them: counts are exact integers, so the result does
/// not depend on the split. On the 2-core reference machine this took the
/// national compute from 106 ms to 90 ms (docs/performance.md).
enum ParallelPass {
    /// Persons below this count run on one thread: splitting costs more than it saves.
    static let minimumForSplit = 20_000

    static func run(index: PersonIndex, data: RegisterData, options: KeyFigureOptions, parts requested: Int? = nil) -> Tally {
        let areas = data.municipalities.count + 1
        let persons = index.personCount
        let parts = requested ?? (persons >= minimumForSplit ? 2 : 1)
        let results = ResultSlots(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var tally = Tally(areaCount: areas, yearCount: data.yearCount)
            var pass = PersonPass(index: index, data: data, options: options)
            let lo = persons * part / parts, hi = persons * (part + 1) / parts
            pass.run(lo..<hi, into: &tally)
            results.store(tally, at: part)
        }
        var total = results.take(0)
        for part in 1..<parts { total.merge(results.take(part)) }
        return total
    }
}

/// One slot per part in a fixed buffer: each slot is written by exactly one
/// iteration of `concurrentPerform` and read only after it has returned.
private final class ResultSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Tally?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ tally: Tally, at part: Int) { slots[part] = tally }

    func take(_ part: Int) -> Tally { slots[part]! }
}
