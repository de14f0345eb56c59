import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Kalibreringsmøder*: the sessions and the form for a new one.
struct CalibrationsPage: Encodable {
    struct Session: Encodable {
        var href: String
        var title: String
        var instrument: String
        var raters: Int
    }

    var chrome: Chrome
    var base: String
    var name: String
    let canEdit = true
    var sessions: [Session]
    var hasSessions: Bool
    var form: FormModel

    init(_ req: Request, _ context: OfferContext, sessions: [Calibration], catalogue: InstrumentCatalogue, failed: FailedForm?) throws {
        chrome = try Chrome(req, title: "Kalibrering · \(context.offer.name)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        let names = Dictionary(catalogue.all.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.sessions = sessions.map { Session(href: context.base + "/kalibrering/\($0.id)", title: $0.title, instrument: names[$0.instrument] ?? $0.instrument, raters: $0.ratings.count) }
        hasSessions = !self.sessions.isEmpty
        form = FormModel(id: "calibration", values: [:], options: ["instrument": catalogue.all.filter(\.isAnswered).map { ($0.id, $0.name) }], failed: failed)
    }
}

/// One session: your own rating, and — once you have rated — the spread item by item.
struct CalibrationPage: Encodable {
    struct Item: Encodable {
        var name: String
        var text: String
        var options: [Choice]
    }

    struct Spread: Encodable {
        var item: String
        var values: String
        var range: String
        var differs: Bool
    }

    var chrome: Chrome
    var base: String
    var name: String
    let canEdit = true
    var title: String
    var instrument: String
    var action: String
    var items: [Item]
    var problems: [String]
    var hasProblems: Bool
    var hasRated: Bool
    var raters: Int
    var spreads: [Spread]
    var differing: Int

    init(_ req: Request, _ context: OfferContext, _ session: Calibration, instrument i: OfferInstrument, failed: FailedForm?) throws {
        chrome = try Chrome(req, title: "Kalibrering: \(session.title) · \(context.offer.name)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        title = session.title
        instrument = i.name
        action = context.base + "/kalibrering/\(session.id)"
        let mine = session.ratings[context.account.username]
        let kept = failed?.id == "rating" ? failed?.values : nil
        items = i.itemTexts.enumerated().map { n, text in
            let chosen = kept?["item\(n + 1)"] ?? mine.flatMap { $0.indices.contains(n) ? $0[n].map(String.init) : nil } ?? ""
            return Item(name: "item\(n + 1)", text: "\(n + 1). \(text)", options: [Choice(value: "", label: "(ikke vurderet)", selected: chosen.isEmpty)]
                + i.options.map { Choice(value: String($0.value), label: $0.label, selected: chosen == String($0.value)) })
        }
        problems = failed?.id == "rating" ? failed?.problems ?? [] : []
        hasProblems = !problems.isEmpty
        hasRated = mine != nil
        raters = session.ratings.count
        let spreads = session.spreads(items: i.itemTexts.count)
        self.spreads = spreads.map { s in
            Spread(item: "\(s.item). \(i.itemTexts[s.item - 1])", values: s.values.isEmpty ? "–" : s.values.sorted().map(String.init).joined(separator: ", "),
                   range: s.lowest.map { low in "\(low)–\(s.highest ?? low)" } ?? "–", differs: s.differs)
        }
        differing = spreads.filter(\.differs).count
    }
}
