/// The staircase (*indsatstrappen*) as bars whose length is the value:
/// recipients per 10,000 adults on each step, from § 82 (least intrusive) to
/// § 108, with the country's rate marked on the same scale. A withheld step
/// is drawn as a labelled gap, never as a bar.
struct StaircaseChart {
    struct Step {
        var step: Int
        var name: String
        /// Recipients per 10,000 adults; nil when withheld or missing.
        var rate: Double?
        var rateText: String
        var recipients: String
        var nationalRate: Double?
        var nationalRateText: String
    }

    var steps: [Step]
    var areaName: String

    func svg() -> String {
        // Narrow enough that a 390 px phone shows the labels at a readable size.
        let width = 540.0, left = 104.0, right = 132.0, top = 40.0, rowH = 50.0
        let height = top + Double(steps.count) * rowH + 44
        let axis = AxisScale(maximum: steps.flatMap { [$0.rate, $0.nationalRate] }.compactMap { $0 }.max() ?? 0, kind: .per10000Adults)
        let plotW = width - left - right
        func x(_ v: Double) -> Double { left + v / axis.maximum * plotW }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" class=\"chart staircase\" aria-labelledby=\"trappe-titel\">"
        out += "<title id=\"trappe-titel\">Indsatstrappen for \(SVG.escape(areaName)): modtagere pr. 10.000 voksne på hvert trin, og hele landet</title>"
        out += SVG.text("Modtagere pr. 10.000 voksne", x: left, y: 14, cssClass: "axis-unit")
        for v in axis.ticks {
            out += "<line x1=\"\(SVG.n(x(v)))\" y1=\"\(SVG.n(top - 8))\" x2=\"\(SVG.n(x(v)))\" y2=\"\(SVG.n(top + Double(steps.count) * rowH))\" class=\"grid\"/>"
            out += SVG.text(axis.label(v), x: x(v), y: top + Double(steps.count) * rowH + 16, anchor: "middle", cssClass: "tick")
        }
        for (i, step) in steps.enumerated() {
            let y = top + Double(i) * rowH
            out += SVG.text("Trin \(step.step)", x: 8, y: y + 18, cssClass: "step-label")
            out += SVG.text(step.name, x: 8, y: y + 34, cssClass: "step-name")
            if let rate = step.rate {
                out += "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(y + 8))\" width=\"\(SVG.n(max(x(rate) - left, 1)))\" height=\"\(SVG.n(rowH - 18))\" class=\"bar step\(step.step)\"><title>Trin \(step.step): \(SVG.escape(step.rateText)) pr. 10.000 voksne (\(SVG.escape(step.recipients)) borgere)</title></rect>"
                out += SVG.text("\(step.rateText) · \(step.recipients) borgere", x: width - right + 8, y: y + 26, cssClass: "step-count")
            } else {
                out += "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(y + 8))\" width=\"\(SVG.n(plotW))\" height=\"\(SVG.n(rowH - 18))\" class=\"bar withheld\"/>"
                out += SVG.text("\(step.rateText) (skjult)", x: width - right + 8, y: y + 26, cssClass: "step-count")
            }
            if let national = step.nationalRate {
                out += "<line x1=\"\(SVG.n(x(national)))\" y1=\"\(SVG.n(y + 2))\" x2=\"\(SVG.n(x(national)))\" y2=\"\(SVG.n(y + rowH - 4))\" class=\"national-mark\"><title>Hele landet: \(SVG.escape(step.nationalRateText)) pr. 10.000 voksne</title></line>"
            }
        }
        let ly = height - 8
        out += "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(ly - 10))\" width=\"14\" height=\"10\" class=\"bar step1\"/>"
        out += SVG.text(areaName, x: left + 20, y: ly, cssClass: "legend-label")
        let nx = left + 40 + Double(areaName.count) * 7.5
        out += "<line x1=\"\(SVG.n(nx + 6))\" y1=\"\(SVG.n(ly - 12))\" x2=\"\(SVG.n(nx + 6))\" y2=\"\(SVG.n(ly + 2))\" class=\"national-mark\"/>"
        out += SVG.text("Hele landet", x: nx + 16, y: ly, cssClass: "legend-label")
        return out + "</svg>"
    }
}
