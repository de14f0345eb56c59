import Foundation
import RoretCore

/// The bytes of one field, pointing into the file being read.
typealias FieldBytes = UnsafeBufferPointer<UInt8>

/// Parsers for one field of an extract, each returning the value or a
/// plain-language reason naming the column.
enum FieldParsing {
    /// The field as text for a message: quoted, shortened, never a CPR number.
    static func shown(_ field: FieldBytes) -> String {
        let text = String(decoding: UnsafeBufferPointer(rebasing: field.prefix(40)), as: UTF8.self)
        return "\"\(text)\(field.count > 40 ? "…" : "")\""
    }

    static func text(_ field: FieldBytes) -> String { String(decoding: field, as: UTF8.self) }

    /// A three-digit municipality code.
    static func municipalityCode(_ f: FieldBytes, column: String = "municipality_code") -> Result<String, FieldProblem> {
        guard !f.isEmpty else { return .failure(FieldProblem(column, "er tom")) }
        guard f.count == 3, f.allSatisfy(isDigit) else {
            return .failure(FieldProblem(column, "\(shown(f)) er ikke en kommunekode med tre cifre"))
        }
        return .success(text(f))
    }

    /// A pseudonymous person id: 1–64 of `[A-Za-z0-9_-]`, not CPR-like.
    static func personID(_ f: FieldBytes) -> Result<Void, FieldProblem> {
        guard !f.isEmpty else { return .failure(FieldProblem("person_id", "er tom")) }
        if looksLikeCPR(f) {
            // The value is not echoed: it may be a real CPR number.
            return .failure(FieldProblem("person_id", "ligner et CPR-nummer (10 cifre eller DDMMÅÅ-XXXX); udtræk skal være pseudonymiserede"))
        }
        guard f.count <= 64 else { return .failure(FieldProblem("person_id", "er \(f.count) tegn lang; højst 64 er tilladt")) }
        guard f.allSatisfy(isIDByte) else {
            return .failure(FieldProblem("person_id", "\(shown(f)) må kun indeholde bogstaverne A–Z og a–z, cifre, _ og -"))
        }
        return .success(())
    }

    /// Whether a pseudonym may hold the byte: `A–Z`, `a–z`, `0–9`, `_` and `-`.
    @inline(__always) static func isIDByte(_ c: UInt8) -> Bool {
        let lower = c | 0x20
        return (lower >= 97 && lower <= 122) || isDigit(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
    }

    static func looksLikeCPR(_ f: FieldBytes) -> Bool {
        if f.count == 10 { return f.allSatisfy(isDigit) }
        if f.count == 11 {
            let s = f.startIndex
            return f[s + 6] == UInt8(ascii: "-") && f[s..<(s + 6)].allSatisfy(isDigit) && f[(s + 7)...].allSatisfy(isDigit)
        }
        return false
    }

    /// Dates must fall in these years: anything else is a typing error.
    static let plausibleYears = 1900...2100

    /// An ISO date `YYYY-MM-DD`.
    static func date(_ f: FieldBytes, column: String) -> Result<Day, FieldProblem> {
        guard !f.isEmpty else { return .failure(FieldProblem(column, "er tom")) }
        guard let day = Day(isoBytes: f) else {
            return .failure(FieldProblem(column, "\(shown(f)) er ikke en dato på formen ÅÅÅÅ-MM-DD"))
        }
        // The year from its digits: `day.year` would convert the day back.
        let year = Int(f[0] - 48) * 1000 + Int(f[1] - 48) * 100 + Int(f[2] - 48) * 10 + Int(f[3] - 48)
        guard plausibleYears.contains(year) else {
            return .failure(FieldProblem(column, "\(shown(f)) ligger uden for årene \(plausibleYears.lowerBound)–\(plausibleYears.upperBound)"))
        }
        return .success(day)
    }

    /// An optional ISO date; empty means open.
    static func optionalDate(_ f: FieldBytes, column: String) -> Result<Day?, FieldProblem> {
        if f.isEmpty { return .success(nil) }
        return date(f, column: column).map { Optional($0) }
    }

    /// A whole number without sign, in `range`.
    static func integer(_ f: FieldBytes, column: String, in range: ClosedRange<Int>, meaning: @autoclosure () -> String) -> Result<Int, FieldProblem> {
        guard !f.isEmpty else { return .failure(FieldProblem(column, "er tom")) }
        guard f.count <= 12, f.allSatisfy(isDigit) else {
            return .failure(FieldProblem(column, "\(shown(f)) er ikke et helt tal"))
        }
        let value = f.reduce(0) { $0 * 10 + Int($1 - 48) }
        guard range.contains(value) else { return .failure(FieldProblem(column, "\(value) \(meaning())")) }
        return .success(value)
    }

    /// A calendar year.
    static func year(_ f: FieldBytes) -> Result<Int, FieldProblem> {
        integer(f, column: "year", in: plausibleYears, meaning: "ligger uden for årene \(plausibleYears.lowerBound)–\(plausibleYears.upperBound)")
    }

    /// One of a closed set of codes, matched on bytes (no String per field).
    static func code<T>(_ f: FieldBytes, column: String, in codes: CodeTable<T>) -> Result<T, FieldProblem> {
        guard !f.isEmpty else { return .failure(FieldProblem(column, "er tom")) }
        if let value = codes.match(f) { return .success(value) }
        return .failure(FieldProblem(column, "\(shown(f)) er ikke en af \(codes.names.joined(separator: ", "))"))
    }

    /// A three-digit code as a number 0–999, or nil.
    static func codeNumber(_ f: FieldBytes) -> Int? {
        guard f.count == 3, f.allSatisfy(isDigit) else { return nil }
        return f.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    /// A non-negative amount in DKK with at most two decimals.
    static func amount(_ f: FieldBytes) -> Result<Amount, FieldProblem> {
        guard !f.isEmpty else { return .failure(FieldProblem("amount_dkk", "er tom")) }
        switch Amount.parse(Array(f)[...]) {
        case .success(let a): return .success(a)
        case .failure(.negative): return .failure(FieldProblem("amount_dkk", "\(shown(f)) er negativ; udgifter skal være 0 eller mere"))
        case .failure(.tooManyDecimals): return .failure(FieldProblem("amount_dkk", "\(shown(f)) har mere end to decimaler (øre)"))
        case .failure(.tooLarge): return .failure(FieldProblem("amount_dkk", "\(shown(f)) er større end 1.000.000.000.000 kr."))
        case .failure(.notADecimalNumber):
            return .failure(FieldProblem("amount_dkk", "\(shown(f)) er ikke et decimaltal (cifre, eventuelt '.' og decimaler; ingen tusindtalsseparator)"))
        }
    }

    /// The codes of one closed set with their values, for matching bytes.
    struct CodeTable<T: Sendable>: Sendable {
        let names: [String]
        private let entries: [([UInt8], T)]

        init(_ values: [T], code: (T) -> String) {
            names = values.map(code)
            entries = values.map { (Array(code($0).utf8), $0) }
        }

        func match(_ f: FieldBytes) -> T? {
            for (bytes, value) in entries where bytes.count == f.count && bytes[0] == f[0] {
                if bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, f.baseAddress!, f.count) == 0 }) { return value }
            }
            return nil
        }
    }

    /// What is wrong with one field: its column and a plain-language reason
    /// that starts with the column's name (an `Error` so it can travel in a `Result`).
    struct FieldProblem: Error {
        let column: String
        let text: String
        init(_ column: String, _ rest: String) {
            self.column = column
            text = "\(column) \(rest)"
        }
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
}
