import Foundation
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

    /// Quotes a field when it holds a comma, quote or line break; doubles
    /// quotes. A field a spreadsheet would take for a formula (`=`, `+`, `-`,
    /// `@` first: user-typed token names, failed usernames) gets a leading `'`.
    static func quote(_ field: String) -> String {
        var field = field
        if let first = field.first, "=+-@".contains(first) { field = "'" + field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
