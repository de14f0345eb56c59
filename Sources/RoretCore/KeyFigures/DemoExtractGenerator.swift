/// How large a generated demo extract is (*demoudtræk*).
public enum DemoScale: String, CaseIterable, Sendable {
    /// Three municipalities around Roskilde, about 1,500 persons.
    case small
    /// Fifteen municipalities, about 12,000 persons.
    case medium
    /// All 98 municipalities, about 98,000 persons.
    case national
}

/// A small, fast, platform-independent pseudo-random generator (SplitMix64),
/// so the same seed gives the same extract everywhere.
public struct SplitMix64: Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// True with probability p.
    mutating func chance(_ p: Double) -> Bool { unit() < p }
    /// Uniform in the range.
    public mutating func inRange(_ r: ClosedRange<Int>) -> Int { r.lowerBound + below(r.count) }
}

/// Generates deterministic synthetic register extracts for the demo, tests and
/// benchmarks: persons moving up and down the staircase with exits and
/// returns, concurrent and cross-municipality spells, off-staircase paragraphs
/// and other reasons, employment, admissions with readmissions and transfers,
/// expenditure, and both instruments with some incomplete answers.
public struct DemoExtractGenerator {
    public let scale: DemoScale
    public let seed: UInt64
    /// The extract's period.
    public let years = 2017...2024

    public init(scale: DemoScale, seed: UInt64) {
        self.scale = scale
        self.seed = seed
    }

    private var municipalities: [(code: String, name: String, adults: Int)] {
        switch scale {
        case .small: DemoMunicipalities.all.filter { ["265", "253", "350"].contains($0.code) }
        case .medium: Array(DemoMunicipalities.all.filter { $0.code.hasPrefix("2") || $0.code.hasPrefix("3") }.prefix(15))
        case .national: DemoMunicipalities.all
        }
    }

    private var personCount: Int {
        switch scale {
        case .small: 1_500
        case .medium: 12_000
        case .national: 98_000
        }
    }

    /// How often persons have rows in the optional files. The national scale
    /// matches the row counts of a real national extract (issue 16: 345k
    /// spells, 611k employment rows, 257k admissions, 828k measurements).
    private struct Shares {
        var employmentGap = 0.04
        var admitted = 0.35
        var readmission = 0.6
        var measured = 0.6
    }

    private var shares: Shares {
        scale == .national ? Shares(employmentGap: 0.3, admitted: 0.75, readmission: 0.8, measured: 0.78) : Shares()
    }

    public func generate() -> RegisterData {
        var rng = SplitMix64(seed: seed &* 0x2545_F491_4F6C_DD1D &+ UInt64(DemoScale.allCases.firstIndex(of: scale)! + 1))
        let munis = municipalities
        var b = RegisterDataBuilder(municipalities: munis.map { Municipality(code: $0.code, name: $0.name) }, years: years)
        for m in munis {
            var adults = m.adults
            for year in years {
                b.setAdults(adults, municipality: m.code, year: year)
                adults += adults * (rng.inRange(-5...12)) / 1000
            }
        }
        let totalAdults = munis.reduce(0) { $0 + $1.adults }
        var cumulative: [Int] = []
        var running = 0
        for m in munis { running += m.adults; cumulative.append(running) }
        func pickMunicipality(_ rng: inout SplitMix64) -> Int {
            let r = rng.below(totalAdults)
            return cumulative.firstIndex { r < $0 }!
        }
        var spellCounts: [Int: Int] = [:]
        b.declareEmployment()
        b.declareAdmissions()
        b.declareMeasurements()
        let periodEnd = Day.yearEnd(years.upperBound)
        let shares = shares
        for n in 0..<personCount {
            let id = "p" + String(n &* 7919 &+ Int(seed % 1000) &* 104_729, radix: 36)
            var home = pickMunicipality(&rng)
            let reason: Reason = rng.chance(0.84) ? .sindslidelse : rng.chance(0.65) ? .kognitivtHandicap : .andet
            var day = Day.yearStart(2012).adding(days: rng.below(365 * 13))
            var step = [1, 1, 1, 2, 2, 2, 2, 3, 4, 5][rng.below(10)]
            var spells: [(start: Day, end: Day?, step: Int, muni: Int)] = []
            while day <= periodEnd {
                let length: Int
                switch step {
                case 1: length = rng.inRange(60...420)
                case 2: length = rng.inRange(180...1100)
                case 3: length = rng.inRange(120...700)
                case 4: length = rng.inRange(365...1800)
                default: length = rng.inRange(700...3000)
                }
                let end = day.adding(days: length)
                let open = end > periodEnd && rng.chance(0.8)
                spells.append((day, open ? nil : end, step, home))
                if rng.chance(0.12), step >= 2 {
                    // A concurrent § 82 spell alongside.
                    let s = day.adding(days: rng.below(60))
                    spells.append((s, s.adding(days: rng.inRange(30...300)), 1, home))
                }
                if open || end > periodEnd { break }
                if rng.chance(0.04) { home = pickMunicipality(&rng) }
                let r = rng.unit()
                if r < 0.30 {
                    // Ends cooperation; some return.
                    if rng.chance(0.55) { break }
                    day = end.adding(days: rng.inRange(2...900))
                    step = rng.chance(0.7) ? 1 : 2
                } else {
                    day = end.adding(days: rng.chance(0.7) ? 1 : rng.inRange(0...40))
                    if r < 0.60 { step = max(1, step - 1) } else if r >= 0.85 { step = min(5, step + 1) }
                }
            }
            for s in spells {
                let paragraph: Paragraph
                switch s.step {
                case 1: paragraph = [.p82a, .p82b, .p82c, .p82d][rng.below(4)]
                case 2: paragraph = .p85
                case 3: paragraph = .p107
                case 4: paragraph = .p105
                default: paragraph = .p108
                }
                b.addIntervention(person: id, municipality: munis[s.muni].code, paragraph: paragraph, start: s.start, end: s.end, reason: reason)
                let from = max(s.start.year, years.lowerBound), to = min((s.end ?? periodEnd).year, years.upperBound)
                if from <= to {
                    for year in from...to { spellCounts[Self.countKey(s.muni, year, paragraph), default: 0] += 1 }
                }
            }
            if rng.chance(0.08), let first = spells.first {
                // An off-staircase paragraph alongside.
                let paragraph: Paragraph = [.p99, .p103, .p104, .p110][rng.below(4)]
                b.addIntervention(person: id, municipality: munis[first.muni].code, paragraph: paragraph, start: first.start, end: first.start.adding(days: rng.inRange(90...900)), reason: reason)
            }
            guard let firstSpell = spells.first else { continue }
            // Employment in week 48, persistent over years.
            var status: EmploymentStatus = [.employed, .flexjob, .education, .unemployed, .disabilityPension, .otherBenefit, .other, .disabilityPension][rng.below(8)]
            for year in (years.lowerBound - 1)...years.upperBound where !rng.chance(shares.employmentGap) {
                if rng.chance(0.2) { status = [.employed, .flexjob, .education, .parentalLeave, .unemployed, .otherBenefit, .other][rng.below(7)] }
                b.addEmployment(person: id, year: year, status: status)
            }
            // Admissions, with readmissions, transfers and open stays.
            if rng.chance(shares.admitted) {
                var a = firstSpell.start.adding(days: rng.inRange(-400...600))
                while a <= periodEnd {
                    let stay = rng.inRange(1...60)
                    let discharge = a.adding(days: stay)
                    let open = discharge > periodEnd
                    b.addAdmission(person: id, admission: a, discharge: open ? nil : discharge)
                    if open { break }
                    let r = rng.unit()
                    if r < 0.08 { a = discharge } else if r < 0.3 { a = discharge.adding(days: rng.inRange(1...45)) } else if r < shares.readmission { a = discharge.adding(days: rng.inRange(46...900)) } else { break }
                }
            }
            // Measurements every ~6 months while on the staircase, from 2019.
            if reason != .andet, rng.chance(shares.measured) {
                var who5 = rng.inRange(4...18), inspire = rng.inRange(6...16)
                var d = max(firstSpell.start, Day.yearStart(2019)).adding(days: rng.below(90))
                let last = spells.map { $0.end ?? periodEnd }.max()!
                while d <= min(last, periodEnd) {
                    who5 = min(25, max(0, who5 + rng.inRange(-3...4)))
                    inspire = min(20, max(0, inspire + rng.inRange(-2...3)))
                    let muni = munis[spells.last { $0.start <= d }?.muni ?? firstSpell.muni].code
                    for (instrument, total) in [(Instrument.who5, who5), (.briefInspireO, inspire)] {
                        var items = DemoExtractGenerator.split(total, max: instrument.maxItemValue, &rng)
                        if rng.chance(0.03) { items[rng.below(5)] = nil }
                        b.addMeasurement(person: id, municipality: muni, instrument: instrument, date: d, items: items)
                    }
                    d = d.adding(days: rng.inRange(150...220))
                }
            }
        }
        b.declareExpenditures()
        let unitCost: [Paragraph: Int] = [.p82a: 14_000, .p82b: 14_000, .p82c: 16_000, .p82d: 12_000, .p85: 95_000, .p107: 460_000, .p105: 310_000, .p108: 640_000, .p99: 45_000, .p103: 120_000, .p104: 85_000, .p110: 300_000]
        for (i, m) in munis.enumerated() {
            for year in years {
                for paragraph in Paragraph.allCases {
                    let n = spellCounts[Self.countKey(i, year, paragraph), default: 0]
                    guard n > 0 || rng.chance(0.3) else { continue }
                    let base = Int64(max(n, 1) * unitCost[paragraph]!) * 100
                    let ore = base + base * Int64(rng.inRange(-150...150)) / 1000 + Int64(rng.below(100))
                    b.addExpenditure(municipality: m.code, year: year, paragraph: paragraph, amount: Amount(ore: ore))
                }
            }
        }
        return b.build()
    }

    private static func countKey(_ muni: Int, _ year: Int, _ p: Paragraph) -> Int { (muni * 10_000 + year) * 16 + Int(p.rawValue) }

    /// Splits a raw sum into five item answers of at most `max` each.
    private static func split(_ total: Int, max: Int, _ rng: inout SplitMix64) -> [Int?] {
        var items = Array(repeating: 0, count: 5)
        var left = Swift.min(total, max * 5)
        while left > 0 {
            let i = rng.below(5)
            if items[i] < max { items[i] += 1; left -= 1 }
        }
        return items
    }
}
