import RoretCore
import RoretStore
import Vapor

/// *Min side*: the citizen's own plan, meetings, agreements and answers, in
/// words addressed to the citizen — nothing of anyone else. The citizen
/// may add their own items to the next meeting's agenda and confirm or
/// comment on the description of their resources. Each view is audited.
struct OwnPageRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("min-side", use: show)
        routes.post("min-side", "punkt", use: addItem)
        routes.post("min-side", "ressourcer", use: answerResources)
    }

    private func ownCitizen(_ req: Request) async throws -> Citizen? {
        try await req.store.citizens.find(accountUsername: try req.requireAccount().username)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await page(req, failed: nil)
    }

    private func page(_ req: Request, failed: FailedForm?) async throws -> Response {
        let chrome = try Chrome(req, title: "Min side", active: "/min-side")
        let meetings = try await req.store.reflection.meetings(participant: try req.requireAccount().username)
            .map { OwnPage.Invitation(href: "/refleksion/\($0.id)", title: "\($0.title), \($0.date.danish)") }
        guard let citizen = try await ownCitizen(req) else {
            var page = OwnPage.unlinked(chrome)
            page.meetings = meetings
            page.hasMeetings = !meetings.isEmpty
            return try await req.renderPage("citizen", page, chrome: chrome)
        }
        var page = try await OwnPage(req, chrome: chrome, citizen: citizen, failed: failed)
        page.meetings = meetings
        page.hasMeetings = !meetings.isEmpty
        try await req.audit(.citizenRead, area: citizen.municipality, detail: "egen side")
        return try await req.renderPage("citizen", page, chrome: chrome, status: failed == nil ? .ok : .badRequest)
    }

    private func record(_ req: Request, _ citizen: Citizen, _ fact: CaseFact, form: FormReader, id: String, message: String) async throws -> Response {
        let username = try req.requireAccount().username
        guard form.problems.isEmpty else { return try await page(req, failed: form.failed(id)) }
        do {
            try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "egen side: \(id == "item" ? "punkt til mødet" : "svar på ressourcer")" }) { store in
                try await store.cases.record(fact, for: citizen.id, on: DanishDate.today, by: username)
            }
        } catch let refused as CaseFactRefused {
            return try await page(req, failed: form.failed(id, more: refused.problems))
        }
        req.notice(message)
        return req.redirect(to: "/min-side")
    }

    /// The citizen puts their own item on a planned meeting's agenda.
    @Sendable func addItem(req: Request) async throws -> Response {
        guard let citizen = try await ownCitizen(req) else { throw Abort(.forbidden) }
        var form = FormReader(req)
        let text = form.text("text")
        let meeting = Int(form.text("meeting")) ?? 0
        return try await record(req, citizen, .agenda(AgendaItem(meetingID: meeting, text: text, byCitizen: true)), form: form, id: "item",
                                message: "Tak. Dit punkt er sat på dagsordenen til mødet.")
    }

    /// The citizen confirms the description of their resources, or comments on it.
    @Sendable func answerResources(req: Request) async throws -> Response {
        guard let citizen = try await ownCitizen(req) else { throw Abort(.forbidden) }
        var form = FormReader(req)
        let entry = form.text("entry")
        let confirmed = form.text("answer") == "ja"
        let comment = form.text("comment")
        return try await record(req, citizen, .resources(ResourceResponse(entryID: entry, confirmed: confirmed, comment: comment, channel: .ownPage)),
                                form: form, id: "resources-\(entry)",
                                message: confirmed ? "Tak. Du har bekræftet beskrivelsen af dine ressourcer." : "Tak. Din kommentar er sendt til din sagsbehandler.")
    }
}

/// *Min side*'s view-model: everything in words addressed to the citizen.
struct OwnPage: Encodable {
    struct Meeting: Encodable {
        var title: String
        var place: String
        var participants: String
        var agenda: [String]
        var hasAgenda: Bool
        var id: Int
        var agreements: String
        var ratings: String?
    }

    struct Goal: Encodable {
        var text: String
        var status: String
        var followUp: String?
        var isSubGoal: Bool
    }

    struct Resource: Encodable {
        var text: String
        var response: String?
        var needsAnswer: Bool
        var form: FormModel
    }

    struct Agreement: Encodable {
        var who: String
        var what: String
        var due: String?
        var done: Bool
    }

    struct Invitation: Encodable {
        var href: String
        var title: String
    }

    var chrome: Chrome
    /// Reflection meetings the citizen takes part in.
    var meetings: [Invitation] = []
    var hasMeetings = false
    var linked: Bool
    var name: String?
    var nextMeeting: Meeting?
    var itemForm: FormModel?
    struct Hope: Encodable {
        var text: String
        /// Earlier wordings, newest first.
        var earlier: [String]
        var hasEarlier: Bool
    }

    var hopes: [Hope]
    var hasHopes: Bool
    var goals: [Goal]
    var hasGoals: Bool
    var resources: [Resource]
    var hasResources: Bool
    var coordinator: String?
    var coordinatorTasks: String?
    var citizenKeeps: String?
    var agreements: [Agreement]
    var hasAgreements: Bool
    var earlierMeetings: [Meeting]
    var hasEarlierMeetings: Bool
    var charts: [CaseRecordPage.Chart]
    var answers: [String]
    var hasAnswers: Bool
    var caution: String

    static func unlinked(_ chrome: Chrome) -> OwnPage {
        OwnPage(chrome: chrome, linked: false, hopes: [], hasHopes: false, goals: [], hasGoals: false, resources: [], hasResources: false, agreements: [], hasAgreements: false,
                earlierMeetings: [], hasEarlierMeetings: false, charts: [], answers: [], hasAnswers: false, caution: "")
    }
}

extension OwnPage {
    init(_ req: Request, chrome: Chrome, citizen: Citizen, failed: FailedForm?) async throws {
        let today = DanishDate.today
        let file = try await req.store.cases.file(of: citizen)
        let texts = try await req.store.plans.texts(of: citizen.id)
        let answers = try await req.store.measurements.measurements(of: citizen.id)
        let state = file.history.current
        self.chrome = chrome
        linked = true
        name = citizen.name
        func meeting(_ m: RoretCore.Meeting) -> Meeting {
            let items = state.agenda[m.meetingID] ?? []
            return Meeting(
                title: "\(m.kind.danishName) \(m.date.danish)", place: m.place.danishName,
                participants: m.participants.isEmpty ? "Dig og din sagsbehandler" : "Dig, din sagsbehandler, " + m.participants.joined(separator: ", "),
                agenda: items.map { ($0.value.byCitizen ? "Dit punkt: " : "") + $0.value.text }, hasAgenda: !items.isEmpty, id: m.meetingID,
                agreements: m.agreements,
                ratings: (m.ratingOfHelp != nil || m.ratingOfProgress != nil)
                    ? "Du gav hjælpen \(m.ratingOfHelp.map(String.init) ?? "–") ud af 10 og dine fremskridt \(m.ratingOfProgress.map(String.init) ?? "–") ud af 10." : nil)
        }
        let next = state.nextMeeting(from: today)
        nextMeeting = next.map(meeting)
        itemForm = next.map { FormModel(id: "item", values: ["text": "", "meeting": String($0.meetingID)], failed: failed) }
        hopes = texts.filter { $0.current.kind == .hopesWishesDreams }.map { t in
            Hope(text: t.current.text, earlier: t.earlier.map { "»\($0.text)« (\($0.writtenOn.danish))" }, hasEarlier: !t.earlier.isEmpty)
        }
        hasHopes = !hopes.isEmpty
        let followUps = file.snapshot(on: today).followUps
        goals = file.goals.currentGoals.map {
            Goal(text: $0.text, status: $0.status.danishName, followUp: followUps.date(of: $0.goalID).map(\.danish), isSubGoal: $0.parentGoalID != nil)
        }
        hasGoals = !goals.isEmpty
        resources = texts.filter { $0.current.kind == .resource }.map { t in
            let id = t.current.id.uuidString
            let response = state.resourceResponses.last { $0.value.entryID == id }
            return Resource(
                text: t.current.text,
                response: response.map { r in r.value.confirmed ? "Du bekræftede beskrivelsen \(r.day.danish)." : "Du skrev \(r.day.danish): »\(r.value.comment)«" },
                needsAnswer: response == nil,
                form: FormModel(id: "resources-\(id)", values: ["entry": id, "comment": ""], failed: failed, open: failed?.id == "resources-\(id)"))
        }
        hasResources = !resources.isEmpty
        coordinator = state.coordinator.map { $0.name }
        coordinatorTasks = state.coordinator.flatMap { $0.coordinatorTasks.isEmpty ? nil : $0.coordinatorTasks }
        citizenKeeps = state.coordinator.flatMap { $0.citizenKeeps.isEmpty ? nil : $0.citizenKeeps }
        agreements = state.logbook.map { Agreement(who: $0.who, what: $0.what, due: $0.dueOn?.danish, done: $0.done) }
        hasAgreements = !agreements.isEmpty
        earlierMeetings = state.meetings.filter { $0.state == .held }.reversed().map(meeting)
        hasEarlierMeetings = !earlierMeetings.isEmpty
        charts = CaseRecordPage.charts(answers)
        self.answers = answers.reversed().map { "\($0.answeredOn.danish): \($0.instrument.danishName) \($0.score.map(String.init) ?? "(ikke alle spørgsmål besvaret)")" }
        hasAnswers = !self.answers.isEmpty
        caution = "Et enkelt svar siger ikke alt. Tal med din sagsbehandler om, hvad tallene betyder for dig."
    }
}
