/// The rule for a person's pseudonym (*pseudonym*), as `person_id` in every
/// extract file: 1–64 of `[A-Za-z0-9_-]`, and nothing that looks like a CPR
/// number.
public enum Pseudonym {
    /// Why `text` cannot be a pseudonym, in plain words; nil when it can.
    /// A CPR-like value is never echoed.
    public static func problem(_ text: String) -> String? {
        switch Array(text.utf8).withUnsafeBufferPointer({ FieldParsing.personID($0) }) {
        case .success: nil
        case .failure(let problem): problem.text
        }
    }
}

/// `measurements.csv` of the extract format, written from rows the caller has.
public enum MeasurementsCSV {
    public static let header = "person_id,municipality_code,instrument,date,item1,item2,item3,item4,item5"

    /// One row: pseudonym, municipality code, instrument code, ISO date, five answers (nil = empty).
    public struct Row: Sendable, Hashable {
        public var personID: String
        public var municipality: String
        public var instrument: String
        public var date: String
        public var items: [Int?]

        public init(personID: String, municipality: String, instrument: String, date: String, items: [Int?]) {
            self.personID = personID
            self.municipality = municipality
            self.instrument = instrument
            self.date = date
            self.items = items
        }
    }

    /// An extract's `measurements.csv` (if it has one) with `rows` after its
    /// own: the file stays one valid file of the extract format.
    public static func appending(_ rows: [Row], to existing: [UInt8]?) -> [UInt8] {
        let added = text(rows)
        guard var bytes = existing, !bytes.isEmpty else { return Array(added.utf8) }
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        bytes += Array(added.utf8.dropFirst(header.utf8.count + 1))
        return bytes
    }

    /// Header and rows, LF line endings.
    public static func text(_ rows: [Row]) -> String {
        var out = header + "\n"
        for r in rows {
            out += "\(r.personID),\(r.municipality),\(r.instrument),\(r.date),"
            out += r.items.map { $0.map(String.init) ?? "" }.joined(separator: ",") + "\n"
        }
        return out
    }
}
