import Testing
@testable import RoretCore

/// NT09–NT15: employment, psychiatry and expenditure.
@Suite struct OutcomeFigureTests {
    /// Year end 2021 in 101: W1–W4 on the staircase; W5 left in June 2021.
    @Test func nt09ToNt11FollowSuccessStatus() {
        var x = TinyExtract()
        for p in ["W1", "W2", "W3", "W4"] { x.spell(p, "101", .p85, "2019-01-01", nil) }
        x.spell("W5", "101", .p85, "2019-01-01", "2021-06-30")
        x.employment("W1", 2020, .unemployed); x.employment("W1", 2021, .employed)
        x.employment("W2", 2020, .employed); x.employment("W2", 2021, .education)
        x.employment("W3", 2021, .disabilityPension)
        x.employment("W5", 2021, .flexjob)
        let r = x.rows()
        expect(r.counts("101", 2021, .nt09), (2, 4))
        expect(r.counts("101", 2021, .nt10), (1, 4))
        #expect(r.row("101", 2021, .nt10)?.value == 0.25)
        expect(r.counts("101", 2021, .nt11), (2, 4))  // W1, W3, W4, W5 not in success 2020; W1, W5 in 2021
        expect(r.counts("national", 2021, .nt11), (2, 4))
        #expect(r.row("101", 2019, .nt11) == nil)
    }

    @Test func employmentFiguresAreOmittedWithoutEmploymentFile() {
        var x = TinyExtract()
        x.spell("A", "101", .p85, "2019-01-01", nil)
        let r = x.rows()
        #expect(r.all.allSatisfy { $0.figure.source == .interventions })
        #expect(r.row("101", 2021, .nt09) == nil)
        #expect(r.row("101", 2021, .nt16) == nil)
    }

    /// Admissions of 101's 2020 recipients H1, H3, H4, H5 (H2 is no recipient).
    /// H1's stays: 02-01..02-20 (a transfer on 02-10 continues it), 03-21..03-25
    /// (30 days after: a readmission), 04-25..04-30 (31 days: not), 05-01..open
    /// (1 day after 04-30: a readmission; the open stay itself never ends).
    /// H3: 2020-12-20..12-31, back 2021-01-15 (readmission across the year end).
    /// H5: overlapping admissions form one stay ending 07-10.
    func admissions() -> TinyExtract {
        var x = TinyExtract()
        for p in ["H1", "H3", "H5"] { x.spell(p, "101", .p85, "2020-01-01", nil) }
        x.spell("H4", "101", .p85, "2020-01-01", "2020-06-30")
        x.admission("H1", "2020-02-01", "2020-02-10")
        x.admission("H1", "2020-02-10", "2020-02-20")
        x.admission("H1", "2020-03-21", "2020-03-25")
        x.admission("H1", "2020-04-25", "2020-04-30")
        x.admission("H1", "2020-05-01", nil)
        x.admission("H2", "2020-03-01", "2020-03-05")
        x.admission("H3", "2020-12-20", "2020-12-31")
        x.admission("H3", "2021-01-15", "2021-01-20")
        x.admission("H4", "2021-03-01", "2021-03-05")
        x.admission("H5", "2020-06-15", "2020-07-10")
        x.admission("H5", "2020-06-01", "2020-06-30")
        return x
    }

    @Test func nt12CountsAdmittedRecipients() {
        let r = admissions().rows()
        expect(r.counts("101", 2020, .nt12), (3, 4))
        expect(r.counts("101", 2021, .nt12), (1, 3))  // H3 (H4 is no recipient in 2021)
        expect(r.counts("national", 2020, .nt12), (3, 4))
    }

    @Test func nt13CountsStaysAndReadmissionsWithin30Days() {
        let r = admissions().rows()
        expect(r.counts("101", 2020, .nt13), (3, 5))
        #expect(r.row("101", 2020, .nt13)?.value == 0.6)
        expect(r.counts("101", 2021, .nt13), (0, 1))
        #expect(r.row("101", 2022, .nt13) == nil, "NT13 needs y+1 in the period")
    }

    @Test func nt14AndNt15SplitExpenditureByStep() {
        var x = TinyExtract()
        for p in ["S1", "S2", "S3", "S4", "S5"] { x.spell(p, "101", .p85, "2020-01-01", "2020-12-31") }
        let add = { (x: inout TinyExtract, muni: String, paragraph: Paragraph, ore: Int64) in
            x.builder.addExpenditure(municipality: muni, year: 2020, paragraph: paragraph, amount: Amount(ore: ore))
        }
        add(&x, "101", .p82a, 100_050)
        add(&x, "101", .p82b, 49_950)
        add(&x, "101", .p85, 300_000)
        add(&x, "101", .p99, 1_000_000)  // off the staircase: not in NT14
        add(&x, "101", .p108, 50_025)
        add(&x, "147", .p85, 100_000)
        let r = x.rows()
        let step1 = r.row("101", 2020, .nt14, "step=1")!
        #expect(step1.numerator == .amount(Amount(ore: 150_000)))
        #expect(step1.denominator == .amount(Amount(ore: 500_025)))
        #expect(step1.value == 1_500.0 / 5_000.25)
        #expect(r.row("101", 2020, .nt14, "step=3")?.numerator == .amount(.zero))
        #expect(r.row("national", 2020, .nt14, "step=2")?.numerator == .amount(Amount(ore: 400_000)))
        #expect(r.row("national", 2020, .nt14, "step=2")?.denominator == .amount(Amount(ore: 600_025)))
        let perRecipient = r.row("101", 2020, .nt15, "step=2")!
        #expect(perRecipient.numerator == .amount(Amount(ore: 300_000)))
        #expect(perRecipient.denominator == .count(5))
        #expect(perRecipient.value == 600)
        let noRecipients = r.row("101", 2020, .nt15, "step=5")!
        #expect(noRecipients.denominator == .count(0) && noRecipients.value == nil)
        #expect(noRecipients.numerator == .amount(Amount(ore: 50_025)))
        #expect(r.row("101", 2021, .nt14, "step=1")?.denominator == .amount(.zero))
        #expect(r.row("101", 2021, .nt14, "step=1")?.value == nil)
    }
}
