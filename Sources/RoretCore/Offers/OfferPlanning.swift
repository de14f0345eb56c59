/// The documentation strategy (*strategi for dokumentation*,
/// results-documentation.md §3): three questions per element of the theory
/// of change, keyed by the element's box id.
public struct DocumentationStrategy: Sendable, Hashable, Codable {
    public static let questions = ["Hvad har vi brug for viden om?", "Hvorfor vil vi vide det?", "Hvad vil vi bruge denne viden til?"]

    /// Box id → the three answers, in the order of `questions`.
    public var answers: [String: [String]]

    public init(answers: [String: [String]] = [:]) { self.answers = answers }

    /// Elements with all three questions answered.
    public var complete: Int { answers.values.filter { $0.count == 3 && $0.allSatisfy { !$0.allSatisfy(\.isWhitespace) } }.count }
}

/// An instrument in the offer's catalogue (*redskab*, §3): WHO-5 and Brief
/// INSPIRE-O from the start; the offer may add a simple instrument of its
/// own (items on a fixed answer scale, scored as the sum) or a
/// goal-attainment scale.
public struct OfferInstrument: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case standard, simple, goalAttainment
    }

    public enum Purpose: String, Sendable, Hashable, Codable, CaseIterable {
        case measurement, goalDialogue
        public var danishName: String {
            switch self {
            case .measurement: "Måling"
            case .goalDialogue: "Opfølgning på mål i dialog med borgeren"
            }
        }
    }

    public enum CollectionForm: String, Sendable, Hashable, Codable, CaseIterable {
        case selfCompleted, professional, dialogue, interview
        public var danishName: String {
            switch self {
            case .selfCompleted: "Borgerudfyldt spørgeskema"
            case .professional: "Professionel vurdering"
            case .dialogue: "Dialog"
            case .interview: "Interview"
            }
        }
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var purpose: Purpose
    public var targetGroups: String
    public var collectionForm: CollectionForm
    public var validated: Bool
    public var training: String
    /// A simple instrument's items, all on the scale `scaleMin...scaleMax`.
    public var items: [String]
    public var scaleMin: Int
    public var scaleMax: Int

    public init(id: String, name: String, kind: Kind, purpose: Purpose, targetGroups: String = "", collectionForm: CollectionForm, validated: Bool, training: String = "",
                items: [String] = [], scaleMin: Int = 0, scaleMax: Int = 0) {
        self.id = id
        self.name = name
        self.kind = kind
        self.purpose = purpose
        self.targetGroups = targetGroups
        self.collectionForm = collectionForm
        self.validated = validated
        self.training = training
        self.items = items
        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
    }

    /// WHO-5 and Brief INSPIRE-O (instruments.md), in every catalogue.
    public static let standards = [
        OfferInstrument(id: "who5", name: "WHO-5 Trivselsindeks", kind: .standard, purpose: .measurement, targetGroups: "Alle borgere", collectionForm: .selfCompleted, validated: true,
                        training: "Kort introduktion", items: [], scaleMin: 0, scaleMax: 100),
        OfferInstrument(id: "inspireo", name: "Brief INSPIRE-O", kind: .standard, purpose: .measurement, targetGroups: "Alle borgere", collectionForm: .selfCompleted, validated: true,
                        training: "Kort introduktion", items: [], scaleMin: 0, scaleMax: 100),
    ]

    /// The sum score's range for a simple instrument.
    public var sumRange: ClosedRange<Int>? { kind == .simple && !items.isEmpty ? items.count * scaleMin...items.count * scaleMax : nil }

    /// A simple instrument's sum score; nil unless every item is answered on the scale.
    public func sumScore(_ answers: [Int]) -> Int? {
        guard kind == .simple, answers.count == items.count, answers.allSatisfy({ (scaleMin...scaleMax).contains($0) }) else { return nil }
        return answers.reduce(0, +)
    }

    /// The categories a goal-attainment scale records at each follow-up.
    public var categories: [String] { kind == .goalAttainment ? GoalAttainment.allCases.map { "\($0.rawValue). \($0.danishName)" } : [] }

    /// Every problem, in Danish.
    public var problems: [String] {
        var p: [String] = []
        if name.allSatisfy(\.isWhitespace) { p.append("Navn: skriv redskabets navn.") }
        if kind == .simple {
            if items.isEmpty { p.append("Spørgsmål: skriv mindst ét spørgsmål (ét pr. linje).") }
            if scaleMin < 0 || scaleMax > 100 || scaleMin >= scaleMax { p.append("Svarskala: den laveste værdi skal være mindre end den højeste (0–100).") }
        }
        return p
    }
}

/// The offer's instrument catalogue: the standard instruments and its own.
public struct InstrumentCatalogue: Sendable, Hashable, Codable {
    public var own: [OfferInstrument]

    public init(own: [OfferInstrument] = []) { self.own = own }

    public var all: [OfferInstrument] { OfferInstrument.standards + own }
}

/// The offer's measurement plan (*målepunkter*, §3): the points, whether
/// follow-up also falls at phase changes, and the instruments used.
public struct MeasurementPlan: Sendable, Hashable, Codable {
    public var points: MeasurementPoints
    public var atPhaseChanges: Bool
    /// Instrument ids used at the measurements.
    public var instruments: [String]
    /// Points taken from citizen journeys ("Borgerrejse: Uge 1").
    public var fromJourneys: [String]

    public init(points: MeasurementPoints = MeasurementPoints(), atPhaseChanges: Bool = false, instruments: [String] = ["who5"], fromJourneys: [String] = []) {
        self.points = points
        self.atPhaseChanges = atPhaseChanges
        self.instruments = instruments
        self.fromJourneys = fromJourneys
    }

    public var problems: [String] {
        var p: [String] = []
        if points.followUpMonths == nil && !atPhaseChanges { p.append("Opfølgningsmåling: vælg et interval i måneder eller opfølgning ved faseskift.") }
        if instruments.isEmpty { p.append("Redskaber: vælg mindst ét redskab.") }
        return p
    }
}

/// The data collection plan (*dataindsamlingsplan*, §3, seed 002 lines
/// 4933–5073): the group's agreement per question, the prompts beside it.
public struct DataCollectionPlan: Sendable, Hashable, Codable {
    public static let questions: [(question: String, prompts: String)] = [
        ("Hvilke medarbejdere udfylder resultatdokumentationen?", "Alle medarbejdere? Særlige grupper (fx kontaktperson, administrativt personale)?"),
        ("Hvem skal involveres i dokumentationsarbejdet?", "Afdelingsleder? Teammedlemmer? Andre med regelmæssig kontakt med borgeren?"),
        ("Hvilken rolle skal de involverede medarbejdere have?", "Opnå kendskab til borgerens ressourcer/støttebehov? Kende til aftaler og mål? Kontrol/godkendelse af dokumentationen? Faglig sparring eller supervision?"),
        ("Hvornår skal de udarbejde dokumentationen?", "Skal det gøres med en fast kadence? Særlige tidspunkter på dagen?"),
        ("Hvordan skal de gøre det?", "Hvilke metoder skal bruges (fx interview, dialog osv.)?"),
        ("Hvem skal orienteres?", "Borgeren? Pårørende/værge? Kollegaer? Samarbejdspartnere/myndighed?"),
        ("Hvordan skal borgeren involveres i dokumentationsarbejdet?", "Har borger eller medarbejder det sidste ord i forhold til, hvad I dokumenterer? Hvordan skal borgeren forberedes? Hvordan skal borgeren orienteres efterfølgende?"),
        ("It-krav", "Hvilke krav har I til brug af it? Må man udfylde på papir og indtaste senere?"),
        ("Hvem skal bruge viden fra dokumentationen?", "Ledelse? Afdelingsledelse? Forskellige grupper af medarbejdere?"),
        ("Hvilken viden skal de forskellige medarbejdergrupper have?", "Hvilken viden er vigtig/nødvendig for de forskellige grupper?"),
        ("Hvad skal de forskellige bruge denne viden til?", "Strategisk ledelse? Innovation? Udvikling af indsatserne? Andet?"),
        ("Hvordan skal de bruge denne viden?", "Hvilken form skal viden præsenteres i?"),
        ("Hvornår skal de bruge denne viden?", "Skal brugen systematiseres? På afdelingsmøde? Temadag eller lignende?"),
        ("Hvordan skal der følges op?", "Hvem har ansvaret? Hvordan? Hvornår? Og hvor ofte?"),
    ]

    /// Question number (1–14) → *Vores aftale*.
    public var agreements: [Int: String]

    public init(agreements: [Int: String] = [:]) { self.agreements = agreements }

    /// Questions with an agreement written.
    public var agreed: Int { agreements.filter { (1...14).contains($0.key) && !$0.value.allSatisfy(\.isWhitespace) }.count }
}

/// The annual plan (*årshjul*): measurement points, reports, learning
/// meetings and the review placed in the months of the year.
public struct AnnualPlan: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case measurement, report, meeting, review

        public var danishName: String {
            switch self {
            case .measurement: "Måling"
            case .report: "Rapport"
            case .meeting: "Lærings- og refleksionsmøde"
            case .review: "Opfølgning på hele processen"
            }
        }
    }

    public struct Event: Sendable, Hashable, Codable {
        public var id: String
        /// 1–12.
        public var month: Int
        public var kind: Kind
        public var text: String

        public init(id: String, month: Int, kind: Kind, text: String) {
            self.id = id
            self.month = month
            self.kind = kind
            self.text = text
        }
    }

    public static let months = ["Januar", "Februar", "Marts", "April", "Maj", "Juni", "Juli", "August", "September", "Oktober", "November", "December"]

    public var events: [Event]

    public init(events: [Event] = []) { self.events = events }

    /// The events of `month` (1–12) in the order added.
    public func events(in month: Int) -> [Event] { events.filter { $0.month == month } }

    public static func problems(_ event: Event) -> [String] {
        ((1...12).contains(event.month) ? [] : ["Måned: vælg en måned."]) + (event.text.allSatisfy(\.isWhitespace) ? ["Tekst: skriv hvad der sker."] : [])
    }
}
