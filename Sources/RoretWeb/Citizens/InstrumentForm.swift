import RoretCore
import RoretStore
import Vapor

/// One instrument's questions and answer scale, for a form.
struct InstrumentForm: Encodable {
    struct Item: Encodable {
        var name: String
        var text: String
        var options: [Choice]
    }

    var code: String
    var name: String
    var leadIn: String?
    var items: [Item]
    /// Shown open with what was chosen, after a refused save.
    var open = false
    var date: String?
    var problems: [String] = []
    var hasProblems = false

    /// The form; with `failed` for this instrument's form, the answers chosen are kept.
    init(_ instrument: Instrument, failed: FailedForm? = nil) {
        code = instrument.code
        name = instrument.danishName
        leadIn = instrument.leadIn
        let kept = failed?.id == "answer-\(instrument.code)" ? failed : nil
        items = instrument.items.enumerated().map { i, text in
            let chosen = kept?.values["item\(i + 1)"]
            return Item(name: "item\(i + 1)", text: text,
                        options: instrument.answerOptions.map { Choice(value: String($0.value), label: $0.label, selected: chosen == String($0.value)) })
        }
        if let kept {
            open = true
            date = kept.values["date"]
            problems = kept.problems
            hasProblems = !problems.isEmpty
        }
    }

    /// The form for one of an offer's own instruments (answered through the citizen's link).
    init(_ instrument: OfferInstrument) {
        code = instrument.id
        name = instrument.name
        leadIn = instrument.standardInstrument?.leadIn
        items = instrument.itemTexts.enumerated().map { i, text in
            Item(name: "item\(i + 1)", text: text, options: instrument.options.map { Choice(value: String($0.value), label: $0.label) })
        }
    }
}
