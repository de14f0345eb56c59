/// The seven phases of results documentation (*resultatdokumentationens
/// faser*, results-documentation.md "The loop"), repeated; any phase may
/// be revisited.
public enum LoopPhase: Int, Sendable, Hashable, Codable, CaseIterable {
    case clarification = 1, description, planning, collection, analysis, use, followUp

    public var danishName: String {
        switch self {
        case .clarification: "Afklaring"
        case .description: "Beskrivelse af metoder og indsatser"
        case .planning: "Planlægning"
        case .collection: "Indsamling"
        case .analysis: "Analyse og rapportering"
        case .use: "Anvendelse"
        case .followUp: "Opfølgning"
        }
    }

    /// The chapter's checklist (*Huskeliste*, seed 002 lines 900–918,
    /// 1193–1202, 1827–1852, 2193–2204, 2628–2644, 3081–3095), words
    /// hyphenated across lines joined. The last phase has none.
    public var checklist: [String] {
        switch self {
        case .clarification: [
            "Har I formuleret en klar strategi for jeres tilbud?",
            "Har I formuleret klare mål og en klar strategi for arbejdet med dokumentation?",
            "Er opgaver, ansvar og roller for arbejdet med dokumentation veldefinerede og velkendte blandt personalet?",
            "Råder I over de nødvendige kompetencer til at indsamle og anvende dokumentationen på en god måde?",
            "Har I en kultur, som understøtter arbejdet med resultatdokumentation, og som understøtter brugen af data til at opnå bedre resultater og faglig udvikling?",
            "Hvor langt er I nået med udviklingen af jeres dokumentationspraksis (figur 3), og hvad I kan gøre for yderligere at udvikle denne?",
        ]
        case .description: [
            "Har I udarbejdet beskrivelser af jeres indsatser, som synliggør sammenhænge i jeres indsatser, fx ved at udarbejde en forandringsteori?",
            "Har I tydeliggjort vidensgrundlaget for jeres evt. forandringsteori?",
            "Har I taget højde for borgernes perspektiver og borgernes oplevelse af jeres indsatser i tilrettelæggelsen heraf?",
        ]
        case .planning: [
            "Har I identificeret jeres vidensbehov?",
            "Har I besluttet jer for, hvilke former for målinger I vil benytte jer af (målgruppebeskrivelse, progressionsmålinger eller resultatmålinger?)",
            "Har I valgt et eller flere redskaber til at understøtte jeres dokumentationsindsamling?",
            "Har I afklaret andre relevante videnskilder, der kan styrke jeres dokumentation?",
            "Har I taget stilling til, hvilke indsamlingsmetoder der bedst understøtter jeres dokumentationsarbejde?",
            "Har I lavet en konkret, samlet plan for indsamlingen, der fastlægger ansvar og roller, herunder hvem der skal indsamle dokumentationen, hvordan det skal gøres, og hvornår det skal gøres?",
            "Har I planlagt, hvordan borgerne skal involveres i indsamlingen og anvendelsen af dokumentationen?",
            "Har I planlagt, hvordan og i hvilke sammenhænge I vil anvende dokumentationen?",
        ]
        case .collection: [
            "Gør I, hvad I kan for at sikre, at I indsamler valid (gyldig) og reliabel (pålidelig) dokumentation?",
            "Er der ensartethed i medarbejdernes brug af dokumentationsredskaber?",
            "Er der ensartethed i medarbejdernes vurderinger af borgerne?",
            "Arbejder I aktivt med at sikre ensartethed i jeres dokumentationspraksis?",
        ]
        case .analysis: [
            "Har I et billede af, hvad det er for spørgsmål, jeres afrapportering skal give svar på?",
            "Har I et klart billede af, hvem målgruppen for rapporteringen er?",
            "Har I afklaret, hvornår afrapporteringen skal finde sted?",
            "Har I afklaret, hvilke niveauer der skal afrapporteres på (fx medarbejder-, team- og/eller tilbudsniveau)?",
            "Har I defineret, hvad de enkelte afrapporteringer skal indeholde?",
            "Anvender I en afrapporteringsform, som afspejler den type dokumentation, I skal rapportere, og tager formen højde for den målgruppe, som skal bruge den?",
        ]
        case .use: [
            "Bruger I dokumentationen aktivt i dialogen med borgeren?",
            "Bruger I dokumentationen til at evaluere jeres indsatser?",
            "Arbejder I aktivt med at skabe personlig og organisatorisk læring på baggrund af dokumentationen?",
            "Sammenholder I data fra resultatdokumentation med økonomidata for at kunne prioritere mellem forskellige indsatser?",
            "Bruger I jeres dokumentation i jeres kommunikation til omverdenen, ikke mindst socialtilsynet, myndighed og andre samarbejdsparter?",
        ]
        case .followUp: []
        }
    }
}

/// What an offer's documentation holds, counted for its start page: which
/// phase produced what, and where the offer stands in the loop.
public struct OfferProgress: Sendable, Hashable {
    /// Self-evaluation rounds with an agreed score for every item.
    public var agreedRounds: Int
    public var maturityRecorded: Bool
    public var interventions: Int
    public var theoryVersions: Int
    public var journeys: Int
    /// Elements of the theory with all three strategy questions answered.
    public var strategyElements: Int
    public var ownInstruments: Int
    public var measurementPlanSaved: Bool
    /// Questions of the data collection plan with an agreement.
    public var collectionAgreements: Int
    public var annualEvents: Int
    /// Ticked checklist items per phase.
    public var ticked: [LoopPhase: Int]
    /// Part 2: answers collected at the offer, goals followed up at least once.
    public var answers = 0
    public var goalsFollowedUp = 0
    /// Learning meetings held and the decisions they made.
    public var learningMeetings = 0
    public var decisions = 0
    /// Reviews of the whole cycle.
    public var cycleReviews = 0

    public init(agreedRounds: Int = 0, maturityRecorded: Bool = false, interventions: Int = 0, theoryVersions: Int = 0, journeys: Int = 0, strategyElements: Int = 0,
                ownInstruments: Int = 0, measurementPlanSaved: Bool = false, collectionAgreements: Int = 0, annualEvents: Int = 0, ticked: [LoopPhase: Int] = [:]) {
        self.agreedRounds = agreedRounds
        self.maturityRecorded = maturityRecorded
        self.interventions = interventions
        self.theoryVersions = theoryVersions
        self.journeys = journeys
        self.strategyElements = strategyElements
        self.ownInstruments = ownInstruments
        self.measurementPlanSaved = measurementPlanSaved
        self.collectionAgreements = collectionAgreements
        self.annualEvents = annualEvents
        self.ticked = ticked
    }

    /// What the phase has produced, in Danish, one line per product; empty when nothing.
    ///
    /// The collection's counts (answers, goals followed up) are about few
    /// citizens: for a reader without access to them (`withholdingSmallCounts`),
    /// 1–4 shows as «..», as every other count of persons does.
    public func produced(_ phase: LoopPhase, withholdingSmallCounts: Bool = false) -> [String] {
        func count(_ n: Int, _ one: String, _ many: String) -> String? { n == 0 ? nil : "\(n) \(n == 1 ? one : many)" }
        func persons(_ n: Int, _ one: String, _ many: String) -> String? {
            withholdingSmallCounts && DisclosureControl.isSmallCount(n) ? "«..» \(many)" : count(n, one, many)
        }
        switch phase {
        case .clarification:
            return [count(agreedRounds, "afsluttet selvevaluering", "afsluttede selvevalueringer"), maturityRecorded ? "Modenhed vurderet" : nil].compactMap { $0 }
        case .description:
            return [count(interventions, "indsats beskrevet", "indsatser beskrevet"), count(theoryVersions, "version af forandringsteorien", "versioner af forandringsteorien"),
                    count(journeys, "borgerrejse", "borgerrejser")].compactMap { $0 }
        case .planning:
            return [count(strategyElements, "element med strategi for dokumentation", "elementer med strategi for dokumentation"),
                    count(ownInstruments, "eget redskab", "egne redskaber"), measurementPlanSaved ? "Målepunkter fastlagt" : nil,
                    collectionAgreements == 0 ? nil : "Dataindsamlingsplan: \(collectionAgreements) af \(DataCollectionPlan.questions.count) aftaler",
                    count(annualEvents, "punkt i årshjulet", "punkter i årshjulet")].compactMap { $0 }
        case .collection:
            return [persons(answers, "besvarelse indsamlet", "besvarelser indsamlet"), persons(goalsFollowedUp, "mål fulgt op", "mål fulgt op")].compactMap { $0 }
        case .analysis:
            return answers > 0 ? ["Analyser og rapporter dannes af de indsamlede data"] : []
        case .use:
            return [count(learningMeetings, "læringsmøde holdt", "læringsmøder holdt"), count(decisions, "beslutning gjort til handling", "beslutninger gjort til handlinger")].compactMap { $0 }
        case .followUp:
            return [count(cycleReviews, "gennemgang af hele processen", "gennemgange af hele processen")].compactMap { $0 }
        }
    }

    /// Whether the phase has done its part: a phase is done when it has
    /// produced what its tools make and its checklist is ticked in full:
    /// answers for collection and analysis, a learning meeting for use, a
    /// review of the whole cycle for the last phase (which has no checklist).
    public func isDone(_ phase: LoopPhase) -> Bool {
        let checked = (ticked[phase] ?? 0) >= phase.checklist.count
        switch phase {
        case .clarification: return agreedRounds > 0 && maturityRecorded && checked
        case .description: return interventions > 0 && theoryVersions > 0 && checked
        case .planning: return strategyElements > 0 && measurementPlanSaved && collectionAgreements == DataCollectionPlan.questions.count && checked
        case .collection, .analysis: return answers > 0 && checked
        case .use: return learningMeetings > 0 && checked
        case .followUp: return cycleReviews > 0
        }
    }

    /// Where the offer stands: the first phase not done (the last when all are).
    public var current: LoopPhase { LoopPhase.allCases.first { !isDone($0) } ?? .followUp }
}
