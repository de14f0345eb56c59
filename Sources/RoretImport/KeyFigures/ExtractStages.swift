import RoretCore

/// The first step of reading an extract: the rows of one part of one file,
/// each field checked on its own, kept as values. A part needs nothing from
/// other files or other parts, so parts are read on both cores, and an
/// upload's files while they arrive; `ExtractLink` then checks what spans
/// rows and files (municipality codes, duplicates, the period).
///
/// Lines are counted from the part's start; the link adds the part's offset.
protocol TableStage {
    static var file: String { get }
    static var columns: [String] { get }
    init()
    /// Interns the person ids of the rows read since the last call; `bytes` is the file.
    mutating func finishRound(_ bytes: UnsafePointer<UInt8>)
    /// Makes room for up to `rows` rows at once: growing step by step copied
    /// every column several times (memory that is reserved but never
    /// written costs nothing).
    mutating func reserve(rows: Int)
    /// Data records read, malformed ones included.
    var records: Int { get set }
    /// Checks one well-formed record's fields and keeps its values.
    mutating func add(line: Int, _ f: RecordFields, log: ProblemLog)
}

let paragraphCodes = FieldParsing.CodeTable(Paragraph.allCases) { $0.code }
let reasonCodes = FieldParsing.CodeTable(Reason.allCases) { $0.code }
let statusCodes = FieldParsing.CodeTable(EmploymentStatus.allCases) { $0.code }
let instrumentCodes = FieldParsing.CodeTable(Instrument.allCases) { $0.code }

extension TableStage {
    mutating func finishRound(_ bytes: UnsafePointer<UInt8>) {}
    mutating func reserve(rows: Int) {}

    /// Unwraps a field result, logging its problem.
    @inline(__always) func check<T>(_ result: Result<T, FieldParsing.FieldProblem>, _ line: Int, _ log: ProblemLog) -> T? {
        switch result {
        case .success(let value): return value
        case .failure(let problem):
            log.add(Self.file, line, column: problem.column, problem.text)
            return nil
        }
    }

    /// A municipality code field as its number 0–999, logging why when it is not one.
    @inline(__always) func code(_ f: FieldBytes, _ line: Int, _ log: ProblemLog) -> Int16? {
        if let n = FieldParsing.codeNumber(f) { return Int16(n) }
        _ = check(FieldParsing.municipalityCode(f), line, log)
        return nil
    }
}

/// A file whose rows name a person: their ids are interned at the end of each round.
protocol PersonStage: TableStage {
    var person: PersonColumn { get set }
}

extension PersonStage {
    mutating func finishRound(_ bytes: UnsafePointer<UInt8>) { person.intern(bytes) }
}

/// The person ids of a part's rows, interned together when the part is
/// read (`PersonKeys.intern(_:starts:lengths:)`).
struct PersonColumn {
    var keys = PersonKeys()
    /// Per row, the index in `keys`.
    var index: [Int32] = []
    private var starts: [Int] = []
    private var lengths: [UInt8] = []

    mutating func reserve(_ rows: Int) {
        if keys.count == 0 { keys = PersonKeys(expected: min(rows, 1 << 16)) }
        index.reserveCapacity(rows)
        starts.reserveCapacity(rows)
        lengths.reserveCapacity(rows)
    }

    /// Notes a valid id (1–64 bytes, in the file itself) of the next row.
    @inline(__always) mutating func append(_ id: FieldBytes, _ f: RecordFields) {
        starts.append(f.offset(of: id))
        lengths.append(UInt8(id.count))
    }

    /// Interns the ids noted since the last call; `bytes` is the file.
    mutating func intern(_ bytes: UnsafePointer<UInt8>) {
        guard !starts.isEmpty else { return }
        index += keys.intern(bytes, starts: starts, lengths: lengths)
        starts.removeAll(keepingCapacity: true)
        lengths.removeAll(keepingCapacity: true)
    }
}

/// Rows whose municipality code was well-formed but which were not kept
/// (another field was wrong): their code is still checked against
/// municipalities.csv, so every problem of the row is reported at once.
struct CodeReferences {
    var code: [Int16] = []
    var line: [Int32] = []
    mutating func append(_ c: Int16, _ l: Int) { code.append(c); line.append(Int32(l)) }
}

struct MunicipalityStage: TableStage {
    static let file = "municipalities.csv"
    static let columns = ["municipality_code", "name"]
    var records = 0
    var rows: [(code: String, name: String, line: Int)] = []

    mutating func add(line: Int, _ f: RecordFields, log: ProblemLog) {
        let code = check(FieldParsing.municipalityCode(f[0]), line, log)
        let name = FieldParsing.text(f[1])
        if name.trimmingSpaces.isEmpty { log.add(Self.file, line, column: "name", "name er tom") }
        if let code { rows.append((code, name, line)) }
    }
}

struct PopulationStage: TableStage {
    static let file = "population.csv"
    static let columns = ["municipality_code", "year", "adults"]
    var records = 0
    /// Rows with a valid code and year; adults nil when that field was wrong.
    var rows: [(code: Int16, text: String, year: Int, adults: Int?, line: Int)] = []
    /// Every valid year, for the period.
    var years: [Int] = []
    var references = CodeReferences()

    mutating func add(line: Int, _ f: RecordFields, log: ProblemLog) {
        let code = code(f[0], line, log)
        let year = check(FieldParsing.year(f[1]), line, log)
        let adults = check(FieldParsing.integer(f[2], column: "adults", in: 1...100_000_000, meaning: "skal være over 0"), line, log)
        if let year { years.append(year) }
        guard let code else { return }
        guard let year else { references.append(code, line); return }
        rows.append((code, FieldParsing.text(f[0]), year, adults, line))
    }
}

struct InterventionStage: PersonStage {
    static let file = "interventions.csv"
    static let columns = ["person_id", "municipality_code", "paragraph", "start_date", "end_date", "reason"]
    var records = 0
    mutating func reserve(rows: Int) {
        person.reserve(rows)
        code.reserveCapacity(rows)
        paragraph.reserveCapacity(rows)
        start.reserveCapacity(rows)
        end.reserveCapacity(rows)
        reason.reserveCapacity(rows)
        line.reserveCapacity(rows)
    }
    var person = PersonColumn()
    var code: [Int16] = [], paragraph: [Paragraph] = [], start: [Day] = [], end: [Day] = [], reason: [Reason] = []
    var line: [Int32] = []
    var references = CodeReferences()

    mutating func add(line l: Int, _ f: RecordFields, log: ProblemLog) {
        let id = f[0]
        let personOK = check(FieldParsing.personID(id), l, log) != nil
        let code = code(f[1], l, log)
        let paragraph = check(FieldParsing.code(f[2], column: "paragraph", in: paragraphCodes), l, log)
        let start = check(FieldParsing.date(f[3], column: "start_date"), l, log)
        let end = check(FieldParsing.optionalDate(f[4], column: "end_date"), l, log)
        let reason = check(FieldParsing.code(f[5], column: "reason", in: reasonCodes), l, log)
        if let start, let end = end ?? nil, end < start {
            log.add(Self.file, l, column: "end_date", "end_date \(end) er før start_date \(start)")
            if let code { references.append(code, l) }
            return
        }
        guard personOK, let code, let paragraph, let start, let end, let reason else {
            if let code { references.append(code, l) }
            return
        }
        person.append(id, f)
        self.code.append(code)
        self.paragraph.append(paragraph)
        self.start.append(start)
        self.end.append(end ?? .openEnd)
        self.reason.append(reason)
        line.append(Int32(l))
    }
}

struct EmploymentStage: PersonStage {
    static let file = "employment.csv"
    static let columns = ["person_id", "year", "status"]
    var records = 0
    mutating func reserve(rows: Int) {
        person.reserve(rows)
        year.reserveCapacity(rows)
        status.reserveCapacity(rows)
        line.reserveCapacity(rows)
    }
    var person = PersonColumn()
    var year: [Int16] = [], status: [EmploymentStatus] = []
    var line: [Int32] = []

    mutating func add(line l: Int, _ f: RecordFields, log: ProblemLog) {
        let id = f[0]
        let personOK = check(FieldParsing.personID(id), l, log) != nil
        let year = check(FieldParsing.year(f[1]), l, log)
        let status = check(FieldParsing.code(f[2], column: "status", in: statusCodes), l, log)
        guard personOK, let year, let status else { return }
        person.append(id, f)
        self.year.append(Int16(year))
        self.status.append(status)
        line.append(Int32(l))
    }
}

struct AdmissionStage: PersonStage {
    static let file = "admissions.csv"
    static let columns = ["person_id", "admission_date", "discharge_date"]
    var records = 0
    mutating func reserve(rows: Int) {
        person.reserve(rows)
        admission.reserveCapacity(rows)
        discharge.reserveCapacity(rows)
    }
    var person = PersonColumn()
    var admission: [Day] = [], discharge: [Day] = []

    mutating func add(line l: Int, _ f: RecordFields, log: ProblemLog) {
        let id = f[0]
        let personOK = check(FieldParsing.personID(id), l, log) != nil
        let admission = check(FieldParsing.date(f[1], column: "admission_date"), l, log)
        let discharge = check(FieldParsing.optionalDate(f[2], column: "discharge_date"), l, log)
        if let admission, let discharge = discharge ?? nil, discharge < admission {
            log.add(Self.file, l, column: "discharge_date", "discharge_date \(discharge) er før admission_date \(admission)")
            return
        }
        guard personOK, let admission, let discharge else { return }
        person.append(id, f)
        self.admission.append(admission)
        self.discharge.append(discharge ?? .openEnd)
    }
}

struct ExpenditureStage: TableStage {
    static let file = "expenditures.csv"
    static let columns = ["municipality_code", "year", "paragraph", "amount_dkk"]
    var records = 0
    var rows: [(code: Int16, text: String, year: Int, paragraph: Paragraph, amount: Amount, line: Int)] = []
    var references = CodeReferences()

    mutating func add(line: Int, _ f: RecordFields, log: ProblemLog) {
        let code = code(f[0], line, log)
        let year = check(FieldParsing.year(f[1]), line, log)
        let paragraph = check(FieldParsing.code(f[2], column: "paragraph", in: paragraphCodes), line, log)
        let amount = check(FieldParsing.amount(f[3]), line, log)
        guard let code else { return }
        guard let year, let paragraph, let amount else { references.append(code, line); return }
        rows.append((code, FieldParsing.text(f[0]), year, paragraph, amount, line))
    }
}

struct MeasurementStage: PersonStage {
    static let file = "measurements.csv"
    static let columns = ["person_id", "municipality_code", "instrument", "date", "item1", "item2", "item3", "item4", "item5"]
    var records = 0
    mutating func reserve(rows: Int) {
        person.reserve(rows)
        code.reserveCapacity(rows)
        instrument.reserveCapacity(rows)
        date.reserveCapacity(rows)
        items.reserveCapacity(rows * Instrument.itemCount)
        incomplete.reserveCapacity(rows)
        line.reserveCapacity(rows)
    }
    var person = PersonColumn()
    var code: [Int16] = [], instrument: [Instrument] = [], date: [Day] = []
    /// Five per row; `MeasurementTable.missing` for an empty item.
    var items: [UInt8] = []
    var incomplete: [Bool] = []
    var line: [Int32] = []
    var references = CodeReferences()

    mutating func add(line l: Int, _ f: RecordFields, log: ProblemLog) {
        let id = f[0]
        let personOK = check(FieldParsing.personID(id), l, log) != nil
        let code = code(f[1], l, log)
        let instrument = check(FieldParsing.code(f[2], column: "instrument", in: instrumentCodes), l, log)
        let date = check(FieldParsing.date(f[3], column: "date"), l, log)
        var values: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
        var itemsOK = true, missing = false
        let top = instrument?.maxItemValue ?? 5
        for i in 0..<Instrument.itemCount {
            let field = f[4 + i]
            var value = MeasurementTable.missing
            if field.isEmpty {
                missing = true
            } else if field.count == 1, field[0] >= 48, field[0] <= 48 + UInt8(top) {
                value = field[0] - 48
            } else {
                let meaning = "er uden for svarskalaen 0–\(top) for \(instrument?.code ?? "instrumentet")"
                if let v = check(FieldParsing.integer(field, column: "item\(i + 1)", in: 0...top, meaning: meaning), l, log) {
                    value = UInt8(v)
                } else {
                    itemsOK = false
                }
            }
            switch i {
            case 0: values.0 = value
            case 1: values.1 = value
            case 2: values.2 = value
            case 3: values.3 = value
            default: values.4 = value
            }
        }
        guard personOK, let code, let instrument, let date, itemsOK else {
            if let code { references.append(code, l) }
            return
        }
        person.append(id, f)
        self.code.append(code)
        self.instrument.append(instrument)
        self.date.append(date)
        items.append(values.0); items.append(values.1); items.append(values.2); items.append(values.3); items.append(values.4)
        incomplete.append(missing)
        line.append(Int32(l))
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
