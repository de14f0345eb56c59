/// Small helpers for writing SVG by hand on the server (no script, no CDN:
/// the charts work offline and print as they show).
enum SVG {
    /// Escapes text for SVG/XML content and attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A coordinate with at most one decimal.
    static func n(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// A `<text>` element.
    static func text(_ s: String, x: Double, y: Double, anchor: String = "start", cssClass: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\"\(cssClass.isEmpty ? "" : " class=\"\(cssClass)\"")>\(escape(s))</text>"
    }
}
