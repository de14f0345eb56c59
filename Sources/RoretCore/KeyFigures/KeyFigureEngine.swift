/// The key-figure engine (*nøgletalsberegning*): computes NT01–NT20 and Q01
/// for every municipality and `national`, for every year the extract allows,
/// from a `RegisterData`. Pure and deterministic: the same extract and options
/// always give the same rows in the same order (key-figures.md's order).
public enum KeyFigureEngine {
    /// All rows, unsuppressed, sorted by area (codes in byte order, `national`
    /// last), year, figure and breakdown. Apply `DisclosureControl` before
    /// showing them to anyone without person-level access.
    public static func compute(_ data: RegisterData, options: KeyFigureOptions = KeyFigureOptions()) -> [KeyFigureRow] {
        builder(data, options: options).rows()
    }

    /// The key-figure rows, the change beside movements and the staircase's
    /// stocks and flows (economics.md), all from one pass; unsuppressed.
    public static func computeAll(
        _ data: RegisterData, options: KeyFigureOptions = KeyFigureOptions()
    ) -> (rows: [KeyFigureRow], movementChange: [MovementChangeRow], flows: StaircaseFlows) {
        let builder = builder(data, options: options)
        return (builder.rows(), builder.movementChangeRows(), builder.flows())
    }

    /// The one pass over persons, ready to be turned into rows.
    private static func builder(_ data: RegisterData, options: KeyFigureOptions) -> RowBuilder {
        precondition(data.yearCount <= 64, "the engine handles periods of at most 64 years")
        let index = PersonIndex(data, options: options)
        let tally = ParallelPass.run(index: index, data: data, options: options)
        return RowBuilder(data: data, tally: tally, expenditure: ExpenditureSums(data))
    }

    /// Whether `figure` is computed for `year` of an extract with the period `years`.
    public static func isComputed(_ figure: KeyFigure, year: Int, period years: ClosedRange<Int>) -> Bool {
        years.contains(year + figure.yearsNeeded.lowerBound) && years.contains(year + figure.yearsNeeded.upperBound)
    }

    /// Whether the extract holds the source file a figure needs.
    public static func hasSource(_ figure: KeyFigure, in data: RegisterData) -> Bool {
        switch figure.source {
        case .interventions: true
        case .employment: data.employment != nil
        case .admissions: data.admissions != nil
        case .expenditures: data.expenditures != nil
        case .measurements: data.measurements != nil
        }
    }
}

/// Expenditure per (area, year index, step 1...5), national last, in øre.
struct ExpenditureSums {
    let yearCount: Int
    var sums: [Amount]

    init(_ data: RegisterData) {
        yearCount = data.yearCount
        let national = data.municipalities.count
        sums = Array(repeating: .zero, count: (national + 1) * yearCount * 5)
        guard let ex = data.expenditures else { return }
        for i in 0..<ex.count {
            let step = Staircase.standard.step(of: ex.paragraph[i])
            let yi = Int(ex.year[i]) - data.firstYear
            guard step >= 1, yi >= 0, yi < yearCount else { continue }
            for area in [Int(ex.municipality[i]), national] {
                sums[(area * yearCount + yi) * 5 + step - 1] += ex.amount[i]
            }
        }
    }

    func sum(area: Int, year yi: Int, step: Int) -> Amount { sums[(area * yearCount + yi) * 5 + step - 1] }
}

/// Turns the tallies into the output grid: every area, computed year, figure
/// with its source present, and breakdown — also zero and impossible cells.
struct RowBuilder {
    let data: RegisterData
    let tally: Tally
    let expenditure: ExpenditureSums

    func rows() -> [KeyFigureRow] {
        let figures = KeyFigure.allCases.filter { KeyFigureEngine.hasSource($0, in: data) }
        var rows: [KeyFigureRow] = []
        rows.reserveCapacity((data.municipalities.count + 1) * data.yearCount * 96)
        let areas = data.municipalities.map(\.code) + [nationalArea]
        for (area, code) in areas.enumerated() {
            for year in data.years {
                let yi = year - data.firstYear
                for figure in figures where KeyFigureEngine.isComputed(figure, year: year, period: data.years) {
                    for (b, breakdown) in figure.breakdowns.enumerated() {
                        let (numerator, denominator) = quantities(figure, breakdown: b, area: area, year: yi)
                        rows.append(KeyFigureRow(area: code, year: year, figure: figure, breakdown: breakdown, numerator: numerator, denominator: denominator))
                    }
                }
            }
        }
        return rows
    }

    /// Stocks, transitions, inflow and expenditure per area and year.
    func flows() -> StaircaseFlows {
        let codes = data.municipalities.map(\.code) + [nationalArea]
        var areas: [String: [StaircaseFlows.Year]] = [:]
        for (area, code) in codes.enumerated() {
            areas[code] = (0..<data.yearCount).map { yi in
                StaircaseFlows.Year(
                    stock: (1...5).map { tally.get(Slot.yearEndOnStep($0), area: area, year: yi) },
                    transitions: (1...5).map { s in (0...5).map { t in tally.get(Slot.transition(from: s, to: t), area: area, year: yi) } },
                    inflow: (1...5).map { tally.get(Slot.inflow(step: $0), area: area, year: yi) },
                    expenditure: (1...5).map { expenditure.sum(area: area, year: yi, step: $0) },
                    stepTwoNotOnDisabilityPension: tally.get(Slot.stepTwoNotOnDisabilityPension, area: area, year: yi))
            }
        }
        return StaircaseFlows(years: data.years, areas: areas)
    }

    private func adults(area: Int, year yi: Int) -> Int {
        if area < data.municipalities.count { return data.adults[area * data.yearCount + yi] }
        var total = 0
        for m in 0..<data.municipalities.count { total += data.adults[m * data.yearCount + yi] }
        return total
    }

    private func quantities(_ figure: KeyFigure, breakdown b: Int, area: Int, year yi: Int) -> (Quantity, Quantity) {
        func t(_ slot: Int, _ y: Int = yi) -> Quantity { .count(tally.get(slot, area: area, year: y)) }
        switch figure {
        case .nt01: return (t(Slot.recipients(step: b + 1)), .count(adults(area: area, year: yi)))
        case .nt02: return (t(Slot.recipientsAny), .count(adults(area: area, year: yi)))
        case .nt03: return (t(Slot.yearEndLowSteps), t(Slot.yearEndActive))
        case .nt04: return (t(Slot.newRecipients), .count(adults(area: area, year: yi)))
        case .nt05: return (t(Slot.ended), t(Slot.yearEndActive, yi - 1))
        case .nt06: return (t(Slot.movement(from: b / 4, outcome: b % 4)), t(Slot.movementCohort(from: b / 4)))
        case .nt07: return (t(Slot.transition(from: b / 6 + 1, to: b % 6)), t(Slot.yearEndOnStep(b / 6 + 1), yi - 1))
        case .nt08: return (t(Slot.returnNumerator), t(Slot.returnDenominator))
        case .nt09: return (t(Slot.inSuccess), t(Slot.yearEndActive))
        case .nt10: return (t(Slot.onDisabilityPension), t(Slot.yearEndActive))
        case .nt11: return (t(Slot.intoSuccessNumerator), t(Slot.intoSuccessDenominator))
        case .nt12: return (t(Slot.admitted), t(Slot.recipientsAny))
        case .nt13: return (t(Slot.stayReadmitted), t(Slot.stayDenominator))
        case .nt14:
            var total = Amount.zero
            for k in 1...5 { total += expenditure.sum(area: area, year: yi, step: k) }
            return (.amount(expenditure.sum(area: area, year: yi, step: b + 1)), .amount(total))
        case .nt15: return (.amount(expenditure.sum(area: area, year: yi, step: b + 1)), t(Slot.recipients(step: b + 1)))
        case .nt16: return (t(Slot.scoreSum(.who5)), t(Slot.scoredPersons(.who5)))
        case .nt17: return (t(Slot.band(WHO5Band(rawValue: b)!)), t(Slot.scoredPersons(.who5)))
        case .nt18: return (t(Slot.change(.who5, ScoreChange(rawValue: b)!)), t(Slot.changeDenominator(.who5)))
        case .nt19: return (t(Slot.scoreSum(.briefInspireO)), t(Slot.scoredPersons(.briefInspireO)))
        case .nt20: return (t(Slot.change(.briefInspireO, ScoreChange(rawValue: b)!)), t(Slot.changeDenominator(.briefInspireO)))
        case .q01: return (t(Slot.measured), t(Slot.yearEndActive))
        }
    }
}
