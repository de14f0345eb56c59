import Testing
import RoretCore
@testable import RoretImport

/// Reading a file in parts on both cores, and reading an upload while it
/// arrives, give exactly what reading each file whole gives: the same data,
/// the same problems at the same lines.
@Suite struct ExtractPartsTests {
    /// What a read gave, comparable: every problem, or the data as CSV and the summary.
    static func outcome(_ result: ExtractReadResult) -> [String] {
        switch result {
        case .invalid(let problems): return problems.map(\.description)
        case .valid(let data, let summary):
            let files = ExtractCSVWriter.files(data)
            return [summary.line] + files.keys.sorted().map { "\($0)\n\(files[$0]!)" }
        }
    }

    static let base = ExtractValidationTests()

    /// Small extracts, valid and broken, whose parts meet at awkward places.
    static var extracts: [(name: String, files: [String: [UInt8]])] {
        var list: [(String, [String: [UInt8]])] = []
        list.append(("valid", base.files()))
        // Names with commas, quotes and line breaks: a cut may fall inside a quoted field.
        let m = "municipality_code,name\r\n101,\"Køben,\n\"\"havn\"\"\n\nby\"\r\n147,\"F\nr\"\r\n"
        let iv = "\u{FEFF}\"reason\",\"person_id\",\"municipality_code\",\"paragraph\",\"start_date\",\"end_date\"\r\n"
            + "\"sindslidelse\",\"p1\",\"101\",\"85\",\"2020-01-01\",\"\"\r\n"
            + "\"x\",\"p2\",\"999\",\"85\",\"2020-02-30\",\"\"\r\n"
            + "sindslidelse,p3,147,85,2020-01-01,2020-03-01\r\n"
            + "sindslidelse,p4,1\"47,85,2020-01-01,\n"
            + "sindslidelse,p1,147,85,2020-05-01,\r\n"
        list.append(("quoted", base.files(["municipalities.csv": m, "interventions.csv": iv])))
        list.append(("broken quoting", base.files(["interventions.csv": """
            person_id,municipality_code,paragraph,start_date,end_date,reason
            p1,"101",85,2020-01-01,,sindslidelse
            p2,10"1,85,2020-01-01,,sindslidelse
            p3,"101"x,85,2020-01-01,,sindslidelse
            p5,"101,85,2020-01-01,,sindslidelse

            """])))
        list.append(("duplicates", base.files([
            "employment.csv": "person_id,year,status\np1,2020,employed\np1,2020,flexjob\np1,2021,employed\np1,2021,employed\n",
            "expenditures.csv": "municipality_code,year,paragraph,amount_dkk\n101,2020,85,1\n101,2020,85,2\n999,2020,85,1\n",
            "measurements.csv": "person_id,municipality_code,instrument,date,item1,item2,item3,item4,item5\np1,101,WHO-5,2020-03-01,1,2,3,4,\np1,999,WHO-5,2020-03-01,1,2,3,4,9\n",
        ])))
        var junk = base.files()
        junk["employment.csv"] = Array(("person_id,year,status\n" + String(repeating: "x,y,z\n", count: 1_200)).utf8)
        list.append(("over the cap", junk))
        var encoding = base.files()
        encoding["municipalities.csv"] = Array("municipality_code,name\n101,K".utf8) + [0xF8, 0x62] + Array("\n147,F\n".utf8)
        encoding["admissions.csv"] = Array("person_id,admission_date,discharge_date\n".utf8) + [0xC3] + Array("\np1,2020-01-01,\n".utf8)
        list.append(("encoding", encoding))
        var rng: UInt64 = 7
        for n in stride(from: 5, to: 200, by: 37) {
            var bytes: [UInt8] = []
            for _ in 0..<n {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                bytes.append([UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0xC3, 0xA6, UInt8(ascii: "1"), 0xEF][Int(rng >> 61)])
            }
            var f = base.files()
            f["interventions.csv"] = Array("person_id,municipality_code,paragraph,start_date,end_date,reason\n".utf8) + bytes
            f["employment.csv"] = bytes
            list.append(("random \(n)", f))
        }
        return list
    }

    @Test(arguments: [1, 2, 3, 5, 8, 13, 31, 100, 4096])
    func partsOfAnySizeReadAsTheWholeFile(partBytes: Int) {
        for (name, files) in Self.extracts {
            let whole = Self.outcome(ExtractReader.read(files: files, partBytes: Int.max))
            #expect(Self.outcome(ExtractReader.read(files: files, partBytes: partBytes)) == whole, "\(name), parts of \(partBytes) bytes")
        }
    }

    @Test func aMessyDemoExtractReadsInPartsAsWhole() {
        let data = DemoExtractGenerator(scale: .small, seed: 5).generate()
        let messy = MessyExtractWriter.files(data, seed: 5)
        let whole = Self.outcome(ExtractReader.read(files: messy, partBytes: Int.max))
        #expect(whole.first?.hasPrefix("gyldigt:") == true)
        for size in [997, 65_536] {
            #expect(Self.outcome(ExtractReader.read(files: messy, partBytes: size)) == whole, "parts of \(size) bytes")
        }
        // The same figures as the clean files.
        let clean = ExtractCSVWriter.files(data).mapValues { Array($0.utf8) }
        guard case .valid(let a, _) = ExtractReader.read(files: clean), case .valid(let b, _) = ExtractReader.read(files: messy) else {
            Issue.record("both must read"); return
        }
        #expect(KeyFigureOutput.csv(KeyFigureEngine.compute(a)) == KeyFigureOutput.csv(KeyFigureEngine.compute(b)))
    }

    /// Feeds `files` to a stream in `chunk`-byte pieces, in `order`.
    static func streamed(_ files: [String: [UInt8]], order: [String], chunk: Int, round: Int) -> (ExtractReadResult, [String: [UInt8]]) {
        let stream = ExtractStream(roundBytes: round)
        for name in order {
            stream.begin(file: name)
            let bytes = files[name]!
            var i = 0
            while i < bytes.count {
                let piece = Array(bytes[i..<min(i + chunk, bytes.count)])
                piece.withUnsafeBytes { stream.append($0) }
                i += chunk
            }
        }
        let (result, kept) = stream.finish()
        return (result, kept)
    }

    @Test(arguments: [(1, 1), (2, 3), (7, 1), (64, 50), (1000, 1 << 20)])
    func aStreamReadsAsTheWholeFiles(chunk: Int, round: Int) {
        for (name, files) in Self.extracts {
            let whole = Self.outcome(ExtractReader.read(files: files))
            for order in [files.keys.sorted(), files.keys.sorted().reversed()] {
                let (result, kept) = Self.streamed(files, order: order, chunk: chunk, round: round)
                #expect(Self.outcome(result) == whole, "\(name), chunks of \(chunk), rounds of \(round), order \(order)")
                #expect(kept == files.filter { ExtractReader.knownFiles.contains($0.key) }, "the files are kept byte for byte to be stored")
            }
        }
    }

    @Test func aStreamedMessyDemoExtractReadsAsWhole() {
        let messy = MessyExtractWriter.files(DemoExtractGenerator(scale: .small, seed: 9).generate(), seed: 9)
        let whole = Self.outcome(ExtractReader.read(files: messy))
        let (result, _) = Self.streamed(messy, order: messy.keys.sorted(), chunk: 4093, round: 10_000)
        #expect(Self.outcome(result) == whole)
    }

    @Test func aFileSentTwiceCountsOnceAndUnknownNamesAreReported() {
        let files = Self.base.files()
        let stream = ExtractStream()
        for name in files.keys.sorted() + ["interventions.csv", "noter.csv"] {
            stream.begin(file: name)
            let bytes = name == "noter.csv" ? Array("x\n".utf8) : files[name]!
            bytes.withUnsafeBytes { stream.append($0) }
        }
        let (result, kept) = stream.finish()
        #expect(Self.outcome(result).contains { $0.hasPrefix("noter.csv: er ikke en fil i udtræksformatet") })
        #expect(kept["interventions.csv"] == files["interventions.csv"])
        #expect(kept["noter.csv"] == nil)
    }
}
