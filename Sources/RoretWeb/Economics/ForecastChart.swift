import RoretCore

/// One step's forecast as a chart (*fremskrivning pr. trin*): the observed
/// year-end stocks (gaps where withheld), the projection dashed, and the
/// 80 % and 95 % ranges of the simulated paths as bands.
struct ForecastChart {
    var title: String
    var observed: [(year: Int, value: Double?)]
    var projected: [(year: Int, value: Double)]
    var range80: [(year: Int, low: Double, high: Double)]
    var range95: [(year: Int, low: Double, high: Double)]

    func svg() -> String {
        let width = 360.0, height = 200.0, left = 48.0, right = 14.0, top = 26.0, bottom = 40.0
        let years = (observed.map(\.year) + projected.map(\.year)).sorted()
        let values = observed.compactMap(\.value) + projected.map(\.value) + range95.map(\.high)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" class=\"chart forecast\"><title>\(SVG.escape(title))</title>"
        guard !years.isEmpty else {
            return out + SVG.text("Ingen tal at vise", x: width / 2, y: height / 2, anchor: "middle", cssClass: "empty") + "</svg>"
        }
        let plot = YearPlot(width: width, height: height, left: left, right: right, top: top, bottom: bottom, years: years,
                            axis: AxisScale(maximum: values.max() ?? 0, kind: .kroner))
        func x(_ year: Int) -> Double { plot.x(year) }
        func y(_ v: Double) -> Double { plot.y(v) }
        out += plot.frame(unit: "personer", yearStep: years.count > 8 ? 2 : 1, labelOffset: 16)
        let anchorPoint = observed.last.flatMap { o in o.value.map { (o.year, $0) } }
        func band(_ r: [(year: Int, low: Double, high: Double)], _ css: String) {
            guard !r.isEmpty else { return }
            var points = r.map { "\(SVG.n(x($0.year))),\(SVG.n(y($0.high)))" }
            if let (year, v) = anchorPoint { points.insert("\(SVG.n(x(year))),\(SVG.n(y(v)))", at: 0) }
            points += r.reversed().map { "\(SVG.n(x($0.year))),\(SVG.n(y($0.low)))" }
            out += "<polygon points=\"\(points.joined(separator: " "))\" class=\"\(css)\"/>"
        }
        band(range95, "band95")
        band(range80, "band80")
        var segment: [String] = []
        func flush() {
            if segment.count > 1 { out += "<polyline points=\"\(segment.joined(separator: " "))\" class=\"line observed\"/>" }
            segment = []
        }
        for o in observed {
            if let v = o.value {
                segment.append("\(SVG.n(x(o.year))),\(SVG.n(y(v)))")
                out += "<circle cx=\"\(SVG.n(x(o.year)))\" cy=\"\(SVG.n(y(v)))\" r=\"2.5\" class=\"dot observed\"/>"
            } else {
                flush()
            }
        }
        flush()
        var projectedPoints = projected.map { "\(SVG.n(x($0.year))),\(SVG.n(y($0.value)))" }
        if let (year, v) = anchorPoint { projectedPoints.insert("\(SVG.n(x(year))),\(SVG.n(y(v)))", at: 0) }
        if projectedPoints.count > 1 { out += "<polyline points=\"\(projectedPoints.joined(separator: " "))\" class=\"line projected\"/>" }
        return out + "</svg>"
    }
}
