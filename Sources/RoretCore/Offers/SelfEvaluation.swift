/// The offer's self-evaluation (*selvevaluering*, results-documentation.md
/// §1): 24 items in five dimensions on the handbook's 1–5 scale. O5 is
/// worded in reverse — a high score is a high risk — and is reversed
/// (6 − value) before it is averaged into its dimension, never averaged in as it stands.
public enum SelfEvaluation {
    /// The scale's labels (they differ from the leaders' scale at 2).
    public static let labels = [1: "Slet ikke", 2: "I ringe grad", 3: "I nogen grad", 4: "I høj grad", 5: "I meget høj grad"]

    public struct Item: Sendable, Hashable {
        public var id: String
        public var dimension: String
        public var theme: String
        public var text: String
        /// A high score means a high risk (O5).
        public var reversed: Bool
    }

    public static let dimensions = ["Strategi", "Kompetencer", "Ledelse", "Organisering", "Kultur"]

    public static let items: [Item] = [
        ("S1", "Strategi", "Formulering", "I hvilken grad er der formuleret strategiske målsætninger for tilbuddet?"),
        ("S2", "Strategi", "Formulering", "I hvilken grad er der formuleret konkrete (SMARTE) målsætninger for jeres indsatser?"),
        ("S3", "Strategi", "Planlægning", "I hvilken grad er der en logisk sammenhæng mellem indsatsens målsætninger og tilbuddets overordnede strategiske målsætninger (fx tydeliggjort i en forandringsteori)?"),
        ("K1", "Kompetencer", "Ledelsens træning", "I hvilken grad har ledelsen gennemgået formaliseret træning i at arbejde med dokumentation og evaluering?"),
        ("K2", "Kompetencer", "Ledelsens erfaring", "I hvilken grad har ledelsen erfaring med at anvende data om resultater som grundlag for faglig udvikling?"),
        ("K3", "Kompetencer", "Medarbejdernes erfaringer", "I hvilken grad har medarbejderne gennemgået formaliseret undervisning i at arbejde med dokumentation og evaluering?"),
        ("K4", "Kompetencer", "Medarbejdernes erfaringer", "I hvilken grad har medarbejderne anvendt data om resultater til at tilpasse deres indsats?"),
        ("K5", "Kompetencer", "Analytiske kompetencer", "I hvilken grad råder tilbuddet over de fornødne kompetencer til at behandle, analysere og rapportere den indsamlede dokumentation?"),
        ("L1", "Ledelse", "Lederskab", "I hvilken grad kommunikerer ledelsen målsætningerne klart til medarbejderne?"),
        ("L2", "Ledelse", "Lederskab", "I hvilken grad tilkendegiver ledelsen klart til medarbejderne at dokumentation og evaluering er centralt for tilbuddets kvalitetsarbejde?"),
        ("L3", "Ledelse", "Lederskab", "I hvilken grad understøtter ledelsen medarbejderne i at arbejde med dokumentation og evaluering?"),
        ("L4", "Ledelse", "Anvendelse", "I hvilken grad anvender ledelsen data til løbende at evaluere indsatsens resultater?"),
        ("L5", "Ledelse", "Anvendelse", "I hvilken grad anvender ledelsen data til løbende at evaluere, om indsatsen har den fornødne kvalitet?"),
        ("L6", "Ledelse", "Transparens", "I hvilken grad har medarbejderne en klar forestilling om indsatsens tilsigtede resultater og succeskriterier?"),
        ("L7", "Ledelse", "Transparens", "I hvilken grad har medarbejderne en klar forestilling om resultaterne af og succeskriterierne for deres eget arbejde?"),
        ("O1", "Organisering", "Præcisering af opgaver og ansvar", "I hvilken grad er der en klar opgave- og ansvarsfordeling ift. arbejdet med dokumentation og evaluering?"),
        ("O2", "Organisering", "Organisering", "I hvilken grad understøtter tilbuddets organisering arbejdet med dokumentation og evaluering?"),
        ("O3", "Organisering", "Læring og udvikling", "I hvilken grad anvender medarbejderne rutinemæssigt resultatdata til evaluering af borgernes udvikling?"),
        ("O4", "Organisering", "Læring og udvikling", "I hvilken grad anvender medarbejderne rutinemæssigt data til løbende at evaluere kvaliteten af indsatsen?"),
        ("O5", "Organisering", "Kontinuitet", "I hvilken grad udgør udskiftning i medarbejderstaben en risiko for indsatsens kvalitet og effektivitet?"),
        ("C1", "Kultur", "Holdninger", "I hvilken grad er der opbakning blandt medarbejderne til at arbejde med dokumentation og evaluering?"),
        ("C2", "Kultur", "Holdninger", "I hvilken grad er der etableret rutiner for opfølgning på indsatsen ved hjælp af data (fx som fast dagsordenspunkt på personalemøder)?"),
        ("C3", "Kultur", "Synlighed", "I hvilken grad arbejder I med at synliggøre indsatsens formål og de opnåede resultater?"),
        ("C4", "Kultur", "Synlighed", "I hvilken grad er der tradition for at markere positive resultater for borgerne?"),
    ].map { Item(id: $0.0, dimension: $0.1, theme: $0.2, text: $0.3, reversed: $0.0 == "O5") }

    /// The value that counts towards its dimension: reversed for O5.
    public static func counted(_ value: Int, item: Item) -> Int { item.reversed ? 6 - value : value }

    /// Each dimension's mean of the agreed scores (O5 reversed); nil where none is agreed.
    public static func dimensionScores(agreed: [String: Int]) -> [(dimension: String, score: Double?)] {
        dimensions.map { d in
            let values = items.filter { $0.dimension == d }.compactMap { item in agreed[item.id].map { counted($0, item: item) } }
            return (d, values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count))
        }
    }

    /// The respondents' answers to one item: counts 1…5, "Ved ikke", and the median as answered (not reversed).
    public static func summary(_ answers: [Int?]) -> (counts: [Int], dontKnow: Int, median: Double?) {
        var counts = [0, 0, 0, 0, 0], dontKnow = 0
        var values: [Int] = []
        for a in answers {
            if let a, (1...5).contains(a) { counts[a - 1] += 1; values.append(a) } else { dontKnow += 1 }
        }
        return (counts, dontKnow, RoretCore.median(values))
    }
}
