import Foundation
import Testing
@testable import RoretCore

/// The instruments' wording matches shared/spec/instruments.md word for word.
@Suite struct InstrumentWordingTests {
    /// The spec, when the project sits beside shared/ (as in CI); nil otherwise.
    static let spec: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try? String(contentsOf: root.deletingLastPathComponent().appendingPathComponent("shared/spec/instruments.md"), encoding: .utf8)
    }()

    @Test func scalesCoverEveryValueOnce() {
        for instrument in Instrument.allCases {
            #expect(instrument.answerOptions.map(\.value).sorted() == Array(0...instrument.maxItemValue))
            #expect(instrument.items.count == Instrument.itemCount)
        }
    }

    @Test(.enabled(if: spec != nil, "needs shared/spec beside the project, as in CI"))
    func wordingIsTheSpecs() throws {
        let spec = try #require(Self.spec)
        for instrument in Instrument.allCases {
            for (n, item) in instrument.items.enumerated() { #expect(spec.contains("\(n + 1). \(item)\n"), "\(item)") }
            for option in instrument.answerOptions { #expect(spec.contains("| \(option.label) | \(option.value) |"), "\(option.label)") }
        }
        #expect(spec.contains("Lead-in \"\(Instrument.who5.leadIn!)\""))
        #expect(spec.contains("Population mean: \(Instrument.who5.populationMean)"))
        #expect(spec.contains("mean of \(Instrument.briefInspireO.populationMean)"))
    }
}

/// Every figure has a Danish title and definition for the interface.
@Suite struct KeyFigureTextTests {
    @Test func everyFigureHasDistinctDanishTexts() {
        let titles = KeyFigure.allCases.map(\.danishTitle)
        let definitions = KeyFigure.allCases.map(\.danishDefinition)
        #expect(Set(titles).count == KeyFigure.allCases.count)
        #expect(Set(definitions).count == KeyFigure.allCases.count)
        #expect(definitions.allSatisfy { $0.count > 60 && $0.hasSuffix(".") })
        #expect(KeyFigure.nt16.danishDefinition.contains("\(Instrument.who5.populationMean)"))
    }
}
