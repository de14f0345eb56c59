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

    init(_ data: RegisterData, options: KeyFigureOptions) {
        personCount = data.personIDs.count
        yearCount = data.yearCount
        let staircase = Staircase.standard

        // Spells: keep target-group staircase spells, group by person, sort by start.
        let iv = data.interventions
        var keep: [Int32] = []
        keep.reserveCapacity(iv.count)
        for i in 0..<iv.count where options.targetGroup.contains(iv.reason[i]) && staircase.step(of: iv.paragraph[i]) > 0 {
            keep.append(Int32(i))
        }
        let spellOrder = PersonIndex.groupByPerson(keep, personCount: personCount, person: { iv.person[Int($0)] }, day: { iv.start[Int($0)].rawValue })
        spellOffsets = spellOrder.offsets
        spellStart = spellOrder.order.map { iv.start[Int($0)].rawValue }
        spellEnd = spellOrder.order.map { iv.end[Int($0)].rawValue }
        spellStep = spellOrder.order.map { Int8(staircase.step(of: iv.paragraph[Int($0)])) }
        spellMunicipality = spellOrder.order.map { iv.municipality[Int($0)] }

        if let ad = data.admissions {
            let order = PersonIndex.groupByPerson(Array(0..<Int32(ad.count)), personCount: personCount, person: { ad.person[Int($0)] }, day: { ad.admission[Int($0)].rawValue })
            admissionOffsets = order.offsets
            admissionStart = order.order.map { ad.admission[Int($0)].rawValue }
            admissionEnd = order.order.map { ad.discharge[Int($0)].rawValue }
        } else {
            admissionOffsets = Array(repeating: 0, count: personCount + 1)
            admissionStart = []
            admissionEnd = []
        }

        if let ms = data.measurements {
            var complete: [Int32] = []
            var scores = Array(repeating: Int8(-1), count: ms.count)
            for row in 0..<ms.count {
                if let s = ms.score(row: row) {
                    complete.append(Int32(row))
                    scores[row] = Int8(s)
                }
            }
            let order = PersonIndex.groupByPerson(complete, personCount: personCount, person: { ms.person[Int($0)] }, day: { ms.date[Int($0)].rawValue })
            measurementOffsets = order.offsets
            measurementDay = order.order.map { ms.date[Int($0)].rawValue }
            measurementScore = order.order.map { scores[Int($0)] }
            measurementInstrument = order.order.map { ms.instrument[Int($0)] }
            measurementMunicipality = order.order.map { ms.municipality[Int($0)] }
        } else {
            measurementOffsets = Array(repeating: 0, count: personCount + 1)
            measurementDay = []
            measurementScore = []
            measurementInstrument = []
            measurementMunicipality = []
        }

        employment = Array(repeating: PersonIndex.noStatus, count: personCount * yearCount)
        if let em = data.employment {
            for i in 0..<em.count {
                let yi = Int(em.year[i]) - data.firstYear
                guard yi >= 0, yi < yearCount else { continue }
                employment[Int(em.person[i]) * yearCount + yi] = em.status[i].rawValue
            }
        }
    }

    /// Stable counting sort of `rows` by person, then insertion sort of each
    /// person's (few) rows by day.
    private static func groupByPerson(
        _ rows: [Int32], personCount: Int, person: (Int32) -> Int32, day: (Int32) -> Int32
    ) -> (offsets: [Int32], order: [Int32]) {
        var offsets = Array(repeating: Int32(0), count: personCount + 1)
        for r in rows { offsets[Int(person(r)) + 1] += 1 }
        for p in 0..<personCount { offsets[p + 1] += offsets[p] }
        var cursor = offsets
        var order = Array(repeating: Int32(0), count: rows.count)
        for r in rows {
            let p = Int(person(r))
            order[Int(cursor[p])] = r
            cursor[p] += 1
        }
        for p in 0..<personCount {
            let lo = Int(offsets[p]), hi = Int(offsets[p + 1])
            guard hi - lo > 1 else { continue }
            for i in (lo + 1)..<hi {
                let r = order[i]
                let d = day(r)
                var j = i - 1
                while j >= lo, day(order[j]) > d {
                    order[j + 1] = order[j]
                    j -= 1
                }
                order[j + 1] = r
            }
        }
        return (offsets, order)
    }
}
