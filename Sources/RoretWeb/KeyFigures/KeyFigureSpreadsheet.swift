import RoretCore

/// "Hent til Excel" (*regneark til ledere*): the rows of a download with
/// Danish headings that name what is counted, numbers as numbers, and
/// hidden cells marked as on the pages. The CSV stays the machine format.
enum KeyFigureSpreadsheet {
    static func sheet(_ rows: [KeyFigureRow], names: (String) -> String, title: String) -> Spreadsheet {
        let figures = Set(rows.map(\.figure))
        let single = figures.count == 1 ? figures.first : nil
        var header = ["Område", "Kode", "År", "Nøgletal", "Opdeling"]
        header += single.map { [$0.danishNumeratorLabel, $0.danishDenominatorLabel] } ?? ["Antal", "Ud af", "Hvad der tælles"]
        header += ["Værdi", "Enhed", "Skjult"]
        let body: [[Spreadsheet.Cell]] = rows.map { row in
            var cells: [Spreadsheet.Cell] = [
                .text(names(row.area)), .text(row.area), .plain(row.year),
                .text("\(row.figure.code) \(row.figure.danishTitle)"), .text(row.breakdown.isEmpty ? "" : row.figure.danishBreakdown(row.breakdown)),
            ]
            cells += [quantity(row.numerator, hidden: row.suppressed), quantity(row.denominator, hidden: row.suppressed)]
            if single == nil { cells.append(.text("\(row.figure.danishNumeratorLabel) ud af \(row.figure.danishDenominatorLabel.lowercased())")) }
            cells.append(value(row))
            cells.append(.text(unit(row.figure.valueKind)))
            cells.append(.text(row.suppressed ? "ja" : ""))
            return cells
        }
        return Spreadsheet(
            sheetName: "Nøgletal", header: header, rows: body,
            notes: [title, "«..» betyder, at tallet er skjult for at beskytte små grupper af borgere (diskretionering). Et tomt felt under Værdi betyder, at der ikke er noget at dele med."]
        )
    }

    static func quantity(_ q: Quantity?, hidden: Bool) -> Spreadsheet.Cell {
        if hidden { return .text("..") }
        switch q {
        case .count(let n)?: return .integer(n)
        case .amount(let a)?: return .decimal(a.kroner, decimals: 2)
        case nil: return .empty
        }
    }

    static func value(_ row: KeyFigureRow) -> Spreadsheet.Cell {
        if row.suppressed { return .text("..") }
        guard let v = row.value else { return .empty }
        switch row.figure.valueKind {
        case .share: return .percent(v)
        case .per10000Adults, .meanScore: return .decimal(v, decimals: 2)
        case .kroner: return .decimal(v, decimals: 0)
        }
    }

    static func unit(_ kind: ValueKind) -> String {
        switch kind {
        case .share: "andel"
        case .per10000Adults: "pr. 10.000 voksne"
        case .meanScore: "point (0–100)"
        case .kroner: "kr. pr. modtager"
        }
    }
}
