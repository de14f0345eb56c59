import RoretCore

/// The extract format's own rules for one field, for what is typed into
/// Roret and later joins an extract's figures (*samme regler som
/// udtrækket*): the same parsing code as `ExtractReader`, so what Roret
/// stores can never make a stored extract invalid.
public enum ExtractFieldRules {
    /// A date as the extract format reads it: `YYYY-MM-DD`, a real day, a
    /// year from 1900 to 2100. The Danish reason when it is not.
    public static func date(_ text: String, field: String = "Datoen") -> Result<Day, ExtractFieldError> {
        let bytes = Array(text.utf8)
        switch bytes.withUnsafeBufferPointer({ FieldParsing.date($0, column: field) }) {
        case .success(let day): return .success(day)
        case .failure(let problem): return .failure(ExtractFieldError(reason: problem.text))
        }
    }

    /// Whether a day passes the extract format's date rule (a `Day` is a
    /// real day; only its year can be out of the rule's range).
    public static func isValid(_ day: Day) -> Bool { FieldParsing.plausibleYears.contains(day.year) }
}

/// Why a field was refused, in Danish.
public struct ExtractFieldError: Error, Sendable, Hashable {
    public var reason: String
}
