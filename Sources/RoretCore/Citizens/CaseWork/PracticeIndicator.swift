/// The practice indicators of casework.md (*praksisindikatorer*): whether
/// the municipality works as the principles say, counted from the records
/// without anyone opening one. Some indicators have more than one row.
public enum PracticeIndicator: String, CaseIterable, Sendable, Hashable, Codable {
    case i1, i2, i3, i4, i5, i5Personal, i5Professional, i5Community, i6, i7, i8, i9, i10
    case i11, i11Agenda, i12, i13, i14Meeting, i14Intervention, i15, i16

    /// The id on the page and in downloads.
    public var code: String {
        switch self {
        case .i5Personal: "I5a"
        case .i5Professional: "I5b"
        case .i5Community: "I5c"
        case .i11Agenda: "I11b"
        case .i14Meeting: "I14a"
        case .i14Intervention: "I14b"
        default: rawValue.uppercased()
        }
    }

    /// The Danish title (casework.md).
    public var title: String {
        switch self {
        case .i1: "Håb, ønsker og drømme beskrevet"
        case .i2: "… med borgerens egne ord"
        case .i3: "Håb beskrevet inden for 30 dage"
        case .i4: "Ressourcer beskrevet og bekræftet"
        case .i5: "Netværk afdækket"
        case .i5Personal: "… heraf privat netværk"
        case .i5Professional: "… heraf professionelle"
        case .i5Community: "… heraf almene fællesskaber"
        case .i6: "Mål med opfølgningsdato"
        case .i7: "Opfølgning til tiden"
        case .i8: "Mål knyttet til håb"
        case .i9: "Måling ikke forfalden"
        case .i10: "Opfølgningsmøde inden for 6 måneder"
        case .i11: "Borgeren med til møderne"
        case .i11Agenda: "… med et punkt fra borgeren på dagsordenen"
        case .i12: "Borgerens egen vurdering"
        case .i13: "Koordinator aftalt"
        case .i14Meeting: "Tid til hjælp: dage fra henvendelse til første møde (median)"
        case .i14Intervention: "Tid til hjælp: dage fra henvendelse til første indsats (median)"
        case .i15: "Afslutning med sikkerhedsnet"
        case .i16: "Afsluttet fordi målene er nået"
        }
    }

    /// What is counted, in Danish: numerator / denominator.
    public var counted: String {
        switch self {
        case .i1: "sager med en gældende tekst om håb / aktive sager"
        case .i2: "sager, hvor en gældende tekst om håb er med borgerens egne ord / sager i I1's tæller"
        case .i3: "sager åbnet de seneste 12 måneder med første tekst om håb senest 30 dage efter åbning / sager åbnet de seneste 12 måneder"
        case .i4: "sager med en gældende ressourcebeskrivelse bekræftet af borgeren / aktive sager"
        case .i5: "sager med mindst én person eller ét fællesskab i netværket / aktive sager"
        case .i5Personal: "sager med privat netværk / aktive sager"
        case .i5Professional: "sager med professionelle i netværket / aktive sager"
        case .i5Community: "sager med et alment fællesskab / aktive sager"
        case .i6: "aktuelle mål med opfølgningsdato / aktuelle mål (ikke nået eller opgivet)"
        case .i7: "opfølgningsdatoer de seneste 12 måneder, fulgt op senest 14 dage efter / opfølgningsdatoer de seneste 12 måneder"
        case .i8: "aktuelle mål knyttet til et håb / aktuelle mål"
        case .i9: "aktive sager uden forfalden WHO-5- eller Brief INSPIRE-O-måling / aktive sager"
        case .i10: "sager åbne i mindst 6 måneder med et opfølgningsmøde de seneste 6 måneder / aktive sager åbne i mindst 6 måneder"
        case .i11: "møder de seneste 12 måneder, hvor borgeren deltog / møder de seneste 12 måneder"
        case .i11Agenda: "møder de seneste 12 måneder med et punkt fra borgeren / møder de seneste 12 måneder"
        case .i12: "møder de seneste 12 måneder med borgerens egen vurdering / møder de seneste 12 måneder"
        case .i13: "sager med en primær koordinator / aktive sager med professionelle uden for myndigheden i netværket"
        case .i14Meeting: "median antal dage; antal sager åbnet de seneste 12 måneder, der har haft første møde"
        case .i14Intervention: "median antal dage; antal sager åbnet de seneste 12 måneder, der har fået første indsats"
        case .i15: "afslutninger de seneste 12 måneder, hvor borgeren fik at vide, hvordan støtte søges igen / afslutninger de seneste 12 måneder"
        case .i16: "afslutninger de seneste 12 måneder med årsagen »målene er nået« / afslutninger de seneste 12 måneder"
        }
    }

    /// A median of days, not a share.
    public var isMedian: Bool { self == .i14Meeting || self == .i14Intervention }

    /// Rows that are a part of the row before them (indented on the page).
    public var isSubRow: Bool {
        switch self {
        case .i2, .i5Personal, .i5Professional, .i5Community, .i11Agenda: true
        default: false
        }
    }
}

/// One indicator for one area on one reference day. A share has a
/// numerator and a denominator; a median has the count of records behind
/// it as `denominator` and its `median`. Withheld cells have neither.
public struct PracticeIndicatorRow: Sendable, Hashable {
    /// Municipality code, or `national`.
    public var area: String
    public var reference: Day
    public var indicator: PracticeIndicator
    public var numerator: Int?
    public var denominator: Int?
    public var median: Double?
    public var suppressed: Bool

    public init(area: String, reference: Day, indicator: PracticeIndicator, numerator: Int?, denominator: Int?, median: Double? = nil, suppressed: Bool = false) {
        self.area = area
        self.reference = reference
        self.indicator = indicator
        self.numerator = numerator
        self.denominator = denominator
        self.median = median
        self.suppressed = suppressed
    }

    /// numerator / denominator × 100; nil for a median, a zero denominator or a withheld cell.
    public var percent: Double? {
        guard !indicator.isMedian, let n = numerator, let d = denominator, d > 0 else { return nil }
        return Double(n) / Double(d) * 100
    }
}
