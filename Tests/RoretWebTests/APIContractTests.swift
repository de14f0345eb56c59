import Foundation
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor

/// The API keeps the contract of `docs/openapi.yaml`: schemathesis (from
/// PyPI) generates requests from the spec, every check on, against the app
/// served on loopback with an analyst's token, and must find nothing. CI
/// installs it and sets `RORET_REQUIRE_SCHEMATHESIS=1`.
@Suite struct APIContractTests {
    static var schemathesis: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/schemathesis" }
        return paths.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var docs: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/openapi.yaml").path
    }

    @Test(.timeLimit(.minutes(30))) func schemathesisFindsNoFailureOnAnyEndpoint() async throws {
        guard let schemathesis = Self.schemathesis else {
            #expect(ProcessInfo.processInfo.environment["RORET_REQUIRE_SCHEMATHESIS"] != "1", "schemathesis is required here")
            return
        }
        try await withRoretApp { app in
            let token = try await APITests().token(app, "analytiker")
            let port = try await app.serveOnFreePort()
            do {
                try await run(schemathesis, port: port, token: token)
            } catch {
                await app.server.shutdown()
                throw error
            }
            await app.server.shutdown()
        }
    }

    /// Runs schemathesis against the served API and checks it found nothing.
    func run(_ schemathesis: String, port: Int, token: String) async throws {
        do {
            let report = FileManager.default.temporaryDirectory.appendingPathComponent("roret-schemathesis-\(UUID().uuidString).txt")
            FileManager.default.createFile(atPath: report.path, contents: nil)
            let output = try FileHandle(forWritingTo: report)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: schemathesis)
            process.arguments = ["run", Self.docs, "--url", "http://127.0.0.1:\(port)/api/v1", "-H", "Authorization: Bearer \(token)",
                                 "--checks", "all", "--max-examples", "30", "--seed", "1"]
            process.standardOutput = output
            process.standardError = output
            try process.run()
            // Waited for off the executor: the app under test serves on this process's event loops.
            while process.isRunning { try await Task.sleep(for: .milliseconds(200)) }
            try output.close()
            let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 0, "schemathesis found failures:\n\(text.suffix(6_000))")
            #expect(text.contains("passed"), "it ran: \(text.suffix(500))")
        }
    }
}
