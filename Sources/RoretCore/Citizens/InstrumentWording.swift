/// One answer option of an instrument item (*svarmulighed*).
public struct AnswerOption: Hashable, Sendable {
    /// The raw value stored and scored.
    public var value: Int
    /// The Danish label shown to the citizen.
    public var label: String

    public init(value: Int, label: String) {
        self.value = value
        self.label = label
    }
}

extension Instrument {
    /// The Danish display name.
    public var danishName: String {
        switch self {
        case .who5: "WHO-5 Trivselsindeks"
        case .briefInspireO: "Brief INSPIRE-O"
        }
    }

    /// The lead-in before the items, if the instrument has one.
    public var leadIn: String? {
        switch self {
        case .who5: "I de sidste 2 uger …"
        case .briefInspireO: nil
        }
    }

    /// The five statements, in order (shared/spec/instruments.md).
    public var items: [String] {
        switch self {
        case .who5:
            [
                "Har jeg været glad og i godt humør",
                "Har jeg følt mig rolig og afslappet",
                "Har jeg følt mig aktiv og energisk",
                "Er jeg vågnet frisk og veludhvilet",
                "Har min dagligdag været fyldt med ting, der interesserer mig",
            ]
        case .briefInspireO:
            [
                "Jeg føler mig støttet af andre mennesker",
                "Jeg har håb og drømme om fremtiden",
                "Jeg har det godt med mig selv",
                "Jeg gør ting, som betyder noget for mig",
                "Jeg føler, at jeg har kontrol over mit liv",
            ]
        }
    }

    /// The answer scale, from the highest value down as the spec lists it.
    public var answerOptions: [AnswerOption] {
        switch self {
        case .who5:
            [
                AnswerOption(value: 5, label: "Hele tiden"),
                AnswerOption(value: 4, label: "Det meste af tiden"),
                AnswerOption(value: 3, label: "Lidt mere end halvdelen af tiden"),
                AnswerOption(value: 2, label: "Lidt mindre end halvdelen af tiden"),
                AnswerOption(value: 1, label: "Lidt af tiden"),
                AnswerOption(value: 0, label: "På intet tidspunkt"),
            ]
        case .briefInspireO:
            [
                AnswerOption(value: 4, label: "Rigtig meget"),
                AnswerOption(value: 3, label: "En hel del"),
                AnswerOption(value: 2, label: "I nogen grad"),
                AnswerOption(value: 1, label: "Lidt"),
                AnswerOption(value: 0, label: "Slet ikke"),
            ]
        }
    }

    /// The adult population mean of the score, shown as a reference line:
    /// 68 for WHO-5, 71 for Brief INSPIRE-O (a Danish study, 2023).
    public var populationMean: Int {
        switch self {
        case .who5: 68
        case .briefInspireO: 71
        }
    }
}
