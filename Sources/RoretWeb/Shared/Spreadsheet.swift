import Foundation
import ZIPFoundation

/// One sheet as an Excel workbook (*regneark*, .xlsx): Office Open XML
/// parts zipped with ZIPFoundation. Numbers are stored as numbers with a
/// display format, text as inline strings, so a Danish Excel or LibreOffice
/// shows them in its own locale.
struct Spreadsheet {
    /// One cell.
    enum Cell {
        case text(String)
        /// A whole number with thousands separators.
        case integer(Int)
        /// A whole number as it is (a year, a code).
        case plain(Int)
        /// A number shown with `decimals` decimals and thousands separators.
        case decimal(Double, decimals: Int)
        /// A share 0–1 shown as a percentage with one decimal.
        case percent(Double)
        case empty
    }

    var sheetName: String
    var header: [String]
    var rows: [[Cell]]
    /// Lines above the header: a title and notes (e.g. what the hidden mark means).
    var notes: [String] = []

    /// The same table as CSV for machines: the header, then one line per row
    /// (numbers with a decimal point, no separators; a hidden count as "..").
    func csv() -> String {
        func field(_ text: String) -> String { text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text }
        func text(_ cell: Cell) -> String {
            switch cell {
            case .text(let t): field(t)
            case .integer(let n), .plain(let n): String(n)
            case .decimal(let v, let decimals): String(format: "%.\(decimals)f", v)
            case .percent(let v): String(format: "%.4f", v)
            case .empty: ""
            }
        }
        return ([header.map(field).joined(separator: ",")] + rows.map { $0.map(text).joined(separator: ",") }).joined(separator: "\n") + "\n"
    }

    /// The workbook's bytes.
    func xlsx() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", Self.contentTypes)
        try add("_rels/.rels", Self.rootRelationships)
        try add("xl/workbook.xml", workbook)
        try add("xl/_rels/workbook.xml.rels", Self.workbookRelationships)
        try add("xl/styles.xml", Self.styles)
        try add("xl/worksheets/sheet1.xml", sheet)
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    private var workbook: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\(Self.escape(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    }

    private var sheet: String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        var r = 0
        func row(_ cells: [Cell], style: Int? = nil) {
            r += 1
            out += "<row r=\"\(r)\">"
            for (c, cell) in cells.enumerated() {
                let ref = Self.column(c) + String(r)
                switch cell {
                case .text(let s): out += "<c r=\"\(ref)\" t=\"inlineStr\"\(style.map { " s=\"\($0)\"" } ?? "")><is><t xml:space=\"preserve\">\(Self.escape(s))</t></is></c>"
                case .integer(let n): out += "<c r=\"\(ref)\" s=\"1\"><v>\(n)</v></c>"
                case .plain(let n): out += "<c r=\"\(ref)\"><v>\(n)</v></c>"
                case .decimal(let x, let decimals): out += "<c r=\"\(ref)\" s=\"\(decimals == 0 ? 1 : 3)\"><v>\(x)</v></c>"
                case .percent(let x): out += "<c r=\"\(ref)\" s=\"2\"><v>\(x)</v></c>"
                case .empty: break
                }
            }
            out += "</row>"
        }
        for note in notes { row([.text(note)]) }
        if !notes.isEmpty { r += 1 }
        row(header.map(Cell.text), style: 4)
        for cells in rows { row(cells) }
        return out + "</sheetData></worksheet>"
    }

    /// A, B, …, Z, AA, …
    static func column(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let d = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + d))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Escapes XML text; drops characters XML 1.0 cannot hold.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    private static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """

    private static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """

    private static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """

    /// Styles: 0 plain, 1 whole number (#,##0), 2 percentage (0.0%), 3 two decimals (#,##0.00), 4 bold heading.
    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>
        """
}
