import ArgumentParser
import Foundation
import RoretImport
import RoretStore

/// `roret export-measurements`: the stored answers as `measurements.csv` of
/// the extract format (person-level data: the export is audited).
struct ExportMeasurements: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-measurements",
        abstract: "Write the stored WHO-5 and Brief INSPIRE-O answers as measurements.csv (extract format)."
    )

    @Option(name: .long, help: "The file to write (default: measurements.csv).")
    var output = "measurements.csv"

    @Option(name: .long, help: "Only this municipality's citizens.")
    var municipality: String?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let user = "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown")
        let rows = try await StoreHost.withStore(store.configuration) { host in
            let rows = try await host.store.measurements.exportRows(municipality: municipality)
            try await host.store.audit.record(.export, username: user, area: municipality, detail: "measurements.csv, \(rows.count) rækker")
            return rows
        }
        // Written whole to a temporary file, then moved: never a partial output file.
        try Data(MeasurementsCSV.text(rows).utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        print("wrote \(rows.count) measurement\(rows.count == 1 ? "" : "s") → \(output)")
    }
}
