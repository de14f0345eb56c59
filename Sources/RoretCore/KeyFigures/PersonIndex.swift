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
        var keep: [Int32] = []
        keep.reserveCapacity(iv.count)
        for i in 0..<iv.count where options.targetGroup.contains(iv.reason[i]) && staircase.step(of: iv.paragraph[i]) > 0 {
            keep.append(Int32(i))
        }
        let grouped = groupByPerson(keep, personCount: data.personIDs.count, person: { iv.person[Int($0)] }, day: { iv.start[Int($0)].rawValue })
        return SpellPart(
            offsets: grouped.offsets,
            start: grouped.order.map { iv.start[Int($0)].rawValue },
            end: grouped.order.map { iv.end[Int($0)].rawValue },
            step: grouped.order.map { Int8(staircase.step(of: iv.paragraph[Int($0)])) },
            municipality: grouped.order.map { iv.municipality[Int($0)] }
        )
    }

    /// Admissions grouped by person, sorted by admission date.
    private static func admissionPart(_ data: RegisterData) -> AdmissionPart {
        let personCount = data.personIDs.count
        guard let ad = data.admissions else {
            return AdmissionPart(offsets: Array(repeating: 0, count: personCount + 1), start: [], end: [])
        }
        let grouped = groupByPerson(Array(0..<Int32(ad.count)), personCount: personCount, person: { ad.person[Int($0)] }, day: { ad.admission[Int($0)].rawValue })
        return AdmissionPart(
            offsets: grouped.offsets,
            start: grouped.order.map { ad.admission[Int($0)].rawValue },
            end: grouped.order.map { ad.discharge[Int($0)].rawValue }
        )
    }

    /// Complete measurements with their scores, grouped by person, sorted by date.
    private static func measurementPart(_ data: RegisterData) -> MeasurementPart {
        let personCount = data.personIDs.count
        guard let ms = data.measurements else {
            return MeasurementPart(offsets: Array(repeating: 0, count: personCount + 1), day: [], score: [], instrument: [], municipality: [])
        }
        var complete: [Int32] = []
        var scores = Array(repeating: Int8(-1), count: ms.count)
        for row in 0..<ms.count {
            if let s = ms.score(row: row) {
                complete.append(Int32(row))
                scores[row] = Int8(s)
            }
        }
        let grouped = groupByPerson(complete, personCount: personCount, person: { ms.person[Int($0)] }, day: { ms.date[Int($0)].rawValue })
        return MeasurementPart(
            offsets: grouped.offsets,
            day: grouped.order.map { ms.date[Int($0)].rawValue },
            score: grouped.order.map { scores[Int($0)] },
            instrument: grouped.order.map { ms.instrument[Int($0)] },
            municipality: grouped.order.map { ms.municipality[Int($0)] }
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
