import FluentKit
import Foundation
import RoretCore
@testable import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// Reports, learning meetings, the cycle review, calibration, the citizen's
/// link to an offer's instrument, offer reminders and the municipality's view
/// (issue 13). Anna (B-001) is Bostedet's one citizen: WHO-5 40 at start and
/// 56 at follow-up, a development goal reached.
@Suite struct OfferUseWebTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    func annaMeasured(_ app: Application, enteredBy: String = "kollega") async throws -> (OfferWebTests.Seeded, Citizen) {
        let s = try await OfferWebTests().seed(app)
        let store = Store(database: app.db)
        let anna = try #require(try await store.citizens.all(municipality: "265").first)
        let citizen = anna.id.uuidString
        for (k, point, day, score) in [(0, MeasurementPoints.Kind.start, "2026-01-05", 40.0), (1, .followUp, "2026-07-05", 56.0)] {
            try await store.offers.save(OfferAnswer(id: "a\(k)", citizen: citizen, instrument: "who5", day: Day(iso: day)!, items: [], score: score, point: point, method: .questionnaire,
                                                    respondent: .citizen, enteredBy: enteredBy), offer: s.bostedet, kind: .answer, key: "a\(k)", by: enteredBy)
        }
        try await store.offers.save(OfferGoal(id: "g", citizen: citizen, text: "Handle ind", kind: .development, followUps: [.init(day: Day(iso: "2026-07-05")!, status: .developmentReached)]),
                                    offer: s.bostedet, kind: .goal, key: "g", by: enteredBy)
        _ = try await store.offers.update(s.bostedet, name: "Bostedet", paragraphs: [.p85], leader: nil)
        let theory = TheoryOfChange(targetGroup: "Voksne i egen bolig med bostøtte", boxes: [.init(id: "B1", column: .activities, text: "Samtaler")])
        try await store.offers.save(theory, offer: s.bostedet, kind: .theory, key: "map", by: "udfoerer")
        return (s, anna)
    }

    @Test func reportsShowTheStaffTheirOwnCitizensAndTheMunicipalityTheCountsWithheld() async throws {
        try await withRoretApp(.sqlite, importDemo: false) { app in
            let (s, anna) = try await annaMeasured(app)
            let base = "/tilbud/\(s.bostedet.uuidString)/rapporter"
            var staff = Browser(app)
            try await staff.signIn("udfoerer")
            // Everything was recorded by a colleague: udfoerer has no own citizens yet.
            let none = try await staff.get(base + "/medarbejder").body.string
            #expect(none.contains("Du har ikke registreret svar, mål eller opfølgninger for nogen borger endnu.") && !none.contains(">\(anna.pseudonym)<"))
            // One follow-up by udfoerer makes Anna theirs.
            try await Store(database: app.db).offers.save(OfferGoal(id: "g", citizen: anna.id.uuidString, text: "Handle ind", kind: .development,
                                                                    followUps: [.init(day: Day(iso: "2026-07-05")!, status: .developmentReached)]),
                                                          offer: s.bostedet, kind: .goal, key: "g", by: "udfoerer")
            let own = try await staff.get(base + "/medarbejder").body.string
            #expect(own.contains(">\(anna.pseudonym)<") && own.contains("40 → 56") && own.contains("Handle ind: Mål om positiv udvikling – nået"))
            let leadershipForStaff = try await staff.get(base + "/ledelse").body.string
            #expect(leadershipForStaff.contains("40,0 → 56,0"))
            var leader = Browser(app)
            try await leader.signIn("leder")
            let leadership = try await leader.get(base + "/ledelse").body.string
            #expect(!leadership.contains("40,0 → 56,0") && leadership.contains("«..» → «..»") && leadership.contains("Grupper med 1–4 borgere er skjult"))
            // Criterion 3: the target group as described (the theory) and as served (one citizen: withheld for the leader).
            let supervision = try await leader.get(base + "/tilsyn").body.string
            #expect(supervision.contains("Voksne i egen bolig med bostøtte") && supervision.contains("Målgruppen som betjent"))
            #expect(supervision.contains("<th scope=\"row\">Alle borgere</th><td>«..»</td>"))
            #expect(try await staff.get(base + "/tilsyn").body.string.contains("<th scope=\"row\">Alle borgere</th><td>1</td>"))
            // Excel: a workbook (a zip) named after the report, and the export audited.
            let xlsx = try await leader.get(base + "/tilsyn/xlsx")
            #expect(xlsx.status == .ok && xlsx.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(xlsx.body.readableBytesView.prefix(2).elementsEqual("PK".utf8))
            #expect(try await auditEvents(app, .export, username: "leder").contains { $0.detail.contains("Dokumentation til socialtilsynet") })
            // The start page's collection counts are about one citizen: withheld for the leader, shown to staff.
            #expect(try await leader.get("/tilbud/\(s.bostedet.uuidString)").body.string.contains("«..» besvarelser indsamlet"))
            #expect(try await staff.get("/tilbud/\(s.bostedet.uuidString)").body.string.contains("2 besvarelser indsamlet"))
            // The print view: the page marked for print (no menu or controls on screen or paper).
            #expect(try await leader.get(base + "/tilsyn?udskriv=1").body.string.contains("<body class=\"print\">"))
            #expect(try await leader.get(base + "/ukendt").status == .notFound)
        }
    }

    @Test func aLearningMeetingFreezesTheReportAndItsDecisionsReachTheLeadersBoard() async throws {
        try await withRoretApp(.sqlite, importDemo: false) { app in
            let (s, anna) = try await annaMeasured(app)
            let store = Store(database: app.db)
            let base = "/tilbud/\(s.bostedet.uuidString)/laering"
            var staff = Browser(app)
            try await staff.signIn("udfoerer")
            _ = try await staff.get(base)
            let refused = try await staff.post(base, ["day": "", "participants": " "])
            #expect(refused.status == .badRequest && refused.body.string.contains("Dato: skal udfyldes.") && refused.body.string.contains("Deltagere: skriv hvem der deltager."))
            let created = try await staff.post(base, ["day": "2026-11-20", "participants": "Teamleder og to medarbejdere"])
            #expect(created.status == .seeOther)
            let meetingPath = try #require(created.headers.first(name: .location))
            let meetings = try await store.offers.current(LearningMeetingMinutes.self, offer: s.bostedet, kind: .learningMeeting).map(\.value)
            let meeting = try #require(meetings.first { $0.day == Day(iso: "2026-11-20") })
            // The frozen report is the municipality's (suppressed) leadership report, even when staff create the meeting.
            let change = try #require(meeting.report.first { $0.title == "WHO-5 Trivselsindeks: ændring for de samme borgere" })
            #expect(change.rows[0].label == "Alle borgere" && change.rows[0].cells[0] == "«..»")
            _ = try await staff.get(meetingPath)
            #expect(try await staff.post(meetingPath, ["q2.1": "Målgruppen passer", "q4.1": "Følgeskab tidligere"]).status == .seeOther)
            let badDecision = try await staff.post(meetingPath + "/beslutning", ["text": "", "owner": "", "due": ""])
            #expect(badDecision.status == .badRequest && ["Beslutning: skriv hvad der er besluttet.", "Ansvarlig: skriv hvem der har ansvaret for at følge op.", "Frist: skal udfyldes."]
                .allSatisfy(badDecision.body.string.contains))
            #expect(try await staff.post(meetingPath + "/beslutning", ["text": "Følgeskab fra første uge", "owner": "Teamleder", "due": "2027-01-15"]).status == .seeOther)
            let action = try #require(try await store.offers.current(OfferAction.self, offer: s.bostedet, kind: .action).map(\.value).first { $0.text == "Følgeskab fra første uge" })
            #expect(action.owner == "Teamleder" && action.source == "Læringsmøde 20.11.2026" && action.due == Day(iso: "2027-01-15"))
            let after = try #require(try await store.offers.current(LearningMeetingMinutes.self, offer: s.bostedet, kind: .learningMeeting).map(\.value).first { $0.id == meeting.id })
            #expect(after.answers["2.1"] == "Målgruppen passer" && after.decisions.map(\.actionID) == [action.id] && after.report == meeting.report)
            // A new answer later does not change what the meeting saw.
            try await store.offers.save(OfferAnswer(id: "a2", citizen: anna.id.uuidString, instrument: "who5", day: Day(iso: "2026-11-25")!, items: [], score: 80, point: .followUp,
                                                    method: .questionnaire, respondent: .citizen, enteredBy: "udfoerer"), offer: s.bostedet, kind: .answer, key: "a2", by: "udfoerer")
            let page = try await staff.get(meetingPath).body.string
            #expect(page.contains("Følgeskab fra første uge") && page.contains("Målgruppen passer") && !page.contains("80,0"))
            // The municipality's leader sees the decision on the leaders' action board, and reads the meeting without forms.
            var leader = Browser(app)
            try await leader.signIn("leder")
            let board = try await leader.get("/ledelse/handlinger").body.string
            #expect(board.contains("Tilbuddenes åbne handlinger") && board.contains("Følgeskab fra første uge") && board.contains("Læringsmøde 20.11.2026"))
            let read = try await leader.get(meetingPath).body.string
            #expect(read.contains("Målgruppen passer") && !read.contains("save-minutes"))
            // Done on the offer's board: off the leaders' list of open actions.
            _ = try await staff.get("/tilbud/\(s.bostedet.uuidString)")
            #expect(try await staff.post("/tilbud/\(s.bostedet.uuidString)/handlinger", ["id": action.id, "done": "ja"]).status == .seeOther)
            #expect(try await !leader.get("/ledelse/handlinger").body.string.contains("Følgeskab fra første uge"))
        }
    }

    @Test func theCycleReviewShowsTheEvidenceAndOpensANewVersionOfTheTheory() async throws {
        try await withRoretApp(.sqlite, importDemo: false) { app in
            let (s, _) = try await annaMeasured(app)
            let store = Store(database: app.db)
            let base = "/tilbud/\(s.bostedet.uuidString)/gennemgang"
            var staff = Browser(app)
            try await staff.signIn("udfoerer")
            _ = try await staff.get(base)
            let refused = try await staff.post(base, ["title": "", "day": "2026-13-01"])
            #expect(refused.status == .badRequest && refused.body.string.contains("Titel: skriv fx »Gennemgang 2026«.") && refused.body.string.contains("Dato:"))
            let created = try await staff.post(base, ["title": "Gennemgang efteråret", "day": "2026-11-20"])
            let path = try #require(created.headers.first(name: .location))
            let page = try await staff.get(path).body.string
            // Phase 2's evidence: the target group as served; phase 4's: what was collected (2 answers, 1 goal followed up).
            #expect(page.contains("Målgruppen som betjent") && page.contains("2 besvarelser indsamlet") && page.contains("1 mål fulgt op"))
            #expect(try await staff.post(path, ["e2.2": "Flere fra indlæggelse", "a2.2": "Beskriv undergruppen efter indlæggelse"]).status == .seeOther)
            let review = try #require(try await store.offers.current(CycleReviewMinutes.self, offer: s.bostedet, kind: .cycleReview).map(\.value).first { $0.title == "Gennemgang efteråret" })
            #expect(review.answered == 1 && review.answers["2.2"]?.actions == "Beskriv undergruppen efter indlæggelse")
            #expect(try await staff.post(path + "/forandringsteori", [:]).status == .seeOther)
            let draft = try #require(try await store.offers.current(TheoryOfChange.self, offer: s.bostedet, kind: .theoryDraft, key: "map")?.value)
            #expect(draft.minutes.contains("Fra gennemgangen »Gennemgang efteråret« 20.11.2026:") && draft.minutes.contains("- 2. Beskrivelse af metoder og indsatser: Beskriv undergruppen efter indlæggelse"))
            #expect(draft.targetGroup == "Voksne i egen bolig med bostøtte", "the draft starts from the latest version")
        }
    }

    @Test func calibrationShowsTheSpreadOnlyToThoseWhoHaveRated() async throws {
        try await withRoretApp(.sqlite, importDemo: false) { app in
            let s = try await OfferWebTests().seed(app)
            // Værestedet: staff udfoerer-2 and its leader, leder.
            let base = "/tilbud/\(s.vaerestedet.uuidString)/kalibrering"
            var staff = Browser(app), leader = Browser(app)
            try await staff.signIn("udfoerer-2")
            try await leader.signIn("leder")
            _ = try await staff.get(base)
            let refused = try await staff.post(base, ["title": "", "instrument": "maal"])
            #expect(refused.status == .badRequest && refused.body.string.contains("Case: beskriv kort") && refused.body.string.contains("Redskab: vælg et af tilbuddets redskaber."))
            let created = try await staff.post(base, ["title": "Mand i 40'erne", "instrument": "who5"])
            let path = try #require(created.headers.first(name: .location))
            _ = try await staff.get(path)
            #expect(try await staff.post(path, ["item1": "3", "item2": "2", "item3": "4", "item4": "1", "item5": "5"]).status == .seeOther)
            let before = try await leader.get(path).body.string
            #expect(before.contains("Du ser de andres vurderinger, når du selv har vurderet casen") && !before.contains("id=\"spreads\""))
            let offScale = try await leader.post(path, ["item1": "9"])
            #expect(offScale.status == .badRequest && offScale.body.string.contains("Spørgsmål 1: svaret 9 er ikke på skalaen."))
            #expect(try await leader.post(path, ["item1": "3", "item2": "4", "item3": "4", "item4": "0", "item5": "5"]).status == .seeOther)
            // Items 2 (2 and 4) and 4 (1 and 0) differ.
            let after = try await leader.get(path).body.string
            #expect(after.contains("2 spørgsmål har forskellige vurderinger.") && after.contains("<td>2, 4</td><td>2–4</td>") && after.contains("<td>0, 1</td>"))
            #expect(!after.contains("udfoerer-2"), "ratings carry no names")
        }
    }

    @Test func aCitizenAnswersAnOffersInstrumentThroughTheirLinkOnce() async throws {
        try await withRoretApp(.sqlite, importDemo: false, configure: { $0.publicURL = "https://roret.kommune.dk" }) { app in
            let s = try await OfferWebTests().seed(app)
            let store = Store(database: app.db)
            let anna = try #require(try await store.citizens.all(municipality: "265").first)
            let collection = "/tilbud/\(s.bostedet.uuidString)/indsamling"
            var staff = Browser(app)
            try await staff.signIn("udfoerer")
            _ = try await staff.get(collection + "/\(anna.id.uuidString)")
            #expect(try await staff.post(collection + "/link", ["citizen": anna.id.uuidString, "instrument": "who5", "point": "followUp"]).status == .seeOther)
            let shown = try await staff.get(collection + "/\(anna.id.uuidString)").body.string
            let link = try #require(shown.firstMatch(of: /https:\/\/roret\.kommune\.dk(\/svar\/tilbud\/[^<"]+)/)?.1)
            #expect(try await !staff.get(collection + "/\(anna.id.uuidString)").body.string.contains(String(link)), "shown once")
            let secret = String(link.split(separator: "/").last!)
            #expect(try await store.offers.current(OfferAnswerLink.self, offer: s.bostedet, kind: .answerLink).map(\.key) == [Secrets.sha256(secret)], "only the hash is stored")
            // The citizen, without an account.
            var c = Browser(app)
            let form = try await c.get(String(link))
            #expect(form.status == .ok && form.body.string.contains("Hvad bruges svarene til?") && form.body.string.contains("action=\"\(link)\""))
            let unreadable = try await c.post(String(link), ["item1": "x"])
            #expect(unreadable.status == .badRequest && unreadable.body.string.contains("Et af svarene kunne ikke læses."))
            let thanks = try await c.post(String(link), ["item1": "3", "item2": "3", "item3": "3", "item4": "3"])
            #expect(thanks.status == .ok && thanks.body.string.contains("Du sprang 1 spørgsmål over"))
            let answer = try #require(try await store.offers.current(OfferAnswer.self, offer: s.bostedet, kind: .answer).map(\.value).first)
            #expect(answer.citizen == anna.id.uuidString && answer.respondent == .citizen && answer.method == .questionnaire && answer.point == .followUp)
            #expect(answer.items == [3, 3, 3, 3, nil] && answer.score == nil && answer.enteredBy == "borger (link)")
            #expect(try await c.post(String(link), ["item1": "1"]).status == .gone)
            #expect(try await c.post(String(link) + "/nej", [:]).status == .gone)
            #expect(try await store.offers.current(OfferAnswer.self, offer: s.bostedet, kind: .answer).count == 1, "once")
            #expect(try await c.get("/svar/tilbud/\(s.bostedet.uuidString)/ukendt").status == .notFound)
            #expect(try await auditEvents(app, .measurementAnswered).contains { $0.detail.contains("i tilbud Bostedet via link") })
            // An answer and a "nej tak" sent at the same moment: exactly one takes effect, the other is told what happened.
            let raced = OfferAnswerLink(citizen: anna.id.uuidString, instrument: "who5", point: .end, issuedOn: DanishDate.today)
            try await store.offers.save(raced, offer: s.bostedet, kind: .answerLink, key: Secrets.sha256("samtidig"), by: "udfoerer")
            let path = "/svar/tilbud/\(s.bostedet.uuidString)/samtidig"
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for k in 0..<6 {
                    group.addTask {
                        var b = Browser(app)
                        return try await (k % 2 == 0 ? b.post(path, ["item1": "4", "item2": "4", "item3": "4", "item4": "4", "item5": "4"]) : b.post(path + "/nej", [:])).status
                    }
                }
                var all: [HTTPStatus] = []
                for try await s in group { all.append(s) }
                return all
            }
            #expect(statuses.filter { $0 == .ok }.count == 1 && statuses.filter { $0 == .gone }.count == 5, "\(statuses)")
            let endAnswers = try await store.offers.current(OfferAnswer.self, offer: s.bostedet, kind: .answer).filter { $0.value.point == .end }.count
            let state = try #require(try await store.offers.current(OfferAnswerLink.self, offer: s.bostedet, kind: .answerLink, key: Secrets.sha256("samtidig"))?.value.state)
            #expect(state == .answered ? endAnswers == 1 : (state == .declined && endAnswers == 0), "the link's state and what was stored agree")
            // An expired link.
            let old = OfferAnswerLink(citizen: anna.id.uuidString, instrument: "who5", point: .followUp, issuedOn: DanishDate.today.adding(days: -20))
            try await store.offers.save(old, offer: s.bostedet, kind: .answerLink, key: Secrets.sha256("gammel"), by: "udfoerer")
            let expired = try await c.get("/svar/tilbud/\(s.bostedet.uuidString)/gammel")
            #expect(expired.status == .gone && expired.body.string.contains("Linket er udløbet."))
            // Only the offer's staff make links.
            for name in ["leder", "udfoerer-2", "sagsbehandler"] {
                var other = Browser(app)
                try await other.signIn(name)
                _ = try await other.get("/")
                #expect(try await other.post(collection + "/link", ["citizen": anna.id.uuidString, "instrument": "who5", "point": "followUp"]).status == .forbidden, "\(name)")
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func measurementsDueAtAnOfferGoToTheOutboxOnce(_ backend: TestDatabase) async throws {
        try await withRoretApp(backend, importDemo: false) { app in
            let s = try await OfferWebTests().seed(app)
            let store = Store(database: app.db)
            try await store.offers.save(MeasurementPlan(points: MeasurementPoints(followUpMonths: 6, afterEndMonths: 6), instruments: ["who5"]), offer: s.bostedet,
                                        kind: .measurementPlan, key: "plan", by: "udfoerer")
            func offerReminders() async throws -> [Reminder] { try await store.measurements.reminders(.pending).filter { $0.offerMeasurement != nil } }
            // Anna's course at Bostedet began 01.01.2024: the start measurement is overdue on 01.03.2024, the follow-up 01.07.2024 not yet near.
            try await ReminderJob.run(store: store, today: day("2024-03-01"))
            #expect(try await offerReminders().map(\.subject) == ["Bostedet: opstartsmåling 01.01.2024 skal måles"])
            #expect(try await offerReminders().map(\.recipient) == [OfferReminders.noLeader])
            try await ReminderJob.run(store: store, today: day("2024-03-02"))
            #expect(try await offerReminders().count == 1, "no duplicates")
            // Within 7 days of the follow-up; the start answered meanwhile is not reminded again.
            try await store.offers.save(OfferAnswer(id: "s", citizen: try #require(try await store.citizens.all(municipality: "265").first).id.uuidString, instrument: "who5",
                                                    day: day("2024-03-05"), items: [], score: 60, point: .start, method: .questionnaire, respondent: .citizen, enteredBy: "udfoerer"),
                                        offer: s.bostedet, kind: .answer, key: "s", by: "udfoerer")
            try await ReminderJob.run(store: store, today: day("2024-06-25"))
            #expect(try await offerReminders().map(\.subject) == ["Bostedet: opstartsmåling 01.01.2024 skal måles", "Bostedet: opfølgningsmåling 01.07.2024 skal måles"])
        }
    }

    @Test func theMunicipalitySeesEachOfferSuppressedBesideTheKeyFigures() async throws {
        try await withRoretApp(.sqlite, importDemo: false) { app in
            let (s, _) = try await annaMeasured(app)
            var leader = Browser(app)
            try await leader.signIn("leder")
            let page = try await leader.get("/tilbud/resultater").body.string
            #expect(page.contains("Bostedet") && page.contains("Værestedet") && page.contains("/tilbud/\(s.bostedet.uuidString)/rapporter/tilsyn"))
            #expect(page.contains("Borgere på trin 2 i ") && !page.contains("40,0 → 56,0") && page.contains("«..»"))
            var other = Browser(app)
            try await other.signIn("udfoerer-2")
            let own = try await other.get("/tilbud/resultater").body.string
            #expect(own.contains("Værestedet") && !own.contains(">Bostedet <"), "staff see only their own offer")
            #expect(own.contains("Tilbuddet har ingen borgerforløb endnu.") && !own.contains("<caption>"), "no tables for an offer without courses")
            for name in ["borger", "admin"] {
                var b = Browser(app)
                try await b.signIn(name)
                #expect(try await b.get("/tilbud/resultater").status == .forbidden, "\(name)")
            }
        }
    }
}
