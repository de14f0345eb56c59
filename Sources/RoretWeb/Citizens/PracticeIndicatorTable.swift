import RoretCore
import RoretStore
import Vapor

/// The practice indicators as one user may see them (*praksisindikatorer*):
/// computed in Core from every record (the area rule needs them all), on
/// today and on the last eight quarter ends, then suppressed for everyone
/// — leaders, analysts and caseworkers alike may not read the records of
/// the municipality — and cut to the user's areas. A caseworker also gets
/// their own caseload unsuppressed: they read those records.
struct PracticeIndicatorTable {
    /// Quarters in the trend.
    static let quarters = 8

    let reference: Day
    let references: [Day]
    /// Suppressed rows of the areas the user may see, by reference, area, indicator.
    let rows: [PracticeIndicatorRow]
    let areas: [String]
    /// The caseworker's own caseload on each reference day (unsuppressed); empty for others.
    let caseload: [PracticeIndicatorRow]

    static let caseloadArea = "egen"

    /// With `quarters` 0, only today (the leaders' signs need no trend).
    init(_ req: Request, area asked: String?, quarters: Int = PracticeIndicatorTable.quarters) async throws {
        let account = try req.requireAccount()
        reference = DanishDate.today
        references = (quarters > 0 ? PracticeIndicators.quarterEnds(before: reference, count: quarters) : []) + [reference]
        let citizens = try await req.store.citizens.all()
        let files = try await req.store.cases.files(of: citizens)
        var schedules: [String: MeasurementSchedule] = [:]
        for m in Set(citizens.map(\.municipality)) { schedules[m] = try await req.store.schedules.schedule(for: m) }
        let all = PracticeIndicatorDisclosure.suppress(PracticeIndicators.table(files: files, on: references, schedules: schedules))
        let known = Set(all.map(\.area))
        var visible: [String]
        if account.area == nationalArea {
            visible = known.filter { $0 != nationalArea }.sorted() + [nationalArea]
        } else {
            visible = [account.area, nationalArea]
        }
        if let asked, visible.contains(asked) { visible = [asked] + (asked == nationalArea ? [] : [nationalArea]) }
        areas = visible
        rows = all.filter { visible.contains($0.area) }
        if account.role == .caseworker {
            let mine = files.filter { $0.caseworker == account.username && $0.municipality == account.area }
            caseload = references.flatMap { PracticeIndicators.rows(area: Self.caseloadArea, files: mine, on: $0, schedules: schedules) }
        } else {
            caseload = []
        }
    }

    /// The value of a row in Danish: a share with one decimal, a median in days, or the marks.
    static func value(_ row: PracticeIndicatorRow?) -> String {
        guard let row else { return DanishFormat.none }
        if row.suppressed { return DanishFormat.suppressed }
        if row.indicator.isMedian {
            return row.median.map { DanishFormat.decimal($0, decimals: $0.rounded() == $0 ? 0 : 1) + " dage" } ?? DanishFormat.none
        }
        return row.percent.map { DanishFormat.decimal($0, decimals: 1) + " %" } ?? DanishFormat.none
    }

    /// "12 / 30", or the marks.
    static func counts(_ row: PracticeIndicatorRow?) -> String {
        guard let row else { return "" }
        if row.suppressed { return DanishFormat.suppressed }
        if row.indicator.isMedian { return "\(row.denominator ?? 0) sager" }
        return "\(row.numerator.map(DanishFormat.integer) ?? "–") / \(row.denominator.map(DanishFormat.integer) ?? "–")"
    }

    /// Rows as CSV: `area,reference_date,indicator,numerator,denominator,value,suppressed`
    /// (value: the share in percent, or the median in days, unrounded; empty when withheld or undefined).
    static func csv(_ rows: [PracticeIndicatorRow]) -> String {
        var out = "area,reference_date,indicator,numerator,denominator,value,suppressed\n"
        for r in rows {
            let value = r.indicator.isMedian ? r.median : r.percent
            out += "\(r.area),\(r.reference),\(r.indicator.code),\(r.numerator.map(String.init) ?? ""),\(r.denominator.map(String.init) ?? ""),"
                + "\(value.map { String($0) } ?? ""),\(r.suppressed)\n"
        }
        return out
    }

    /// One JSON object per row.
    struct JSONRow: Content {
        var area: String
        var referenceDate: String
        var indicator: String
        var title: String
        var numerator: Int?
        var denominator: Int?
        var value: Double?
        var suppressed: Bool

        enum CodingKeys: String, CodingKey {
            case area, referenceDate = "reference_date", indicator, title, numerator, denominator, value, suppressed
        }

        /// Every key, a withheld or undefined number as null.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(area, forKey: .area)
            try c.encode(referenceDate, forKey: .referenceDate)
            try c.encode(indicator, forKey: .indicator)
            try c.encode(title, forKey: .title)
            try c.encode(numerator, forKey: .numerator)
            try c.encode(denominator, forKey: .denominator)
            try c.encode(value, forKey: .value)
            try c.encode(suppressed, forKey: .suppressed)
        }
    }

    static func json(_ rows: [PracticeIndicatorRow]) -> [JSONRow] {
        rows.map {
            JSONRow(area: $0.area, referenceDate: $0.reference.description, indicator: $0.indicator.code, title: $0.indicator.title,
                    numerator: $0.numerator, denominator: $0.denominator, value: $0.indicator.isMedian ? $0.median : $0.percent, suppressed: $0.suppressed)
        }
    }
}
