import Foundation
import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// "Hent til Excel": the workbook is opened by a real spreadsheet program
/// (LibreOffice, headless, converting it to CSV) and its numbers checked.
@Suite struct SpreadsheetTests {
    /// LibreOffice's `soffice`, or nil; CI installs it and sets `RORET_REQUIRE_LIBREOFFICE=1`.
    static var soffice: String? {
        ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The workbook converted to CSV by LibreOffice (first sheet, UTF-8, comma).
    static func openInLibreOffice(_ data: Data) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("roret-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tal.xlsx")
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice!)
        process.arguments = ["-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false", "--outdir", dir.path, file.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return try String(contentsOf: dir.appendingPathComponent("tal.csv"), encoding: .utf8)
    }

    @Test func aLeadersWorkbookOpensInASpreadsheetWithTheSameNumbers() async throws {
        guard Self.soffice != nil else {
            #expect(ProcessInfo.processInfo.environment["RORET_REQUIRE_LIBREOFFICE"] != "1", "LibreOffice is required here")
            return
        }
        try await withRoretApp { app in
            let store = Store(database: app.db)
            let version = try #require(try await store.extracts.current(for: nationalArea))
            let set = try await app.roret.figures.figures(of: version, answers: try await store.publications.latest())
            var leader = Browser(app)
            try await leader.signIn("leder")
            let response = try await leader.get("/hent/NT13.xlsx")
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let csv = try Self.openInLibreOffice(Data(buffer: response.body))
            let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let header = try #require(lines.firstIndex { $0.first == "Område" })
            #expect(lines[header] == ["Område", "Kode", "År", "Nøgletal", "Opdeling", "Genindlæggelser", "Udskrivninger", "Værdi", "Enhed", "Skjult"])
            let body = Array(lines[(header + 1)...]).filter { $0.count > 1 }
            let rows = set.areas.flatMap { set.rows(area: $0, figure: .nt13, unsuppressed: false) }
            #expect(body.count == rows.count)
            var hidden = 0, shown = 0
            for (line, row) in zip(body, rows) {
                #expect(line[1] == row.area && line[2] == String(row.year))
                if row.suppressed {
                    hidden += 1
                    #expect(line[5] == ".." && line[6] == ".." && line[7] == ".." && line[9] == "ja", "\(row)")
                } else if case .count(let n)? = row.numerator, case .count(let d)? = row.denominator {
                    shown += 1
                    // Stored as numbers, so the spreadsheet gives back the values themselves (not text as shown).
                    #expect(line[5] == String(n) && line[6] == String(d), "\(row)")
                    if let value = row.value {
                        let percent = try #require(Double(line[7].dropLast()), "\(line[7]) is a number with a percent format")
                        #expect(line[7].hasSuffix("%") && abs(percent - value * 100) < 1e-9, "\(row)")
                    } else {
                        #expect(line[7].isEmpty, "a zero denominator has no value")
                    }
                }
            }
            #expect(hidden > 0 && shown > 0, "the demo has both, so this test can fail")
        }
    }

    @Test func columnNamesAndEscaping() {
        #expect(Spreadsheet.column(0) == "A" && Spreadsheet.column(25) == "Z" && Spreadsheet.column(26) == "AA" && Spreadsheet.column(701) == "ZZ")
        #expect(Spreadsheet.escape("a<b&\"c\"\u{1}") == "a&lt;b&amp;&quot;c&quot;")
    }
}
