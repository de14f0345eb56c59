import RoretCore

/// The eight prerequisites side by side (*de otte forudsætninger*): one
/// horizontal bar per round (up to the three latest comparable rounds),
/// on the 1–5 scale; the table beside it carries the same numbers.
struct PrerequisiteChart {
    let rounds: [Round]

    func svg() -> String {
        let shown = Array(rounds.suffix(3))
        let names = StandardItemSets.prerequisites.count == (shown.last?.itemSet.groups.count ?? 0) ? shown.last!.itemSet.groups : (shown.last?.itemSet.groups ?? [])
        let rowHeight = Double(12 * max(shown.count, 1) + 14), left = 330.0, width = 900.0, barWidth = width - left - 30
        let height = rowHeight * Double(names.count) + 40
        var out = "<svg class=\"chart\" viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(height))\" role=\"img\" aria-label=\"De otte forudsætninger, fælles score 1–5 i de seneste runder\">"
        for tick in 1...5 {
            let x = left + Double(tick - 1) / 4 * barWidth
            out += "<line x1=\"\(SVG.n(x))\" y1=\"10\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(height - 25))\" class=\"grid\"/>"
            out += SVG.text(String(tick), x: x, y: height - 10, anchor: "middle", cssClass: "tick")
        }
        let classes = ["round-old", "round-mid", "round-new"].suffix(shown.count)
        for (i, name) in names.enumerated() {
            let y = 14 + Double(i) * rowHeight
            out += SVG.text(name, x: left - 8, y: y + rowHeight / 2 + 2, anchor: "end", cssClass: "bar-label")
            for (j, (round, css)) in zip(shown, classes).enumerated() {
                guard let score = round.prerequisiteScores.first(where: { $0.prerequisite == name })?.score else { continue }
                let w = max(2, (score - 1) / 4 * barWidth)
                out += "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(y + Double(j) * 12))\" width=\"\(SVG.n(w))\" height=\"10\" class=\"\(css)\"><title>\(SVG.escape("\(name), \(round.date.danish): \(DanishFormat.decimal(score, decimals: 1))"))</title></rect>"
            }
        }
        return out + "</svg>"
    }
}
