import RoretCore
import RoretStore
import Vapor

/// *Handlinger*: the action board with its filters.
struct ActionBoardPage: Encodable {
    struct Row: Encodable {
        var href: String
        var what: String
        var owner: String
        var source: String
        var due: String
        var status: String
        var overdue: Bool
        var sign: String
    }

    /// An open action of one of the municipality's offers.
    struct OfferRow: Encodable {
        var href: String
        var offer: String
        var what: String
        var owner: String
        var source: String
        var due: String
        var overdue: Bool
    }

    var chrome: Chrome
    var municipality: String
    var rows: [Row]
    var offerActions: [OfferRow] = []
    var hasOfferActions = false
    var isEmpty: Bool
    var owner: String
    var statuses: [Choice]
    var sources: [Choice]
    var newHref: String
    var kommune: String
}

extension ActionBoardPage {
    init(_ req: Request, context: LeadershipContext, actions: [LeadershipAction], values: IndicatorValues) throws {
        chrome = try Chrome(req, title: "Handlinger", active: "/ledelse")
        municipality = context.municipalityName
        owner = req.pageQuery["ansvarlig"] ?? ""
        let status = req.pageQuery["status"].flatMap(ActionStatus.init(rawValue:))
        let source = req.pageQuery["kilde"].flatMap(ActionSource.init(rawValue:))
        let today = DanishDate.today
        rows = ActionBoard.filter(actions, owner: owner.isEmpty ? nil : owner, status: status, source: source).map { a in
            let signText = a.sign.map { s in
                s.indicator.map { "\($0): \(IndicatorValues.text(s.valueThen, code: $0)) da aftalt, \(IndicatorValues.text(values.value($0, area: a.municipality), code: $0)) nu" } ?? s.text
            } ?? "–"
            return Row(href: "/ledelse/handlinger/\(a.id)" + context.query, what: a.what, owner: a.owner, source: a.source.danishName,
                       due: a.due?.danish ?? "–", status: a.status.danishName, overdue: a.isOverdue(on: today), sign: signText)
        }
        isEmpty = rows.isEmpty
        statuses = [Choice(value: "", label: "Alle", selected: status == nil)] + ActionStatus.allCases.map { Choice(value: $0.rawValue, label: $0.danishName, selected: $0 == status) }
        sources = [Choice(value: "", label: "Alle", selected: source == nil)] + ActionSource.allCases.map { Choice(value: $0.rawValue, label: $0.danishName, selected: $0 == source) }
        newHref = "/ledelse/handlinger/ny" + context.query
        kommune = context.municipality
    }
}

/// One action: new, or its fields, status and history of dated notes.
struct ActionPage: Encodable {
    var chrome: Chrome
    var title: String
    var isNew: Bool
    var action: String
    var form: FormModel
    var history: [String]
    var hasHistory: Bool
    var sourceText: String?
    var kommune: String
}

extension ActionPage {
    init(_ req: Request, context: LeadershipContext, action: LeadershipAction?, history: [ActionVersion], people: [String], scenarios: [StoredScenario] = [], failed: FailedForm?) throws {
        isNew = action == nil
        title = isNew ? "Ny handling" : "Handling"
        chrome = try Chrome(req, title: title, active: "/ledelse")
        self.action = action.map { "/ledelse/handlinger/\($0.id)" } ?? "/ledelse/handlinger"
        let source = action?.source.rawValue ?? req.pageQuery["kilde"].flatMap { ActionSource(rawValue: $0)?.rawValue } ?? ActionSource.meeting.rawValue
        let sourceID = action?.sourceID ?? req.pageQuery["id"] ?? ""
        let item = req.pageQuery["punkt"] ?? ""
        form = FormModel(id: "action", values: [
            "what": action?.what ?? (item.isEmpty ? "" : "Om \(item): "), "owner": action?.owner ?? "", "involve": action?.involve ?? "", "followsUp": action?.followsUp ?? "",
            "due": action?.due?.description ?? "", "status": action?.status.rawValue ?? ActionStatus.planned.rawValue,
            "indicator": action?.sign?.indicator ?? "", "sign": action?.sign?.indicator == nil ? action?.sign?.text ?? "" : "",
            "source": source, "sourceID": sourceID, "note": "", "remind": action?.remind ?? "",
        ], options: ["status": ActionStatus.allCases.map { ($0.rawValue, $0.danishName) }, "indicator": IndicatorValues.choices + IndicatorValues.scenarioChoices(scenarios), "remind": people.map { ($0, $0) }],
                         failed: failed, open: true)
        self.history = history.map { v in
            "\(v.day.danish) (\(v.by)): \(v.action.status.danishName)" + (v.note.map { " — \($0)" } ?? "")
        }
        hasHistory = !history.isEmpty
        sourceText = (ActionSource(rawValue: source)?.danishName).map { $0 + (item.isEmpty ? "" : ", punkt \(item)") }
        kommune = context.municipality
    }
}
