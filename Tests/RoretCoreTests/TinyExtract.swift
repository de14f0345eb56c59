import Testing
@testable import RoretCore

/// A hand-made extract for tests: municipalities 101 (1,000 adults) and 147
/// (2,000 adults), period 2019–2022 unless told otherwise.
struct TinyExtract {
    var builder: RegisterDataBuilder

    init(years: ClosedRange<Int> = 2019...2022, adults101: Int = 1_000) {
        builder = RegisterDataBuilder(
            municipalities: [Municipality(code: "147", name: "Frederiksberg"), Municipality(code: "101", name: "København")],
            years: years
        )
        for year in years {
            builder.setAdults(adults101, municipality: "101", year: year)
            builder.setAdults(2_000, municipality: "147", year: year)
        }
    }

    mutating func spell(_ person: String, _ muni: String, _ paragraph: Paragraph, _ start: String, _ end: String?, _ reason: Reason = .sindslidelse) {
        builder.addIntervention(person: person, municipality: muni, paragraph: paragraph, start: day(start), end: end.map(day), reason: reason)
    }

    mutating func employment(_ person: String, _ year: Int, _ status: EmploymentStatus) {
        builder.addEmployment(person: person, year: year, status: status)
    }

    mutating func admission(_ person: String, _ start: String, _ end: String?) {
        builder.addAdmission(person: person, admission: day(start), discharge: end.map(day))
    }

    mutating func who5(_ person: String, _ muni: String, _ date: String, _ items: [Int?]) {
        builder.addMeasurement(person: person, municipality: muni, instrument: .who5, date: day(date), items: items)
    }

    mutating func inspire(_ person: String, _ muni: String, _ date: String, _ items: [Int?]) {
        builder.addMeasurement(person: person, municipality: muni, instrument: .briefInspireO, date: day(date), items: items)
    }

    func rows(_ options: KeyFigureOptions = KeyFigureOptions()) -> Rows {
        Rows(KeyFigureEngine.compute(builder.build(), options: options))
    }
}

func day(_ iso: String) -> Day { Day(iso: iso)! }

/// Engine output with lookup by (area, year, figure, breakdown).
struct Rows {
    let all: [KeyFigureRow]
    private let index: [String: KeyFigureRow]

    init(_ rows: [KeyFigureRow]) {
        all = rows
        var index: [String: KeyFigureRow] = [:]
        for row in rows { index["\(row.area)|\(row.year)|\(row.figure.code)|\(row.breakdown)"] = row }
        self.index = index
    }

    func row(_ area: String, _ year: Int, _ figure: KeyFigure, _ breakdown: String = "") -> KeyFigureRow? {
        index["\(area)|\(year)|\(figure.code)|\(breakdown)"]
    }

    /// (numerator, denominator) as counts; fails the test if the row is missing.
    func counts(_ area: String, _ year: Int, _ figure: KeyFigure, _ breakdown: String = "",
                sourceLocation: SourceLocation = #_sourceLocation) -> (Int, Int)? {
        guard let r = row(area, year, figure, breakdown) else {
            Issue.record("no row \(area) \(year) \(figure.code) \(breakdown)", sourceLocation: sourceLocation)
            return nil
        }
        guard case .count(let n)? = r.numerator, case .count(let d)? = r.denominator else {
            Issue.record("row \(area) \(year) \(figure.code) \(breakdown) is not a count pair: \(r)", sourceLocation: sourceLocation)
            return nil
        }
        return (n, d)
    }
}

/// Compares a (numerator, denominator) pair.
func expect(_ actual: (Int, Int)?, _ expected: (Int, Int), sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual?.0 == expected.0 && actual?.1 == expected.1, "got \(String(describing: actual)), expected \(expected)", sourceLocation: sourceLocation)
}
