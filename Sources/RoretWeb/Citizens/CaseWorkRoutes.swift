import RoretCore
import RoretStore
import Vapor

/// The case in depth, in the record: opening, goal reviews, the citizen's
/// answer to the resources text, network, meetings and their agenda, the
/// logbook, the ending and alerts handled. Provider staff may do the work
/// (reviews, meetings, logbook, network); opening, ending and handling an
/// alert are the caseworker's (`AccessPolicy.mayTakeAuthorityAct`).
struct CaseWorkRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let one = routes.grouped("borgere", ":citizen")
        one.post("aabning", use: opening)
        one.post("maal", ":goal", "opfoelgning", use: review)
        one.post("ressourcer", "svar", use: resourcesAnswer)
        one.post("netvaerk", use: network)
        one.post("netvaerk", ":entry", use: network)
        one.post("moeder", use: meeting)
        one.post("moeder", ":meeting", use: meeting)
        one.post("moeder", ":meeting", "punkt", use: agendaItem)
        one.post("logbog", use: logbook)
        one.post("logbog", ":entry", use: logbook)
        one.post("afslutning", use: ending)
        one.post("opmaerksomhed", use: alertHandled)
    }

    /// Records `fact` (checked by Core), audited with `what`; a refusal shows
    /// the form again with every problem, a save redirects with `message`.
    private func save(_ req: Request, _ citizen: Citizen, _ fact: CaseFact?, form: FormReader, id: String, what: String,
                      message: String, anchor: String, back: String? = nil) async throws -> Response {
        let username = try req.requireAccount().username
        guard form.problems.isEmpty, let fact else {
            // Every problem at once: also Core's, when the fact could be read.
            var more: [String] = []
            if let fact {
                let snapshot = try await req.store.cases.file(of: citizen).snapshot(on: DanishDate.today)
                more = CaseFactCheck.problems(fact, in: snapshot)
            }
            return try await req.recordPage(citizen, failed: form.failed(id, more: more))
        }
        do {
            try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): \(what)" }) { store in
                try await store.cases.record(fact, for: citizen.id, on: DanishDate.today, by: username)
            }
        } catch let refused as CaseFactRefused {
            return try await req.recordPage(citizen, failed: form.failed(id, more: refused.problems))
        }
        if let back {
            req.notice(message)
            return req.redirect(to: back)
        }
        return req.saved(citizen, message, anchor: anchor)
    }

    @Sendable func opening(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.authority)
        var form = FormReader(req)
        let contact = form.day("firstContactOn", "Henvendelse", required: true)
        let opened = form.day("openedOn", "Sagen åbnet", required: true)
        let promised = form.day("answerPromisedOn", "Svar lovet senest")
        let request = form.text("request")
        let fact = contact.flatMap { c in opened.map { CaseFact.opening(CaseOpening(firstContactOn: c, openedOn: $0, answerPromisedOn: promised, request: request)) } }
        return try await save(req, citizen, fact, form: form, id: "opening", what: "sagens åbning",
                              message: "Henvendelsen og sagens åbning er gemt.", anchor: "sagen")
    }

    @Sendable func review(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.work)
        guard let goal = req.parameters.get("goal").flatMap({ Int($0) }) else { throw Abort(.notFound) }
        var form = FormReader(req)
        let tookPart = form.yesNo("tookPart")
        if tookPart == nil { form.problems.append("Deltog borgeren: vælg ja eller nej.") }
        let view: GoalReview.CitizensView? = form.choice("view", "Borgerens egen vurdering", required: false)
        let next = form.day("nextFollowUpOn", "Næste opfølgning")
        let note = form.text("note")
        let fact = CaseFact.review(GoalReview(goalID: goal, citizenTookPart: tookPart ?? false, citizensView: view, nextFollowUpOn: next, note: note))
        return try await save(req, citizen, fact, form: form, id: "review-\(goal)", what: "opfølgning på mål \(goal)",
                              message: "Opfølgningen er gemt" + (next.map { "; næste opfølgning er \($0.danish)." } ?? "."), anchor: "maal")
    }

    /// The citizen's answer to the resources text, given at a meeting and recorded by staff.
    @Sendable func resourcesAnswer(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.work)
        var form = FormReader(req)
        let entry = form.text("entry")
        let confirmed = form.flag("confirmed")
        let comment = form.text("comment")
        let fact = CaseFact.resources(ResourceResponse(entryID: entry, confirmed: confirmed, comment: comment, channel: .meeting))
        return try await save(req, citizen, fact, form: form, id: "confirm-\(entry)", what: "borgerens svar på ressourcebeskrivelsen",
                              message: confirmed ? "Borgerens bekræftelse af ressourcebeskrivelsen er gemt." : "Borgerens kommentar er gemt.", anchor: "ressourcer")
    }

    @Sendable func network(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.work)
        let entryID = req.parameters.get("entry").flatMap { Int($0) } ?? 0
        var form = FormReader(req)
        let name = form.text("name")
        let kind: NetworkEntry.Kind? = form.choice("kind", "Slags")
        let state: NetworkEntry.State? = form.choice("state", "Relationen")
        let wish: NetworkEntry.Wish? = form.choice("wish", "Vil borgeren have dem inddraget")
        let sector: NetworkEntry.Sector? = form.choice("sector", "Sektor", required: false)
        let helps = form.text("helpsWith")
        let coordinator = form.flag("coordinator")
        let tasks = form.text("coordinatorTasks"), keeps = form.text("citizenKeeps")
        let removed = form.flag("removed")
        var fact: CaseFact? = nil
        if let kind, let state, let wish {
            fact = .network(NetworkEntry(entryID: entryID, name: name, kind: kind, state: state, wish: wish, helpsWith: helps, sector: sector,
                                         isCoordinator: coordinator, coordinatorTasks: tasks, citizenKeeps: keeps, removed: removed))
        }
        let message = removed ? "\(name) er taget ud af netværket; historikken bevares." : entryID == 0 ? "\(name) er føjet til netværket." : "Ændringen af \(name) er gemt."
        return try await save(req, citizen, fact, form: form, id: entryID == 0 ? "network-new" : "network-\(entryID)", what: "netværk",
                              message: message + (coordinator && !removed ? " \(name) er primær koordinator." : ""), anchor: "netvaerk")
    }

    /// Plans a meeting (no id), or records an existing one as held or cancelled.
    @Sendable func meeting(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.work)
        let meetingID = req.parameters.get("meeting").flatMap { Int($0) } ?? 0
        var form = FormReader(req)
        let formID = meetingID == 0 ? "meeting-new" : "meeting-\(meetingID)"
        var fact: CaseFact? = nil
        if meetingID == 0 {
            let kind: Meeting.Kind? = form.choice("kind", "Slags møde")
            let date = form.day("date", "Mødedato", required: true)
            let place: Meeting.Place? = form.choice("place", "Sted (valgt med borgeren)")
            let invited = form.day("invitedOn", "Indkaldelse sendt")
            let participants = form.list("participants")
            if let kind, let date, let place {
                fact = .meeting(Meeting(meetingID: 0, kind: kind, date: date, place: place, invitedOn: invited, participants: participants))
            }
            return try await save(req, citizen, fact, form: form, id: formID, what: "møde planlagt",
                                  message: "Mødet er planlagt\(date.map { " til \($0.danish)" } ?? ""). Borgeren kan se det og tilføje punkter på Min side.", anchor: "moeder")
        }
        let file = try await req.store.cases.file(of: citizen)
        guard var meeting = file.history.current.meetingVersions[meetingID]?.last?.value else { throw Abort(.notFound) }
        let state: Meeting.State? = form.choice("state", "Mødet blev")
        let date = form.day("date", "Mødedato")
        let tookPart = form.yesNo("tookPart")
        let help = form.number("ratingOfHelp", "Borgerens vurdering af hjælpen", in: 0...10)
        let progress = form.number("ratingOfProgress", "Borgerens vurdering af fremskridt", in: 0...10)
        let agreements = form.text("agreements")
        let goals = form.list("goals").compactMap { Int($0) }
        let participants = form.list("participants")
        if let state {
            meeting.state = state
            if let date { meeting.date = date }
            meeting.citizenTookPart = state == .held ? tookPart : nil
            meeting.ratingOfHelp = help
            meeting.ratingOfProgress = progress
            meeting.agreements = agreements
            meeting.goalsDiscussed = goals
            meeting.participants = participants
            fact = .meeting(meeting)
        }
        return try await save(req, citizen, fact, form: form, id: formID, what: "møde \(meetingID) \(state?.danishName.lowercased() ?? "")",
                              message: state == .cancelled ? "Mødet er registreret som aflyst." : "Mødet er registreret som holdt.", anchor: "moeder")
    }

    @Sendable func agendaItem(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.work)
        guard let meetingID = req.parameters.get("meeting").flatMap({ Int($0) }) else { throw Abort(.notFound) }
        var form = FormReader(req)
        let text = form.text("text")
        let byCitizen = form.flag("byCitizen")
        return try await save(req, citizen, .agenda(AgendaItem(meetingID: meetingID, text: text, byCitizen: byCitizen)), form: form,
                              id: "agenda-\(meetingID)", what: "punkt på dagsorden", message: "Punktet er sat på dagsordenen.", anchor: "moeder")
    }

    @Sendable func logbook(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.work)
        let entryID = req.parameters.get("entry").flatMap { Int($0) } ?? 0
        var form = FormReader(req)
        let who = form.text("who"), what = form.text("what")
        let due = form.day("dueOn", "Senest")
        let done = form.flag("done")
        let fact = CaseFact.logbook(LogbookEntry(entryID: entryID, who: who, what: what, dueOn: due, done: done))
        let message = entryID == 0 ? "Aftalen er skrevet i logbogen." : done ? "Aftalen er markeret som udført." : "Aftalen er åbnet igen."
        return try await save(req, citizen, fact, form: form, id: entryID == 0 ? "logbook-new" : "logbook-\(entryID)", what: "logbog", message: message, anchor: "logbog")
    }

    @Sendable func ending(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.authority)
        var form = FormReader(req)
        let ended = form.day("endedOn", "Afsluttet", required: true)
        let reason: CaseEnding.Reason? = form.choice("reason", "Årsag")
        let plan = form.text("stepDownPlan")
        let safetyNet = form.flag("safetyNet")
        let fact = ended.flatMap { e in reason.map { CaseFact.ending(CaseEnding(endedOn: e, reason: $0, stepDownPlan: plan, safetyNetGiven: safetyNet)) } }
        return try await save(req, citizen, fact, form: form, id: "ending", what: "sagen afsluttet",
                              message: "Sagen er afsluttet\(ended.map { " pr. \($0.danish)" } ?? "").", anchor: "sagen")
    }

    /// Marks an alert on the citizen's answer handled, with a note; from the
    /// record or from the follow-up overview (`back=/opfoelgning`).
    @Sendable func alertHandled(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.authority)
        var form = FormReader(req)
        let measurement = form.text("measurement")
        let note = form.text("note")
        let back = form.text("back") == "/opfoelgning" ? "/opfoelgning" : nil
        return try await save(req, citizen, .alertHandled(AlertHandling(measurementID: measurement, note: note)), form: form, id: "alert-\(measurement)",
                              what: "opmærksomhed håndteret", message: "Opmærksomheden er markeret som håndteret.", anchor: "opmaerksomhed", back: back)
    }
}
