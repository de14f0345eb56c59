import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Læringsmøder*: the offer's learning and reflection meetings. A meeting
/// freezes the leadership report as readers see it (suppressed), records
/// what was said to the four parts' questions, and turns decisions into
/// actions on the offer's action board — which the municipality's leaders
/// also see on theirs. The offer's staff hold them; its readers read them.
struct LearningMeetingRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("tilbud", ":offer", "laering")
        r.get(use: list)
        r.post(use: create)
        r.get(":meeting", use: show)
        r.post(":meeting", use: saveAnswers)
        r.post(":meeting", "beslutning", use: decide)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await list(req, OfferContext(req, .read), failed: nil)
    }

    func list(_ req: Request, _ context: OfferContext, failed: FailedForm?) async throws -> Response {
        let meetings = try await req.store.offers.current(LearningMeetingMinutes.self, offer: context.offerID, kind: .learningMeeting).map(\.value)
        let page = try LearningMeetingsPage(req, context, meetings: meetings, failed: failed)
        return try await req.renderPage("offer-learning-meetings", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        let day = form.day("day", "Dato", required: true)
        let participants = form.text("participants").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = form.problems
        if participants.isEmpty { problems.append("Deltagere: skriv hvem der deltager.") }
        guard problems.isEmpty, let day else { return try await list(req, context, failed: FailedForm(id: "meeting", values: form.values, problems: problems)) }
        // The report everyone who may read the offer may see: the leadership report under disclosure control (docs/definitions.md 98).
        let report = try await OfferReport(req, context.asReader, .leadership, year: nil)
        let meeting = LearningMeetingMinutes(id: OfferContext.newKey(), day: day, participants: participants,
                                             reportTitle: "\(report.title), dannet \(DanishDate.today.danish)", report: report.tables)
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, "læringsmøde \(day.danish) oprettet") { store in
            try await store.offers.save(meeting, offer: offerID, kind: .learningMeeting, key: meeting.id, by: user)
        }
        return context.saved(req, "Læringsmødet \(day.danish) er oprettet, og rapporten er vedhæftet, som den ser ud i dag.", to: context.base + "/laering/\(meeting.id)")
    }

    private func meeting(_ req: Request, _ context: OfferContext) async throws -> LearningMeetingMinutes {
        guard let key = req.parameters.get("meeting"),
              let m = try await req.store.offers.current(LearningMeetingMinutes.self, offer: context.offerID, kind: .learningMeeting, key: key) else { throw Abort(.notFound) }
        return m.value
    }

    @Sendable func show(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .read)
        return try await show(req, context, try await meeting(req, context), failed: nil)
    }

    func show(_ req: Request, _ context: OfferContext, _ meeting: LearningMeetingMinutes, failed: FailedForm?) async throws -> Response {
        let actions = try await req.store.offers.current(OfferAction.self, offer: context.offerID, kind: .action).map(\.value)
        let page = try LearningMeetingPage(req, context, meeting, actions: actions, failed: failed)
        return try await req.renderPage("offer-learning-meeting", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    @Sendable func saveAnswers(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var meeting = try await meeting(req, context)
        var form = FormReader(req)
        for part in LearningMeeting.parts {
            for q in 0...part.questions.count {
                let key = LearningMeetingMinutes.key(part: part.number, question: q)
                let text = form.text("q\(key)").trimmingCharacters(in: .whitespacesAndNewlines)
                meeting.answers[key] = text.isEmpty ? nil : text
            }
        }
        let participants = form.text("participants").trimmingCharacters(in: .whitespacesAndNewlines)
        if !participants.isEmpty { meeting.participants = participants }
        let saved = meeting, offerID = context.offerID, user = context.account.username
        try await context.audited(req, "læringsmøde \(saved.day.danish): referat") { store in
            try await store.offers.save(saved, offer: offerID, kind: .learningMeeting, key: saved.id, by: user)
        }
        return context.saved(req, "Referatet er gemt.", to: context.base + "/laering/\(saved.id)#referat")
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var meeting = try await meeting(req, context)
        var form = FormReader(req)
        let text = form.text("text").trimmingCharacters(in: .whitespacesAndNewlines)
        let owner = form.text("owner").trimmingCharacters(in: .whitespaces)
        let due = form.day("due", "Frist", required: true)
        let problems = form.problems + LearningMeetingMinutes.problems(text: text, owner: owner)
        guard problems.isEmpty, let due else { return try await show(req, context, meeting, failed: FailedForm(id: "decision", values: form.values, problems: problems)) }
        let action = OfferAction(id: OfferContext.newKey(), text: text, owner: owner, due: due, source: "Læringsmøde \(meeting.day.danish)")
        meeting.decisions.append(.init(text: text, owner: owner, due: due, actionID: action.id))
        let saved = meeting, offerID = context.offerID, user = context.account.username
        try await context.audited(req, "læringsmøde \(saved.day.danish): beslutning") { store in
            try await store.offers.save(action, offer: offerID, kind: .action, key: action.id, by: user)
            try await store.offers.save(saved, offer: offerID, kind: .learningMeeting, key: saved.id, by: user)
        }
        return context.saved(req, "Beslutningen er gemt og står nu som handling med \(owner) som ansvarlig, frist \(due.danish).", to: context.base + "/laering/\(saved.id)#beslutninger")
    }
}
