import RoretCore

/// One citizen's curve at an offer (*den enkelte borgers kurve*,
/// results-documentation.md §5): the instrument's scores over time on its
/// own scale, the citizen's own answers as filled dots and staff's as
/// hollow ones. For staff with access to the citizen only.
enum CitizenCurve {
    static func draw(_ answers: [OfferAnswer], instrument: OfferInstrument, title: String) -> String {
        let width = 640.0, height = 220.0, left = 40.0, right = 16.0, top = 12.0, bottom = 30.0
        let plotW = width - left - right, plotH = height - top - bottom
        let scored = answers.filter { $0.score != nil }.sorted { $0.day < $1.day }
        let low: Double, high: Double
        if instrument.standardInstrument != nil {
            (low, high) = (0, 100)
        } else {
            let n = Double(max(1, instrument.itemTexts.count))
            (low, high) = (Double(instrument.scaleMin) * n, max(Double(instrument.scaleMin) * n + 1, Double(instrument.scaleMax) * n))
        }
        func y(_ v: Double) -> Double { top + plotH - (min(max(v, low), high) - low) / (high - low) * plotH }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" class=\"chart trajectory\"><title>\(SVG.escape(title))</title>"
        for tick in stride(from: low, through: high, by: (high - low) / 4) {
            out += "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(y(tick)))\" x2=\"\(SVG.n(width - right))\" y2=\"\(SVG.n(y(tick)))\" class=\"grid\"/>"
            out += SVG.text(DanishFormat.decimal(tick, decimals: 0), x: left - 6, y: y(tick) + 4, anchor: "end", cssClass: "tick")
        }
        guard let first = scored.first?.day, let last = scored.last?.day else { return out + "</svg>" }
        let span = Double(max(1, last.rawValue - first.rawValue))
        func x(_ day: Day) -> Double { left + Double(day.rawValue - first.rawValue) / span * plotW }
        for respondent in Respondent.allCases {
            let mine = scored.filter { $0.respondent == respondent }
            guard !mine.isEmpty else { continue }
            let path = mine.enumerated().map { ($0.offset == 0 ? "M" : "L") + SVG.n(x($0.element.day)) + "," + SVG.n(y($0.element.score!)) }.joined()
            out += "<path d=\"\(path)\" class=\"line \(respondent == .citizen ? "area" : "reference")\"/>"
            for a in mine {
                out += "<circle cx=\"\(SVG.n(x(a.day)))\" cy=\"\(SVG.n(y(a.score!)))\" r=\"4\" class=\"point \(respondent == .citizen ? "area" : "hollow")\"><title>\(a.day.danish): \(DanishFormat.decimal(a.score!, decimals: 0)) (\(a.respondent.danishName.lowercased()))</title></circle>"
            }
        }
        out += SVG.text(first.danish, x: left, y: height - 8, cssClass: "tick")
        out += SVG.text(last.danish, x: width - right, y: height - 8, anchor: "end", cssClass: "tick")
        return out + "</svg>"
    }
}
