/// A municipality (*kommune*) of an extract.
public struct Municipality: Hashable, Sendable {
    /// Official three-digit code, e.g. `265`.
    public var code: String
    /// Name, e.g. `Roskilde`.
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// Output order of municipalities: codes in byte order.
    public static func codeOrder(_ a: Municipality, _ b: Municipality) -> Bool {
        a.code.utf8.lexicographicallyPrecedes(b.code.utf8)
    }
}

/// A register extract (*registerudtræk*) held columnar in memory: the input of
/// the key-figure engine. Persons and municipalities are referred to by dense
/// indices; municipalities are sorted by code (byte order), so index order is
/// output order. Build one with `RegisterDataBuilder`.
public struct RegisterData: Sendable {
    /// Municipalities sorted by code.
    public internal(set) var municipalities: [Municipality]
    /// First year of the extract's period.
    public internal(set) var firstYear: Int
    /// Last year of the extract's period.
    public internal(set) var lastYear: Int
    /// Adults (18+) on 1 January, `adults[municipality * yearCount + (year - firstYear)]`.
    public internal(set) var adults: [Int]
    /// Pseudonymous person ids; a person's index is its position here.
    public internal(set) var personIDs: [String]
    /// Intervention spells (*indsatsforløb*).
    public internal(set) var interventions = InterventionTable()
    /// Employment status in week 48, or nil when the extract has no employment.csv.
    public internal(set) var employment: EmploymentTable?
    /// Psychiatric admissions, or nil when the extract has no admissions.csv.
    public internal(set) var admissions: AdmissionTable?
    /// Expenditure per paragraph, or nil when the extract has no expenditures.csv.
    public internal(set) var expenditures: ExpenditureTable?
    /// Person-reported measurements, or nil when the extract has no measurements.csv.
    public internal(set) var measurements: MeasurementTable?

    /// The years of the period.
    public var years: ClosedRange<Int> { firstYear...lastYear }
    /// Number of years in the period.
    public var yearCount: Int { lastYear - firstYear + 1 }

    /// Adults of municipality `index` in `year` (which must be in the period).
    public func adults(municipality index: Int, year: Int) -> Int {
        adults[index * yearCount + (year - firstYear)]
    }

    /// Index of the municipality with `code`, or nil.
    public func municipalityIndex(code: String) -> Int? {
        municipalities.firstIndex { $0.code == code }
    }
}

/// Intervention spells, one column per field.
public struct InterventionTable: Sendable {
    public internal(set) var person: [Int32] = []
    public internal(set) var municipality: [Int32] = []
    public internal(set) var paragraph: [Paragraph] = []
    public internal(set) var start: [Day] = []
    /// Last day, inclusive; `Day.openEnd` when still running.
    public internal(set) var end: [Day] = []
    public internal(set) var reason: [Reason] = []

    /// Number of spells.
    public var count: Int { person.count }
}

/// Employment status per person and year.
public struct EmploymentTable: Sendable {
    public internal(set) var person: [Int32] = []
    public internal(set) var year: [Int16] = []
    public internal(set) var status: [EmploymentStatus] = []

    public var count: Int { person.count }
}

/// Psychiatric inpatient admissions.
public struct AdmissionTable: Sendable {
    public internal(set) var person: [Int32] = []
    public internal(set) var admission: [Day] = []
    /// `Day.openEnd` when not yet discharged.
    public internal(set) var discharge: [Day] = []

    public var count: Int { person.count }
}

/// Net operating expenditure per municipality, year and paragraph.
public struct ExpenditureTable: Sendable {
    public internal(set) var municipality: [Int32] = []
    public internal(set) var year: [Int16] = []
    public internal(set) var paragraph: [Paragraph] = []
    public internal(set) var amount: [Amount] = []

    public var count: Int { municipality.count }
}

/// Person-reported measurements. Items are flat, five per row; a missing item
/// is `MeasurementTable.missing`.
public struct MeasurementTable: Sendable {
    /// Marks an unanswered item.
    public static let missing: UInt8 = 255

    public internal(set) var person: [Int32] = []
    public internal(set) var municipality: [Int32] = []
    public internal(set) var instrument: [Instrument] = []
    public internal(set) var date: [Day] = []
    /// `items[row * 5 + i]` for item i+1.
    public internal(set) var items: [UInt8] = []

    public var count: Int { person.count }

    /// The 0–100 score of row `row`, or nil when incomplete.
    public func score(row: Int) -> Int? {
        var sum = 0
        for i in 0..<Instrument.itemCount {
            let v = items[row * Instrument.itemCount + i]
            if v == MeasurementTable.missing { return nil }
            sum += Int(v)
        }
        return sum * instrument[row].scoreMultiplier
    }

    /// The raw answers of row `row` (nil = unanswered).
    public func answers(row: Int) -> [Int?] {
        (0..<Instrument.itemCount).map { i in
            let v = items[row * Instrument.itemCount + i]
            return v == MeasurementTable.missing ? nil : Int(v)
        }
    }
}
