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
        let bounds = split(index, parts: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var tally = Tally(areaCount: areas, yearCount: data.yearCount)
            var pass = PersonPass(index: index, data: data, options: options)
            pass.run(bounds[part]..<bounds[part + 1], into: &tally)
            results.store(tally, at: part)
        }
        var total = results.take(0)
        for part in 1..<parts { total.merge(results.take(part)) }
        return total
    }
}

extension ParallelPass {
    /// Where the parts begin and end: persons split so that each part has
    /// about the same number of rows (spells, measurements, admissions) and
    /// persons, not the same number of persons. In an extract whose rows are
    /// shuffled, persons with many rows come first (they are met first), and
    /// an even split by count gave one core twice the work (108 against
    /// 56 ms on the messy national extract).
    static func split(_ index: PersonIndex, parts: Int) -> [Int] {
        let persons = index.personCount
        func work(before p: Int) -> Int {
            Int(index.spellOffsets[p]) + Int(index.measurementOffsets[p]) + Int(index.admissionOffsets[p]) + p
        }
        let total = work(before: persons)
        var bounds = [0]
        for part in 1..<parts {
            let target = total * part / parts
            var lo = bounds[bounds.count - 1], hi = persons
            while lo < hi {
                let mid = (lo + hi) / 2
                if work(before: mid) < target { lo = mid + 1 } else { hi = mid }
            }
            bounds.append(lo)
        }
        bounds.append(persons)
        return bounds
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
