import ArgumentParser
import RoretCore
import RoretImport

/// `roret demo-extract`: a deterministic synthetic extract.
struct DemoExtract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-extract",
        abstract: "Generate a deterministic synthetic register extract for demos, tests and benchmarks."
    )

    @Option(name: .long, help: "small (3 municipalities), medium (15) or national (98, ~98,000 persons).")
    var scale: String = "small"

    @Option(name: .long, help: "Seed: the same seed gives the same extract.")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Write it as real extracts arrive: BOM, CRLF, quoted (also empty) fields, permuted columns, shuffled rows in some files.")
    var messy = false

    @Option(name: .long, help: "Folder to write the CSV files into (created if needed).")
    var output: String

    func run() throws {
        guard let scale = DemoScale(rawValue: scale) else {
            throw ValidationError("--scale must be small, medium or national")
        }
        let data = DemoExtractGenerator(scale: scale, seed: seed).generate()
        try ExtractDirectory.write(data, to: output, messySeed: messy ? seed : nil)
        print("wrote \(messy ? "messy " : "")\(scale.rawValue) demo extract (seed \(seed)): \(data.municipalities.count) municipalities, \(data.personIDs.count) persons, \(data.interventions.count) spells, \(data.firstYear)–\(data.lastYear) → \(output)")
    }
}
