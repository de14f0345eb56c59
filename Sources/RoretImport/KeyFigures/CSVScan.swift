/// Diagnostics over raw CSV bytes, for benchmarks: how many records and
/// fields the extract reader sees in a file.
public enum CSVScan {
    /// Number of well-formed records (header included) and their fields.
    public static func count(_ bytes: [UInt8]) -> (records: Int, fields: Int) {
        bytes.withUnsafeBufferPointer { b in
            var reader = CSVReader(bytes: b, start: CSVReader.byteOrderMark(b))
            var fields = FieldList()
            var records = 0, total = 0
            while true {
                switch reader.next(into: &fields) {
                case .end, .incomplete: return (records, total)
                case .malformed: continue
                case .record:
                    records += 1
                    total += fields.count
                }
            }
        }
    }
}

extension CSVScan {
    /// The number of distinct values in the first column, interned the
    /// reader's way (`PersonKeys`) or, with `dictionary`, in a
    /// `Dictionary<String, Int32>` as before: the benchmark's comparison.
    public static func distinctFirstFields(_ bytes: [UInt8], dictionary: Bool) -> Int {
        bytes.withUnsafeBufferPointer { b in
            var reader = CSVReader(bytes: b, start: CSVReader.byteOrderMark(b))
            var fields = FieldList()
            var keys = PersonKeys()
            var strings: [String: Int32] = [:]
            _ = reader.next(into: &fields)
            while true {
                switch reader.next(into: &fields) {
                case .end, .incomplete: return dictionary ? strings.count : keys.count
                case .malformed: continue
                case .record:
                    let field = reader.field(0, of: fields)
                    guard !field.isEmpty else { continue }
                    if dictionary {
                        let id = String(decoding: field, as: UTF8.self)
                        if strings[id] == nil { strings[id] = Int32(strings.count) }
                    } else {
                        _ = keys.intern(field)
                    }
                }
            }
        }
    }
}
