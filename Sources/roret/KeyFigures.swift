import ArgumentParser
import Foundation
import RoretCore
import RoretImport

/// `roret keyfigures <extract-dir>`: NT01–NT20 and Q01 as CSV or JSON.
struct KeyFigures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyfigures",
        abstract: "Compute Socialpsykiatriens Nøgletal for every municipality and the country."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Argument(help: "The folder holding the extract's CSV files.")
    var extractDir: String

    @Option(name: .long, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "No disclosure control: only for analysts with access to person-level data.")
    var unsuppressed = false

    @Option(name: .long, help: "Reasons that count, comma-separated (sindslidelse, kognitivt_handicap, andet).")
    var targetGroup = "sindslidelse"

    @Option(name: .long, help: "Only this area: a municipality code or 'national'.")
    var area: String?

    @Option(name: .long, help: "Only this year.")
    var year: Int?

    @Option(name: .long, help: "csv or json.")
    var format: Format = .csv

    @Option(name: .long, help: "Points of Brief INSPIRE-O change counted as improved/worsened (NT20).")
    var inspireThreshold = 10

    func run() throws {
        var reasons: Set<Reason> = []
        for code in targetGroup.split(separator: ",") {
            guard let reason = Reason(code: code.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown reason '\(code)' in --target-group; use sindslidelse, kognitivt_handicap or andet")
            }
            reasons.insert(reason)
        }
        guard !reasons.isEmpty else { throw ValidationError("--target-group needs at least one reason") }

        let data: RegisterData
        switch ExtractDirectory.read(extractDir) {
        case .valid(let d, _): data = d
        case .invalid(let problems):
            var report = problems.map(\.description).joined(separator: "\n")
            report += "\ninvalid: \(problems.count) problem\(problems.count == 1 ? "" : "s") found; no key figures were computed\n"
            FileHandle.standardError.write(Data(report.utf8))
            throw ExitCode(1)
        }
        if let area, area != nationalArea, data.municipalityIndex(code: area) == nil {
            throw ValidationError("--area \(area) is not a municipality of this extract (nor 'national')")
        }
        if let year, !data.years.contains(year) {
            throw ValidationError("--year \(year) is outside the extract's period \(data.firstYear)–\(data.lastYear)")
        }
        let options = KeyFigureOptions(targetGroup: TargetGroup(reasons), inspireChangeThreshold: inspireThreshold)
        var rows = KeyFigureEngine.compute(data, options: options)
        if !unsuppressed { rows = DisclosureControl.suppress(rows) }
        if area != nil || year != nil {
            rows = rows.filter { (area == nil || $0.area == area) && (year == nil || $0.year == year) }
        }
        let text = format == .csv ? KeyFigureOutput.csv(rows) : KeyFigureOutput.json(rows)
        if let output {
            // Written whole to a temporary file, then moved: never a partial output file.
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
