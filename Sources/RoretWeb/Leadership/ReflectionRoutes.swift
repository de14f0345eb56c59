import RoretCore
import RoretStore
import Vapor

/// *Refleksionsmøder*: prepared by leaders and analysts with documentation
/// frozen at preparation; the participants (staff, and citizens where the
/// municipality wants) prepare alone, then go through the dialogue's phases
/// in order, and end with actions. Minutes print on A4 and download.
struct ReflectionRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("ledelse", "moeder", use: list)
        routes.post("ledelse", "moeder", use: create)
        let one = routes.grouped("refleksion", ":meeting")
        one.get(use: show)
        one.post("noter", use: write)
        one.post("fase", use: advance)
        one.get("referat.csv", use: minutesCSV)
    }

    struct ListPage: Encodable {
        struct Row: Encodable {
            var href: String
            var title: String
            var date: String
            var phase: String
        }

        var chrome: Chrome
        var municipality: String
        var meetings: [Row]
        var hasMeetings: Bool
        var parts: [Choice]
        var people: [Choice]
        var today: String
        var kommune: String
        var form: FormModel
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await listPage(req, failed: nil)
    }

    private func listPage(_ req: Request, failed: FailedForm?) async throws -> Response {
        let context = try LeadershipContext(req)
        try await context.requireRunning(req)
        let meetings = try await req.store.reflection.meetings(municipality: context.municipality)
        let people = try await req.store.accounts.all().filter { $0.area == context.municipality && !$0.isDisabled && $0.role != .administrator && $0.role != .provider }
        let chosenParts = Set((failed?.values["parts"] ?? "noegletal\npraksis").split(separator: "\n").map(String.init))
        let chosenPeople = Set((failed?.values["participants"] ?? context.account.username).split(separator: "\n").map(String.init))
        let page = ListPage(
            chrome: try Chrome(req, title: "Refleksionsmøder", active: "/ledelse"), municipality: context.municipalityName,
            meetings: meetings.map { ListPage.Row(href: "/refleksion/\($0.id)", title: $0.title, date: $0.date.danish, phase: $0.phase.danishName) },
            hasMeetings: !meetings.isEmpty,
            parts: DocumentationFreezer.Part.allCases.map { Choice(value: $0.rawValue, label: $0.danishName, selected: chosenParts.contains($0.rawValue)) },
            people: people.map { Choice(value: $0.username, label: "\($0.displayName) (\($0.role.danishName.lowercased()))", selected: chosenPeople.contains($0.username)) },
            today: DanishDate.today.description, kommune: context.municipality,
            form: FormModel(id: "meeting", values: ["title": "", "date": DanishDate.today.description], failed: failed))
        return try await req.renderPage("reflection-meetings", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let context = try LeadershipContext(req)
        try await context.requireRunning(req)
        var form = FormReader(req)
        let title = form.text("title")
        let date = form.day("date", "Mødedato", required: true)
        let parts = form.list("parts").compactMap(DocumentationFreezer.Part.init(rawValue:))
        let usernames = form.list("participants")
        if parts.isEmpty { form.problems.append("Dokumentation: vælg mindst én.") }
        var participants: [MeetingParticipant] = []
        for username in usernames {
            guard let account = try await req.store.accounts.find(username: username), account.area == context.municipality else { continue }
            let meetingRole = account.role == .citizen ? "Borger" : account.role.danishName
            participants.append(MeetingParticipant(username: username, role: account.role, meetingRole: meetingRole))
        }
        guard form.problems.isEmpty, let date else { return try await listPage(req, failed: form.failed("meeting")) }
        let documentation = try await DocumentationFreezer.freeze(req, municipality: context.municipality, parts: parts)
        let username = context.account.username
        do {
            let meeting = try await req.audited(.leadershipChanged, area: context.municipality, detail: { "refleksionsmøde »\($0.title)« forberedt" }) { [participants] store in
                try await store.reflection.create(municipality: context.municipality, title: title, date: date, participants: participants, documentation: documentation, by: username)
            }
            req.notice("Mødet er forberedt, og dokumentationen er låst, som den ser ud i dag. Deltagerne kan nu forberede sig hver for sig.")
            return req.redirect(to: "/refleksion/\(meeting.id)")
        } catch let refused as LeadershipRefused {
            return try await listPage(req, failed: form.failed("meeting", more: refused.problems))
        }
    }

    /// The meeting, when the user runs the municipality's tools or takes part; 403 (audited) otherwise.
    private func meeting(_ req: Request) async throws -> (ReflectionMeeting, UUID, Account, runs: Bool) {
        let account = try req.requireAccount()
        guard let id = req.parameters.get("meeting").flatMap(UUID.init(uuidString:)), let meeting = try await req.store.reflection.meeting(id) else { throw Abort(.notFound) }
        let runs = AccessPolicy.mayRunLeadership(role: account.role, userArea: account.area, municipality: meeting.municipality)
        guard runs || meeting.isParticipant(account.username) else {
            try await req.audit(.accessDenied, area: meeting.municipality, detail: "refleksionsmøde \(id)")
            throw Abort(.forbidden)
        }
        return (meeting, id, account, runs)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await page(req, failed: nil)
    }

    private func page(_ req: Request, failed: FailedForm?) async throws -> Response {
        let (meeting, id, account, runs) = try await meeting(req)
        let notes = try await req.store.reflection.notes(id)
        let actions = try await req.store.leadership.actions(municipality: meeting.municipality)
        let values = try await IndicatorValues(req, municipality: meeting.municipality)
        let earlier = try await req.store.reflection.meetings(municipality: meeting.municipality).filter { $0.date < meeting.date || ($0.date == meeting.date && $0.id != meeting.id) }.map(\.id)
        let page = try ReflectionPage(req, meeting: meeting, notes: notes, account: account, runs: runs, actions: actions, earlierMeetings: Set(earlier), values: values, failed: failed)
        return try await req.renderPage("reflection-meeting", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    @Sendable func write(req: Request) async throws -> Response {
        let (meeting, id, account, _) = try await meeting(req)
        var form = FormReader(req)
        let kind: ReflectionNoteKind = form.choice("kind", "Slags") ?? .answer
        let question = Int(form.text("question"))
        let observation: ObservationKind? = form.choice("observationKind", "Iagttagelsen er", required: false)
        let theme = form.text("theme")
        let text = form.text("text")
        let note = ReflectionNote(id: "", author: account.username, phase: meeting.phase, kind: kind, question: question, observationKind: observation,
                                  themeID: theme.isEmpty ? nil : theme, text: text, day: DanishDate.today)
        guard form.problems.isEmpty else { return try await page(req, failed: form.failed("note-\(kind.rawValue)")) }
        do {
            try await req.audited(.leadershipChanged, area: meeting.municipality, detail: { _ in "refleksionsmøde »\(meeting.title)«: \(kind.rawValue)" }) { store in
                try await store.reflection.write(note, in: id)
            }
        } catch let refused as LeadershipRefused {
            return try await page(req, failed: form.failed("note-\(kind.rawValue)", more: refused.problems))
        }
        req.notice("Det er skrevet.")
        return req.redirect(to: "/refleksion/\(id)#fase")
    }

    @Sendable func advance(req: Request) async throws -> Response {
        let (meeting, id, _, runs) = try await meeting(req)
        guard runs else {
            try await req.audit(.accessDenied, area: meeting.municipality, detail: "refleksionsmøde \(id): fase")
            throw Abort(.forbidden)
        }
        guard let wanted = Int(req.formField("phase") ?? "").flatMap(ReflectionPhase.init(rawValue:)) else { throw Abort(.badRequest) }
        do {
            try await req.audited(.leadershipChanged, area: meeting.municipality, detail: { _ in "refleksionsmøde »\(meeting.title)«: \(wanted.danishName)" }) { store in
                try await store.reflection.advance(id, to: wanted)
            }
        } catch let refused as LeadershipRefused {
            return try await page(req, failed: FailedForm(id: "phase", values: [:], problems: refused.problems))
        }
        req.notice("Mødet er nu i fasen »\(wanted.danishName)«.")
        return req.redirect(to: "/refleksion/\(id)#fase")
    }

    /// The minutes as CSV: the documentation's tables, the notes by phase, the actions.
    @Sendable func minutesCSV(req: Request) async throws -> Response {
        let (meeting, id, account, _) = try await meeting(req)
        let notes = try await req.store.reflection.notes(id)
        let actions = try await req.store.leadership.actions(municipality: meeting.municipality).filter { $0.source == .meeting && $0.sourceID == meeting.id }
        func q(_ s: String) -> String { AuditCSV.quote(s) }
        var out = "afsnit,emne,hvem,tekst\n"
        for table in meeting.documentation.tables {
            for row in table.rows { out += [q("Dokumentation"), q(table.title), q(""), q(row.joined(separator: " | "))].joined(separator: ",") + "\n" }
        }
        for note in notes where ReflectionRules.mayReadNotes(of: note.author, reader: account.username, in: meeting.phase) {
            out += [q(note.phase.danishName), q(note.observationKind?.danishLabel ?? note.kind.rawValue), q(note.author), q(note.text)].joined(separator: ",") + "\n"
        }
        for a in actions {
            out += [q("Handling"), q(a.status.danishName), q(a.owner), q(a.what + (a.due.map { " (senest \($0.danish))" } ?? ""))].joined(separator: ",") + "\n"
        }
        try await req.audit(.export, area: meeting.municipality, detail: "referat af »\(meeting.title)«")
        return .csv(out, filename: "referat-\(meeting.date).csv")
    }
}
