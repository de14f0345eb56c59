/// The two questionnaires leaders answer in rounds.
public enum QuestionnaireKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Evaluation of the steering and data practice (*evaluering af styrings- og datapraksis*).
    case evaluation
    /// Temperature measurement of the eight organisational prerequisites (*temperaturmåling*).
    case temperature

    public var danishName: String {
        switch self {
        case .evaluation: "Evaluering af styrings- og datapraksis"
        case .temperature: "Temperaturmåling"
        }
    }
}

/// One statement or question of a questionnaire.
public struct QuestionnaireItem: Sendable, Hashable, Codable {
    /// Stable within an item set: `E1`…`E7`, `T1.1`…`T8.3`.
    public var id: String
    /// The group it belongs to (evaluation) or its prerequisite (temperature).
    public var group: String
    public var text: String

    public init(id: String, group: String, text: String) {
        self.id = id
        self.group = group
        self.text = text
    }
}

/// A versioned set of items (*spørgesæt*) for one municipality: rounds are
/// compared only within one version.
public struct ItemSet: Sendable, Hashable, Codable {
    public var kind: QuestionnaireKind
    public var version: Int
    public var items: [QuestionnaireItem]
    /// Shown on the form: whose wording this is.
    public var provenance: String

    public init(kind: QuestionnaireKind, version: Int, items: [QuestionnaireItem], provenance: String) {
        self.kind = kind
        self.version = version
        self.items = items
        self.provenance = provenance
    }

    /// The groups in the order of their first item.
    public var groups: [String] {
        var seen: [String] = []
        for item in items where !seen.contains(item.group) { seen.append(item.group) }
        return seen
    }

    /// The question put to every temperature statement.
    public static let temperatureQuestion = "I hvilken grad passer udsagnet på jeres kommune i dag?"

    /// Every problem with an administrator's edited set, in Danish.
    public static func problems(_ items: [QuestionnaireItem]) -> [String] {
        var problems: [String] = []
        if items.isEmpty { problems.append("Sættet skal have mindst ét udsagn.") }
        var ids = Set<String>()
        for (i, item) in items.enumerated() {
            if item.text.allSatisfy(\.isWhitespace) { problems.append("Udsagn \(i + 1): skriv udsagnet.") }
            if item.group.allSatisfy(\.isWhitespace) { problems.append("Udsagn \(i + 1): angiv forudsætningen.") }
            if !ids.insert(item.id).inserted { problems.append("Udsagn \(i + 1): nummeret \(item.id) er brugt to gange.") }
        }
        return problems
    }
}
