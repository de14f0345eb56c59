import RoretCore

/// Numbers as a Danish reader expects them (*dansk talformat*): `.` between
/// thousands, `,` before decimals; shares as percentages.
enum DanishFormat {
    /// What a suppressed cell shows: one neutral mark, as Danmarks Statistik
    /// marks confidential cells — never "<5", since a cell withheld by a
    /// secondary rule usually holds 5 or more.
    static let suppressed = ".."
    /// What a cell without a value (zero denominator) shows.
    static let none = "–"

    /// A whole number with thousands separators, e.g. 12.345.
    static func integer(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return n < 0 ? "−" + out : out
    }

    /// `x` with `decimals` decimals, e.g. 12,3.
    static func decimal(_ x: Double, decimals: Int) -> String {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = (abs(x) * factor).rounded()
        let whole = Int(scaled / factor)
        let fraction = Int(scaled) - whole * Int(factor)
        var text = integer(whole)
        if decimals > 0 {
            let f = String(fraction)
            text += "," + String(repeating: "0", count: decimals - f.count) + f
        }
        return (x < 0 && scaled != 0 ? "−" : "") + text
    }

    /// A row's value as the figure reads, or the suppression mark / `–`.
    static func value(_ row: KeyFigureRow) -> String {
        if row.suppressed { return suppressed }
        // Q01 of 0 means nobody was measured: not a share to read as "0 %".
        if row.figure == .q01, row.numerator == .count(0) { return "ingen målinger" }
        guard let v = row.value else { return none }
        return value(v, kind: row.figure.valueKind)
    }

    /// A value of the given kind.
    static func value(_ value: Double, kind: ValueKind) -> String {
        switch kind {
        case .per10000Adults: decimal(value, decimals: 1)
        case .share: decimal(value * 100, decimals: 1) + " %"
        case .kroner: decimal(value, decimals: 0) + " kr."
        case .meanScore: decimal(value, decimals: 1)
        }
    }

    /// A numerator or denominator, or the suppression mark when suppressed.
    static func quantity(_ q: Quantity?, suppressed: Bool) -> String {
        if suppressed { return self.suppressed }
        switch q {
        case .count(let n)?: return integer(n)
        case .amount(let a)?: return decimal(a.kroner, decimals: 0) + " kr."
        case nil: return none
        }
    }

    /// A change between two values of a kind, with sign: percentage points for shares.
    static func change(_ delta: Double, kind: ValueKind) -> String {
        let sign = delta > 0 ? "+" : ""
        switch kind {
        case .share: return sign + decimal(delta * 100, decimals: 1) + " pct.-point"
        default: return sign + value(delta, kind: kind)
        }
    }
}
