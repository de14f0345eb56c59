import RoretCore
import RoretImport
import Vapor

/// One form on a page (*formular*): its values (defaults, or what the user
/// typed when a save was refused), the options of its selects and
/// checkbox groups, and the problems to show beside it. A refused form is
/// shown open with what was typed, so nothing is lost.
struct FormModel: Encodable {
    var id: String
    var values: [String: String]
    var choices: [String: [Choice]]
    var problems: [String]
    var hasProblems: Bool
    /// Shown open (a refused form, or one the page opens by default).
    var open: Bool

    /// `options` per select or checkbox group; a group's selected values are
    /// the lines of its value.
    init(id: String, values: [String: String], options: [String: [(value: String, label: String)]] = [:], failed: FailedForm?, open: Bool = false) {
        self.id = id
        var values = values
        var problems: [String] = []
        if let failed, failed.id == id {
            for (k, v) in failed.values { values[k] = v }
            problems = failed.problems
        }
        self.values = values
        choices = [:]
        for (field, list) in options {
            let selected = Set((values[field] ?? "").split(separator: "\n").map(String.init))
            choices[field] = list.map { Choice(value: $0.value, label: $0.label, selected: selected.contains($0.value)) }
        }
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.open = open || !problems.isEmpty
    }
}

/// A save that was refused: which form, what was typed, and every problem.
struct FailedForm: Sendable {
    var id: String
    var values: [String: String]
    var problems: [String]
}

/// Reads a posted form field by field, collecting every problem at once.
struct FormReader {
    let req: Request
    var problems: [String] = []
    /// What was typed, to show again if the save is refused.
    var values: [String: String] = [:]

    init(_ req: Request) { self.req = req }

    /// A text field, verbatim ("" when absent).
    mutating func text(_ name: String) -> String {
        let value = (try? req.content.get(String.self, at: name)) ?? ""
        values[name] = value
        return value
    }

    /// A checkbox: on when its value is "ja".
    mutating func flag(_ name: String) -> Bool {
        text(name) == "ja"
    }

    /// A checkbox group (`name[]`), its values in order.
    mutating func list(_ name: String) -> [String] {
        let value = (try? req.content.get([String].self, at: name)) ?? []
        values[name] = value.joined(separator: "\n")
        return value
    }

    /// An optional date; a problem naming `label` when it is not one.
    mutating func day(_ name: String, _ label: String, required: Bool = false) -> Day? {
        let raw = text(name).trimmingCharacters(in: .whitespaces)
        if raw.isEmpty {
            if required { problems.append("\(label): skal udfyldes.") }
            return nil
        }
        switch ExtractFieldRules.date(raw, field: label) {
        case .success(let day): return day
        case .failure(let error):
            problems.append("\(label): \(error.reason).")
            return nil
        }
    }

    /// A choice among `T`'s raw values; a problem when it is none of them.
    mutating func choice<T: RawRepresentable>(_ name: String, _ label: String, required: Bool = true) -> T? where T.RawValue == String {
        let raw = text(name)
        if raw.isEmpty && !required { return nil }
        guard let value = T(rawValue: raw) else {
            problems.append("\(label): vælg en af mulighederne.")
            return nil
        }
        return value
    }

    /// An optional whole number in `range`.
    mutating func number(_ name: String, _ label: String, in range: ClosedRange<Int>) -> Int? {
        let raw = text(name).trimmingCharacters(in: .whitespaces)
        guard !raw.isEmpty else { return nil }
        guard let n = Int(raw), range.contains(n) else {
            problems.append("\(label): skal være et helt tal fra \(range.lowerBound) til \(range.upperBound).")
            return nil
        }
        return n
    }

    /// Yes, no or not answered (`ja`, `nej`, "").
    mutating func yesNo(_ name: String) -> Bool? {
        switch text(name) {
        case "ja": true
        case "nej": false
        default: nil
        }
    }

    func failed(_ form: String, more: [String] = []) -> FailedForm {
        FailedForm(id: form, values: values, problems: problems + more)
    }
}
