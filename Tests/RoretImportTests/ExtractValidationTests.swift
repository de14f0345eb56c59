import Testing
import RoretCore
@testable import RoretImport

/// Every kind of bad input gets a clear problem with file and line, and nothing is read.
@Suite struct ExtractValidationTests {
    static let municipalities = "municipality_code,name\n101,København\n147,Frederiksberg\n"
    static let population = "municipality_code,year,adults\n101,2020,1000\n147,2020,2000\n101,2021,1000\n147,2021,2000\n"
    static let interventions = "person_id,municipality_code,paragraph,start_date,end_date,reason\np1,101,85,2020-01-01,,sindslidelse\n"

    func files(_ overrides: [String: String?] = [:]) -> [String: [UInt8]] {
        var texts: [String: String?] = [
            "municipalities.csv": Self.municipalities, "population.csv": Self.population, "interventions.csv": Self.interventions,
        ]
        for (k, v) in overrides { texts[k] = v }
        return texts.compactMapValues { $0.map { Array($0.utf8) } }
    }

    func problems(_ overrides: [String: String?]) -> [String] {
        problems(files(overrides))
    }

    func problems(_ files: [String: [UInt8]]) -> [String] {
        switch ExtractReader.read(files: files) {
        case .valid: return []
        case .invalid(let problems): return problems.map(\.description)
        }
    }

    @Test func aValidExtractReads() throws {
        guard case .valid(let data, let summary) = ExtractReader.read(files: files()) else {
            Issue.record("expected valid"); return
        }
        #expect(data.municipalities.map(\.code) == ["101", "147"])
        #expect(data.years == 2020...2021)
        #expect(summary.line == "valid: municipalities.csv 2 rows, population.csv 4 rows, interventions.csv 1 row")
    }

    @Test func endBeforeStartNamesBothDates() {
        let iv = Self.interventions + "p2,101,85,2021-04-15,2021-03-01,sindslidelse\n"
        #expect(problems(["interventions.csv": iv]) == ["interventions.csv:3: end_date 2021-03-01 is before start_date 2021-04-15"])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let iv = """
            person_id,municipality_code,paragraph,start_date,end_date,reason
            p1,101,86,2020-01-01,,sindslidelse
            p2,999,85,2020-02-30,,sindslidelse
            0101801234,101,85,2020-01-01,,psykose
            010180-1234,101,85,2020-01-01,,andet
            p 5,101,85,2020-01-01,,andet
            p6,101,85,2020-01-01
            """
        let found = problems(["interventions.csv": iv])
        #expect(found.contains("interventions.csv:2: paragraph \"86\" is not one of 82a, 82b, 82c, 82d, 85, 107, 105, 108, 99, 103, 104, 110"))
        #expect(found.contains("interventions.csv:3: start_date \"2020-02-30\" is not a date in the form YYYY-MM-DD"))
        #expect(found.contains("interventions.csv:3: municipality_code 999 is not in municipalities.csv"), "every field of a bad row is checked")
        #expect(found.contains("interventions.csv:4: person_id looks like a CPR number (10 digits or DDMMYY-XXXX); extracts must be pseudonymised"))
        #expect(found.contains("interventions.csv:4: reason \"psykose\" is not one of sindslidelse, kognitivt_handicap, andet"))
        #expect(found.contains("interventions.csv:5: person_id looks like a CPR number (10 digits or DDMMYY-XXXX); extracts must be pseudonymised"))
        #expect(found.contains("interventions.csv:6: person_id \"p 5\" may only contain the letters A–Z and a–z, digits, _ and -"))
        #expect(found.contains("interventions.csv:7: has 4 fields, expected 6 (person_id,municipality_code,paragraph,start_date,end_date,reason)"))
        #expect(!found.joined().contains("0101801234"), "a CPR-like value is never echoed")
    }

    @Test func fieldProblemsNameTheirColumn() {
        let iv = Self.interventions + "p2,999,86,2021-04-15,2021-03-01,sindslidelse\n0101801234,101,85,2020-01-01,,x\n"
        guard case .invalid(let problems) = ExtractReader.read(files: files(["interventions.csv": iv])) else {
            Issue.record("expected invalid"); return
        }
        #expect(problems.map { "\($0.line ?? 0) \($0.column ?? "-")" } == [
            "3 end_date", "3 municipality_code", "3 paragraph", "4 person_id", "4 reason",
        ], "\(problems)")
        guard case .invalid(let header) = ExtractReader.read(files: files(["population.csv": "municipality_code,year\n"])) else { return }
        #expect(header.allSatisfy { $0.column == nil }, "header problems concern the file, not one column")
    }

    @Test func unknownMunicipalityIsReferentialError() {
        let iv = Self.interventions + "p2,999,85,2020-01-01,,sindslidelse\n"
        #expect(problems(["interventions.csv": iv]) == ["interventions.csv:3: municipality_code 999 is not in municipalities.csv"])
    }

    @Test func headerProblems() {
        #expect(problems(["municipalities.csv": "municipality_code,name,extra\n101,A,x\n"]).contains(
            "municipalities.csv:1: unknown column \"extra\"; expected exactly municipality_code,name"))
        #expect(problems(["population.csv": "municipality_code,year\n101,2020\n"]).contains("population.csv:1: missing column adults"))
        #expect(problems(["population.csv": "year,municipality_code,adults,year\n"]).contains("population.csv:1: column year appears more than once in the header"))
    }

    @Test func columnsMayComeInAnyOrderWithBOMAndCRLF() {
        let pop = "\u{FEFF}adults,year,municipality_code\r\n1000,2020,101\r\n2000,2020,147\r\n1000,2021,101\r\n2000,2021,147\r\n"
        #expect(problems(["population.csv": pop]) == [])
    }

    @Test func populationMustCoverEveryMunicipalityAndYear() {
        let pop = "municipality_code,year,adults\n101,2020,1000\n147,2020,2000\n101,2021,0\n101,2020,5\n"
        let found = problems(["population.csv": pop])
        #expect(found.contains("population.csv:4: adults 0 must be above 0"))
        #expect(found.contains("population.csv:5: municipality 101 has a second row for 2020 (first on line 2)"))
        #expect(found.contains("population.csv: municipality 147 has no row for 2021 (the period is 2020–2021; every municipality needs one row per year)"))
        #expect(found.count == 3, "101's 2021 row is invalid, not missing: \(found)")
    }

    @Test func duplicateKeys() {
        #expect(problems(["municipalities.csv": Self.municipalities + "101,Igen\n"]).contains(
            "municipalities.csv:4: municipality_code 101 appears again (first on line 2); codes must be unique"))
        #expect(problems(["employment.csv": "person_id,year,status\np1,2020,employed\np1,2020,unemployed\n"]) == [
            "employment.csv:3: person p1 has a second status for 2020; at most one row per person and year (first on line 2)"])
        #expect(problems(["expenditures.csv": "municipality_code,year,paragraph,amount_dkk\n101,2020,85,1.5\n101,2020,85,2\n"]) == [
            "expenditures.csv:3: municipality 101 has a second row for 2020 and paragraph 85 (first on line 2)"])
    }

    @Test func brokenQuotingIsReportedAndReadingGoesOn() {
        let iv = """
            person_id,municipality_code,paragraph,start_date,end_date,reason
            p1,"101",85,2020-01-01,,sindslidelse
            p2,10"1,85,2020-01-01,,sindslidelse
            p3,"101"x,85,2020-01-01,,sindslidelse
            p4,101,85,2020-01-01,2019-01-01,sindslidelse
            p5,"101,85,2020-01-01,,sindslidelse

            """
        let found = problems(["interventions.csv": iv])
        #expect(found == [
            "interventions.csv:3: a quote character inside unquoted field 2; quote the whole field and double the quote",
            "interventions.csv:4: unexpected text after the closing quote of field 2",
            "interventions.csv:5: end_date 2019-01-01 is before start_date 2020-01-01",
            "interventions.csv:6: quoted field 2 is never closed (missing closing quote; the file ends inside it)",
        ])
    }

    @Test func quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        let m = "municipality_code,name\n101,\"Køben, \"\"havn\"\"\nby\"\n147,F\n"
        let iv = Self.interventions + "p2,147,85,2020-01-01,,sindslidelse\nbad,147,85,2020-01-01,,x\n"
        #expect(problems(["municipalities.csv": m]) == [])
        // The multi-line name shifts later line numbers by one.
        #expect(problems(["municipalities.csv": m, "interventions.csv": iv]) == ["interventions.csv:4: reason \"x\" is not one of sindslidelse, kognitivt_handicap, andet"])
        guard case .valid(let data, _) = ExtractReader.read(files: files(["municipalities.csv": m])) else { return }
        #expect(data.municipalities[0].name == "Køben, \"havn\"\nby")
    }

    @Test func notUTF8AndBinaryAndEmptyFiles() {
        var f = files()
        f["municipalities.csv"] = Array("municipality_code,name\n101,K".utf8) + [0xF8, 0x62] + Array("\n147,F\n".utf8)
        #expect(problems(f) == ["municipalities.csv:2: is not valid UTF-8 text (or holds a NUL byte); save the file as UTF-8"])
        f = files()
        f["admissions.csv"] = [0x00, 0x01, 0xFF, 0xFE, 0x00]
        #expect(problems(f).first == "admissions.csv:1: is not valid UTF-8 text (or holds a NUL byte); save the file as UTF-8")
        #expect(problems(["employment.csv": ""]) == ["employment.csv: is empty; expected a header row with the columns person_id,year,status"])
        #expect(problems(["employment.csv": "\u{FEFF}"]) == ["employment.csv: is empty; expected a header row with the columns person_id,year,status"])
    }

    @Test func missingRequiredAndUnknownFiles() {
        var f = files()
        f["interventions.csv"] = nil
        f["admission.csv"] = Array("x\n".utf8)
        let found = problems(f)
        #expect(found.contains("interventions.csv: is missing; an extract must have municipalities.csv, population.csv, interventions.csv"))
        #expect(found.contains("admission.csv: is not a file of the extract format; expected municipalities.csv, population.csv, interventions.csv, employment.csv, admissions.csv, expenditures.csv, measurements.csv"))
    }

    @Test func measurementRanges() {
        let ms = """
            person_id,municipality_code,instrument,date,item1,item2,item3,item4,item5
            p1,101,WHO-5,2020-05-01,5,5,5,5,5
            p1,101,BRIEF-INSPIRE-O,2020-05-01,5,4,4,4,4
            p1,101,WHO-5,2020-05-01,6,,,,
            p1,101,WHO-6,2020-05-01,1,1,1,1,1
            p1,101,WHO-5,2020-05-01,1,,1,1,x
            p1,101,WHO-5,2020-05-01,1,,1,1,1
            """
        #expect(problems(["measurements.csv": ms]) == [
            "measurements.csv:3: item1 5 is outside the BRIEF-INSPIRE-O answer range 0–4",
            "measurements.csv:4: item1 6 is outside the WHO-5 answer range 0–5",
            "measurements.csv:5: instrument \"WHO-6\" is not one of WHO-5, BRIEF-INSPIRE-O",
            "measurements.csv:6: item5 \"x\" is not a whole number",
        ])
        let valid = "person_id,municipality_code,instrument,date,item1,item2,item3,item4,item5\np1,101,WHO-5,2020-05-01,1,,1,1,1\np2,101,WHO-5,2020-05-01,1,1,1,1,1\n"
        guard case .valid(let data, let summary) = ExtractReader.read(files: files(["measurements.csv": valid])) else {
            Issue.record("expected valid"); return
        }
        #expect(summary.incompleteMeasurements == 1)
        #expect(data.measurements?.count == 2, "an incomplete answer is kept, not dropped")
        #expect(data.measurements?.score(row: 0) == nil)
    }

    @Test func amountsAndAdmissions() {
        let ex = "municipality_code,year,paragraph,amount_dkk\n101,2020,85,-5\n101,2020,107,1.234\n101,2020,108,\"1,000\"\n"
        #expect(problems(["expenditures.csv": ex]) == [
            "expenditures.csv:2: amount_dkk \"-5\" is negative; expenditure must be 0 or more",
            "expenditures.csv:3: amount_dkk \"1.234\" has more than two decimals (øre)",
            "expenditures.csv:4: amount_dkk \"1,000\" is not a decimal number (digits, optionally '.' and decimals; no thousands separator)",
        ])
        let ad = "person_id,admission_date,discharge_date\np1,2020-05-01,2020-04-01\np1,2020-05-01,\n"
        #expect(problems(["admissions.csv": ad]) == ["admissions.csv:2: discharge_date 2020-04-01 is before admission_date 2020-05-01"])
    }

    @Test func arbitraryBytesNeverCrash() {
        var rng: UInt64 = 42
        for n in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<(n % 97) {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                bytes.append([UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0xC3, 0xA6, UInt8(ascii: "1"), 0xFF][Int(rng >> 61)])
            }
            var f = files()
            f["interventions.csv"] = Array("person_id,municipality_code,paragraph,start_date,end_date,reason\n".utf8) + bytes
            f["employment.csv"] = bytes
            // Random bytes are never a valid employment.csv header: always invalid,
            // and every problem points into a file of the extract, at a line it has.
            guard case .invalid(let problems) = ExtractReader.read(files: f) else {
                Issue.record("random bytes were accepted: \(bytes)")
                continue
            }
            #expect(problems.contains { $0.file == "employment.csv" })
            for problem in problems {
                let lineCount = (f[problem.file]?.filter { $0 == UInt8(ascii: "\n") }.count ?? -1) + 1
                #expect(problem.line.map { (1...lineCount).contains($0) } ?? true, "\(problem)")
            }
        }
    }
}

/// Generated extracts survive writing and reading back.
@Suite struct RoundTripTests {
    @Test func demoExtractRoundTripsAndGivesTheSameFigures() throws {
        let data = DemoExtractGenerator(scale: .small, seed: 7).generate()
        let files = ExtractCSVWriter.files(data).mapValues { Array($0.utf8) }
        guard case .valid(let back, _) = ExtractReader.read(files: files) else {
            if case .invalid(let problems) = ExtractReader.read(files: files) { Issue.record("\(problems.prefix(5))") }
            return
        }
        #expect(back.personIDs.count == data.personIDs.count)
        #expect(back.interventions.count == data.interventions.count)
        let a = KeyFigureOutput.csv(KeyFigureEngine.compute(data))
        let b = KeyFigureOutput.csv(KeyFigureEngine.compute(back))
        #expect(a == b)
    }

    @Test func generatorIsDeterministicPerSeed() {
        let a = ExtractCSVWriter.files(DemoExtractGenerator(scale: .small, seed: 3).generate())
        let b = ExtractCSVWriter.files(DemoExtractGenerator(scale: .small, seed: 3).generate())
        let c = ExtractCSVWriter.files(DemoExtractGenerator(scale: .small, seed: 4).generate())
        #expect(a == b)
        #expect(a["interventions.csv"] != c["interventions.csv"])
        #expect(Set(a.keys) == Set(ExtractReader.knownFiles))
    }
}

/// A generated extract with problems planted at known lines: each is reported
/// with its file and line, and nothing else is.
@Suite struct PlantedProblemTests {
    /// Replaces field `column` (0-based) of line `line` (1 = header).
    func plant(_ text: String, line: Int, column: Int, _ value: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[line - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[column] = value
        lines[line - 1] = fields.joined(separator: ",")
        return lines.joined(separator: "\n")
    }

    @Test func everyPlantedProblemIsFoundAtItsLine() {
        var files = ExtractCSVWriter.files(DemoExtractGenerator(scale: .small, seed: 2).generate())
        files["interventions.csv"] = plant(files["interventions.csv"]!, line: 101, column: 2, "86")
        files["interventions.csv"] = plant(files["interventions.csv"]!, line: 150, column: 4, "1999-01-01")
        files["interventions.csv"] = plant(files["interventions.csv"]!, line: 303, column: 0, "311299-1234")
        files["employment.csv"] = plant(files["employment.csv"]!, line: 5, column: 2, "retired")
        files["population.csv"] = plant(files["population.csv"]!, line: 2, column: 2, "0")
        files["measurements.csv"] = plant(files["measurements.csv"]!, line: 40, column: 8, "9")
        files["admissions.csv"] = plant(files["admissions.csv"]!, line: 7, column: 1, "2020-02-30")
        files["expenditures.csv"] = plant(files["expenditures.csv"]!, line: 9, column: 0, "999")
        guard case .invalid(let problems) = ExtractReader.read(files: files.mapValues { Array($0.utf8) }) else {
            Issue.record("expected invalid"); return
        }
        let places = problems.map { "\($0.file):\($0.line ?? 0)" }
        #expect(places == [
            "admissions.csv:7", "employment.csv:5", "expenditures.csv:9", "interventions.csv:101",
            "interventions.csv:150", "interventions.csv:303", "measurements.csv:40", "population.csv:2",
        ], "\(problems)")
    }
}
