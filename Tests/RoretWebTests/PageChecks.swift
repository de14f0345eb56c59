import Foundation
import Testing

/// Looks at pages as a person on a desktop (1366 px) and on a phone (390 px)
/// does: a screenshot of each in `.build/e2e/`, no sideways scrolling, and
/// axe-core's WCAG 2.1 A/AA rules when `RORET_AXE_JS` is set. The
/// violations are collected into a report written at the end.
final class PageChecks {
    let prefix: String
    private let axe = ChromiumSuites.EndToEndTrustTests.axeSource
    private var report: [String] = []

    /// `prefix` names the screenshots (`<prefix>-1366-<page>.png`) and the report (`axe-<prefix>-report.txt`).
    init(_ prefix: String) { self.prefix = prefix }

    func look(_ browser: WebDriver, _ name: String) async throws {
        for (width, height) in [(1366, 900), (390, 844)] {
            try await browser.setWindowSize(width: width, height: height)
            try await browser.screenshot(ChromiumSuites.EndToEndTests.screenshots + "/\(prefix)-\(width)-\(name).png")
            #expect(try await !browser.overflowsHorizontally, "\(name) at \(width) px scrolls sideways")
            if let axe {
                let violations = try await browser.axeViolations(source: axe)
                report += violations.map { "\(name) @\(width): \($0)" }
                #expect(violations.isEmpty, "\(name) at \(width) px: \(violations.joined(separator: "\n"))")
            }
        }
        try await browser.setWindowSize(width: 1366, height: 900)
    }

    /// Writes the collected violations (empty when none).
    func writeReport() throws {
        try report.joined(separator: "\n").write(toFile: ChromiumSuites.EndToEndTests.screenshots + "/axe-\(prefix)-report.txt", atomically: true, encoding: .utf8)
    }
}
