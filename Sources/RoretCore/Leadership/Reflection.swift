/// The phases of a reflection meeting (*refleksionsmøde*, the guide's
/// systematic reflection on data), in their fixed order: exploring comes
/// before interpreting.
public enum ReflectionPhase: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case preparation, sinceLast, explore, interpret, prepareAction, action, closed

    public static func < (a: ReflectionPhase, b: ReflectionPhase) -> Bool { a.rawValue < b.rawValue }

    public var danishName: String {
        switch self {
        case .preparation: "1. Forberedelse"
        case .sinceLast: "2. Dialog: Siden sidst"
        case .explore: "2. Dialog: Udforsk"
        case .interpret: "2. Dialog: Fortolk"
        case .prepareAction: "2. Dialog: Forbered handling"
        case .action: "3. Handling"
        case .closed: "Afsluttet"
        }
    }

    /// The phase's questions, verbatim.
    public var questions: [String] {
        switch self {
        case .preparation: [
            "Hvad er de tre vigtigste iagttagelser omkring den foreliggende dokumentation?",
            "Hvad undrer jeg mig mest over?",
            "Hvad vil jeg prioritere at gøre noget ved for at forbedre den nuværende situation?",
        ]
        case .sinceLast: ["Hvad aftalte vi sidst?", "Hvad er udgangspunktet for det videre arbejde?", "Hvad har vi lært indtil nu?"]
        case .explore: [
            "Hvad synes vores dokumentation at fortælle os?", "Hvad får vi øje på, når vi gennemgår dokumentationen?",
            "Hvad kunne vi ellers have brug for at vide?", "Hvilke positive ting kan vi være glade for?",
            "Hvilke udfordringer kunne være relevante at fokusere på?",
        ]
        case .interpret: ["Hvorfor tror vi, at data ser ud, som de gør?", "Hvad kan være grunden til, at vi har opnået/ikke har opnået det, som data viser?"]
        case .prepareAction: [
            "Hvad vil vi opnå på kort og lang sigt?", "Hvorfor er det netop disse handlinger og tiltag, vi påtænker at sætte i værk?",
            "Hvem kunne være ansvarlig for at gennemføre handlingerne?",
        ]
        case .action: [
            "Hvad går de nye tiltag ud på – hvad skal gøres?",
            "Hvilke tegn og eventuelle data vil kunne fortælle os, at vi er på rette vej?",
        ]
        case .closed: []
        }
    }

    /// The phase after this one; nil when closed.
    public var next: ReflectionPhase? { ReflectionPhase(rawValue: rawValue + 1) }
}

/// What an observation in *Udforsk* is marked as.
public enum ObservationKind: String, Sendable, Hashable, Codable, CaseIterable {
    case positive, challenge, knowledgeGap

    public var danishLabel: String {
        switch self {
        case .positive: "Positivt"
        case .challenge: "Udfordring"
        case .knowledgeGap: "Videnshul"
        }
    }
}

/// The rules of a reflection meeting's dialogue.
public enum ReflectionRules {
    /// Why a step is refused, in Danish.
    public enum Refusal: Error, Sendable, Hashable {
        case notNextPhase(from: ReflectionPhase, to: ReflectionPhase)
        case wrongPhase(ReflectionPhase)
        case noSuchTheme

        public var danishText: String {
            switch self {
            case .notNextPhase(let from, let to): "Mødet er i »\(from.danishName)« og kan ikke springe til »\(to.danishName)«: faserne tages i rækkefølge."
            case .wrongPhase(let p): "Det hører ikke til fasen, mødet er i (\(p.danishName))."
            case .noSuchTheme: "Forklaringen skal knyttes til et tema fra Udforsk."
            }
        }
    }

    /// Moving on is one phase at a time, never back.
    public static func advance(from current: ReflectionPhase, to wanted: ReflectionPhase) throws(Refusal) -> ReflectionPhase {
        guard current.next == wanted else { throw .notNextPhase(from: current, to: wanted) }
        return wanted
    }

    /// Observations are written in *Udforsk* only (it closes before *Fortolk* opens).
    public static func mayObserve(in phase: ReflectionPhase) -> Bool { phase == .explore }

    /// Explanations are written in *Fortolk*, each linked to a theme of *Udforsk*.
    public static func mayExplain(in phase: ReflectionPhase) -> Bool { phase == .interpret }

    /// Preparation notes are written before the dialogue.
    public static func mayPrepare(in phase: ReflectionPhase) -> Bool { phase == .preparation }

    /// Actions are written from *Forbered handling* on, until the meeting closes.
    public static func mayAct(in phase: ReflectionPhase) -> Bool { phase == .prepareAction || phase == .action }

    /// A participant's preparation notes are private until the dialogue opens.
    public static func mayReadNotes(of author: String, reader: String, in phase: ReflectionPhase) -> Bool {
        author == reader || phase >= .sinceLast
    }
}
