/// An exact amount of Danish kroner (*beløb i kr.*), held in øre so sums never
/// round. Extracts carry at most two decimals (see docs/definitions.md).
public struct Amount: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in øre (1/100 DKK).
    public var ore: Int64

    public init(ore: Int64) { self.ore = ore }

    public static let zero = Amount(ore: 0)

    /// The largest amount one extract row may carry: 10^12 DKK. Keeps every sum
    /// of a national extract far inside Int64.
    public static let rowLimit = Amount(ore: 100_000_000_000_000)

    /// The amount in kroner as a Double (for ratios only, never for sums).
    public var kroner: Double { Double(ore) / 100 }

    public static func + (a: Amount, b: Amount) -> Amount { Amount(ore: a.ore + b.ore) }
    public static func += (a: inout Amount, b: Amount) { a.ore += b.ore }
    public static func < (a: Amount, b: Amount) -> Bool { a.ore < b.ore }

    /// Plain decimal kroner with `.` and no trailing zeros: `1234.5`, `17`, `0.05`.
    public var description: String {
        let sign = ore < 0 ? "-" : ""
        let magnitude = ore.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Why a text is not a valid amount.
    public enum ParseError: Error, Equatable, Sendable {
        case notADecimalNumber, negative, tooManyDecimals, tooLarge
    }

    /// Parses `123`, `123.4`, `123.45` (also `123.450`: trailing zeros are exact).
    /// No sign other than a rejected `-`, no thousands separator, no exponent.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> Result<Amount, ParseError> {
        guard let first = bytes.first else { return .failure(.notADecimalNumber) }
        if first == UInt8(ascii: "-") {
            let rest = bytes.dropFirst()
            if case .success = parse(rest) { return .failure(.negative) }
            return .failure(.notADecimalNumber)
        }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenPoint = false
        var wholeDigits = 0
        for c in bytes {
            if c == UInt8(ascii: ".") {
                guard !seenPoint else { return .failure(.notADecimalNumber) }
                seenPoint = true
                continue
            }
            guard c >= 48, c <= 57 else { return .failure(.notADecimalNumber) }
            let digit = Int64(c - 48)
            if seenPoint {
                fractionDigits += 1
                if fractionDigits > 2 {
                    guard digit == 0 else { return .failure(.tooManyDecimals) }
                } else {
                    fraction = fraction * 10 + digit
                }
            } else {
                wholeDigits += 1
                guard wholeDigits <= 13 else { return .failure(.tooLarge) }
                whole = whole * 10 + digit
            }
        }
        guard wholeDigits > 0, !seenPoint || fractionDigits > 0 else { return .failure(.notADecimalNumber) }
        if fractionDigits == 1 { fraction *= 10 }
        let amount = Amount(ore: whole * 100 + fraction)
        guard amount <= rowLimit else { return .failure(.tooLarge) }
        return .success(amount)
    }
}
