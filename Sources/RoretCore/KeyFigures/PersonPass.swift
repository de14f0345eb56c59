/// The engine's single pass over persons: for each person with target-group
/// staircase spells, derives steps, areas, exits, stays and latest
/// measurements, and adds the person's contributions to a `Tally`. Scratch
/// buffers are reused across persons, so the pass allocates nothing per person.
struct PersonPass {
    let index: PersonIndex
    let yearCount: Int
    let national: Int
    let options: KeyFigureOptions
    /// Day number of 1 January of each period year, plus 1 January after the period.
    let yearStarts: [Int32]

    private var keys: [Int] = []
    private var seen: [Int] = []
    private var yearEndStep: [Int] = []
    /// Per period year, the bit set of steps the person is a recipient on anywhere.
    private var nationalSteps: [UInt8] = []
    private var yearEndArea: [Int] = []
    private var measuredKeys: [Int] = []
    private var latest: [(key: Int, day: Int32, score: Int)] = []
    /// Per instrument: the person's baseline (earliest complete measurement
    /// anywhere; ties: the higher score), or nil.
    private var baselines: [(day: Int32, score: Int)?] = Array(repeating: nil, count: Instrument.allCases.count)
    /// Per (instrument, year index): `ScoreChange.rawValue` of the person's change in that year, or -1.
    private var yearChange: [Int8] = []
    private var yearLatestDay: [Int32] = []
    private var yearLatestScore: [Int] = []

    init(index: PersonIndex, data: RegisterData, options: KeyFigureOptions) {
        self.index = index
        self.yearCount = data.yearCount
        self.national = data.municipalities.count
        self.options = options
        yearStarts = (data.firstYear...(data.lastYear + 1)).map { Day.yearStart($0).rawValue }
        yearEndStep = Array(repeating: 0, count: yearCount)
        nationalSteps = Array(repeating: 0, count: yearCount)
        yearEndArea = Array(repeating: -1, count: yearCount)
        yearChange = Array(repeating: -1, count: Instrument.allCases.count * yearCount)
        yearLatestDay = Array(repeating: .min, count: yearCount)
        yearLatestScore = Array(repeating: 0, count: yearCount)
    }

    /// Index of the period year containing `day`: -1 before the period, `yearCount` after.
    @inline(__always)
    func yearIndex(_ day: Int32) -> Int {
        if day < yearStarts[0] { return -1 }
        var yi = 0
        while yi < yearCount, day >= yearStarts[yi + 1] { yi += 1 }
        return yi
    }

    /// Step and area of the person on `day` (spells in `lo..<hi`): the highest
    /// active step; its area from the spell with the latest start, then the lowest code.
    @inline(__always)
    func stepAndArea(on day: Int32, _ lo: Int, _ hi: Int) -> (step: Int, area: Int) {
        var step = 0, area = -1
        var start: Int32 = .min
        for i in lo..<hi {
            let s = index.spellStart[i]
            if s > day { break }
            guard index.spellEnd[i] >= day else { continue }
            let k = Int(index.spellStep[i]), m = Int(index.spellMunicipality[i])
            if k > step || (k == step && (s > start || (s == start && m < area))) {
                step = k
                area = m
                start = s
            }
        }
        return (step, area)
    }

    /// Adds the contributions of the persons in `persons` to `tally`.
    mutating func run(_ persons: Range<Int>, into tally: inout Tally) {
        for p in persons {
            let lo = Int(index.spellOffsets[p]), hi = Int(index.spellOffsets[p + 1])
            guard hi > lo else { continue }
            person(p, lo, hi, &tally)
        }
    }

    private mutating func person(_ p: Int, _ lo: Int, _ hi: Int, _ tally: inout Tally) {
        let recipientYears = recipients(lo, hi, &tally)
        let admittedYears = admissions(p, recipientYears: recipientYears, &tally)
        for yi in 0..<yearCount where admittedYears & (1 << yi) != 0 {
            recipientAreas(year: yi) { tally.add(Slot.admitted, area: $0, year: yi) }
        }
        newRecipients(lo, hi, &tally)
        exits(lo, hi, &tally)
        baselinesAndChangesByYear(p)
        yearEnds(p, lo, hi, &tally)
        measurements(p, targetYears: recipientYears, &tally)
    }

    /// NT01 and NT02 numerators. Leaves the person's distinct (area, year,
    /// step) keys in `keys`, and after them the (area, year, `anyStep`)
    /// keys (national included), and returns the bit set of period years in
    /// which the person is a target-group recipient. Only (municipality,
    /// year, step) keys are sorted; "any step" and the country follow from
    /// them (sorting all four kinds took a tenth of the compute).
    private mutating func recipients(_ lo: Int, _ hi: Int, _ tally: inout Tally) -> UInt64 {
        keys.removeAll(keepingCapacity: true)
        for i in lo..<hi {
            let from = max(0, yearIndex(index.spellStart[i]))
            let to = min(yearCount - 1, yearIndex(index.spellEnd[i]))
            guard from <= to else { continue }
            let m = Int(index.spellMunicipality[i]), step = Int(index.spellStep[i])
            for yi in from...to { keys.append(recipientKey(area: m, year: yi, step: step)) }
        }
        sortUnique(&keys)
        for yi in 0..<yearCount { nationalSteps[yi] = 0 }
        var previousCell = -1
        for k in 0..<keys.count {
            let key = keys[k]
            let (area, yi, step) = decode(key)
            tally.add(Slot.recipients(step: step), area: area, year: yi)
            nationalSteps[yi] |= 1 << step
            if key >> 3 != previousCell {
                previousCell = key >> 3
                tally.add(Slot.recipientsAny, area: area, year: yi)
                keys.append(recipientKey(area: area, year: yi, step: PersonPass.anyStep))
            }
        }
        var years: UInt64 = 0
        for yi in 0..<yearCount where nationalSteps[yi] != 0 {
            for step in 0..<PersonPass.anyStep where nationalSteps[yi] & (1 << step) != 0 {
                tally.add(Slot.recipients(step: step), area: national, year: yi)
            }
            tally.add(Slot.recipientsAny, area: national, year: yi)
            keys.append(recipientKey(area: national, year: yi, step: PersonPass.anyStep))
            years |= 1 << yi
        }
        return years
    }

    /// The step value of a recipient key that stands for "any step" (NT02).
    private static let anyStep = 7

    /// A recipient key: (area, year index, step) packed in one sortable Int.
    @inline(__always)
    private func recipientKey(area: Int, year yi: Int, step: Int) -> Int { (area * yearCount + yi) << 3 | step }

    @inline(__always)
    private func decode(_ key: Int) -> (area: Int, year: Int, step: Int) {
        ((key >> 3) / yearCount, (key >> 3) % yearCount, key & 7)
    }

    /// Areas in which the person is an NT02 recipient in year `yi` (from `keys`).
    private func recipientAreas(year yi: Int, _ body: (Int) -> Void) {
        for key in keys {
            let (area, year, step) = decode(key)
            if step == PersonPass.anyStep, year == yi { body(area) }
        }
    }

    /// NT12's admitted years, and NT13: stays of the person, counted in each
    /// area where the person is an NT02 recipient in the year the stay ends.
    private mutating func admissions(_ p: Int, recipientYears: UInt64, _ tally: inout Tally) -> UInt64 {
        let lo = Int(index.admissionOffsets[p]), hi = Int(index.admissionOffsets[p + 1])
        guard hi > lo else { return 0 }
        var admitted: UInt64 = 0
        var stayEnd: Int32? = nil
        for i in lo..<hi {
            let start = index.admissionStart[i], end = index.admissionEnd[i]
            let yi = yearIndex(start)
            if yi >= 0, yi < yearCount { admitted |= 1 << yi }
            if let current = stayEnd, start <= current {
                stayEnd = max(current, end)
            } else {
                if let current = stayEnd { closeStay(end: current, nextStart: start, recipientYears, &tally) }
                stayEnd = end
            }
        }
        if let current = stayEnd { closeStay(end: current, nextStart: nil, recipientYears, &tally) }
        return admitted
    }

    private func closeStay(end: Int32, nextStart: Int32?, _ recipientYears: UInt64, _ tally: inout Tally) {
        guard end != Day.openEnd.rawValue else { return }
        let yi = yearIndex(end)
        guard yi >= 0, yi < yearCount, recipientYears & (1 << yi) != 0 else { return }
        let readmitted = nextStart.map { $0 - end <= 30 } ?? false
        recipientAreas(year: yi) { area in
            tally.add(Slot.stayDenominator, area: area, year: yi)
            if readmitted { tally.add(Slot.stayReadmitted, area: area, year: yi) }
        }
    }

    /// NT04: spells starting in y with no staircase spell of the person active
    /// in the 365 days before their start.
    private mutating func newRecipients(_ lo: Int, _ hi: Int, _ tally: inout Tally) {
        seen.removeAll(keepingCapacity: true)
        for i in lo..<hi {
            let start = index.spellStart[i]
            let yi = yearIndex(start)
            guard yi >= 0, yi < yearCount else { continue }
            let windowStart = start - 365
            var isNew = true
            for j in lo..<hi where j != i {
                if index.spellStart[j] >= start { break }
                if index.spellEnd[j] >= windowStart { isNew = false; break }
            }
            guard isNew else { continue }
            seen.append(Int(index.spellMunicipality[i]) * yearCount + yi)
            seen.append(national * yearCount + yi)
        }
        sortUnique(&seen)
        for cell in seen { tally.add(Slot.newRecipients, area: cell / yearCount, year: cell % yearCount) }
    }

    /// NT08: exits (the day after a maximal run of staircase days) in y−1,
    /// attributed to the area on the last day before the exit; the person's
    /// first such exit per area decides whether they returned within 365 days.
    private mutating func exits(_ lo: Int, _ hi: Int, _ tally: inout Tally) {
        seen.removeAll(keepingCapacity: true)
        var blockEnd = index.spellEnd[lo]
        var i = lo + 1
        while true {
            // Extend the block with every spell that starts on or before the day after its end.
            while i < hi, blockEnd == Day.openEnd.rawValue || index.spellStart[i] <= blockEnd + 1 {
                blockEnd = max(blockEnd, index.spellEnd[i])
                i += 1
            }
            guard blockEnd != Day.openEnd.rawValue else { return }
            let exit = blockEnd + 1
            let reportYear = yearIndex(exit) + 1
            if reportYear >= 1, reportYear < yearCount {
                let returned = i < hi && index.spellStart[i] <= exit + 364
                let area = stepAndArea(on: blockEnd, lo, hi).area
                for a in [area, national] where !seen.contains(a * yearCount + reportYear) {
                    seen.append(a * yearCount + reportYear)
                    tally.add(Slot.returnDenominator, area: a, year: reportYear)
                    if returned { tally.add(Slot.returnNumerator, area: a, year: reportYear) }
                }
            }
            guard i < hi else { return }
            blockEnd = index.spellEnd[i]
            i += 1
        }
    }

    /// Figures on the step at year end: NT03, NT05, NT06, NT07, NT09–NT11, Q01.
    private mutating func yearEnds(_ p: Int, _ lo: Int, _ hi: Int, _ tally: inout Tally) {
        for yi in 0..<yearCount {
            let (step, area) = stepAndArea(on: yearStarts[yi + 1] - 1, lo, hi)
            yearEndStep[yi] = step
            yearEndArea[yi] = area
        }
        measuredCells(p)
        let employment = index.employment
        let base = p * yearCount
        for yi in 0..<yearCount {
            let step = yearEndStep[yi]
            let status = employment[base + yi]
            let success = PersonIndex.isSuccess(status)
            if step >= 1 {
                let area = yearEndArea[yi]
                let disability = status == EmploymentStatus.disabilityPension.rawValue
                func active(_ a: Int, measured: Bool) {
                    tally.add(Slot.yearEndActive, area: a, year: yi)
                    tally.add(Slot.yearEndOnStep(step), area: a, year: yi)
                    if step <= 2 { tally.add(Slot.yearEndLowSteps, area: a, year: yi) }
                    if success { tally.add(Slot.inSuccess, area: a, year: yi) }
                    if disability { tally.add(Slot.onDisabilityPension, area: a, year: yi) }
                    if measured { tally.add(Slot.measured, area: a, year: yi) }
                }
                active(area, measured: measuredKeys.contains(area * yearCount + yi))
                active(national, measured: measuredKeys.contains(national * yearCount + yi))
                if step == 2 && !disability {
                    tally.add(Slot.stepTwoNotOnDisabilityPension, area: area, year: yi)
                    tally.add(Slot.stepTwoNotOnDisabilityPension, area: national, year: yi)
                }
                if yi >= 1 {
                    let wasActive = yearEndStep[yi - 1] >= 1
                    if !(wasActive && yearEndArea[yi - 1] == area) { tally.add(Slot.inflow(step: step), area: area, year: yi) }
                    if !wasActive { tally.add(Slot.inflow(step: step), area: national, year: yi) }
                }
            }
            if yi >= 1, yearEndStep[yi - 1] >= 1 {
                let before = yearEndStep[yi - 1]
                let statusBefore = employment[base + yi - 1]
                let successBefore = PersonIndex.isSuccess(statusBefore)
                let movement = StepMovement(from: before, to: step)
                func moved(_ a: Int) {
                    if step == 0 { tally.add(Slot.ended, area: a, year: yi) }
                    tally.add(Slot.transition(from: before, to: step), area: a, year: yi)
                    if !successBefore {
                        tally.add(Slot.intoSuccessDenominator, area: a, year: yi)
                        if success { tally.add(Slot.intoSuccessNumerator, area: a, year: yi) }
                    }
                    for instrument in Instrument.allCases {
                        let change = yearChange[Int(instrument.rawValue) * yearCount + yi]
                        guard change >= 0 else { continue }
                        tally.add(Slot.movementChangeMeasured(instrument, movement), area: a, year: yi)
                        tally.add(Slot.movementChange(instrument, movement, ScoreChange(rawValue: Int(change))!), area: a, year: yi)
                    }
                }
                moved(yearEndArea[yi - 1])
                moved(national)
            }
            if yi >= 2, yearEndStep[yi - 2] >= 1 {
                let from = yearEndStep[yi - 2]
                let outcome = step == 0 ? 2 : step < from ? 1 : step == from ? 3 : 0
                func cohort(_ a: Int, _ f: Int) {
                    tally.add(Slot.movementCohort(from: f), area: a, year: yi)
                    tally.add(Slot.movement(from: f, outcome: outcome), area: a, year: yi)
                }
                cohort(yearEndArea[yi - 2], from - 1)
                cohort(yearEndArea[yi - 2], 5)
                cohort(national, from - 1)
                cohort(national, 5)
            }
        }
    }

    /// Fills `measuredKeys` with the (area, year) cells in which the person has
    /// a complete measurement of either instrument (Q01).
    private mutating func measuredCells(_ p: Int) {
        measuredKeys.removeAll(keepingCapacity: true)
        let lo = Int(index.measurementOffsets[p]), hi = Int(index.measurementOffsets[p + 1])
        for i in lo..<hi {
            let yi = yearIndex(index.measurementDay[i])
            guard yi >= 0, yi < yearCount else { continue }
            measuredKeys.append(Int(index.measurementMunicipality[i]) * yearCount + yi)
            measuredKeys.append(national * yearCount + yi)
        }
    }

    /// Fills `baselines` (NT18/NT20's baseline per instrument) and, for
    /// change beside movements, `yearChange`: per instrument and period year
    /// the change category of the person's latest complete measurement dated
    /// in that year (any municipality; ties: the higher score) against the
    /// baseline, when the baseline is at least 90 days earlier.
    private mutating func baselinesAndChangesByYear(_ p: Int) {
        for i in yearChange.indices { yearChange[i] = -1 }
        for i in baselines.indices { baselines[i] = nil }
        let lo = Int(index.measurementOffsets[p]), hi = Int(index.measurementOffsets[p + 1])
        guard hi > lo else { return }
        for instrument in Instrument.allCases {
            for yi in 0..<yearCount { yearLatestDay[yi] = .min }
            var baseline: (day: Int32, score: Int)? = nil
            for i in lo..<hi where index.measurementInstrument[i] == instrument {
                let day = index.measurementDay[i], score = Int(index.measurementScore[i])
                if let b = baseline {
                    if day == b.day, score > b.score { baseline = (day, score) }
                } else {
                    baseline = (day, score)
                }
                let yi = yearIndex(day)
                guard yi >= 0, yi < yearCount else { continue }
                if day > yearLatestDay[yi] || score > yearLatestScore[yi] {
                    yearLatestDay[yi] = day
                    yearLatestScore[yi] = score
                }
            }
            guard let baseline else { continue }
            baselines[Int(instrument.rawValue)] = baseline
            for yi in 0..<yearCount where yearLatestDay[yi] != .min && baseline.day <= yearLatestDay[yi] - 90 {
                let change = ScoreChange(difference: yearLatestScore[yi] - baseline.score, threshold: options.changeThreshold(instrument))
                yearChange[Int(instrument.rawValue) * yearCount + yi] = Int8(change.rawValue)
            }
        }
    }

    /// NT16–NT20 for a target-group person: per (area, year) the latest
    /// complete measurement (ties: higher score), compared with the baseline
    /// in `baselines`.
    private mutating func measurements(_ p: Int, targetYears: UInt64, _ tally: inout Tally) {
        let lo = Int(index.measurementOffsets[p]), hi = Int(index.measurementOffsets[p + 1])
        guard hi > lo else { return }
        for instrument in Instrument.allCases {
            guard let baseline = baselines[Int(instrument.rawValue)] else { continue }
            latest.removeAll(keepingCapacity: true)
            for i in lo..<hi where index.measurementInstrument[i] == instrument {
                let day = index.measurementDay[i], score = Int(index.measurementScore[i])
                let yi = yearIndex(day)
                guard yi >= 0, yi < yearCount, targetYears & (1 << yi) != 0 else { continue }
                keepLatest(Int(index.measurementMunicipality[i]) * yearCount + yi, day, score)
                keepLatest(national * yearCount + yi, day, score)
            }
            let threshold = options.changeThreshold(instrument)
            for entry in latest {
                let area = entry.key / yearCount, yi = entry.key % yearCount
                tally.add(Slot.scoredPersons(instrument), area: area, year: yi)
                tally.add(Slot.scoreSum(instrument), area: area, year: yi, entry.score)
                if instrument == .who5 { tally.add(Slot.band(WHO5Band(score: entry.score)), area: area, year: yi) }
                if baseline.day <= entry.day - 90 {
                    let change = ScoreChange(difference: entry.score - baseline.score, threshold: threshold)
                    tally.add(Slot.changeDenominator(instrument), area: area, year: yi)
                    tally.add(Slot.change(instrument, change), area: area, year: yi)
                }
            }
        }
    }

    /// Keeps the latest measurement per cell; measurements arrive in date
    /// order, so a later one replaces, and on the same day the higher score wins.
    private mutating func keepLatest(_ key: Int, _ day: Int32, _ score: Int) {
        if let at = latest.firstIndex(where: { $0.key == key }) {
            if day > latest[at].day || score > latest[at].score { latest[at] = (key, day, score) }
        } else {
            latest.append((key, day, score))
        }
    }

    private func sortUnique(_ values: inout [Int]) {
        guard values.count > 1 else { return }
        values.sort()
        var w = 1
        for r in 1..<values.count where values[r] != values[w - 1] {
            values[w] = values[r]
            w += 1
        }
        values.removeLast(values.count - w)
    }
}
