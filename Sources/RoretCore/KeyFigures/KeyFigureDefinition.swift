extension KeyFigure {
    /// The definition in plain Danish for the interface (*definition i
    /// klarsprog*), faithful to shared/spec/key-figures.md.
    public var danishDefinition: String {
        switch self {
        case .nt01:
            "Antal forskellige borgere i målgruppen, der i løbet af året har haft en indsats på det enkelte trin i kommunen, pr. 10.000 voksne indbyggere."
        case .nt02:
            "Antal forskellige borgere i målgruppen, der i løbet af året har haft mindst én indsats på indsatstrappen i kommunen, pr. 10.000 voksne indbyggere."
        case .nt03:
            "Andelen af borgerne på trappen ved årets udgang, som er på trin 1 eller 2 (§ 82 eller § 85 i eget hjem)."
        case .nt04:
            "Antal borgere, der i året begynder en indsats i kommunen uden at have haft nogen indsats på trappen i de 365 dage før, pr. 10.000 voksne."
        case .nt05:
            "Andelen af borgerne på trappen ved sidste års udgang, som ikke har nogen indsats på trappen ved årets udgang."
        case .nt06:
            "For borgerne på hvert trin ved udgangen af året for to år siden: andelen, der ved årets udgang er på et lavere trin, samme trin, et højere trin eller helt ude af trappen."
        case .nt07:
            "For borgerne på hvert trin ved sidste års udgang: andelen, der ved årets udgang er på hvert af trinene 0–5."
        case .nt08:
            "Af borgerne, der forlod trappen i sidste år, andelen der fik en indsats på trappen igen inden for 365 dage."
        case .nt09:
            "Andelen af borgerne på trappen ved årets udgang, som i uge 48 var i beskæftigelse, fleksjob, uddannelse eller på barselsorlov."
        case .nt10:
            "Andelen af borgerne på trappen ved årets udgang, som i uge 48 var på førtidspension."
        case .nt11:
            "Af borgerne på trappen ved sidste års udgang, der ikke var i beskæftigelse eller uddannelse sidste år, andelen der er det i år."
        case .nt12:
            "Andelen af årets modtagere (NT02), der er blevet indlagt i regionspsykiatrien i løbet af året."
        case .nt13:
            "Andelen af de psykiatriske indlæggelsesforløb, der slutter i året, som efterfølges af en ny indlæggelse inden for 1–30 dage. Overflytninger samme dag tæller som ét forløb."
        case .nt14:
            "Kommunens nettodriftsudgifter fordelt på trappens trin, som andel af udgifterne til trin 1–5."
        case .nt15:
            "Udgifterne til trinnet divideret med antallet af borgere, der har haft en indsats på trinnet i året (kr. pr. modtager)."
        case .nt16:
            "Gennemsnitlig WHO-5-score (0–100) ved borgernes seneste fuldstændige besvarelse i året. Befolkningens gennemsnit er 68."
        case .nt17:
            "Borgernes seneste WHO-5-score i året fordelt på intervaller: 0–35 stor risiko for depression eller stress, 36–50 risiko, over 50 ingen umiddelbar risiko."
        case .nt18:
            "Udvikling i WHO-5 fra borgerens første måling til den seneste i året (mindst 90 dage imellem): forbedret med mindst 10 point, uændret eller forværret med mindst 10 point."
        case .nt19:
            "Gennemsnitlig Brief INSPIRE-O-score (0–100) ved borgernes seneste fuldstændige besvarelse i året."
        case .nt20:
            "Udvikling i Brief INSPIRE-O fra borgerens første måling til den seneste i året (mindst 90 dage imellem): forbedret, uændret eller forværret."
        case .q01:
            "Andelen af borgerne på trappen ved årets udgang, som har mindst én fuldstændig WHO-5- eller Brief INSPIRE-O-besvarelse i kommunen i året."
        }
    }
}
