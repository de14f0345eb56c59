import Dispatch

/// Per-person views of an extract in compressed-sparse-row form, built once
/// per run: each person's target-group staircase spells sorted by start, their
/// admissions sorted by date, their complete measurements sorted by date, and
/// employment status per period year. Only what the figures read is kept.
struct PersonIndex {
    let personCount: Int
    let yearCount: Int

    /// Spell columns of the target-group staircase spells, grouped by person.
    var spellOffsets: [Int32]
    var spellStart: [Int32]
    var spellEnd: [Int32]
    var spellStep: [Int8]
    var spellMunicipality: [Int32]

    var admissionOffsets: [Int32]
    var admissionStart: [Int32]
    var admissionEnd: [Int32]

    /// Complete measurements only (incomplete ones are never scored).
    var measurementOffsets: [Int32]
    var measurementDay: [Int32]
    var measurementScore: [Int8]
    var measurementInstrument: [Instrument]
    var measurementMunicipality: [Int32]

    /// `employment[p * yearCount + yi]`: status raw value, or `noStatus`.
    var employment: [UInt8]
    static let noStatus: UInt8 = 255

    /// Whether a stored status is a success status; no row is not success.
    @inline(__always)
    static func isSuccess(_ status: UInt8) -> Bool {
        status != noStatus && EmploymentStatus(rawValue: status)!.isSuccess
    }

    init(_ data: RegisterData, options: KeyFigureOptions) {
        personCount = data.personIDs.count
        yearCount = data.yearCount
        // The four parts are independent: build them on both cores.
        let parts = IndexParts()
        DispatchQueue.concurrentPerform(iterations: 4) { part in
            switch part {
            case 0: parts.spells = PersonIndex.spellPart(data, options: options)
            case 1: parts.measurements = PersonIndex.measurementPart(data)
            case 2: parts.employment = PersonIndex.employmentPart(data)
            default: parts.admissions = PersonIndex.admissionPart(data)
            }
        }
        let spells = parts.spells!, admissions = parts.admissions!, measurements = parts.measurements!
        (spellOffsets, spellStart, spellEnd, spellStep, spellMunicipality) =
            (spells.offsets, spells.start, spells.end, spells.step, spells.municipality)
        (admissionOffsets, admissionStart, admissionEnd) = (admissions.offsets, admissions.start, admissions.end)
        (measurementOffsets, measurementDay, measurementScore, measurementInstrument, measurementMunicipality) =
            (measurements.offsets, measurements.day, measurements.score, measurements.instrument, measurements.municipality)
        employment = parts.employment!
    }

    /// Target-group staircase spells grouped by person, sorted by start.
    private static func spellPart(_ data: RegisterData, options: KeyFigureOptions) -> SpellPart {
        let staircase = Staircase.standard
        let iv = data.interventions
        let layout = PersonLayout(rows: iv.count, personCount: data.personIDs.count, person: { iv.person[$0] }) {
            options.targetGroup.contains(iv.reason[$0]) && staircase.step(of: iv.paragraph[$0]) > 0
        }
        if let packed = packedSpells(layout, iv, staircase) { return packed }
        let order = layout.sortedOrder(person: { iv.person[$0] }) { PersonLayout.key(iv.start[$0].rawValue) }
        return SpellPart(
            offsets: layout.offsets,
            start: layout.column(order) { iv.start[$0].rawValue },
            end: layout.column(order) { iv.end[$0].rawValue },
            step: layout.column(order) { Int8(staircase.step(of: iv.paragraph[$0])) },
            municipality: layout.column(order) { iv.municipality[$0] }
        )
    }

    /// The spell part with every value the pass reads packed in one word
    /// (start, end, step, municipality) that is placed and sorted as it is;
    /// nil when a day lies outside 1900–2100 (an extract's rule, not the
    /// builder's). Spells with the same start may come in any order: the
    /// pass breaks such ties explicitly (step, start, code).
    private static func packedSpells(_ layout: PersonLayout, _ iv: InterventionTable, _ staircase: Staircase) -> SpellPart? {
        let first = Day(year: 1900, month: 1, day: 1).rawValue, last = Day(year: 2100, month: 12, day: 31).rawValue
        let open: UInt64 = 1 << 20 - 1
        guard iv.municipality.allSatisfy({ $0 >= 0 && $0 < 1 << 16 }),
              iv.start.allSatisfy({ $0.rawValue >= first && $0.rawValue <= last }),
              iv.end.allSatisfy({ $0 == .openEnd || ($0.rawValue >= first && $0.rawValue <= last) })
        else { return nil }
        var words = layout.place { row -> UInt64 in
            let end = iv.end[row] == .openEnd ? open : UInt64(iv.end[row].rawValue - first)
            return UInt64(iv.start[row].rawValue - first) << 44 | end << 24
                | UInt64(staircase.step(of: iv.paragraph[row])) << 16 | UInt64(UInt16(iv.municipality[row]))
        }
        layout.sortEachPerson(&words)
        return SpellPart(
            offsets: layout.offsets,
            start: words.map { Int32(truncatingIfNeeded: $0 >> 44) + first },
            end: words.map { let e = $0 >> 24 & open; return e == open ? Day.openEnd.rawValue : Int32(truncatingIfNeeded: e) + first },
            step: words.map { Int8(truncatingIfNeeded: $0 >> 16 & 0xF) },
            municipality: words.map { Int32(UInt16(truncatingIfNeeded: $0)) }
        )
    }

    /// Admissions grouped by person, sorted by admission date.
    private static func admissionPart(_ data: RegisterData) -> AdmissionPart {
        let personCount = data.personIDs.count
        guard let ad = data.admissions else {
            return AdmissionPart(offsets: Array(repeating: 0, count: personCount + 1), start: [], end: [])
        }
        let layout = PersonLayout(rows: ad.count, personCount: personCount, person: { ad.person[$0] }) { _ in true }
        let order = layout.sortedOrder(person: { ad.person[$0] }) { PersonLayout.key(ad.admission[$0].rawValue) }
        return AdmissionPart(offsets: layout.offsets, start: layout.column(order) { ad.admission[$0].rawValue },
                             end: layout.column(order) { ad.discharge[$0].rawValue })
    }

    /// Complete measurements with their scores, grouped by person, sorted by
    /// date and, within a day, by instrument: the pass reads one instrument
    /// at a time, and the two interleaved at random (a shuffled extract) cost
    /// it a branch misprediction per row. Every value the pass reads is packed
    /// in one word (day, instrument, score, municipality) that is placed and
    /// sorted as it is. Rows equal in day and instrument may come in any
    /// order: the pass breaks such ties by score, explicitly.
    private static func measurementPart(_ data: RegisterData) -> MeasurementPart {
        let personCount = data.personIDs.count
        guard let ms = data.measurements else {
            return MeasurementPart(offsets: Array(repeating: 0, count: personCount + 1), day: [], score: [], instrument: [], municipality: [])
        }
        precondition(data.municipalities.count < 1 << 16, "municipality indices fit in 16 bits")
        var scores = Array(repeating: Int8(-1), count: ms.count)
        for row in 0..<ms.count {
            if let s = ms.score(row: row) { scores[row] = Int8(s) }
        }
        let layout = PersonLayout(rows: ms.count, personCount: personCount, person: { ms.person[$0] }) { scores[$0] >= 0 }
        var words = layout.place { row -> UInt64 in
            PersonLayout.key(ms.date[row].rawValue, then: ms.instrument[row].rawValue) << 24
                | UInt64(UInt8(scores[row])) << 16 | UInt64(UInt16(ms.municipality[row]))
        }
        layout.sortEachPerson(&words)
        return MeasurementPart(
            offsets: layout.offsets,
            day: words.map { Int32(bitPattern: UInt32(truncatingIfNeeded: $0 >> 32) ^ 0x8000_0000) },
            score: words.map { Int8(truncatingIfNeeded: $0 >> 16) },
            instrument: words.map { Instrument(rawValue: UInt8(truncatingIfNeeded: $0 >> 24))! },
            municipality: words.map { Int32(UInt16(truncatingIfNeeded: $0)) }
        )
    }

    /// Employment status per person and period year.
    private static func employmentPart(_ data: RegisterData) -> [UInt8] {
        let yearCount = data.yearCount
        var employment = Array(repeating: PersonIndex.noStatus, count: data.personIDs.count * yearCount)
        if let em = data.employment {
            for i in 0..<em.count {
                let yi = Int(em.year[i]) - data.firstYear
                guard yi >= 0, yi < yearCount else { continue }
                employment[Int(em.person[i]) * yearCount + yi] = em.status[i].rawValue
            }
        }
        return employment
    }
}

/// Where each kept row goes when rows are grouped by person: a stable
/// counting sort. Columns are then placed by reading the rows in order and
/// writing each value to its place; reading them in person order instead
/// (a gather) cost a cache miss per value when an extract's rows come
/// shuffled (index build 50 ms against 18 ms on the national extract).
struct PersonLayout {
    /// Per person, where their rows start; the last entry is the total.
    let offsets: [Int32]
    /// Per row, its place, or -1 when the row is not kept.
    let place: [Int32]

    init(rows: Int, personCount: Int, person: (Int) -> Int32, keep: (Int) -> Bool) {
        var offsets = Array(repeating: Int32(0), count: personCount + 1)
        var place = Array(repeating: Int32(-1), count: rows)
        for r in 0..<rows where keep(r) {
            let p = Int(person(r))
            place[r] = offsets[p + 1]
            offsets[p + 1] += 1
        }
        for p in 0..<personCount { offsets[p + 1] += offsets[p] }
        for r in 0..<rows where place[r] >= 0 { place[r] += offsets[Int(person(r))] }
        self.offsets = offsets
        self.place = place
    }

    /// A sort key from a day and a small tie-break, in their order.
    @inline(__always) static func key(_ day: Int32, then tie: UInt8 = 0) -> UInt64 {
        UInt64(UInt32(bitPattern: day) ^ 0x8000_0000) << 8 | UInt64(tie)
    }

    /// Where each place's row was placed before sorting: each person's rows
    /// sorted by `key`, stably (rows with equal keys keep their order in
    /// the extract). The key and the row's offset in its person's rows
    /// travel together in one word, so the sort moves one array, not every
    /// column (`perf`: sorting the columns one by one took a fifth of the
    /// compute on a shuffled extract).
    func sortedOrder(person: (Int) -> Int32, _ key: (Int) -> UInt64) -> [Int32] {
        let count = Int(offsets[offsets.count - 1])
        guard count > 0 else { return [] }
        var words = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            for r in 0..<place.count where place[r] >= 0 {
                let at = Int(place[r]), offset = at - Int(offsets[Int(person(r))])
                (buffer.baseAddress! + at).initialize(to: key(r) << 24 | UInt64(offset))
            }
            initialized = count
        }
        precondition(offsets.indices.dropFirst().allSatisfy { offsets[$0] - offsets[$0 - 1] < 1 << 24 }, "a person has fewer than 16 million rows of one kind")
        sortEachPerson(&words)
        var order = [Int32](repeating: 0, count: count)
        for p in 0..<(offsets.count - 1) {
            let lo = Int(offsets[p]), hi = Int(offsets[p + 1])
            for i in lo..<hi { order[i] = Int32(lo) + Int32(truncatingIfNeeded: words[i] & (1 << 24 - 1)) }
        }
        return order
    }

    /// Sorts each person's words in place (insertion sort: a person has few rows).
    func sortEachPerson(_ words: inout [UInt64]) {
        words.withUnsafeMutableBufferPointer { w in
            for p in 0..<(offsets.count - 1) {
                let lo = Int(offsets[p]), hi = Int(offsets[p + 1])
                guard hi - lo > 1 else { continue }
                for i in (lo + 1)..<hi {
                    let v = w[i]
                    var j = i - 1
                    while j >= lo, w[j] > v {
                        w[j + 1] = w[j]
                        j -= 1
                    }
                    w[j + 1] = v
                }
            }
        }
    }

    /// A column of the kept rows, placed by person and then put in the order `sortedOrder` gave.
    func column<T>(_ order: [Int32], _ value: (Int) -> T) -> [T] {
        let placed = place(value)
        return order.map { placed[Int($0)] }
    }

    /// A column of the kept rows in person order, as placed.
    func place<T>(_ value: (Int) -> T) -> [T] {
        let count = Int(offsets[offsets.count - 1])
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            for r in 0..<place.count where place[r] >= 0 {
                (buffer.baseAddress! + Int(place[r])).initialize(to: value(r))
            }
            initialized = count
        }
    }
}
private struct SpellPart {
    var offsets: [Int32], start: [Int32], end: [Int32], step: [Int8], municipality: [Int32]
}

private struct AdmissionPart {
    var offsets: [Int32], start: [Int32], end: [Int32]
}

private struct MeasurementPart {
    var offsets: [Int32], day: [Int32], score: [Int8], instrument: [Instrument], municipality: [Int32]
}

/// The index's parts while they are built: each property is written by
/// exactly one iteration of `concurrentPerform` and read after it returns.
private final class IndexParts: @unchecked Sendable {
    var spells: SpellPart?
    var admissions: AdmissionPart?
    var measurements: MeasurementPart?
    var employment: [UInt8]?
}
