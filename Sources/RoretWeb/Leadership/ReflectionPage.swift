import RoretCore
import RoretStore
import Vapor

/// A reflection meeting: the frozen documentation, the phases in order with
/// their questions and notes, *Siden sidst* with the group's open actions
/// (their sign then and now), and the meeting's own actions.
struct ReflectionPage: Encodable {
    struct Note: Encodable {
        var id: String
        var author: String
        var text: String
        var tag: String?
        var theme: String?
    }

    struct Phase: Encodable {
        var number: Int
        var name: String
        var current: Bool
        var done: Bool
    }

    struct Question: Encodable {
        var number: Int
        var text: String
        var notes: [Note]
    }

    struct ActionRow: Encodable {
        var href: String
        var what: String
        var owner: String
        var status: String
        var due: String
        var then: String
        var now: String
    }

    var chrome: Chrome
    var id: String
    var title: String
    var date: String
    var phaseName: String
    var phases: [Phase]
    var participants: [String]
    var documentation: FrozenDocumentation
    var hasCharts: Bool
    var frozen: String
    var runs: Bool
    var next: Phase?
    var problems: [String]
    var hasProblems: Bool
    var isPreparation: Bool
    var preparation: [Question]
    /// How many of the others' preparation notes are still private (nil when none).
    var hiddenNotes: String?
    var sinceLastOpen: Bool
    var sinceLast: [Question]
    var earlierActions: [ActionRow]
    var hasEarlierActions: Bool
    var exploreOpen: Bool
    var explore: [Question]
    var observations: [Note]
    var hasObservations: Bool
    var observationKinds: [Choice]
    var interpretOpen: Bool
    var interpret: [Question]
    var explanations: [Note]
    var themes: [Choice]
    var prepareOpen: Bool
    var prepare: [Question]
    var actionOpen: Bool
    var actions: [ActionRow]
    var hasActions: Bool
    var newActionHref: String
    var actionQuestions: [String]
    var csvHref: String
    var printHref: String
}

extension ReflectionPage {
    init(_ req: Request, meeting: ReflectionMeeting, notes: [ReflectionNote], account: Account, runs: Bool, actions: [LeadershipAction],
         earlierMeetings: Set<String>, values: IndicatorValues, failed: FailedForm?) throws {
        chrome = try Chrome(req, title: meeting.title, active: runs ? "/ledelse" : "")
        id = meeting.id
        title = meeting.title
        date = meeting.date.danish
        phaseName = meeting.phase.danishName
        phases = ReflectionPhase.allCases.filter { $0 != .closed }.map { Phase(number: $0.rawValue, name: $0.danishName, current: $0 == meeting.phase, done: $0 < meeting.phase) }
        participants = meeting.participants.map { "\($0.username) (\($0.meetingRole))" }
        documentation = meeting.documentation
        hasCharts = !meeting.documentation.charts.isEmpty
        frozen = "Dokumentationen blev låst \(meeting.documentation.frozenOn.danish) (\(meeting.documentation.source)) og viser tallene, som gruppen så dem."
        self.runs = runs
        next = meeting.phase.next.map { Phase(number: $0.rawValue, name: $0.danishName, current: false, done: false) }
        problems = failed?.problems ?? []
        hasProblems = !problems.isEmpty
        let visible = notes.filter { ReflectionRules.mayReadNotes(of: $0.author, reader: account.username, in: meeting.phase) }
        let themeText = Dictionary(notes.filter { $0.kind == .observation }.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
        func note(_ n: ReflectionNote) -> Note {
            Note(id: n.id, author: n.author, text: n.text, tag: n.observationKind?.danishLabel, theme: n.themeID.flatMap { themeText[$0] })
        }
        func questions(_ phase: ReflectionPhase, kind: ReflectionNoteKind) -> [Question] {
            phase.questions.enumerated().map { i, q in
                Question(number: i + 1, text: q, notes: visible.filter { $0.phase == phase && $0.kind == kind && $0.question == i + 1 }.map(note))
            }
        }
        isPreparation = meeting.phase == .preparation
        preparation = questions(.preparation, kind: .preparation)
        let hidden = notes.filter { $0.kind == .preparation && !ReflectionRules.mayReadNotes(of: $0.author, reader: account.username, in: meeting.phase) }.count
        hiddenNotes = hidden == 0 ? nil : "\(hidden) \(hidden == 1 ? "note" : "noter") fra andre deltagere vises, når dialogen begynder."
        sinceLastOpen = meeting.phase == .sinceLast
        sinceLast = questions(.sinceLast, kind: .answer)
        func now(_ sign: ActionSign) -> Double? { sign.indicator.flatMap { values.value($0, area: meeting.municipality) } }
        func row(_ a: LeadershipAction, now: Double?) -> ActionRow {
            ActionRow(href: "/ledelse/handlinger/\(a.id)", what: a.what, owner: a.owner, status: a.status.danishName, due: a.due?.danish ?? "–",
                             then: a.sign.map { s in s.indicator.map { "\($0): \(IndicatorValues.text(s.valueThen, code: $0))" } ?? s.text } ?? "–",
                             now: a.sign?.indicator.map { IndicatorValues.text(now, code: $0) } ?? "–")
        }
        earlierActions = ActionBoard.sinceLast(actions.filter { $0.source != .meeting || earlierMeetings.contains($0.sourceID) }, now: now).map { row($0.action, now: $0.now) }
        hasEarlierActions = !earlierActions.isEmpty
        exploreOpen = ReflectionRules.mayObserve(in: meeting.phase)
        explore = ReflectionPhase.explore.questions.enumerated().map { Question(number: $0.offset + 1, text: $0.element, notes: []) }
        observations = visible.filter { $0.kind == .observation }.map(note)
        hasObservations = !observations.isEmpty
        observationKinds = ObservationKind.allCases.map { Choice(value: $0.rawValue, label: $0.danishLabel, selected: failed?.values["observationKind"] == $0.rawValue) }
        interpretOpen = ReflectionRules.mayExplain(in: meeting.phase)
        interpret = ReflectionPhase.interpret.questions.enumerated().map { Question(number: $0.offset + 1, text: $0.element, notes: []) }
        explanations = visible.filter { $0.kind == .explanation }.map(note)
        themes = notes.filter { $0.kind == .observation }.map { Choice(value: $0.id, label: String($0.text.prefix(80)), selected: failed?.values["theme"] == $0.id) }
        prepareOpen = meeting.phase == .prepareAction
        prepare = questions(.prepareAction, kind: .answer)
        actionOpen = runs && ReflectionRules.mayAct(in: meeting.phase)
        self.actions = actions.filter { $0.source == .meeting && $0.sourceID == meeting.id }.map { row($0, now: $0.sign.flatMap(now)) }
        hasActions = !self.actions.isEmpty
        newActionHref = "/ledelse/handlinger/ny?kilde=meeting&id=\(meeting.id)"
        actionQuestions = ReflectionPhase.action.questions
        csvHref = "/refleksion/\(meeting.id)/referat.csv"
        printHref = "/refleksion/\(meeting.id)?udskriv=1"
    }
}
