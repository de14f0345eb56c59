/// The learning meeting (*lærings- og refleksionsmøde*,
/// results-documentation.md §6): four parts with their questions verbatim,
/// the report attached frozen, decisions that become actions.
public enum LearningMeeting {
    public struct Part: Sendable, Hashable {
        public var number: Int
        public var title: String
        public var questions: [String]
    }

    public static let parts: [Part] = [
        Part(number: 1, title: "Indledning og rammesætning", questions: []),
        Part(number: 2, title: "Refleksion over resultater", questions: [
            "Er der overensstemmelse mellem jeres reelle målgruppe og den, forandringsteorien er rettet mod?",
            "Har I opnået de forventede resultater – eller er der resultater, som er særligt gode eller mindre gode?",
            "Har vi gennemført aktiviteterne i indsatsen, som vi gerne ville?",
            "Hvad kendetegner de virkningsfulde forløb – hvor, hvornår og hvordan virker vores indsats særlig godt?",
            "Hvor, hvornår og hvordan virker vores indsats ikke som tilsigtet?",
            "Er der indsatser, der egner sig bedre til bestemte dele af vores målgruppe eller bestemte problemstillinger?",
            "Er der forhold, som ikke er indeholdt i forandringsteorien, som vi vurderer har afgørende betydning for resultaterne?",
            "Lever vi op til vores egne målsætninger om vores evne til at understøtte borgeren i at indfri de opstillede mål?",
        ]),
        Part(number: 3, title: "Refleksion over dokumentationspraksis", questions: [
            "Hvordan fungerer det praktiske arbejde med at indsamle den planlagte dokumentation?",
            "Sikrer den nuværende indsamlingspraksis god og retvisende dokumentation?",
            "Hvordan fungerer den nuværende måde at bruge dokumentationen på i den direkte dialog med borgere og/eller pårørende?",
            "Hvordan fungerer den nuværende måde at bruge dokumentationen på i den direkte dialog med myndighed?",
            "Hvordan hjælper dokumentationen os til at blive skarpere på, om vores indsats virker?",
            "Er der behov for, at vi styrker vores dokumentation og i givet fald hvordan?",
        ]),
        Part(number: 4, title: "Opsamling og beslutninger", questions: [
            "Giver refleksionen over de opnåede resultater anledning til at ændre de indsatser, vi igangsætter for borgerne og i givet fald til hvad?",
            "Giver refleksionen over den nuværende dokumentationspraksis anledning til at ændre i den måde, vi indsamler og bruger dokumentationen på?",
        ]),
    ]
}

/// The review of the whole cycle (*opfølgning på den samlede proces*,
/// results-documentation.md §7, seed 002 lines 5302–5473): per phase the
/// handbook's questions, each with *Erfaringer og læring* and *Evt.
/// opfølgende handlinger*. Words hyphenated across lines are joined.
public enum CycleReview {
    public struct Phase: Sendable, Hashable {
        public var phase: LoopPhase
        public var title: String
        public var questions: [String]
    }

    public static let phases: [Phase] = [
        Phase(phase: .clarification, title: "1. Afklaring", questions: [
            "Hvilken læring/erfaringer har vi gjort os ift. vores organisations evne til at arbejde med dokumentation og evaluering på de fem dimensioner? Ledelse",
            "… Strategi", "… Organisering", "… Kompetencer", "… Kultur",
        ]),
        Phase(phase: .description, title: "2. Beskrivelse af metoder og indsatser", questions: [
            "Er der overensstemmelse mellem vores forandringsteori og den måde, vi gennemfører vores indsatser i praksis?",
            "Afspejler vores målgruppebeskrivelse de faktiske borgere, som vi har gennemført indsatser for?",
            "Har vi fået ny viden om målgruppen, som giver anledning til at justere forandringsteorien?",
            "Er der andre erfaringer og læring fra de gennemførte indsatser, som giver anledning til at justere forandringsteorien?",
            "Hvor stærkt er vidensgrundlaget (jf. kapitel 2) for vores indsatser, og kan vi gøre noget for at styrke det?",
        ]),
        Phase(phase: .planning, title: "3. Planlægning", questions: [
            "Indsamler vi dokumentationen på hensigtsmæssige tidspunkter?",
            "Er ansvaret for at indsamle dokumentationen placeret hos de rigtige medarbejdere?",
            "Giver erfaringerne fra arbejdet med dokumentation og evaluering anledning til ændringer i planlægningen af arbejdet?",
            "Opstiller vi mål for den enkelte borger på en måde, som gør os i stand til at arbejde med målopfyldelse på et aggregeret niveau?",
        ]),
        Phase(phase: .collection, title: "4. Indsamling af dokumentation", questions: [
            "Hvilke erfaringer har vi haft med brugen af vores dokumentationsredskab(er)?",
            "Involverer vi borgere og pårørende på en hensigtsmæssig måde?",
            "Giver de valgte dataindsamlingsmetoder gode og præcise data?",
            "Gennemfører vi indsamlingen af dokumentation i overensstemmelse med vores plan?",
            "Er vi konsistente i vores indsamling af dokumentation?",
            "Giver erfaringerne anledning til at skifte dokumentationsredskab eller ændre praksis?",
        ]),
        Phase(phase: .analysis, title: "5. Analyse og rapportering", questions: [
            "Har vi de fornødne kompetencer i organisationen til at analysere og rapportere de relevante resultater fra den indsamlede dokumentation?",
            "Præsenterer vi resultaterne på en god måde?",
            "Er rapporteringen forståelig og anvendelig for borgere/pårørende og samarbejdspartnere?",
            "Kan vi øge udbyttet af vores dokumentation ved at foretage andre analyser eller andre former for afrapportering?",
        ]),
        Phase(phase: .use, title: "6. Anvendelse af indsamlet dokumentation", questions: [
            "Indsamler vi dokumentation, som vi ikke anvender?",
            "Er der dokumentation, som vi mangler for at kunne bruge data til det vi gerne vil?",
            "Er vi konsistente i vores anvendelse af dokumentationen?",
            "Understøtter vores anvendelse af dokumentation den faglige indsats?",
            "Har vi taget nye anvendelsesformer i brug i arbejdet med dokumentation og evaluering? (Jf. figur 3, side 16).",
            "Hvad skal der til, for at vi når næste anvendelsesform?",
            "Hvordan bruger vi dokumentation til forskellige formål (jf. kapitel 6)? Dialog med borger og myndighed",
            "… Organisatorisk læring og udvikling af indsatser", "… Strategisk ledelsesredskab",
        ]),
    ]

    /// One answer: *Erfaringer og læring* and *Evt. opfølgende handlinger*.
    public struct Answer: Sendable, Hashable, Codable {
        public var experiences: String
        public var actions: String

        public init(experiences: String = "", actions: String = "") {
            self.experiences = experiences
            self.actions = actions
        }
    }
}
