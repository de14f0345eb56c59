/// Builds a `RegisterData` row by row, interning person ids and municipality
/// codes. Used by the importer, the demo generator and tests. Values must
/// already be valid (the importer validates before it appends); the builder
/// enforces only what would break the engine's indexing.
public struct RegisterDataBuilder: Sendable {
    private var data: RegisterData
    private var personIndex: [String: Int32] = [:]
    private var municipalityIndex: [String: Int32] = [:]

    /// Starts an extract with these municipalities and period. Adults default
    /// to 0 until `setAdults` is called for every municipality and year.
    public init(municipalities: [Municipality], years: ClosedRange<Int>) {
        let sorted = municipalities.sorted(by: Municipality.codeOrder)
        data = RegisterData(
            municipalities: sorted,
            firstYear: years.lowerBound,
            lastYear: years.upperBound,
            adults: Array(repeating: 0, count: sorted.count * years.count),
            personIDs: []
        )
        for (i, m) in sorted.enumerated() { municipalityIndex[m.code] = Int32(i) }
    }

    /// The index of a municipality code, or nil when unknown.
    public func municipality(_ code: String) -> Int32? { municipalityIndex[code] }

    /// The index of a person id, interning it on first use.
    public mutating func person(_ id: String) -> Int32 {
        if let index = personIndex[id] { return index }
        let index = Int32(data.personIDs.count)
        data.personIDs.append(id)
        personIndex[id] = index
        return index
    }

    /// Sets every person id at once, in index order, for a reader that has
    /// interned them itself; only before any person is added.
    public mutating func setPersonIDs(_ ids: [String]) {
        precondition(data.personIDs.isEmpty, "setPersonIDs: persons were added already")
        data.personIDs = ids
        personIndex.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() { personIndex[id] = Int32(i) }
    }

    /// The id of person index `p`.
    public func personID(_ p: Int32) -> String { data.personIDs[Int(p)] }

    /// Sets adults (18+) of a municipality in a year of the period.
    public mutating func setAdults(_ adults: Int, municipality code: String, year: Int) {
        guard let m = municipalityIndex[code], data.years.contains(year) else {
            preconditionFailure("setAdults: unknown municipality \(code) or year \(year) outside the period")
        }
        data.adults[Int(m) * data.yearCount + (year - data.firstYear)] = adults
    }

    /// Appends an intervention spell; `end == nil` means still running.
    public mutating func addIntervention(
        person id: String, municipality code: String, paragraph: Paragraph,
        start: Day, end: Day?, reason: Reason
    ) {
        addIntervention(person: person(id), municipality: requireMunicipality(code), paragraph: paragraph, start: start, end: end, reason: reason)
    }

    /// Appends an intervention spell by indices (from `person(_:)` and
    /// `municipality(_:)`): the importer's fast path.
    public mutating func addIntervention(
        person p: Int32, municipality m: Int32, paragraph: Paragraph, start: Day, end: Day?, reason: Reason
    ) {
        data.interventions.person.append(p)
        data.interventions.municipality.append(m)
        data.interventions.paragraph.append(paragraph)
        data.interventions.start.append(start)
        data.interventions.end.append(end ?? .openEnd)
        data.interventions.reason.append(reason)
    }

    /// Marks that the extract has employment.csv (possibly with no rows).
    public mutating func declareEmployment() {
        if data.employment == nil { data.employment = EmploymentTable() }
    }

    /// Appends an employment status.
    public mutating func addEmployment(person id: String, year: Int, status: EmploymentStatus) {
        addEmployment(person: person(id), year: year, status: status)
    }

    /// Appends an employment status by person index.
    public mutating func addEmployment(person p: Int32, year: Int, status: EmploymentStatus) {
        declareEmployment()
        data.employment!.person.append(p)
        data.employment!.year.append(Int16(year))
        data.employment!.status.append(status)
    }

    /// Marks that the extract has admissions.csv (possibly with no rows).
    public mutating func declareAdmissions() {
        if data.admissions == nil { data.admissions = AdmissionTable() }
    }

    /// Appends a psychiatric admission; `discharge == nil` means not yet discharged.
    public mutating func addAdmission(person id: String, admission: Day, discharge: Day?) {
        addAdmission(person: person(id), admission: admission, discharge: discharge)
    }

    /// Appends a psychiatric admission by person index.
    public mutating func addAdmission(person p: Int32, admission: Day, discharge: Day?) {
        declareAdmissions()
        data.admissions!.person.append(p)
        data.admissions!.admission.append(admission)
        data.admissions!.discharge.append(discharge ?? .openEnd)
    }

    /// Marks that the extract has expenditures.csv (possibly with no rows).
    public mutating func declareExpenditures() {
        if data.expenditures == nil { data.expenditures = ExpenditureTable() }
    }

    /// Appends an expenditure row.
    public mutating func addExpenditure(municipality code: String, year: Int, paragraph: Paragraph, amount: Amount) {
        addExpenditure(municipality: requireMunicipality(code), year: year, paragraph: paragraph, amount: amount)
    }

    /// Appends an expenditure row by municipality index.
    public mutating func addExpenditure(municipality m: Int32, year: Int, paragraph: Paragraph, amount: Amount) {
        declareExpenditures()
        data.expenditures!.municipality.append(m)
        data.expenditures!.year.append(Int16(year))
        data.expenditures!.paragraph.append(paragraph)
        data.expenditures!.amount.append(amount)
    }

    /// Marks that the extract has measurements.csv (possibly with no rows).
    public mutating func declareMeasurements() {
        if data.measurements == nil { data.measurements = MeasurementTable() }
    }

    /// Appends a measurement; `items` holds five answers, nil for unanswered.
    public mutating func addMeasurement(
        person id: String, municipality code: String, instrument: Instrument, date: Day, items: [Int?]
    ) {
        addMeasurement(person: person(id), municipality: requireMunicipality(code), instrument: instrument, date: date, items: items)
    }

    /// Appends a measurement by indices.
    public mutating func addMeasurement(person p: Int32, municipality m: Int32, instrument: Instrument, date: Day, items: [Int?]) {
        precondition(items.count == Instrument.itemCount, "a measurement has five items")
        declareMeasurements()
        data.measurements!.person.append(p)
        data.measurements!.municipality.append(m)
        data.measurements!.instrument.append(instrument)
        data.measurements!.date.append(date)
        for item in items {
            data.measurements!.items.append(item.map { UInt8($0) } ?? MeasurementTable.missing)
        }
    }

    /// Appends intervention spells column by column (indices as for
    /// `addIntervention`; `.openEnd` for a running spell): the importer's bulk path.
    public mutating func appendInterventions(
        person: [Int32], municipality: [Int32], paragraph: [Paragraph], start: [Day], end: [Day], reason: [Reason]
    ) {
        data.interventions.person += person
        data.interventions.municipality += municipality
        data.interventions.paragraph += paragraph
        data.interventions.start += start
        data.interventions.end += end
        data.interventions.reason += reason
    }

    /// Appends psychiatric admissions column by column (`.openEnd` when not discharged).
    public mutating func appendAdmissions(person: [Int32], admission: [Day], discharge: [Day]) {
        declareAdmissions()
        data.admissions!.person += person
        data.admissions!.admission += admission
        data.admissions!.discharge += discharge
    }

    /// Appends measurements column by column, five raw items per row.
    public mutating func appendMeasurements(person: [Int32], municipality: [Int32], instrument: [Instrument], date: [Day], items: [UInt8]) {
        precondition(items.count == person.count * Instrument.itemCount, "a measurement has five items")
        declareMeasurements()
        data.measurements!.person += person
        data.measurements!.municipality += municipality
        data.measurements!.instrument += instrument
        data.measurements!.date += date
        data.measurements!.items += items
    }

    /// The finished extract.
    public func build() -> RegisterData { data }

    private func requireMunicipality(_ code: String) -> Int32 {
        guard let m = municipalityIndex[code] else {
            preconditionFailure("unknown municipality \(code): validate before building")
        }
        return m
    }
}
