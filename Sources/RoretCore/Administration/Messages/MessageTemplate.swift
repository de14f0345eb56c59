/// A message's Danish text (*beskedtekst*) with `{placeholders}`: Roret's
/// standard text or the one a municipality has written instead.
public struct MessageTemplate: Sendable, Hashable, Codable {
    public var kind: MessageKind
    /// The e-mail's subject line (an sms has none).
    public var subject: String
    public var body: String

    /// The longest text accepted: an sms of this length is a few parts, an e-mail short.
    public static let maxBodyLength = 1_000
    public static let maxSubjectLength = 150

    public init(kind: MessageKind, subject: String, body: String) {
        self.kind = kind
        self.subject = subject
        self.body = body
    }

    /// Every problem with the text at once, in Danish, each naming the field.
    public var problems: [String] {
        var problems: [String] = []
        let allowed = Set(kind.placeholders.map(\.name))
        for (field, text) in [("Emne", subject), ("Tekst", body)] {
            if text.allSatisfy(\.isWhitespace) { problems.append("\(field): skal udfyldes.") }
            for name in Self.placeholders(in: text) where !allowed.contains(name) {
                problems.append("\(field): {\(name)} kendes ikke. Brug \(kind.placeholders.map { "{\($0.name)}" }.joined(separator: ", ")).")
            }
            if Self.hasUnclosedBrace(text) { problems.append("\(field): en { mangler sin }.") }
        }
        if subject.count > Self.maxSubjectLength { problems.append("Emne: højst \(Self.maxSubjectLength) tegn (nu \(subject.count)).") }
        if body.count > Self.maxBodyLength { problems.append("Tekst: højst \(Self.maxBodyLength) tegn (nu \(body.count)).") }
        if subject.contains("\n") { problems.append("Emne: skal stå på én linje.") }
        for name in kind.requiredPlaceholders where !Self.placeholders(in: body).contains(name) {
            problems.append("Tekst: skal indeholde {\(name)}.")
        }
        return problems
    }

    /// The subject and body with each placeholder replaced by its value
    /// (a placeholder without a value is left as written).
    public func rendered(_ values: [String: String]) -> (subject: String, body: String) {
        (Self.fill(subject, values), Self.fill(body, values))
    }

    static func fill(_ text: String, _ values: [String: String]) -> String {
        segments(text).map { segment in
            switch segment {
            case .text(let text): text
            case .placeholder(let name): values[name] ?? "{\(name)}"
            }
        }.joined()
    }

    /// The names between braces, in order.
    static func placeholders(in text: String) -> [String] {
        segments(text).compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
    }

    enum Segment: Equatable {
        case text(String)
        case placeholder(String)
    }

    /// The text cut into plain runs and `{name}`s (a `{` without its `}` is plain text).
    static func segments(_ text: String) -> [Segment] {
        var segments: [Segment] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { segments.append(.text(String(rest[..<open]))) }
            segments.append(.placeholder(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { segments.append(.text(String(rest))) }
        return segments
    }

    static func hasUnclosedBrace(_ text: String) -> Bool {
        var open = false
        for c in text {
            if c == "{" { if open { return true }; open = true }
            if c == "}" { if !open { return true }; open = false }
        }
        return open
    }
}
