/// The staircase drawn as a staircase (*indsatstrappen*): five steps rising
/// from § 82 to § 108, each labelled with the area's recipients and rate and
/// the country's rate.
struct StaircaseChart {
    struct Step {
        var step: Int
        var name: String
        var recipients: String
        var rate: String
        var nationalRate: String
        var change: String
    }

    var steps: [Step]
    var areaName: String

    func svg() -> String {
        let width = 760.0, height = 360.0, base = 330.0, stepWidth = 140.0, rise = 52.0
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" class=\"chart staircase\" aria-labelledby=\"trappe-titel\">"
        out += "<title id=\"trappe-titel\">Indsatstrappen for \(SVG.escape(areaName)): modtagere pr. trin</title>"
        for (i, step) in steps.enumerated() {
            let x = 20 + Double(i) * stepWidth
            let top = base - Double(i + 1) * rise
            out += "<rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(top))\" width=\"\(SVG.n(stepWidth - 4))\" height=\"\(SVG.n(base - top))\" class=\"step step\(step.step)\"/>"
            out += SVG.text("Trin \(step.step)", x: x + 8, y: top + 20, cssClass: "step-label")
            out += SVG.text(step.name, x: x + 8, y: top + 36, cssClass: "step-name")
            out += SVG.text(step.recipients + " modtagere", x: x + 8, y: top - 44, cssClass: "step-count")
            out += SVG.text(step.rate + " pr. 10.000", x: x + 8, y: top - 28, cssClass: "step-rate")
            out += SVG.text("Landet: " + step.nationalRate + " · " + step.change, x: x + 8, y: top - 12, cssClass: "step-compare")
        }
        out += "<line x1=\"10\" y1=\"\(SVG.n(base))\" x2=\"\(SVG.n(width - 10))\" y2=\"\(SVG.n(base))\" class=\"axis\"/>"
        out += SVG.text("Tættest på et selvstændigt hverdagsliv", x: 20, y: base + 22, cssClass: "axis-label")
        out += SVG.text("Mest indgribende", x: width - 20, y: base + 22, anchor: "end", cssClass: "axis-label")
        return out + "</svg>"
    }
}
