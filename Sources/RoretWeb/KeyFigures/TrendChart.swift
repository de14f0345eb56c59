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
        let width = compact ? 360.0 : 720.0, height = compact ? 190.0 : 300.0
        let left = compact ? 52.0 : 64.0, right = 18.0, top = 30.0, bottom = compact ? 52.0 : 56.0
        let years = Array(Set(series.flatMap { $0.points.map(\.year) })).sorted()
        let values = series.flatMap { $0.points.compactMap(\.value) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" class=\"chart trend\"><title>\(SVG.escape(title))</title>"
        guard !years.isEmpty else {
            return out + SVG.text("Ingen tal at vise", x: width / 2, y: height / 2, anchor: "middle", cssClass: "empty") + "</svg>"
        }
        let plot = YearPlot(width: width, height: height, left: left, right: right, top: top, bottom: bottom, years: years,
                            axis: AxisScale(maximum: values.max() ?? 0, kind: kind))
        let axis = plot.axis
        func x(_ year: Int) -> Double { plot.x(year) }
        func y(_ v: Double) -> Double { plot.y(v) }
        out += plot.frame(unit: axis.unit, yearStep: compact && years.count > 5 ? 2 : 1, labelOffset: 18)
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
        // The legend under the axis, one row per series on the small charts so no name is cut off.
        var lx = left, ly = height - 16
        for s in series {
            let labelWidth = 24 + Double(s.name.count) * 7.2
            if lx + labelWidth > width - right, lx > left { lx = left; ly += 14 }
            out += "<rect x=\"\(SVG.n(lx))\" y=\"\(SVG.n(ly - 6))\" width=\"14\" height=\"4\" class=\"legend \(s.cssClass)\"/>"
            out += SVG.text(s.name, x: lx + 20, y: ly, cssClass: "legend-label")
            lx += labelWidth + 12
        }
        return out + "</svg>"
    }
}

/// A value axis with round ticks (1, 2, 2.5 or 5 × a power of ten) and its
/// unit written once above it, so tick labels stay short and never cut off.
/// A plot of values over years: where a year and a value fall, and the
/// frame every such chart draws (unit, grid lines with their labels, years).
struct YearPlot {
    let width: Double, height: Double, left: Double, right: Double, top: Double, bottom: Double
    let years: [Int]
    let axis: AxisScale

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }

    func x(_ year: Int) -> Double {
        guard let first = years.first, let last = years.last, last != first else { return left + plotWidth / 2 }
        return left + Double(year - first) / Double(last - first) * plotWidth
    }

    func y(_ v: Double) -> Double { top + plotHeight - v / axis.maximum * plotHeight }

    /// The unit, a grid line and label per tick, and every `yearStep`th year (the last always).
    func frame(unit: String, yearStep: Int, labelOffset: Double) -> String {
        var out = SVG.text(unit, x: 4, y: 14, cssClass: "axis-unit")
        for v in axis.ticks {
            out += "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(y(v)))\" x2=\"\(SVG.n(width - right))\" y2=\"\(SVG.n(y(v)))\" class=\"grid\"/>"
            out += SVG.text(axis.label(v), x: left - 6, y: y(v) + 4, anchor: "end", cssClass: "tick")
        }
        for (i, year) in years.enumerated() where i % yearStep == 0 || year == years.last {
            out += SVG.text(String(year), x: x(year), y: height - bottom + labelOffset, anchor: "middle", cssClass: "tick")
        }
        return out
    }
}

struct AxisScale {
    let step: Double
    let maximum: Double
    let kind: ValueKind

    init(maximum raw: Double, kind: ValueKind) {
        self.kind = kind
        let floor = kind == .share ? 0.05 : 1
        let target = max(raw, floor) / 4
        var magnitude = 1.0
        while magnitude * 10 <= target { magnitude *= 10 }
        while magnitude > target && magnitude > 1e-9 { magnitude /= 10 }
        let multiple = [1.0, 2.0, 2.5, 5.0, 10.0].first { $0 * magnitude >= target } ?? 10
        step = multiple * magnitude
        maximum = (max(raw, floor) / step).rounded(.up) * step
    }

    var ticks: [Double] {
        let n = Int((maximum / step).rounded())
        return (0...n).map { Double($0) * step }
    }

    /// The unit above the axis.
    var unit: String {
        switch kind {
        case .per10000Adults: "pr. 10.000 voksne"
        case .share: "procent"
        case .kroner: "kr."
        case .meanScore: "point (0–100)"
        }
    }

    /// A tick's label, with as few decimals as the step needs.
    func label(_ v: Double) -> String {
        let shown = kind == .share ? v * 100 : v
        let shownStep = kind == .share ? step * 100 : step
        let decimals = shownStep.rounded() == shownStep ? 0 : (shownStep * 10).rounded() == shownStep * 10 ? 1 : 2
        return DanishFormat.decimal(shown, decimals: decimals)
    }
}
