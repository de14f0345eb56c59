import CSV
import Foundation
import SwiftCSV
import RoretCore
import RoretImport

// Release-build benchmark of the key-figure pipeline on an extract folder.
// Reports the median of N runs for each stage. Run through Benchmarks/run.sh.
// usage: RoretBenchmarks EXTRACT_DIR [RUNS] [STAGES]
// STAGES: "parse", "compute" or "others" runs only those (run.sh runs each in
// its own process, so one stage's memory churn does not slow the next; also
// for a profiler); without it, all.

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: RoretBenchmarks EXTRACT_DIR [RUNS]")
    exit(2)
}
let folder = arguments[1]
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 7 : 7
let only = arguments.count > 3 ? arguments[3] : nil

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func measure(_ name: String, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let clock = ContinuousClock()
        let elapsed = clock.measure(body)
        times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    let m = median(times)
    print(String(format: "%-34@ median %9.1f ms  (min %.1f, max %.1f, %d runs)", name as NSString, m, times.min()!, times.max()!, runs))
    return m
}

var files: [String: [UInt8]] = [:]
for name in ExtractReader.knownFiles {
    if let data = FileManager.default.contents(atPath: folder + "/" + name) { files[name] = [UInt8](data) }
}
guard case .valid(let data, _) = ExtractReader.read(files: files) else {
    print("the extract is not valid; run roret validate")
    exit(1)
}
print("extract: \(data.municipalities.count) municipalities, \(data.personIDs.count) persons, \(data.interventions.count) spells, \(data.firstYear)–\(data.lastYear)")
var sink = 0
if only == nil || only == "parse" {
    _ = measure("parse + validate (bytes in memory)") { if case .valid(let d, _) = ExtractReader.read(files: files) { sink &+= d.personIDs.count } }
}
if only == nil || only == "compute" {
    _ = measure("compute all figures (data in memory)") { sink &+= KeyFigureEngine.compute(data).count }
}
if only == nil || only == "forecast" {
    // The forecast (economics.md §1) with 1,000 simulated paths, from flows in memory:
    // targets under 50 ms for one municipality and under 2 s for all (issue 11).
    let flows = KeyFigureEngine.computeAll(data).flows
    let largest = data.municipalities.map(\.code).max { (flows.year($0, data.lastYear)?.stock.reduce(0, +) ?? 0) < (flows.year($1, data.lastYear)?.stock.reduce(0, +) ?? 0) }!
    _ = measure("forecast, largest municipality (\(largest))") { sink &+= ForecastEngine.forecast(flows, area: largest)?.projected.count ?? 0 }
    _ = measure("forecast, every municipality (\(data.municipalities.count))") {
        for m in data.municipalities { sink &+= ForecastEngine.forecast(flows, area: m.code)?.projected.count ?? 0 }
    }
    _ = measure("forecast, the country") { sink &+= ForecastEngine.forecast(flows, area: nationalArea)?.projected.count ?? 0 }
}
if only == "parse" || only == "compute" || only == "forecast" { exit(sink == 42 ? 1 : 0) }
let rows = KeyFigureEngine.compute(data)
_ = measure("disclosure control") { sink &+= DisclosureControl.suppress(rows).count }
_ = measure("format CSV") { sink &+= KeyFigureOutput.csv(rows).utf8.count }
// Interning person ids: the reader's hash table against a Dictionary of Strings.
if let bytes = files["employment.csv"] {
    _ = measure("person ids: PersonKeys") { sink &+= CSVScan.distinctFirstFields(bytes, dictionary: false) }
    _ = measure("person ids: [String: Int32]") { sink &+= CSVScan.distinctFirstFields(bytes, dictionary: true) }
}
// The CSV reader alone against two libraries, on interventions.csv: records and fields only.
if let bytes = files["interventions.csv"] {
    let text = String(decoding: bytes, as: UTF8.self)
    _ = measure("CSV: Roret's reader (bytes)") { sink &+= CSVScan.count(bytes).fields }
    _ = measure("CSV: yaslab/CSV.swift 2.5.2") {
        let reader = try! CSVReader(string: text, hasHeaderRow: true)
        while let row = reader.next() { sink &+= row.count }
    }
    _ = measure("CSV: swiftcsv/SwiftCSV 0.10.0") {
        let csv = try! EnumeratedCSV(string: text, loadColumns: false)
        for row in csv.rows { sink &+= row.count }
    }
}
if sink == 42 { print("") }
