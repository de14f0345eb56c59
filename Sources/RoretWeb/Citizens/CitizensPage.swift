import RoretCore
import RoretStore
import Vapor

/// *Borgere*: the user's citizens, searched (pseudonym or name), filtered
/// (phase, needs attention, active or ended) and sorted.
struct CitizensPage: Encodable {
    /// The list's choices, from the address (so a view can be bookmarked).
    struct Query {
        var search: String
        var phase: String
        var attentionOnly: Bool
        var status: String
        var sort: String

        init(_ req: Request) {
            search = req.pageQuery["soeg"] ?? ""
            phase = req.pageQuery["fase"] ?? ""
            attentionOnly = req.pageQuery["opmaerksomhed"] == "ja"
            status = req.pageQuery["status"] ?? "aktive"
            sort = req.pageQuery["sorter"] ?? "opfoelgning"
        }
    }

    struct Row: Encodable {
        var href: String
        var pseudonym: String
        var name: String
        var phase: String
        var urgency: String
        var firstItem: String
        var itemCount: Int
        /// "(+ 2 mere)" when more than one thing needs attention.
        var more: String?
        var nextMeeting: String
        var attention: Bool
        var ended: Bool
    }

    struct Reminder: Encodable {
        var pseudonym: String
        var subject: String
        var due: String
    }

    var chrome: Chrome
    var citizens: [Row]
    var total: Int
    var shown: String
    var isEmpty: Bool
    var search: String
    var phases: [Choice]
    var statuses: [Choice]
    var sorts: [Choice]
    var attentionOnly: Bool
    var reminders: [Reminder]
    var hasReminders: Bool
    var canCreate: Bool
    var createForm: FormModel
}

extension CitizensPage {
    init(_ req: Request, caseload: CitizenListRoutes.Caseload, query: Query, reminders: [Reminder], canCreate: Bool, failed: FailedForm?) throws {
        let today = DanishDate.today
        chrome = try Chrome(req, title: "Borgere", active: "/borgere")
        let needle = query.search.lowercased().trimmingCharacters(in: .whitespaces)
        var rows = caseload.rows.compactMap { c, file, items -> (Row, Int, Day)? in
            let state = file.history.current
            let s = file.snapshot(on: today)
            let phase = state.currentPhase ?? c.phase
            if !needle.isEmpty && !c.pseudonym.lowercased().contains(needle) && !(c.name ?? "").lowercased().contains(needle) { return nil }
            if !query.phase.isEmpty && phase.rawValue != query.phase { return nil }
            if query.status == "aktive" && !s.isActive { return nil }
            if query.status == "afsluttede" && s.isActive { return nil }
            let urgent = items.filter { $0.urgency <= .due }
            if query.attentionOnly && urgent.isEmpty { return nil }
            let top = items.first
            let next = state.nextMeeting(from: today)
            let row = Row(href: "/borgere/\(c.id.uuidString)", pseudonym: c.pseudonym, name: c.name ?? "", phase: phase.danishName,
                          urgency: top?.urgency.danishName ?? "Intet at gøre", firstItem: top?.text ?? "", itemCount: items.count, more: items.count > 1 ? "(+ \(items.count - 1) mere)" : nil,
                          nextMeeting: next.map { "\($0.date.danish), \($0.place.danishName.lowercased())" } ?? "–",
                          attention: !urgent.isEmpty, ended: !s.isActive)
            return (row, top?.urgency.rawValue ?? 99, next?.date ?? Day.openEnd)
        }
        switch query.sort {
        case "pseudonym": rows.sort { $0.0.pseudonym < $1.0.pseudonym }
        case "navn": rows.sort { ($0.0.name.lowercased(), $0.0.pseudonym) < ($1.0.name.lowercased(), $1.0.pseudonym) }
        case "fase": rows.sort { ($0.0.phase, $0.0.pseudonym) < ($1.0.phase, $1.0.pseudonym) }
        case "moede": rows.sort { ($0.2, $0.0.pseudonym) < ($1.2, $1.0.pseudonym) }
        default: rows.sort { ($0.1, $0.0.pseudonym) < ($1.1, $1.0.pseudonym) }
        }
        citizens = rows.map(\.0)
        total = caseload.rows.count
        shown = citizens.count == total ? "\(total) borgere" : "\(citizens.count) af \(total) borgere"
        isEmpty = citizens.isEmpty
        search = query.search
        phases = [Choice(value: "", label: "Alle faser", selected: query.phase.isEmpty)]
            + CasePhase.allCases.map { Choice(value: $0.rawValue, label: $0.danishName, selected: $0.rawValue == query.phase) }
        statuses = [("aktive", "Aktive sager"), ("afsluttede", "Afsluttede sager"), ("alle", "Alle sager")].map { Choice(value: $0.0, label: $0.1, selected: $0.0 == query.status) }
        sorts = [("opfoelgning", "Det mest presserende først"), ("pseudonym", "Pseudonym"), ("navn", "Navn"), ("fase", "Fase"), ("moede", "Næste møde")]
            .map { Choice(value: $0.0, label: $0.1, selected: $0.0 == query.sort) }
        attentionOnly = query.attentionOnly
        self.reminders = reminders
        hasReminders = !reminders.isEmpty
        self.canCreate = canCreate
        createForm = FormModel(id: "create", values: ["pseudonym": "", "name": "", "startedOn": today.description, "firstContactOn": today.description,
                                                      "answerPromisedOn": today.adding(days: 14).description, "request": ""],
                               failed: failed, open: failed != nil)
    }
}
