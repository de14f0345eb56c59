/// NT06 as a flow picture (*bevægelser*): for each starting step a bar split
/// into where the cohort is two years later — out, lower, same, higher.
struct FlowChart {
    struct Segment {
        var label: String
        var cssClass: String
        /// Share 0–1; nil when suppressed (drawn hatched, unlabelled).
        var share: Double?
        var text: String
    }

    struct Bar {
        var label: String
        var cohort: String
        var segments: [Segment]
    }

    var title: String
    var bars: [Bar]

    func svg() -> String {
        let width = 760.0, rowH = 44.0, left = 150.0, right = 20.0, top = 34.0
        let height = top + Double(bars.count) * rowH + 40
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" class=\"chart flow\"><title>\(SVG.escape(title))</title>"
        let plotW = width - left - right
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * rowH
            out += SVG.text(bar.label, x: 8, y: y + 16, cssClass: "flow-label")
            out += SVG.text("\(bar.cohort) borgere", x: 8, y: y + 32, cssClass: "flow-cohort")
            let known = bar.segments.compactMap(\.share).reduce(0, +)
            let unknownCount = bar.segments.filter { $0.share == nil }.count
            let unknownShare = unknownCount > 0 ? max(0, 1 - known) / Double(unknownCount) : 0
            var x = left
            for seg in bar.segments {
                let w = (seg.share ?? unknownShare) * plotW
                guard w > 0.5 else { continue }
                let cls = seg.share == nil ? "seg suppressed" : "seg \(seg.cssClass)"
                out += "<rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(y + 4))\" width=\"\(SVG.n(w))\" height=\"\(SVG.n(rowH - 12))\" class=\"\(cls)\"><title>\(SVG.escape(bar.label + " → " + seg.label + ": " + seg.text))</title></rect>"
                if w > 46 { out += SVG.text(seg.text, x: x + w / 2, y: y + rowH / 2 + 2, anchor: "middle", cssClass: "seg-text on-\(seg.cssClass)") }
                x += w
            }
        }
        var lx = left
        for seg in bars.first?.segments ?? [] {
            out += "<rect x=\"\(SVG.n(lx))\" y=\"\(SVG.n(height - 24))\" width=\"12\" height=\"12\" class=\"seg \(seg.cssClass)\"/>"
            out += SVG.text(seg.label, x: lx + 18, y: height - 14, cssClass: "legend-label")
            lx += 30 + Double(seg.label.count) * 8
        }
        return out + "</svg>"
    }
}
