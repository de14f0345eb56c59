/// The item sets Roret ships (leadership.md): the evaluation's seven items
/// from the guide, verbatim, and Roret's own standard set for the
/// temperature measurement, formulated from the guide's description of the
/// eight prerequisites.
public enum StandardItemSets {
    public static let evaluation = ItemSet(kind: .evaluation, version: 1, items: [
        .init(id: "E1", group: "Data om indsatser og tilbud", text: "Har I data, der gør det muligt for jer at få et overblik over, hvilke borgere, der får hvilke ydelser og fra hvilke tilbud?"),
        .init(id: "E2", group: "Data om indsatser og tilbud", text: "Har I mulighed for, med afsæt i data, at lave fremskrivninger på de forventede behov for tilbud og ydelser i kommunen?"),
        .init(id: "E3", group: "Data om indsatser og tilbud", text: "Har I data, der gør det muligt for jer at følge borgernes bevægelser mellem forskellige tilbud og 'flowet' mellem de forskellige trin på Socialpsykiatriens Indsatstrappe?"),
        .init(id: "E4", group: "Data om borgernes progression", text: "Følger I systematisk op på borgernes progression forstået som trivsel og mental sundhed?"),
        .init(id: "E5", group: "Data om borgernes progression", text: "Indsamler I systematisk data om borgernes oplevelse af indsatsens kvalitet?"),
        .init(id: "E6", group: "Redskaber til at måle borgernes progression", text: "I hvilken grad anvender I validerede måleredskaber til at følge borgernes progression, fx WHO-5 Trivselsindeks og Brief INSPIRE-O?"),
        .init(id: "E7", group: "Redskaber til at måle borgernes progression", text: "Anvender I funktionsevnevurderingen i regi af VUM 2.0, som kan give grundlag for en vurdering af indsatsens resultat?"),
    ], provenance: "Spørgsmålene er fra guiden om styrings- og datapraksis.")

    /// The eight prerequisites in order.
    public static let prerequisites = [
        "Politisk fokus", "Klart strategisk afsæt", "Tydelig og vedholdende ledelse", "Tæt samarbejde på tværs",
        "Inddragende sagsbehandling", "Tilgængelige, relevante og fleksible tilbud", "Kompetencer og faglighed",
        "Understøttende kultur, sprog og mindset",
    ]

    static let statements: [[String]] = [
        ["Der er udarbejdet politiske mål for udviklingen og omlægningen mod recovery-orienteret rehabilitering i kommunen.",
         "Der er en politisk prioritering af tidlige og forebyggende recovery-orienteret rehabiliterende indsatser.",
         "Politikerne følger op på målene for udviklingen og omlægningen af socialpsykiatrien."],
        ["De politiske ambitioner er omsat i en strategi, vision eller plan for socialpsykiatrien med udgangspunkt i en recovery-orienteret rehabiliterende tilgang.",
         "Strategien og målene er kendt og forankret på alle niveauer i organisationen.",
         "Der følges løbende op på strategi, vision, plan og mål og på betydningen for de konkrete indsatsområder eller initiativer."],
        ["Den strategiske ledelse tager aktivt ejerskab for recovery-orienteringen i kommunen.",
         "Den faglige ledelse oversætter for deres medarbejdere, hvad tilgangen betyder i praksis.",
         "Den faglige ledelse følger op på, om recovery-tilgangen er udmøntet i overensstemmelse med den strategiske ledelses ambitioner."],
        ["Der er en tæt koordination af mål og indsatser – fx gennem etablering af én indgang og én plan for borgerne.",
         "Der er etableret et formelt samarbejde med regionen og aftalt processer for løbende koordination og samarbejde.",
         "Der er viden om vigtige aktører i civilsamfundet samt strukturer og arbejdsgange, der understøtter samarbejdet med aktørerne i civilsamfundet."],
        ["Der tages udgangspunkt i borgernes håb, ønsker og drømme for fremtiden i samarbejdet og i indsatsen.",
         "Der er vedvarende fokus på at sikre en god dialog og et godt og tillidsfuldt samarbejde med borgerne, og der arbejdes med løbende feedback på samarbejdet.",
         "Der inddrages peers og netværk, hvis borgerne ønsker det."],
        ["Der er mulighed for at skræddersy tilbud til den enkelte borger på tværs af tilbudsviften.",
         "Borgerne inddrages aktivt i udviklingen af tilbuddene.",
         "Der arbejdes strategisk med udvikling af tilbudsviften, herunder med at etablere tidlige og forebyggende indsatser og indsatser i civilsamfundet."],
        ["Der er en fælles faglig forståelse og tilgang til arbejdet med recovery-orienteret rehabilitering.",
         "Der gennemføres kompetenceudvikling både internt og på tværs af forvaltninger, så medarbejderne er klædt godt på til opgaven.",
         "Der følges løbende op på forankringen af forståelse, tilgange og metoder i praksis, så det sikres, at den recovery-orienterede tilgang udmøntes som ønsket."],
        ["Der arbejdes med udvikling af en fælles kultur og et fælles mindset på tværs af kommunen, der afspejler en tydelig tro på borgernes ressourcer og potentialer i forhold til at nå deres håb, ønsker og drømme for fremtiden.",
         "Recovery-orienteret rehabilitering og muligheden for at komme sig er omdrejningspunktet i den løbende dialog og sparring om udvikling af indsatsen i kommunen på alle niveauer.",
         "Der er taget stilling til, hvordan kulturen skal understøtte en udvikling og omlægning til recovery-orienteret rehabilitering, fx gennem fastlæggelsen af værdier og udvikling af arbejdsgange, der afspejler værdierne."],
    ]

    public static let temperature = ItemSet(kind: .temperature, version: 1, items: prerequisites.enumerated().flatMap { p, name in
        statements[p].enumerated().map { s, text in QuestionnaireItem(id: "T\(p + 1).\(s + 1)", group: name, text: text) }
    }, provenance: "Roret's standardsæt, formuleret ud fra guidens beskrivelse af de otte forudsætninger")

    /// The reflection questions after a temperature round; the last makes the development plan.
    public static let temperatureReflection = [
        "Hvor har I jeres styrker og svagheder?",
        "Hvilke resultater er genkendelige?",
        "Hvilke resultater er I overraskede over?",
        "Hvilke områder synes I, er de vigtigste at arbejde med?",
        "Hvad kan I gøre herfra, og hvem har ansvaret?",
    ]
}
