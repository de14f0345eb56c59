import Foundation
import RoretImport
import RoretStore

/// The audit log as CSV (RFC 4180 quoting), times in ISO 8601 UTC.
enum AuditCSV {
    static let header = "at,username,role,action,area,detail,address"

    static func text(_ events: [AuditEvent]) -> String {
        let iso = ISO8601DateFormatter()
        var out = header + "\n"
        for e in events {
            let fields = [iso.string(from: e.at), e.username ?? "", e.role ?? "", e.action.rawValue, e.area ?? "", e.detail, e.address ?? ""]
            out += fields.map(quote).joined(separator: ",") + "\n"
        }
        return out
    }

    /// The extract writer's RFC 4180 quoting, after a leading `'` for a field
    /// a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a tab,
    /// carriage return or line feed before one: user-typed token names,
    /// failed usernames).
    static func quote(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) else { return ExtractCSVWriter.quoted(field) }
        return ExtractCSVWriter.quoted("'" + field)
    }
}
