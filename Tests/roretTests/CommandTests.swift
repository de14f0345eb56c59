import ArgumentParser
import Foundation
import Testing
@testable import roret

/// The commands end to end on files: exit codes, and never a partial output.
@Suite struct CommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roret-cli-\(UUID().uuidString)").path

    func exitCode(_ body: () throws -> Void) -> Int32? {
        do {
            try body()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            return nil
        }
    }

    @Test func demoThenKeyFiguresWritesTheSpecHeaderAndEveryArea() throws {
        defer { for path in [folder, folder + "-out.csv", folder + "-out.json"] { try? FileManager.default.removeItem(atPath: path) } }
        try DemoExtract.parse(["--scale", "small", "--seed", "9", "--output", folder]).run()
        #expect(exitCode { try Validate.parse([folder]).run() } == 0)
        let output = folder + "-out.csv"
        try KeyFigures.parse([folder, "--output", output]).run()
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "area,year,figure,breakdown,numerator,denominator,value,suppressed")
        #expect(Set(lines.dropFirst().map { $0.split(separator: ",")[0] }) == ["253", "265", "350", "national"])
        #expect(lines.contains { $0.hasSuffix(",true") }, "the default output is suppressed")
        let json = folder + "-out.json"
        try KeyFigures.parse([folder, "--format", "json", "--area", "265", "--year", "2024", "--output", json]).run()
        let rows = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [[String: Any]]
        #expect(rows?.isEmpty == false)
        #expect(rows?.allSatisfy { $0["area"] as? String == "265" && $0["year"] as? Int == 2024 } == true)
    }

    @Test func invalidExtractExitsOneAndWritesNothing() throws {
        defer { for path in [folder, folder + "-out.csv", folder + "-out.json"] { try? FileManager.default.removeItem(atPath: path) } }
        try DemoExtract.parse(["--scale", "small", "--seed", "9", "--output", folder]).run()
        let interventions = folder + "/interventions.csv"
        var text = try String(contentsOfFile: interventions, encoding: .utf8)
        text += "p1,101,85,2020-05-01,2020-04-01,sindslidelse\n"
        try text.write(toFile: interventions, atomically: true, encoding: .utf8)
        #expect(exitCode { try Validate.parse([folder]).run() } == 1)
        let output = folder + "-out.csv"
        #expect(exitCode { try KeyFigures.parse([folder, "--output", output]).run() } == 1)
        #expect(!FileManager.default.fileExists(atPath: output), "no partial output")
    }

    @Test func badOptionsAreRejected() throws {
        defer { for path in [folder, folder + "-out.csv", folder + "-out.json"] { try? FileManager.default.removeItem(atPath: path) } }
        try DemoExtract.parse(["--scale", "small", "--seed", "9", "--output", folder]).run()
        #expect(throws: (any Error).self) { try KeyFigures.parse([folder, "--area", "999"]).run() }
        #expect(throws: (any Error).self) { try KeyFigures.parse([folder, "--year", "1990"]).run() }
        #expect(throws: (any Error).self) { try KeyFigures.parse([folder, "--target-group", "psykose"]).run() }
        #expect(throws: (any Error).self) { try DemoExtract.parse(["--scale", "huge", "--output", folder]).run() }
        #expect(exitCode { try Validate.parse([folder + "/missing"]).run() } == 1)
    }
}
