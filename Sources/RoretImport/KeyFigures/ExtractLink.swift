import RoretCore

/// The parts one file was read in, in file order, each with the number of
/// lines before it.
struct FileParts<Stage: TableStage> {
    var parts: [(stage: Stage, lineOffset: Int)] = []
    /// Whether the header was read (nil: the file is missing or unreadable).
    var readable = false
    var records: Int { parts.reduce(0) { $0 + $1.stage.records } }
}

/// The second step of reading an extract: what spans rows and files. Codes
/// against municipalities.csv, the period from population.csv, duplicates,
/// person ids across files; then the `RegisterData`. Runs on one core over
/// values already parsed (tens of milliseconds for the national extract).
struct ExtractLink {
    let log: ProblemLog
    var municipalities = FileParts<MunicipalityStage>()
    var population = FileParts<PopulationStage>()
    var interventions = FileParts<InterventionStage>()
    var employment = FileParts<EmploymentStage>()
    var admissions = FileParts<AdmissionStage>()
    var expenditures = FileParts<ExpenditureStage>()
    var measurements = FileParts<MeasurementStage>()
    var present: Set<String> = []

    /// Municipality index by code number; -1 when unknown.
    private var municipalityByNumber = [Int32](repeating: -1, count: 1000)
    private var municipalityList: [Municipality] = []

    init(log: ProblemLog) { self.log = log }

    mutating func build() -> ExtractReadResult {
        let known = linkMunicipalities()
        let years = linkPopulation(known: known)
        var builder = RegisterDataBuilder(municipalities: municipalityList, years: years ?? 2000...2000)
        for (i, m) in municipalityList.enumerated() {
            precondition(builder.municipality(m.code) == Int32(i), "the builder orders municipalities as the link does")
        }
        if let years {
            for part in population.parts {
                for row in part.stage.rows where years.contains(row.year) {
                    let m = municipalityByNumber[Int(row.code)]
                    if m >= 0, let adults = row.adults { builder.setAdults(adults, municipality: municipalityList[Int(m)].code, year: row.year) }
                }
            }
        }
        // Person ids across files, in order of first appearance.
        var global = PersonKeys(expected: 1 << 17)
        func remap(_ keys: PersonKeys) -> [Int32] {
            keys.arena.withUnsafeBufferPointer { a in
                (0..<keys.count).map { i in global.intern(UnsafeBufferPointer(rebasing: a[Int(keys.offsets[i])..<Int(keys.offsets[i + 1])])) }
            }
        }
        let interventionPersons = interventions.parts.map { remap($0.stage.person.keys) }
        let employmentPersons = employment.parts.map { remap($0.stage.person.keys) }
        let admissionPersons = admissions.parts.map { remap($0.stage.person.keys) }
        let measurementPersons = measurements.parts.map { remap($0.stage.person.keys) }
        builder.setPersonIDs(global.strings)

        for (k, part) in interventions.parts.enumerated() {
            let s = part.stage, persons = interventionPersons[k]
            checkReferences(s.references, InterventionStage.file, part.lineOffset, known: known)
            guard let m = municipalities(s.code, s.line, InterventionStage.file, part.lineOffset, known: known) else { continue }
            builder.appendInterventions(person: s.person.index.map { persons[Int($0)] }, municipality: m, paragraph: s.paragraph,
                                        start: s.start, end: s.end, reason: s.reason)
        }
        if present.contains(EmploymentStage.file) { linkEmployment(&builder, employmentPersons, persons: global.count) }
        if present.contains(AdmissionStage.file) {
            builder.declareAdmissions()
            for (k, part) in admissions.parts.enumerated() {
                let s = part.stage, persons = admissionPersons[k]
                builder.appendAdmissions(person: s.person.index.map { persons[Int($0)] }, admission: s.admission, discharge: s.discharge)
            }
        }
        if present.contains(ExpenditureStage.file) { linkExpenditures(&builder, known: known) }
        var incomplete = 0
        if present.contains(MeasurementStage.file) {
            builder.declareMeasurements()
            for (k, part) in measurements.parts.enumerated() {
                let s = part.stage, persons = measurementPersons[k]
                checkReferences(s.references, MeasurementStage.file, part.lineOffset, known: known)
                guard let m = municipalities(s.code, s.line, MeasurementStage.file, part.lineOffset, known: known) else { continue }
                incomplete += s.incomplete.reduce(0) { $0 + ($1 ? 1 : 0) }
                builder.appendMeasurements(person: s.person.index.map { persons[Int($0)] }, municipality: m, instrument: s.instrument, date: s.date, items: s.items)
            }
        }
        guard log.isEmpty, years != nil else { return .invalid(log.problems) }
        var rowsPerFile: [ExtractSummary.FileRows] = []
        func count<S>(_ parts: FileParts<S>) {
            if present.contains(S.file), parts.readable { rowsPerFile.append(.init(file: S.file, rows: parts.records)) }
        }
        count(municipalities); count(population); count(interventions); count(employment)
        count(admissions); count(expenditures); count(measurements)
        return .valid(builder.build(), ExtractSummary(rowsPerFile: rowsPerFile, incompleteMeasurements: incomplete))
    }

    /// Sorts and indexes the municipalities; false when municipalities.csv
    /// could not be read (no code is known, and no reference is reported).
    private mutating func linkMunicipalities() -> Bool {
        let file = MunicipalityStage.file
        var firstLine: [String: Int] = [:]
        for part in municipalities.parts {
            for row in part.stage.rows {
                let line = row.line + part.lineOffset
                if let first = firstLine[row.code] {
                    log.add(file, line, column: "municipality_code", "municipality_code \(row.code) forekommer igen (første gang på linje \(first)); koderne skal være entydige")
                    continue
                }
                firstLine[row.code] = line
                municipalityList.append(Municipality(code: row.code, name: row.name))
            }
        }
        municipalityList.sort(by: Municipality.codeOrder)
        for (i, m) in municipalityList.enumerated() {
            municipalityByNumber[Int(m.code)!] = Int32(i)
        }
        if municipalities.readable, municipalities.records == 0 { log.add(file, nil, "har ingen kommuner") }
        return municipalities.readable
    }

    /// The index of a code, logging it when municipalities.csv does not have it.
    @inline(__always) private func municipality(_ code: Int16, _ file: String, _ line: Int, known: Bool) -> Int32? {
        let m = municipalityByNumber[Int(code)]
        if m >= 0 { return m }
        if known { log.add(file, line, column: "municipality_code", "municipality_code \(Self.codeText(code)) findes ikke i municipalities.csv") }
        return nil
    }

    /// The indices of a part's codes; nil (each unknown one logged) when
    /// municipalities.csv lacks any of them, and the extract is rejected.
    private func municipalities(_ codes: [Int16], _ lines: [Int32], _ file: String, _ lineOffset: Int, known: Bool) -> [Int32]? {
        let indices = codes.map { municipalityByNumber[Int($0)] }
        guard indices.contains(where: { $0 < 0 }) else { return indices }
        for (i, m) in indices.enumerated() where m < 0 {
            _ = municipality(codes[i], file, Int(lines[i]) + lineOffset, known: known)
        }
        return nil
    }

    private func checkReferences(_ references: CodeReferences, _ file: String, _ lineOffset: Int, known: Bool) {
        for (code, line) in zip(references.code, references.line) {
            _ = municipality(code, file, Int(line) + lineOffset, known: known)
        }
    }

    private static func codeText(_ code: Int16) -> String {
        let s = String(code)
        return String(repeating: "0", count: 3 - s.count) + s
    }

    /// The period, or nil (with the reason logged).
    private mutating func linkPopulation(known: Bool) -> ClosedRange<Int>? {
        let file = PopulationStage.file
        guard population.readable else { return nil }
        var firstLine: [Int: Int] = [:]
        var yearsSeen: [Int] = []
        for part in population.parts {
            yearsSeen += part.stage.years
            checkReferences(part.stage.references, file, part.lineOffset, known: known)
            for row in part.stage.rows {
                let line = row.line + part.lineOffset
                guard let m = municipality(row.code, file, line, known: known) else { continue }
                let key = Int(m) << 12 | (row.year - FieldParsing.plausibleYears.lowerBound)
                if let first = firstLine[key] {
                    log.add(file, line, "kommune \(row.text) har en række mere for \(row.year) (første gang på linje \(first))")
                    continue
                }
                firstLine[key] = line
            }
        }
        guard let first = yearsSeen.min(), let last = yearsSeen.max() else {
            log.add(file, nil, "har ingen gyldige rækker, så udtrækkets periode er ukendt")
            return nil
        }
        guard last - first < 64 else {
            log.add(file, nil, "dækker \(first)–\(last); en periode på højst 64 år understøttes")
            return nil
        }
        for (i, m) in municipalityList.enumerated() {
            for year in first...last where firstLine[i << 12 | (year - FieldParsing.plausibleYears.lowerBound)] == nil {
                log.add(file, nil, "kommune \(m.code) har ingen række for \(year) (perioden er \(first)–\(last); hver kommune skal have én række pr. år)")
            }
        }
        return first...last
    }

    private mutating func linkEmployment(_ builder: inout RegisterDataBuilder, _ personMaps: [[Int32]], persons: Int) {
        let file = EmploymentStage.file
        builder.declareEmployment()
        var lowest = Int.max, highest = Int.min
        for part in employment.parts {
            for y in part.stage.year { lowest = min(lowest, Int(y)); highest = max(highest, Int(y)) }
        }
        guard lowest <= highest else { return }
        var firstLines = FirstLines(keys: persons * (highest - lowest + 1))
        for (k, part) in employment.parts.enumerated() {
            let s = part.stage, map = personMaps[k]
            for i in 0..<s.person.index.count {
                let p = map[Int(s.person.index[i])]
                let line = Int(s.line[i]) + part.lineOffset
                let key = Int(p) * (highest - lowest + 1) + Int(s.year[i]) - lowest
                if let first = firstLines.claim(key, line: line) {
                    let id = builder.personID(p)
                    log.add(file, line, "person \(id) har en status mere for \(s.year[i]); højst én række pr. person og år (første gang på linje \(first))")
                    continue
                }
                builder.addEmployment(person: p, year: Int(s.year[i]), status: s.status[i])
            }
        }
    }

    private mutating func linkExpenditures(_ builder: inout RegisterDataBuilder, known: Bool) {
        let file = ExpenditureStage.file
        builder.declareExpenditures()
        var firstLine: [Int: Int] = [:]
        for part in expenditures.parts {
            checkReferences(part.stage.references, file, part.lineOffset, known: known)
            for row in part.stage.rows {
                let line = row.line + part.lineOffset
                guard let m = municipality(row.code, file, line, known: known) else { continue }
                let key = (Int(m) << 12 | (row.year - FieldParsing.plausibleYears.lowerBound)) << 4 | Int(row.paragraph.rawValue)
                if let first = firstLine[key] {
                    log.add(file, line, "kommune \(row.text) har en række mere for \(row.year) og paragraf \(row.paragraph.code) (første gang på linje \(first))")
                    continue
                }
                firstLine[key] = line
                builder.addExpenditure(municipality: m, year: row.year, paragraph: row.paragraph, amount: row.amount)
            }
        }
    }
}

/// The first line of each key seen, for duplicate checks: an array when the
/// keys are few enough (persons × years of the national extract: 0.9
/// million), a dictionary otherwise.
struct FirstLines {
    private var dense: [Int32]
    private var sparse: [Int: Int] = [:]
    private let useDense: Bool

    init(keys: Int) {
        useDense = keys <= 8_000_000
        dense = useDense ? Array(repeating: 0, count: keys) : []
    }

    /// Records `line` for `key`; returns the first line when `key` was seen before.
    mutating func claim(_ key: Int, line: Int) -> Int? {
        if useDense {
            let first = dense[key]
            if first != 0 { return Int(first) }
            dense[key] = Int32(line)
            return nil
        }
        if let first = sparse[key] { return first }
        sparse[key] = line
        return nil
    }
}
