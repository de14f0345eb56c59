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

    init(_ instrument: Instrument) {
        code = instrument.code
        name = instrument.danishName
        leadIn = instrument.leadIn
        let options = instrument.answerOptions.map { Choice(value: String($0.value), label: $0.label) }
        items = instrument.items.enumerated().map { Item(name: "item\($0.offset + 1)", text: $0.element, options: options) }
    }
}
