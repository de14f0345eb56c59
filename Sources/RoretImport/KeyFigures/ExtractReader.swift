import RoretCore

/// What a valid extract held, for the one-line summary of `roret validate`.
public struct ExtractSummary: Sendable, Hashable {
    /// Data rows of one file.
    public struct FileRows: Sendable, Hashable {
        public var file: String
        public var rows: Int
    }

    /// Data rows per file present, in the contract's file order.
    public var rowsPerFile: [FileRows]
    /// Measurements with one or more empty items: kept, never scored.
    public var incompleteMeasurements: Int

    /// One line, e.g. `gyldigt: municipalities.csv 3 rækker, population.csv 24 rækker, …`.
    public var line: String {
        let files = rowsPerFile.map { "\($0.file) \($0.rows) række\($0.rows == 1 ? "" : "r")" }.joined(separator: ", ")
        let incomplete = incompleteMeasurements > 0 ? " (\(incompleteMeasurements) ufuldstændig\(incompleteMeasurements == 1 ? "" : "e") måling\(incompleteMeasurements == 1 ? "" : "er"), gemt men aldrig scoret)" : ""
        return "gyldigt: \(files)\(incomplete)"
    }
}

/// The outcome of reading an extract: the data, or every problem found.
public enum ExtractReadResult: Sendable {
    case valid(RegisterData, ExtractSummary)
    case invalid([ExtractProblem])
}

/// Reads and validates a register extract (*registerudtræk*) against
/// shared/spec/register-extract.md. All-or-nothing: either every file is valid
/// and a `RegisterData` comes back, or nothing does and every problem found is
/// reported with file, line and a plain reason.
public enum ExtractReader {
    public static let requiredFiles = ["municipalities.csv", "population.csv", "interventions.csv"]
    public static let optionalFiles = ["employment.csv", "admissions.csv", "expenditures.csv", "measurements.csv"]
    /// Every file an extract may hold, in the contract's order.
    public static var knownFiles: [String] { requiredFiles + optionalFiles }

    /// Validates and reads an extract given as file name → bytes. Names not
    /// ending in `.csv` are ignored; an unknown `.csv` name is a problem (its
    /// data would otherwise be silently lost).
    public static func read(files: [String: [UInt8]]) -> ExtractReadResult {
        let log = ProblemLog()
        for name in files.keys.sorted() where name.lowercased().hasSuffix(".csv") && !knownFiles.contains(name) {
            log.add(name, nil, "er ikke en fil i udtræksformatet; forventet \(knownFiles.joined(separator: ", "))")
        }
        for name in requiredFiles where files[name] == nil {
            log.add(name, nil, "mangler; et udtræk skal have \(requiredFiles.joined(separator: ", "))")
        }
        var counts: [String: Int] = [:]
        let reading = Reading(log: log)
        if let bytes = files["municipalities.csv"] { counts["municipalities.csv"] = reading.municipalities(bytes) }
        if let bytes = files["population.csv"] { counts["population.csv"] = reading.population(bytes) }
        reading.startBuilder()
        if let bytes = files["interventions.csv"] { counts["interventions.csv"] = reading.interventions(bytes) }
        if let bytes = files["employment.csv"] { counts["employment.csv"] = reading.employment(bytes) }
        if let bytes = files["admissions.csv"] { counts["admissions.csv"] = reading.admissions(bytes) }
        if let bytes = files["expenditures.csv"] { counts["expenditures.csv"] = reading.expenditures(bytes) }
        if let bytes = files["measurements.csv"] { counts["measurements.csv"] = reading.measurements(bytes) }
        guard log.isEmpty, reading.years != nil, let data = reading.builder?.build() else {
            return .invalid(log.problems.sorted())
        }
        let summary = ExtractSummary(
            rowsPerFile: knownFiles.compactMap { name in counts[name].map { ExtractSummary.FileRows(file: name, rows: $0) } },
            incompleteMeasurements: reading.incompleteMeasurements
        )
        return .valid(data, summary)
    }
}

private let paragraphCodes = FieldParsing.CodeTable(Paragraph.allCases) { $0.code }
private let reasonCodes = FieldParsing.CodeTable(Reason.allCases) { $0.code }
private let statusCodes = FieldParsing.CodeTable(EmploymentStatus.allCases) { $0.code }
private let instrumentCodes = FieldParsing.CodeTable(Instrument.allCases) { $0.code }

/// The state of one read: municipalities and period, then the builder.
private final class Reading {
    let log: ProblemLog
    /// Municipalities sorted by code, so a position here is the builder's index.
    var municipalities: [Municipality] = []
    var municipalitiesRead = false
    /// Municipality index by three-digit code number; -1 when unknown.
    var municipalityByNumber = [Int32](repeating: -1, count: 1000)
    var populationRows: [(municipality: Int32, year: Int, adults: Int)] = []
    var years: ClosedRange<Int>? = nil
    var builder: RegisterDataBuilder? = nil
    var incompleteMeasurements = 0

    init(log: ProblemLog) { self.log = log }

    /// Unwraps a field result, logging its problem.
    func check<T>(_ result: Result<T, FieldParsing.FieldProblem>, _ file: String, _ line: Int) -> T? {
        switch result {
        case .success(let value): return value
        case .failure(let problem):
            log.add(file, line, column: problem.column, problem.text)
            return nil
        }
    }

    /// The index of a municipality code field, logging why when there is none.
    /// When municipalities.csv could not be read no code is known, and no
    /// reference is reported (that file's own problem is).
    func municipality(_ f: ArraySlice<UInt8>, _ file: String, _ line: Int) -> Int32? {
        guard let n = FieldParsing.codeNumber(f) else {
            _ = check(FieldParsing.municipalityCode(f), file, line)
            return nil
        }
        guard municipalitiesRead else { return nil }
        let index = municipalityByNumber[n]
        if index < 0 {
            log.add(file, line, column: "municipality_code", "municipality_code \(FieldParsing.text(f)) findes ikke i municipalities.csv")
            return nil
        }
        return index
    }

    /// The interned index of a valid person id field.
    func person(_ f: ArraySlice<UInt8>, _ file: String, _ line: Int) -> Int32? {
        guard let id = check(FieldParsing.personID(f), file, line) else { return nil }
        return builder!.person(id)
    }

    /// A key for duplicate checks of (index, year[, small code]).
    func key(_ index: Int32, _ year: Int, _ code: UInt8 = 0) -> Int {
        (Int(index) << 8 | (year - FieldParsing.plausibleYears.lowerBound)) << 4 | Int(code)
    }

    /// Remembers the first line of `key`; logs and returns false for a repeat.
    func firstOccurrence(_ key: Int, _ firstLine: inout [Int: Int], _ file: String, _ line: Int, _ what: @autoclosure () -> String) -> Bool {
        if let first = firstLine.updateValue(line, forKey: key) {
            firstLine[key] = first
            log.add(file, line, "\(what()) (første gang på linje \(first))")
            return false
        }
        return true
    }

    func municipalities(_ bytes: [UInt8]) -> Int? {
        let file = "municipalities.csv"
        var firstLine: [String: Int] = [:]
        let count = readTable(file, columns: ["municipality_code", "name"], bytes: bytes, log: log) { line, f in
            let code = check(FieldParsing.municipalityCode(f[0]), file, line)
            let name = FieldParsing.text(f[1])
            if name.trimmingSpaces.isEmpty { log.add(file, line, column: "name", "name er tom") }
            guard let code else { return }
            if let first = firstLine[code] {
                log.add(file, line, column: "municipality_code", "municipality_code \(code) forekommer igen (første gang på linje \(first)); koderne skal være entydige")
                return
            }
            firstLine[code] = line
            municipalities.append(Municipality(code: code, name: name))
        }
        municipalities.sort(by: Municipality.codeOrder)
        for (i, m) in municipalities.enumerated() {
            municipalityByNumber[FieldParsing.codeNumber(Array(m.code.utf8)[...])!] = Int32(i)
        }
        municipalitiesRead = count != nil
        if count == 0 { log.add(file, nil, "har ingen kommuner") }
        return count
    }

    func population(_ bytes: [UInt8]) -> Int? {
        let file = "population.csv"
        var firstLine: [Int: Int] = [:]
        var yearsSeen: [Int] = []
        let count = readTable(file, columns: ["municipality_code", "year", "adults"], bytes: bytes, log: log) { line, f in
            let municipality = municipality(f[0], file, line)
            let year = check(FieldParsing.year(f[1]), file, line)
            let adults = check(FieldParsing.integer(f[2], column: "adults", in: 1...100_000_000, meaning: "skal være over 0"), file, line)
            if let year { yearsSeen.append(year) }
            guard let m = municipality, let year,
                  firstOccurrence(key(m, year), &firstLine, file, line, "kommune \(FieldParsing.text(f[0])) har en række mere for \(year)")
            else { return }
            if let adults { populationRows.append((m, year, adults)) }
        }
        guard count != nil else { return count }
        guard let first = yearsSeen.min(), let last = yearsSeen.max() else {
            log.add(file, nil, "har ingen gyldige rækker, så udtrækkets periode er ukendt")
            return count
        }
        guard last - first < 64 else {
            log.add(file, nil, "dækker \(first)–\(last); en periode på højst 64 år understøttes")
            return count
        }
        years = first...last
        for (i, m) in municipalities.enumerated() {
            for year in first...last where firstLine[key(Int32(i), year)] == nil {
                log.add(file, nil, "kommune \(m.code) har ingen række for \(year) (perioden er \(first)–\(last); hver kommune skal have én række pr. år)")
            }
        }
        return count
    }

    func startBuilder() {
        // A builder always exists so ids can be interned for duplicate checks;
        // without a valid period it is never built (the log is not empty).
        var b = RegisterDataBuilder(municipalities: municipalities, years: years ?? 2000...2000)
        for (i, m) in municipalities.enumerated() {
            precondition(b.municipality(m.code) == Int32(i), "the builder orders municipalities as the reader does")
        }
        if years != nil {
            for row in populationRows {
                b.setAdults(row.adults, municipality: municipalities[Int(row.municipality)].code, year: row.year)
            }
        }
        builder = b
    }

    func interventions(_ bytes: [UInt8]) -> Int? {
        let file = "interventions.csv"
        let columns = ["person_id", "municipality_code", "paragraph", "start_date", "end_date", "reason"]
        return readTable(file, columns: columns, bytes: bytes, log: log) { line, f in
            let person = person(f[0], file, line)
            let municipality = municipality(f[1], file, line)
            let paragraph = check(FieldParsing.code(f[2], column: "paragraph", in: paragraphCodes), file, line)
            let start = check(FieldParsing.date(f[3], column: "start_date"), file, line)
            let end = check(FieldParsing.optionalDate(f[4], column: "end_date"), file, line)
            let reason = check(FieldParsing.code(f[5], column: "reason", in: reasonCodes), file, line)
            if let start, let end = end ?? nil, end < start {
                log.add(file, line, column: "end_date", "end_date \(end) er før start_date \(start)")
                return
            }
            guard let person, let m = municipality, let paragraph, let start, let end, let reason else { return }
            builder!.addIntervention(person: person, municipality: m, paragraph: paragraph, start: start, end: end, reason: reason)
        }
    }

    func employment(_ bytes: [UInt8]) -> Int? {
        let file = "employment.csv"
        var firstLine: [Int: Int] = [:]
        builder!.declareEmployment()
        return readTable(file, columns: ["person_id", "year", "status"], bytes: bytes, log: log) { line, f in
            let person = person(f[0], file, line)
            let year = check(FieldParsing.year(f[1]), file, line)
            let status = check(FieldParsing.code(f[2], column: "status", in: statusCodes), file, line)
            guard let person, let year, let status,
                  firstOccurrence(key(person, year), &firstLine, file, line,
                                  "person \(FieldParsing.text(f[0])) har en status mere for \(year); højst én række pr. person og år")
            else { return }
            builder!.addEmployment(person: person, year: year, status: status)
        }
    }

    func admissions(_ bytes: [UInt8]) -> Int? {
        let file = "admissions.csv"
        builder!.declareAdmissions()
        return readTable(file, columns: ["person_id", "admission_date", "discharge_date"], bytes: bytes, log: log) { line, f in
            let person = person(f[0], file, line)
            let admission = check(FieldParsing.date(f[1], column: "admission_date"), file, line)
            let discharge = check(FieldParsing.optionalDate(f[2], column: "discharge_date"), file, line)
            if let admission, let discharge = discharge ?? nil, discharge < admission {
                log.add(file, line, column: "discharge_date", "discharge_date \(discharge) er før admission_date \(admission)")
                return
            }
            guard let person, let admission, let discharge else { return }
            builder!.addAdmission(person: person, admission: admission, discharge: discharge)
        }
    }

    func expenditures(_ bytes: [UInt8]) -> Int? {
        let file = "expenditures.csv"
        var firstLine: [Int: Int] = [:]
        builder!.declareExpenditures()
        return readTable(file, columns: ["municipality_code", "year", "paragraph", "amount_dkk"], bytes: bytes, log: log) { line, f in
            let municipality = municipality(f[0], file, line)
            let year = check(FieldParsing.year(f[1]), file, line)
            let paragraph = check(FieldParsing.code(f[2], column: "paragraph", in: paragraphCodes), file, line)
            let amount = check(FieldParsing.amount(f[3]), file, line)
            guard let m = municipality, let year, let paragraph, let amount,
                  firstOccurrence(key(m, year, paragraph.rawValue), &firstLine, file, line,
                                  "kommune \(FieldParsing.text(f[0])) har en række mere for \(year) og paragraf \(paragraph.code)")
            else { return }
            builder!.addExpenditure(municipality: m, year: year, paragraph: paragraph, amount: amount)
        }
    }

    func measurements(_ bytes: [UInt8]) -> Int? {
        let file = "measurements.csv"
        let columns = ["person_id", "municipality_code", "instrument", "date", "item1", "item2", "item3", "item4", "item5"]
        builder!.declareMeasurements()
        var items: [Int?] = []
        return readTable(file, columns: columns, bytes: bytes, log: log) { line, f in
            let person = person(f[0], file, line)
            let municipality = municipality(f[1], file, line)
            let instrument = check(FieldParsing.code(f[2], column: "instrument", in: instrumentCodes), file, line)
            let date = check(FieldParsing.date(f[3], column: "date"), file, line)
            items.removeAll(keepingCapacity: true)
            var itemsOK = true
            for i in 0..<Instrument.itemCount {
                let field = f[4 + i]
                if field.isEmpty { items.append(nil); continue }
                let top = instrument?.maxItemValue ?? 5
                if field.count == 1, let c = field.first, c >= 48, c <= 48 + UInt8(top) {
                    items.append(Int(c - 48))
                    continue
                }
                let meaning = "er uden for svarskalaen 0–\(top) for \(instrument?.code ?? "instrumentet")"
                guard let value = check(FieldParsing.integer(field, column: "item\(i + 1)", in: 0...top, meaning: meaning), file, line) else {
                    itemsOK = false
                    continue
                }
                items.append(value)
            }
            guard let person, let m = municipality, let instrument, let date, itemsOK else { return }
            if items.contains(where: { $0 == nil }) { incompleteMeasurements += 1 }
            builder!.addMeasurement(person: person, municipality: m, instrument: instrument, date: date, items: items)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s
    }
}
