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
        #expect(summary.line == "gyldigt: municipalities.csv 2 rækker, population.csv 4 rækker, interventions.csv 1 række")
    }

    @Test func endBeforeStartNamesBothDates() {
        let iv = Self.interventions + "p2,101,85,2021-04-15,2021-03-01,sindslidelse\n"
        #expect(problems(["interventions.csv": iv]) == ["interventions.csv:3: end_date 2021-03-01 er før start_date 2021-04-15"])
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
        #expect(found.contains("interventions.csv:2: paragraph \"86\" er ikke en af 82a, 82b, 82c, 82d, 85, 107, 105, 108, 99, 103, 104, 110"))
        #expect(found.contains("interventions.csv:3: start_date \"2020-02-30\" er ikke en dato på formen ÅÅÅÅ-MM-DD"))
        #expect(found.contains("interventions.csv:3: municipality_code 999 findes ikke i municipalities.csv"), "every field of a bad row is checked")
        #expect(found.contains("interventions.csv:4: person_id ligner et CPR-nummer (10 cifre eller DDMMÅÅ-XXXX); udtræk skal være pseudonymiserede"))
        #expect(found.contains("interventions.csv:4: reason \"psykose\" er ikke en af sindslidelse, kognitivt_handicap, andet"))
        #expect(found.contains("interventions.csv:5: person_id ligner et CPR-nummer (10 cifre eller DDMMÅÅ-XXXX); udtræk skal være pseudonymiserede"))
        #expect(found.contains("interventions.csv:6: person_id \"p 5\" må kun indeholde bogstaverne A–Z og a–z, cifre, _ og -"))
        #expect(found.contains("interventions.csv:7: har 4 felter, forventet 6 (person_id,municipality_code,paragraph,start_date,end_date,reason)"))
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
        #expect(problems(["interventions.csv": iv]) == ["interventions.csv:3: municipality_code 999 findes ikke i municipalities.csv"])
    }

    @Test func headerProblems() {
        #expect(problems(["municipalities.csv": "municipality_code,name,extra\n101,A,x\n"]).contains(
            "municipalities.csv:1: ukendt kolonne \"extra\"; forventet præcis municipality_code,name"))
        #expect(problems(["population.csv": "municipality_code,year\n101,2020\n"]).contains("population.csv:1: kolonnen adults mangler"))
        #expect(problems(["population.csv": "year,municipality_code,adults,year\n"]).contains("population.csv:1: kolonnen year står mere end én gang i overskriften"))
    }

    @Test func columnsMayComeInAnyOrderWithBOMAndCRLF() {
        let pop = "\u{FEFF}adults,year,municipality_code\r\n1000,2020,101\r\n2000,2020,147\r\n1000,2021,101\r\n2000,2021,147\r\n"
        #expect(problems(["population.csv": pop]) == [])
    }

    @Test func populationMustCoverEveryMunicipalityAndYear() {
        let pop = "municipality_code,year,adults\n101,2020,1000\n147,2020,2000\n101,2021,0\n101,2020,5\n"
        let found = problems(["population.csv": pop])
        #expect(found.contains("population.csv:4: adults 0 skal være over 0"))
        #expect(found.contains("population.csv:5: kommune 101 har en række mere for 2020 (første gang på linje 2)"))
        #expect(found.contains("population.csv: kommune 147 har ingen række for 2021 (perioden er 2020–2021; hver kommune skal have én række pr. år)"))
        #expect(found.count == 3, "101's 2021 row is invalid, not missing: \(found)")
    }

    @Test func duplicateKeys() {
        #expect(problems(["municipalities.csv": Self.municipalities + "101,Igen\n"]).contains(
            "municipalities.csv:4: municipality_code 101 forekommer igen (første gang på linje 2); koderne skal være entydige"))
        #expect(problems(["employment.csv": "person_id,year,status\np1,2020,employed\np1,2020,unemployed\n"]) == [
            "employment.csv:3: person p1 har en status mere for 2020; højst én række pr. person og år (første gang på linje 2)"])
        #expect(problems(["expenditures.csv": "municipality_code,year,paragraph,amount_dkk\n101,2020,85,1.5\n101,2020,85,2\n"]) == [
            "expenditures.csv:3: kommune 101 har en række mere for 2020 og paragraf 85 (første gang på linje 2)"])
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
            "interventions.csv:3: et anførselstegn inde i felt 2, som ikke står i anførselstegn; sæt hele feltet i anførselstegn, og skriv tegnet to gange",
            "interventions.csv:4: uventet tekst efter det afsluttende anførselstegn i felt 2",
            "interventions.csv:5: end_date 2019-01-01 er før start_date 2020-01-01",
            "interventions.csv:6: felt 2 i anførselstegn lukkes aldrig (det afsluttende anførselstegn mangler; filen slutter inde i feltet)",
        ])
    }

    @Test func quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        let m = "municipality_code,name\n101,\"Køben, \"\"havn\"\"\nby\"\n147,F\n"
        let iv = Self.interventions + "p2,147,85,2020-01-01,,sindslidelse\nbad,147,85,2020-01-01,,x\n"
        #expect(problems(["municipalities.csv": m]) == [])
        // The multi-line name shifts later line numbers by one.
        #expect(problems(["municipalities.csv": m, "interventions.csv": iv]) == ["interventions.csv:4: reason \"x\" er ikke en af sindslidelse, kognitivt_handicap, andet"])
        guard case .valid(let data, _) = ExtractReader.read(files: files(["municipalities.csv": m])) else { return }
        #expect(data.municipalities[0].name == "Køben, \"havn\"\nby")
    }

    @Test func notUTF8AndBinaryAndEmptyFiles() {
        var f = files()
        f["municipalities.csv"] = Array("municipality_code,name\n101,K".utf8) + [0xF8, 0x62] + Array("\n147,F\n".utf8)
        #expect(problems(f) == ["municipalities.csv:2: er ikke gyldig UTF-8-tekst (eller indeholder en NUL-byte); gem filen som UTF-8"])
        f = files()
        f["admissions.csv"] = [0x00, 0x01, 0xFF, 0xFE, 0x00]
        #expect(problems(f).first == "admissions.csv:1: er ikke gyldig UTF-8-tekst (eller indeholder en NUL-byte); gem filen som UTF-8")
        #expect(problems(["employment.csv": ""]) == ["employment.csv: er tom; forventet en overskriftsrække med kolonnerne person_id,year,status"])
        #expect(problems(["employment.csv": "\u{FEFF}"]) == ["employment.csv: er tom; forventet en overskriftsrække med kolonnerne person_id,year,status"])
    }

    @Test func missingRequiredAndUnknownFiles() {
        var f = files()
        f["interventions.csv"] = nil
        f["admission.csv"] = Array("x\n".utf8)
        let found = problems(f)
        #expect(found.contains("interventions.csv: mangler; et udtræk skal have municipalities.csv, population.csv, interventions.csv"))
        #expect(found.contains("admission.csv: er ikke en fil i udtræksformatet; forventet municipalities.csv, population.csv, interventions.csv, employment.csv, admissions.csv, expenditures.csv, measurements.csv"))
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
            "measurements.csv:3: item1 5 er uden for svarskalaen 0–4 for BRIEF-INSPIRE-O",
            "measurements.csv:4: item1 6 er uden for svarskalaen 0–5 for WHO-5",
            "measurements.csv:5: instrument \"WHO-6\" er ikke en af WHO-5, BRIEF-INSPIRE-O",
            "measurements.csv:6: item5 \"x\" er ikke et helt tal",
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
            "expenditures.csv:2: amount_dkk \"-5\" er negativ; udgifter skal være 0 eller mere",
            "expenditures.csv:3: amount_dkk \"1.234\" har mere end to decimaler (øre)",
            "expenditures.csv:4: amount_dkk \"1,000\" er ikke et decimaltal (cifre, eventuelt '.' og decimaler; ingen tusindtalsseparator)",
        ])
        let ad = "person_id,admission_date,discharge_date\np1,2020-05-01,2020-04-01\np1,2020-05-01,\n"
        #expect(problems(["admissions.csv": ad]) == ["admissions.csv:2: discharge_date 2020-04-01 er før admission_date 2020-05-01"])
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

/// A file of junk: every problem is found, but only the first 1,000 per file
/// are kept, with a count of the rest — never millions of lines.
@Suite struct ProblemCapTests {
    @Test func theProblemsOfAFileAreCappedWithACountOfTheRest() {
        var files = ExtractValidationTests().files()
        files["employment.csv"] = Array(("person_id,year,status\n" + String(repeating: "x,y,z\n", count: 2_500)).utf8)
        guard case .invalid(let problems) = ExtractReader.read(files: files) else {
            Issue.record("junk must be refused")
            return
        }
        let employment = problems.filter { $0.file == "employment.csv" }
        #expect(employment.count == 1_001)
        #expect(employment.contains { $0.line == nil && $0.reason.hasPrefix("har \(2_500 * 2 - 1_000) fejl mere end de første 1000") })
        #expect(employment.filter { $0.line != nil }.allSatisfy { $0.line! <= 502 }, "the first ones, in file order")
    }
}
