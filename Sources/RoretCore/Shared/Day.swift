/// A calendar day (*dato*) as a count of days since 1970-01-01 in the proleptic
/// Gregorian calendar. Small, totally ordered and cheap to compare, so the
/// engine can hold millions of them in flat arrays.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var rawValue: Int32

    /// The sentinel used for an open end (*løbende*): later than every real day.
    public static let openEnd = Day(rawValue: Int32.max)

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The day with the given calendar date. The date must be valid (see `isValid`).
    public init(year: Int, month: Int, day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        rawValue = Int32(era * 146_097 + doe - 719_468)
    }

    /// Whether year/month/day name a real calendar date.
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysInMonth(year: year, month: month)
    }

    /// Number of days in the month.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Gregorian leap-year rule.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// 1 January of `year`.
    public static func yearStart(_ year: Int) -> Day { Day(year: year, month: 1, day: 1) }

    /// 31 December of `year` (*årets udgang*).
    public static func yearEnd(_ year: Int) -> Day { Day(year: year, month: 12, day: 31) }

    /// Calendar components (Howard Hinnant's civil_from_days).
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(rawValue) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The calendar year of this day.
    public var year: Int { components.year }

    /// The day `n` days later (earlier for negative `n`).
    public func adding(days n: Int) -> Day { Day(rawValue: rawValue + Int32(n)) }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { Int(other.rawValue) - Int(rawValue) }

    public static func < (a: Day, b: Day) -> Bool { a.rawValue < b.rawValue }

    /// ISO 8601 `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// Parses ISO `YYYY-MM-DD`; nil when malformed or not a real date.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard let day = Day(isoBytes: bytes[...]) else { return nil }
        self = day
    }

    /// Parses ISO `YYYY-MM-DD` from UTF-8 bytes; nil when malformed or not a real date.
    public init?(isoBytes b: ArraySlice<UInt8>) {
        guard let day = b.withUnsafeBufferPointer({ Day(isoBytes: $0) }) else { return nil }
        self = day
    }

    /// Parses ISO `YYYY-MM-DD` from UTF-8 bytes in memory (the extract reader's path).
    public init?(isoBytes b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 10 else { return nil }
        let s = 0
        guard b[s + 4] == UInt8(ascii: "-"), b[s + 7] == UInt8(ascii: "-") else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var v = 0
            for i in from..<(from + count) {
                let c = b[s + i]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2),
              Day.isValid(year: y, month: m, day: d) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}
