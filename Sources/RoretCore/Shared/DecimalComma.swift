extension String {
    /// "0.85" → "0,85": a number written by Swift, as Danish text writes it
    /// (Core's few texts with numbers; the web formats with `DanishFormat`).
    var withDecimalComma: String { String(map { $0 == "." ? "," : $0 }) }
}
