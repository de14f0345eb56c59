/// A citizen journey (*borgerrejse*, results-documentation.md §2, seed 002
/// lines 4503–4703): a time × swimlane grid from the citizen's point of
/// view, for a concrete citizen (by pseudonym), a typical course or a
/// planned one. Points where documentation is collected and where it is
/// used are marked; the documentation points feed the measurement plan.
public struct CitizenJourney: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case concrete, typical, planned

        public var danishName: String {
            switch self {
            case .concrete: "Konkret borger"
            case .typical: "Typisk forløb"
            case .planned: "Planlagt forløb"
            }
        }
    }

    /// The swimlanes, top to bottom, as the spec names them.
    public static let lanes = [
        "Aktiviteter med borgeren",
        "Borgeren – styrker / svagheder / opmærksomhed",
        "Tilbud – aktivitet / vurdering",
        "Myndighed – aktivitet / vurdering",
        "Andre – aktivitet / vurdering",
        "Dokumentation",
    ]

    public var id: String
    public var title: String
    public var kind: Kind
    /// The citizen's pseudonym, for a concrete citizen only.
    public var pseudonym: String?
    /// The time points, left to right (e.g. "Visitation", "Uge 1", "3 måneder").
    public var columns: [String]
    /// Lane index → column index → text.
    public var cells: [[String]]
    /// Columns where documentation is collected, and where it is used.
    public var documentationPoints: Set<Int>
    public var usePoints: Set<Int>

    public init(id: String, title: String, kind: Kind, pseudonym: String? = nil, columns: [String], cells: [[String]]? = nil,
                documentationPoints: Set<Int> = [], usePoints: Set<Int> = []) {
        self.id = id
        self.title = title
        self.kind = kind
        self.pseudonym = pseudonym
        self.columns = columns
        self.cells = cells ?? Array(repeating: Array(repeating: "", count: columns.count), count: Self.lanes.count)
        self.documentationPoints = documentationPoints
        self.usePoints = usePoints
    }

    /// The text in `lane` at `column` ("" when empty).
    public func cell(_ lane: Int, _ column: Int) -> String {
        cells.indices.contains(lane) && cells[lane].indices.contains(column) ? cells[lane][column] : ""
    }

    /// The documentation points by their column's name, left to right: what the measurement plan is offered.
    public var documentationPointNames: [String] { documentationPoints.sorted().compactMap { columns.indices.contains($0) ? columns[$0] : nil } }

    /// Every problem, in Danish: a title; at least one time point, each named; a pseudonym exactly for a concrete citizen.
    public var problems: [String] {
        var p: [String] = []
        if title.allSatisfy(\.isWhitespace) { p.append("Titel: skriv en titel på rejsen.") }
        if columns.isEmpty { p.append("Tidspunkter: tilføj mindst ét tidspunkt.") }
        for (i, c) in columns.enumerated() where c.allSatisfy(\.isWhitespace) { p.append("Tidspunkt \(i + 1): skriv et navn (fx »Uge 1«).") }
        if kind == .concrete && (pseudonym ?? "").allSatisfy(\.isWhitespace) { p.append("Borger: vælg den borger, rejsen handler om.") }
        if kind != .concrete && pseudonym != nil { p.append("Borger: kun en konkret borgers rejse nævner en borger.") }
        if documentationPoints.union(usePoints).contains(where: { !columns.indices.contains($0) }) { p.append("Markeringer: et markeret tidspunkt findes ikke.") }
        return p
    }
}
