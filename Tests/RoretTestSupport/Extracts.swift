import RoretCore
import RoretImport

/// Extracts for store and web tests, as the file bytes an import receives.
public enum TestExtracts {
    /// The generated `small` demo extract (Greve 253, Roskilde 265, Lejre 350; 2017–2024).
    public static func demo(seed: UInt64 = 1) -> [String: [UInt8]] {
        bytes(DemoExtractGenerator(scale: .small, seed: seed).generate())
    }

    /// A hand-made extract: the given municipalities, 1,000 adults each, one
    /// person on § 85 in the first of them from the period's start.
    public static func tiny(municipalities: [String], years: ClosedRange<Int>) -> [String: [UInt8]] {
        var builder = RegisterDataBuilder(municipalities: municipalities.map { Municipality(code: $0, name: "Kommune \($0)") }, years: years)
        for code in municipalities { for year in years { builder.setAdults(1_000, municipality: code, year: year) } }
        builder.addIntervention(person: "p1", municipality: municipalities[0], paragraph: .p85, start: Day.yearStart(years.lowerBound), end: nil, reason: .sindslidelse)
        return bytes(builder.build())
    }

    /// The CSV files of `data`.
    public static func bytes(_ data: RegisterData) -> [String: [UInt8]] {
        ExtractCSVWriter.files(data).mapValues { Array($0.utf8) }
    }
}
