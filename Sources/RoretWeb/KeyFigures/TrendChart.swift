import RoretCore

/// A line chart of a figure over the years (*udvikling*): the area against the
/// country. Suppressed or missing years are gaps, never zeros.
struct TrendChart {
    struct Series {
        var name: String
        var cssClass: String
        /// (year, value) with nil for a suppressed or missing value.
        var points: [(year: Int, value: Double?)]
    }

    var title: String
    var series: [Series]
    var kind: ValueKind
    var compact = false

    func svg() -> String {
        let width = compact ? 360.0 : 720.0, height = compact ? 160.0 : 280.0
        let left = compact ? 56.0 : 80.0, right = 16.0, top = 16.0, bottom = compact ? 28.0 : 44.0
        let years = Array(Set(series.flatMap { $0.points.map(\.year) })).sorted()
        let values = series.flatMap { $0.points.compactMap(\.value) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" class=\"chart trend\"><title>\(SVG.escape(title))</title>"
        guard let firstYear = years.first, let lastYear = years.last else {
            return out + SVG.text("Ingen tal at vise", x: width / 2, y: height / 2, anchor: "middle", cssClass: "empty") + "</svg>"
        }
        let maxValue = Self.niceCeiling(max(values.max() ?? 0, kind == .share ? 0.05 : 1))
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ year: Int) -> Double {
            lastYear == firstYear ? left + plotW / 2 : left + Double(year - firstYear) / Double(lastYear - firstYear) * plotW
        }
        func y(_ v: Double) -> Double { top + plotH - v / maxValue * plotH }
        for i in 0...4 {
            let v = maxValue * Double(i) / 4
            out += "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(y(v)))\" x2=\"\(SVG.n(width - right))\" y2=\"\(SVG.n(y(v)))\" class=\"grid\"/>"
            out += SVG.text(DanishFormat.value(v, kind: kind), x: left - 6, y: y(v) + 4, anchor: "end", cssClass: "tick")
        }
        for year in years {
            out += SVG.text(String(year), x: x(year), y: height - bottom + 18, anchor: "middle", cssClass: "tick")
        }
        for s in series {
            var path = ""
            var penDown = false
            for p in s.points.sorted(by: { $0.year < $1.year }) {
                guard let v = p.value else { penDown = false; continue }
                path += (penDown ? "L" : "M") + SVG.n(x(p.year)) + "," + SVG.n(y(v))
                penDown = true
                out += "<circle cx=\"\(SVG.n(x(p.year)))\" cy=\"\(SVG.n(y(v)))\" r=\"3.5\" class=\"point \(s.cssClass)\"><title>\(SVG.escape(s.name)) \(p.year): \(SVG.escape(DanishFormat.value(v, kind: kind)))</title></circle>"
            }
            if !path.isEmpty { out += "<path d=\"\(path)\" class=\"line \(s.cssClass)\"/>" }
        }
        if !compact {
            var lx = left
            for s in series {
                out += "<rect x=\"\(SVG.n(lx))\" y=\"\(SVG.n(height - 14))\" width=\"14\" height=\"4\" class=\"legend \(s.cssClass)\"/>"
                out += SVG.text(s.name, x: lx + 20, y: height - 8, cssClass: "legend-label")
                lx += 28 + Double(s.name.count) * 8
            }
        }
        return out + "</svg>"
    }

    /// A round upper bound for the axis: 1, 2 or 5 × a power of ten.
    static func niceCeiling(_ x: Double) -> Double {
        var magnitude = 1.0
        while magnitude * 10 < x { magnitude *= 10 }
        while magnitude > x && magnitude > 1e-9 { magnitude /= 10 }
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] where m * magnitude >= x { return m * magnitude }
        return 10 * magnitude
    }
}
