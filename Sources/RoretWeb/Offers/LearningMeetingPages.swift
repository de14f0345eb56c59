import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Læringsmøder*: the offer's meetings and the form for a new one.
struct LearningMeetingsPage: Encodable {
    struct Meeting: Encodable {
        var href: String
        var day: String
        var participants: String
        var decisions: Int
    }

    var chrome: Chrome
    var base: String
    var name: String
    var canEdit: Bool
    var meetings: [Meeting]
    var hasMeetings: Bool
    var form: FormModel

    init(_ req: Request, _ context: OfferContext, meetings: [LearningMeetingMinutes], failed: FailedForm?) throws {
        chrome = try Chrome(req, title: "Læringsmøder · \(context.offer.name)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        canEdit = context.canEdit
        self.meetings = meetings.sorted { $0.day > $1.day }.map {
            Meeting(href: context.base + "/laering/\($0.id)", day: $0.day.danish, participants: $0.participants, decisions: $0.decisions.count)
        }
        hasMeetings = !self.meetings.isEmpty
        form = FormModel(id: "meeting", values: ["day": DanishDate.today.description], failed: failed)
    }
}

/// One learning meeting: the frozen report, the four parts with their questions, the decisions.
struct LearningMeetingPage: Encodable {
    struct Question: Encodable {
        var name: String
        var text: String
        var answer: String
    }

    struct Part: Encodable {
        var title: String
        var questions: [Question]
    }

    struct Decision: Encodable {
        var text: String
        var owner: String
        var due: String
        var status: String
    }

    var chrome: Chrome
    var base: String
    var name: String
    var canEdit: Bool
    var day: String
    var participants: String
    var reportTitle: String
    var report: [OfferReportTable]
    var parts: [Part]
    var decisions: [Decision]
    var hasDecisions: Bool
    var action: String
    var printHref: String
    var decisionForm: FormModel

    init(_ req: Request, _ context: OfferContext, _ meeting: LearningMeetingMinutes, actions: [OfferAction], failed: FailedForm?) throws {
        chrome = try Chrome(req, title: "Læringsmøde \(meeting.day.danish) · \(context.offer.name)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        canEdit = context.canEdit
        day = meeting.day.danish
        participants = meeting.participants
        reportTitle = meeting.reportTitle
        report = meeting.report
        parts = LearningMeeting.parts.map { part in
            let notes = LearningMeetingMinutes.key(part: part.number, question: 0)
            let own = Question(name: "q\(notes)", text: part.questions.isEmpty ? "Rammesætning: formål, dagsorden og hvad rapporten viser" : "Øvrige noter til \(part.title.lowercased())",
                               answer: meeting.answers[notes] ?? "")
            return Part(title: "\(part.number). \(part.title)", questions: part.questions.enumerated().map { i, q in
                let key = LearningMeetingMinutes.key(part: part.number, question: i + 1)
                return Question(name: "q\(key)", text: q, answer: meeting.answers[key] ?? "")
            } + [own])
        }
        let byID = Dictionary(actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        decisions = meeting.decisions.map { d in
            Decision(text: d.text, owner: d.owner, due: d.due?.danish ?? "Ingen frist", status: byID[d.actionID].map { $0.done ? "Udført" : "Åben" } ?? "–")
        }
        hasDecisions = !decisions.isEmpty
        action = context.base + "/laering/\(meeting.id)"
        printHref = action + "?udskriv=1"
        decisionForm = FormModel(id: "decision", values: [:], failed: failed)
    }
}
