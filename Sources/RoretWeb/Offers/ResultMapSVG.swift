import RoretCore

/// The theory of change's result map drawn on the server (*resultatkort*):
/// four columns, a band per row (component or sub-group), boxes with their
/// indicator, arrows numbered with their mechanism listed below. Gaps and
/// uncertainties are dashed and marked "?". No script: it prints as shown.
enum ResultMapSVG {
    static let columnWidth = 250.0, gap = 40.0, boxHeight = 78.0, boxGap = 14.0, head = 44.0, rowLabel = 20.0
    static var width: Double { 4 * columnWidth + 3 * gap + 20 }

    /// Words wrapped into at most `lines` lines of `width` characters, the last one cut with "…".
    static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
        var out: [String] = [], line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if line.isEmpty { line = String(word) } else if line.count + 1 + word.count <= width { line += " " + word } else { out.append(line); line = String(word) }
        }
        if !line.isEmpty { out.append(line) }
        if out.count > lines { out = Array(out.prefix(lines)); out[lines - 1] = String(out[lines - 1].prefix(width - 1)) + "…" }
        return out.map { $0.count > width ? String($0.prefix(width - 1)) + "…" : $0 }
    }

    struct Placed {
        var box: TheoryOfChange.Box
        var x: Double
        var y: Double
    }

    /// The boxes' positions and the drawing's height.
    static func layout(_ theory: TheoryOfChange) -> (placed: [String: Placed], bands: [(row: String, y: Double, height: Double)], height: Double) {
        var placed: [String: Placed] = [:]
        var bands: [(String, Double, Double)] = []
        var y = head
        for row in theory.rows {
            let boxes = theory.boxes.filter { $0.row == row }
            let tallest = TheoryOfChange.Column.allCases.map { c in boxes.filter { $0.column == c }.count }.max() ?? 0
            let top = y + (row.isEmpty ? 0 : rowLabel)
            for c in TheoryOfChange.Column.allCases {
                for (i, b) in boxes.filter({ $0.column == c }).enumerated() {
                    placed[b.id] = Placed(box: b, x: 10 + Double(c.rawValue) * (columnWidth + gap), y: top + Double(i) * (boxHeight + boxGap))
                }
            }
            let height = (row.isEmpty ? 0 : rowLabel) + Double(tallest) * (boxHeight + boxGap)
            bands.append((row, y, height))
            y += height + 10
        }
        return (placed, bands, max(y, head + boxHeight) + 10)
    }

    /// The SVG, titled for screen readers; arrows carry their number from `numbers`.
    /// With `values`, each result box shows its indicator's measured value (part 2), coloured by direction.
    static func draw(_ theory: TheoryOfChange, title: String, values: [String: MeasuredValue] = [:]) -> String {
        let (placed, bands, height) = layout(theory)
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"result-map\" viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(height))\" role=\"img\" aria-labelledby=\"map-title map-desc\">"
        s += "<title id=\"map-title\">\(SVG.escape(title))</title><desc id=\"map-desc\">\(theory.boxes.count) bokse og \(theory.arrows.count) pile i fire kolonner. Boksene og pilene står også som tekst under kortet.</desc>"
        s += "<defs><marker id=\"arrowhead\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#33475b\"/></marker></defs>"
        for c in TheoryOfChange.Column.allCases {
            let x = 10 + Double(c.rawValue) * (columnWidth + gap)
            s += "<rect x=\"\(SVG.n(x))\" y=\"4\" width=\"\(SVG.n(columnWidth))\" height=\"30\" rx=\"4\" fill=\"#0b3d63\"/>"
            s += SVG.text(c.danishName, x: x + columnWidth / 2, y: 24, anchor: "middle", cssClass: "map-head")
        }
        for band in bands where !band.row.isEmpty {
            s += "<rect x=\"4\" y=\"\(SVG.n(band.y - 4))\" width=\"\(SVG.n(width - 8))\" height=\"\(SVG.n(band.height + 4))\" rx=\"6\" fill=\"#f3f7fb\" stroke=\"#c9d6e3\"/>"
            s += SVG.text(band.row, x: 12, y: band.y + 12, cssClass: "map-row")
        }
        for (n, arrow) in theory.arrows.enumerated() {
            guard let a = placed[arrow.from], let b = placed[arrow.to] else { continue }
            let dash = arrow.uncertain ? " stroke-dasharray=\"6 4\"" : ""
            let path: String, mid: (Double, Double)
            if a.box.column < b.box.column {
                let (x1, y1, x2, y2) = (a.x + columnWidth, a.y + boxHeight / 2, b.x, b.y + boxHeight / 2)
                path = "M \(SVG.n(x1)) \(SVG.n(y1)) C \(SVG.n(x1 + gap)) \(SVG.n(y1)) \(SVG.n(x2 - gap)) \(SVG.n(y2)) \(SVG.n(x2)) \(SVG.n(y2))"
                mid = ((x1 + x2) / 2, (y1 + y2) / 2)
            } else if a.box.column == b.box.column {
                let down = a.y < b.y
                let (x1, y1) = (a.x + columnWidth / 2, down ? a.y + boxHeight : a.y)
                let (x2, y2) = (b.x + columnWidth / 2, down ? b.y : b.y + boxHeight)
                path = "M \(SVG.n(x1)) \(SVG.n(y1)) L \(SVG.n(x2)) \(SVG.n(y2))"
                mid = ((x1 + x2) / 2 + 10, (y1 + y2) / 2)
            } else {
                let (x1, y1, x2, y2) = (a.x + columnWidth / 2, a.y + boxHeight, b.x + columnWidth / 2, b.y + boxHeight)
                let low = max(y1, y2) + boxGap
                path = "M \(SVG.n(x1)) \(SVG.n(y1)) C \(SVG.n(x1)) \(SVG.n(low + 20)) \(SVG.n(x2)) \(SVG.n(low + 20)) \(SVG.n(x2)) \(SVG.n(y2))"
                mid = ((x1 + x2) / 2, low + 5)
            }
            s += "<path d=\"\(path)\" fill=\"none\" stroke=\"#33475b\" stroke-width=\"1.6\"\(dash) marker-end=\"url(#arrowhead)\"/>"
            s += "<circle cx=\"\(SVG.n(mid.0))\" cy=\"\(SVG.n(mid.1))\" r=\"9\" fill=\"#fff\" stroke=\"#33475b\"/>"
            s += SVG.text(String(n + 1), x: mid.0, y: mid.1 + 4, anchor: "middle", cssClass: "map-number")
        }
        for p in placed.values.sorted(by: { $0.box.id < $1.box.id }) {
            let b = p.box
            let dash = b.uncertain ? " stroke-dasharray=\"6 4\"" : ""
            let fill = b.column == .activities ? "#ffffff" : "#eef5fb"
            s += "<g class=\"map-box\"><rect x=\"\(SVG.n(p.x))\" y=\"\(SVG.n(p.y))\" width=\"\(SVG.n(columnWidth))\" height=\"\(SVG.n(boxHeight))\" rx=\"5\" fill=\"\(fill)\" stroke=\"\(b.uncertain ? "#a3431f" : "#33475b")\" stroke-width=\"1.4\"\(dash)/>"
            s += SVG.text(b.id + (b.uncertain ? " ?" : ""), x: p.x + 6, y: p.y + 14, cssClass: "map-id")
            let value = b.indicator.flatMap { values[$0] }
            for (i, line) in wrap(b.text, width: 36, lines: b.indicator == nil ? 4 : value == nil ? 3 : 2).enumerated() {
                s += SVG.text(line, x: p.x + 6, y: p.y + 30 + Double(i) * 14, cssClass: "map-text")
            }
            if let indicator = b.indicator {
                s += SVG.text("Indikator: " + (wrap(indicator, width: 30, lines: 1).first ?? ""), x: p.x + 6, y: p.y + boxHeight - (value == nil ? 6 : 20), cssClass: "map-indicator")
            }
            if let value {
                let colour = value.direction == .up ? "#2e7d4f" : value.direction == .down ? "#b3261e" : "#5a6b7b"
                s += "<rect x=\"\(SVG.n(p.x))\" y=\"\(SVG.n(p.y))\" width=\"5\" height=\"\(SVG.n(boxHeight))\" fill=\"\(colour)\"/>"
                s += SVG.text(wrap(value.text, width: 38, lines: 1).first ?? "", x: p.x + 8, y: p.y + boxHeight - 6, cssClass: "map-value \(value.direction.rawValue)")
            }
            s += "</g>"
        }
        return s + "</svg>"
    }
}
