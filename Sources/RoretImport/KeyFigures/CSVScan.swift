/// Diagnostics over raw CSV bytes, for benchmarks: how many records and
/// fields the extract reader sees in a file.
public enum CSVScan {
    /// Number of well-formed records (header included) and their fields.
    public static func count(_ bytes: [UInt8]) -> (records: Int, fields: Int) {
        var reader = CSVReader(bytes: bytes)
        var fields: [ArraySlice<UInt8>] = []
        var records = 0, total = 0
        while true {
            switch reader.next(into: &fields) {
            case .end: return (records, total)
            case .malformed: continue
            case .record:
                records += 1
                total += fields.count
            }
        }
    }
}
