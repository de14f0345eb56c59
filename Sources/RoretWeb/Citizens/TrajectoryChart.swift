import RoretCore

/// A citizen's scores over time (*borgerens forløb*) on a 0–100 scale, with
/// the WHO-5 bands behind (0–35, 36–50, 51–100) and the population's mean
/// as a dashed line. Incomplete answers are not drawn.
struct TrajectoryChart {
    var trajectory: Trajectory

    func svg() -> String {
        let width = 640.0, height = 240.0, left = 40.0, right = 16.0, top = 12.0, bottom = 30.0
        let plotW = width - left - right, plotH = height - top - bottom
        let scored = trajectory.points.filter { $0.score != nil }
        let name = trajectory.instrument.danishName
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" class=\"chart trajectory\"><title>\(SVG.escape(name)): borgerens scorer over tid</title>"
        func y(_ score: Double) -> Double { top + plotH - score / 100 * plotH }
        if trajectory.instrument == .who5 {
            for (low, high, cls) in [(0.0, 35.0, "band-large"), (35.0, 50.0, "band-risk"), (50.0, 100.0, "band-ok")] {
                out += "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(y(high)))\" width=\"\(SVG.n(plotW))\" height=\"\(SVG.n(y(low) - y(high)))\" class=\"\(cls)\"/>"
            }
        }
        for tick in stride(from: 0.0, through: 100.0, by: 25.0) {
            out += "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(y(tick)))\" x2=\"\(SVG.n(width - right))\" y2=\"\(SVG.n(y(tick)))\" class=\"grid\"/>"
            out += SVG.text(String(Int(tick)), x: left - 6, y: y(tick) + 4, anchor: "end", cssClass: "tick")
        }
        let reference = Double(trajectory.populationReference)
        out += "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(y(reference)))\" x2=\"\(SVG.n(width - right))\" y2=\"\(SVG.n(y(reference)))\" class=\"reference\"/>"
        out += SVG.text("Befolkningen: \(trajectory.populationReference)", x: width - right - 4, y: y(reference) - 5, anchor: "end", cssClass: "tick")
        guard let first = scored.first?.date, let last = scored.last?.date else {
            return out + SVG.text("Ingen fuldstændige besvarelser endnu", x: left + plotW / 2, y: top + plotH / 2, anchor: "middle", cssClass: "empty") + "</svg>"
        }
        let span = Double(max(1, last.rawValue - first.rawValue))
        func x(_ day: Day) -> Double { scored.count == 1 ? left + plotW / 2 : left + Double(day.rawValue - first.rawValue) / span * plotW }
        var path = ""
        for (i, p) in scored.enumerated() {
            path += (i == 0 ? "M" : "L") + SVG.n(x(p.date)) + "," + SVG.n(y(Double(p.score!)))
        }
        out += "<path d=\"\(path)\" class=\"line area\"/>"
        for p in scored {
            out += "<circle cx=\"\(SVG.n(x(p.date)))\" cy=\"\(SVG.n(y(Double(p.score!))))\" r=\"4\" class=\"point area\"><title>\(p.date): \(p.score!)</title></circle>"
        }
        out += SVG.text(first.description, x: left, y: height - 8, cssClass: "tick")
        if scored.count > 1 { out += SVG.text(last.description, x: width - right, y: height - 8, anchor: "end", cssClass: "tick") }
        return out + "</svg>"
    }
}
