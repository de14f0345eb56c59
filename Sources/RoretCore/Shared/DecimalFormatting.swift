/// Plain-decimal formatting of Doubles for machine-readable output: the
/// shortest text that reads back to the same Double, never in exponent
/// notation and without a trailing `.0` (`0.25`, `12`, `0.00001`).
public enum DecimalFormatting {
    public static func plain(_ value: Double) -> String {
        precondition(value.isFinite, "key-figure values are finite")
        var text = "\(value)"
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            text = expand(mantissa: String(text[..<e]), exponent: Int(text[text.index(after: e)...])!)
        }
        if text.hasSuffix(".0") { text.removeLast(2) }
        if text == "-0" { text = "0" }
        return text
    }

    /// Rewrites `d.ddd × 10^exponent` as a plain decimal.
    private static func expand(mantissa: String, exponent: Int) -> String {
        var sign = ""
        var m = Substring(mantissa)
        if m.hasPrefix("-") { sign = "-"; m = m.dropFirst() }
        let parts = m.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        let digits = intPart + fracPart
        let point = intPart.count + exponent
        var result: String
        if point <= 0 {
            result = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            result = digits + String(repeating: "0", count: point - digits.count)
        } else {
            let i = digits.index(digits.startIndex, offsetBy: point)
            result = String(digits[..<i]) + "." + String(digits[i...])
        }
        if result.contains(".") {
            while result.hasSuffix("0") { result.removeLast() }
            if result.hasSuffix(".") { result.removeLast() }
        }
        return sign + result
    }
}
