import FluentKit
import Foundation
import RoretCore
@testable import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// Offers on the web: who reads and edits an offer's results documentation
/// (every page and every POST, by every role), the administrator's offers,
/// and refused forms that keep what was typed.
@Suite struct OfferWebTests {
    /// Bostedet (265): staff `udfoerer`, no leader. Værestedet (265): staff `udfoerer-2`, led by `leder`.
    /// Bostedet has a round, a saved theory (B1 → B2), a typical and a concrete journey, and an event in its year.
    struct Seeded {
        var bostedet: UUID
        var vaerestedet: UUID
        var round: String
        var concrete: String
    }

    func seed(_ app: Application) async throws -> Seeded {
        let store = Store(database: app.db)
        let anna = try await CitizenWebTests().anna(app)
        let offers = try await store.offers.all(municipality: "265")
        let bostedetOffer = try #require(offers.first { $0.name == "Bostedet" }), vaerestedetOffer = try #require(offers.first { $0.name == "Værestedet" })
        let bostedet = try #require(UUID(uuidString: bostedetOffer.id)), vaerestedet = try #require(UUID(uuidString: vaerestedetOffer.id))
        _ = try await store.offers.update(vaerestedet, name: "Værestedet", paragraphs: [.p104], leader: "leder")
        try await store.offers.save(SelfEvaluationRound(id: "r1", title: "Forår", opened: Day.yearStart(2026)), offer: bostedet, kind: .selfEvaluation, key: "r1", by: "udfoerer")
        let theory = TheoryOfChange(boxes: [.init(id: "B1", column: .activities, text: "Samtaler"), .init(id: "B2", column: .immediate, text: "Tryghed")],
                                    arrows: [.init(from: "B1", to: "B2", mechanism: "Relation")])
        try await store.offers.save(theory, offer: bostedet, kind: .theory, key: "map", by: "udfoerer")
        try await store.offers.save(CitizenJourney(id: "typisk", title: "Typisk", kind: .typical, columns: ["Opstart", "Slut"]), offer: bostedet, kind: .journey, key: "typisk", by: "udfoerer")
        try await store.offers.save(CitizenJourney(id: "konkret", title: "Annas rejse", kind: .concrete, pseudonym: anna.pseudonym, columns: ["Opstart"]),
                                    offer: bostedet, kind: .journey, key: "konkret", by: "udfoerer")
        try await store.offers.save(AnnualPlan(events: [.init(id: "e1", month: 3, kind: .measurement, text: "Målinger")]), offer: bostedet, kind: .annualPlan, key: "plan", by: "udfoerer")
        try await store.offers.save(LearningMeetingMinutes(id: "m1", day: Day.yearStart(2026), participants: "Teamet", reportTitle: "Til ledelsen", report: []),
                                    offer: bostedet, kind: .learningMeeting, key: "m1", by: "udfoerer")
        try await store.offers.save(CycleReviewMinutes(id: "g1", day: Day.yearStart(2026), title: "Gennemgang 2026"), offer: bostedet, kind: .cycleReview, key: "g1", by: "udfoerer")
        try await store.offers.save(Calibration(id: "k1", title: "Sag A", instrument: "who5"), offer: bostedet, kind: .calibration, key: "k1", by: "udfoerer")
        return Seeded(bostedet: bostedet, vaerestedet: vaerestedet, round: "r1", concrete: "konkret")
    }

    static let pages = ["", "/selvevaluering", "/selvevaluering/r1", "/forandringsteori", "/forandringsteori/version/1", "/borgerrejser", "/borgerrejser/typisk", "/planlaegning",
                        "/analyse", "/rapporter", "/rapporter/ledelse", "/rapporter/tilsyn", "/rapporter/ledelse/xlsx", "/rapporter/tilsyn?udskriv=1", "/laering", "/laering/m1",
                        "/gennemgang", "/gennemgang/g1"]

    /// Person-level pages: the offer's staff only (a concrete journey, the reports with citizens or small counts, calibration).
    static let staffPages = ["/borgerrejser/konkret", "/rapporter/medarbejder", "/rapporter/team", "/rapporter/team/xlsx", "/kalibrering", "/kalibrering/k1"]

    /// Every POST of an offer, with a form that is accepted from those who may.
    static var actions: [(path: String, form: [String: String])] {
        var answers = ["x": "x"]
        for item in SelfEvaluation.items { answers["a-\(item.id)"] = "3" }
        return [
            ("/huskeliste", ["phase": "1", "items[]": "0"]),
            ("/indsatser", ["name": "Bostøtte"]),
            ("/handlinger", ["text": "Fast punkt på personalemødet", "owner": "Teamleder"]),
            ("/selvevaluering", ["title": "Efterår", "opened": "2026-09-01"]),
            ("/modenhed", ["reached": "1"]),
            ("/selvevaluering/r1/svar", answers),
            ("/selvevaluering/r1/enighed", ["s-S1": "3", "v-S1": "Vi har en strategi"]),
            ("/forandringsteori/tekst", ["goals": "Egen bolig"]),
            ("/forandringsteori/boks", ["column": "3", "text": "Trivsel", "indicator": "WHO-5 Trivselsindeks: score"]),
            ("/forandringsteori/pil", ["from": "B2", "to": "B3", "mechanism": "Tryghed giver trivsel"]),
            ("/forandringsteori/pil/slet", ["from": "B2", "to": "B3"]),
            ("/forandringsteori/boks/slet", ["id": "B3"]),
            ("/forandringsteori/gem", [:]),
            ("/borgerrejser", ["title": "Planlagt", "kind": "planned", "columns": "Opstart\nSlut"]),
            ("/borgerrejser/typisk", ["title": "Typisk", "col-0": "Opstart", "col-1": "Slut", "cell-0-0": "Velkomst", "documentation[]": "0"]),
            ("/planlaegning/strategi", ["q0-B2": "Om borgerne er trygge"]),
            ("/planlaegning/redskab", ["kind": "simple", "name": "Hverdagsskema", "items": "Handler ind\nLaver mad", "scaleMin": "1", "scaleMax": "5", "purpose": "measurement", "collectionForm": "dialogue"]),
            ("/planlaegning/maalepunkter", ["followUpMonths": "6", "afterEndMonths": "6", "instruments[]": "who5"]),
            ("/planlaegning/dataindsamling", ["q1": "Kontaktpersonen"]),
            ("/planlaegning/aarshjul", ["month": "6", "kind": "meeting", "text": "Læringsmøde"]),
            ("/planlaegning/aarshjul/slet", ["id": "e1"]),
            ("/laering", ["day": "2026-11-01", "participants": "Teamleder og to medarbejdere"]),
            ("/laering/m1", ["q2.1": "Målgruppen passer"]),
            ("/laering/m1/beslutning", ["text": "Følgeskab fra start", "owner": "Teamleder", "due": "2027-01-15"]),
            ("/gennemgang", ["title": "Gennemgang 2027", "day": "2026-11-01"]),
            ("/gennemgang/g1", ["e2.2": "Flere fra indlæggelse", "a2.2": "Ret målgruppen"]),
            ("/gennemgang/g1/forandringsteori", [:]),
            ("/kalibrering", ["title": "Sag B", "instrument": "who5"]),
            ("/kalibrering/k1", ["item1": "3", "item2": "2", "item3": "4", "item4": "1", "item5": "5"]),
        ]
    }

    func documents(_ app: Application) async throws -> Int {
        try await OfferDocumentModel.query(on: app.db).count()
    }

    @Test(arguments: TestDatabase.available)
    func theOffersStaffEditMunicipalLeadersAndAnalystsReadOthersAreRefused(_ backend: TestDatabase) async throws {
        try await withRoretApp(backend, importDemo: false) { app in
            let s = try await seed(app)
            let base = "/tilbud/\(s.bostedet.uuidString)"
            // The offer's own staff go last, so every refusal meets the seeded state.
            for account in testAccounts.sorted(by: { ($0.username == "udfoerer" ? 1 : 0) < ($1.username == "udfoerer" ? 1 : 0) }) {
                var browser = Browser(app)
                try await browser.signIn(account.username)
                let reads = ["udfoerer", "leder", "analytiker", "analytiker-land"].contains(account.username)
                for page in Self.pages {
                    let response = try await browser.get(base + page)
                    #expect(response.status == (reads ? .ok : .forbidden), "\(account.username) GET \(page)")
                }
                // A concrete citizen's journey, the person-level reports and calibration: the offer's staff only.
                for page in Self.staffPages {
                    let response = try await browser.get(base + page)
                    #expect(response.status == (account.username == "udfoerer" ? .ok : .forbidden), "\(account.username) GET \(page)")
                }
                let list = try await browser.get("/tilbud")
                if account.role == .citizen || account.role == .administrator {
                    #expect(list.status == .forbidden, "\(account.username) /tilbud")
                } else {
                    let shown = (list.body.string.contains(">Bostedet</a>"), list.body.string.contains(">Værestedet</a>"))
                    let expected: (Bool, Bool) = switch account.username {
                    case "udfoerer": (true, false)
                    case "udfoerer-2": (false, true)
                    case "leder", "analytiker", "analytiker-land": (true, true)
                    default: (false, false)
                    }
                    #expect(shown == expected, "\(account.username) sees the offers it may read")
                }
                _ = try await browser.get(account.role == .citizen ? "/min-side" : "/")
                for action in Self.actions {
                    let before = try await documents(app)
                    let response = try await browser.post(base + action.path, action.form)
                    if account.username == "udfoerer" {
                        #expect(response.status == .seeOther, "\(account.username) POST \(action.path): \(response.status)")
                        #expect(try await documents(app) > before, "\(action.path) stored a version")
                    } else {
                        #expect(response.status == .forbidden, "\(account.username) POST \(action.path) is refused")
                        #expect(try await documents(app) == before, "\(account.username) POST \(action.path) stored nothing")
                    }
                }
            }
            // The leader of Værestedet (a municipal leader named on the offer) edits it.
            var leader = Browser(app)
            try await leader.signIn("leder")
            _ = try await leader.get("/tilbud/\(s.vaerestedet.uuidString)")
            #expect(try await leader.post("/tilbud/\(s.vaerestedet.uuidString)/indsatser", ["name": "Værested"]).status == .seeOther)
            #expect(try await Store(database: app.db).offers.find(s.vaerestedet)?.interventions.map(\.name) == ["Værested"])
            // Refusals are audited; the concrete journey's reads are too.
            #expect(try await auditEvents(app, .accessDenied, username: "leder").contains { $0.detail.contains("borgerrejse for en konkret borger") })
            // Person-level reads by the offer's staff are audited: the concrete journey, the staff and team reports (page and Excel).
            let reads = try await auditEvents(app, .offerRead, username: "udfoerer").map(\.detail)
            #expect(reads.contains { $0.contains("borgerrejse") } && reads.contains { $0.hasPrefix("rapport »Til medarbejderen") } && reads.contains { $0.hasPrefix("rapport »Til teamet") })
            #expect(try await auditEvents(app, .offerRead, username: "leder").isEmpty, "the municipality's suppressed reports are not person-level reads")
        }
    }

    @Test(arguments: TestDatabase.available)
    func onlyTheAdministratorRegistersOffersAndTiesStaffToThem(_ backend: TestDatabase) async throws {
        try await withRoretApp(backend, importDemo: false) { app in
            let store = Store(database: app.db)
            for account in testAccounts where account.role != .administrator {
                var browser = Browser(app)
                try await browser.signIn(account.username)
                #expect(try await browser.get("/admin/tilbud").status == .forbidden)
                _ = try await browser.get(account.role == .citizen ? "/min-side" : "/")
                #expect(try await browser.post("/admin/tilbud", ["name": "Nyt", "municipality": "265"]).status == .forbidden)
            }
            #expect(try await store.offers.all().count == 2)
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/tilbud")
            // Every problem at once, what was typed kept.
            let refused = try await admin.post("/admin/tilbud", ["name": " ", "municipality": "26", "leader": "borger"])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("Kommune: skriv kommunekoden (tre cifre).") && refused.body.string.contains("Navn: skriv tilbuddets navn.")
                && refused.body.string.contains("Leder: borger skal være udfører eller leder i kommune 26."))
            let taken = try await admin.post("/admin/tilbud", ["name": "Bostedet", "municipality": "265"])
            #expect(taken.status == .badRequest && taken.body.string.contains("kommunen har allerede et tilbud med navnet »Bostedet«"))
            let created = try await admin.post("/admin/tilbud", ["name": "Skovvang", "municipality": "265", "paragraphs[]": "107", "leader": "leder"])
            #expect(created.status == .seeOther)
            let skovvang = try #require(try await store.offers.all(municipality: "265").first { $0.name == "Skovvang" })
            #expect(skovvang.paragraphs == [.p107] && skovvang.leader == "leder" && skovvang.steps == [3])
            // A provider account is tied to an offer of its municipality, never to another's.
            _ = try await admin.get("/admin/brugere")
            let wrong = try await admin.post("/admin/brugere", ["username": "ny-udfoerer", "role": "provider", "area": "253", "offer": skovvang.id])
            #expect(wrong.body.string.contains("kun en udfører i tilbuddets kommune (265) kan knyttes til »Skovvang«"))
            _ = try await admin.post("/admin/brugere", ["username": "ny-udfoerer", "role": "provider", "area": "265", "offer": skovvang.id])
            #expect(try await store.accounts.find(username: "ny-udfoerer")?.offerKey == skovvang.id)
            let renamed = try await admin.post("/admin/tilbud", ["id": skovvang.id, "name": "Skovvang botilbud", "paragraphs[]": "107", "leader": "leder"])
            let renamedStaff = try await store.accounts.find(username: "ny-udfoerer")
            #expect(renamed.status == .seeOther && renamedStaff?.provider == "Skovvang botilbud")
        }
    }

    @Test func refusedFormsShowEveryProblemAndKeepWhatWasTyped() async throws {
        try await withRoretApp(.sqlite, importDemo: false) { app in
            let s = try await seed(app)
            let base = "/tilbud/\(s.bostedet.uuidString)"
            var browser = Browser(app)
            try await browser.signIn("udfoerer")
            _ = try await browser.get(base + "/forandringsteori")
            // A backward arrow without the feedback mark, and no mechanism.
            let backward = try await browser.post(base + "/forandringsteori/pil", ["from": "B2", "to": "B1", "mechanism": ""])
            #expect(backward.status == .badRequest)
            #expect(backward.body.string.contains("Mekanisme: skriv hvorfor det ene fører til det andet."))
            #expect(backward.body.string.contains("Pil B2 → B1: går baglæns (fra »UMIDDELBARE RESULTATER« til »AKTIVITETER«)"))
            // Saving an unchanged map makes no version.
            let unchanged = try await browser.post(base + "/forandringsteori/gem", [:])
            #expect(unchanged.status == .badRequest && unchanged.body.string.contains("Intet er ændret; der er ikke gemt en ny version."))
            // An activity with an indicator is refused, with the typed text kept.
            let activity = try await browser.post(base + "/forandringsteori/boks", ["column": "0", "text": "Gruppeforløb om mestring", "indicator": "Antal borgere"])
            #expect(activity.status == .badRequest && activity.body.string.contains("en aktivitet har ingen indikator") && activity.body.string.contains("Gruppeforløb om mestring"))
            // Half a self-evaluation: every missing item named.
            _ = try await browser.get(base + "/selvevaluering/r1")
            let half = try await browser.post(base + "/selvevaluering/r1/svar", ["a-S1": "4", "a-S2": "vedikke"])
            #expect(half.status == .badRequest && half.body.string.contains("S3: vælg et svar (eller »Ved ikke«).") && half.body.string.contains("C4: vælg et svar"))
            #expect(!half.body.string.contains("S2: vælg et svar"), "Ved ikke is an answer")
            // An own instrument without items, a journey without a title, an event without text.
            _ = try await browser.get(base + "/planlaegning")
            let instrument = try await browser.post(base + "/planlaegning/redskab", ["kind": "simple", "name": "WHO-5 Trivselsindeks", "scaleMin": "5", "scaleMax": "1", "purpose": "measurement", "collectionForm": "dialogue"])
            #expect(instrument.status == .badRequest && instrument.body.string.contains("Spørgsmål: skriv mindst ét spørgsmål") && instrument.body.string.contains("Svarskala: den laveste værdi")
                && instrument.body.string.contains("kataloget har allerede et redskab med navnet »WHO-5 Trivselsindeks«"))
            let event = try await browser.post(base + "/planlaegning/aarshjul", ["month": "6", "kind": "meeting", "text": ""])
            #expect(event.status == .badRequest && event.body.string.contains("Tekst: skriv hvad der sker."))
            _ = try await browser.get(base + "/borgerrejser")
            let journey = try await browser.post(base + "/borgerrejser", ["title": "", "kind": "concrete", "pseudonym": "", "columns": ""])
            #expect(journey.status == .badRequest && journey.body.string.contains("Titel: skriv en titel på rejsen.") && journey.body.string.contains("Borger: vælg den borger"))
            let stranger = try await browser.post(base + "/borgerrejser", ["title": "X", "kind": "concrete", "pseudonym": "P-UKENDT", "columns": "Opstart"])
            #expect(stranger.body.string.contains("Borger: P-UKENDT har ikke en indsats i tilbuddet i dag."))
            // A saved change redirects with a message (a refresh resubmits nothing) and the message shows once.
            let saved = try await browser.post(base + "/selvevaluering", ["title": "Efterår", "opened": "2026-09-01"])
            #expect(saved.status == .seeOther)
            let next = try await browser.get(try #require(saved.headers.first(name: .location)))
            #expect(next.body.string.contains("Selvevalueringen »Efterår« er oprettet."))
        }
    }
}

/// The offer's analysis page (issue 13's first page): the offer's staff see the counts, readers see them under disclosure control.
@Suite struct OfferAnalysisWebTests {
    @Test func staffSeeCountsReadersSeeThemWithheldOthersAreRefused() async throws {
        try await withRoretApp(.sqlite, importDemo: false) { app in
            let s = try await OfferWebTests().seed(app)
            let store = Store(database: app.db)
            let anna = try #require(try await store.citizens.all(municipality: "265").first)
            let citizen = anna.id.uuidString
            // Anna at Bostedet: WHO-5 40 at start, 56 at follow-up; a development goal reached.
            for (k, point, day, score) in [(0, MeasurementPoints.Kind.start, "2026-01-05", 40.0), (1, .followUp, "2026-07-05", 56.0)] {
                try await store.offers.save(OfferAnswer(id: "a\(k)", citizen: citizen, instrument: "who5", day: Day(iso: day)!, items: [], score: score, point: point, method: .questionnaire,
                                                        respondent: .citizen, enteredBy: "udfoerer"), offer: s.bostedet, kind: .answer, key: "a\(k)", by: "udfoerer")
            }
            try await store.offers.save(OfferGoal(id: "g", citizen: citizen, text: "Handle ind", kind: .development, followUps: [.init(day: Day(iso: "2026-07-05")!, status: .developmentReached)]),
                                        offer: s.bostedet, kind: .goal, key: "g", by: "udfoerer")
            let path = "/tilbud/\(s.bostedet.uuidString)/analyse"
            var staff = Browser(app)
            try await staff.signIn("udfoerer")
            let own = try await staff.get(path).body.string
            #expect(own.contains("WHO-5 Trivselsindeks: ændring for de samme borgere") && own.contains("40,0 → 56,0"))
            var leader = Browser(app)
            try await leader.signIn("leder")
            let read = try await leader.get(path)
            #expect(read.status == .ok && !read.body.string.contains("40,0 → 56,0") && read.body.string.contains("«..» → «..»"), "one citizen: withheld for the municipality's leader")
            for name in ["udfoerer-2", "sagsbehandler", "borger", "admin", "leder-greve"] {
                var browser = Browser(app)
                try await browser.signIn(name)
                #expect(try await browser.get(path).status == .forbidden, "\(name)")
            }
        }
    }
}

/// Collection at the offer (issue 13, in progress): the offer's staff record answers, goals and follow-ups
/// for the citizens whose records they may read; nobody else reaches them.
@Suite struct CollectionWebTests {
    @Test func staffRecordAnswersGoalsAndFollowUpsOthersAreRefused() async throws {
        try await withRoretApp(.sqlite, importDemo: false) { app in
            let s = try await OfferWebTests().seed(app)
            let store = Store(database: app.db)
            let anna = try #require(try await store.citizens.all(municipality: "265").first)
            let base = "/tilbud/\(s.bostedet.uuidString)/indsamling"
            var staff = Browser(app)
            try await staff.signIn("udfoerer")
            let list = try await staff.get(base)
            #expect(list.status == .ok && list.body.string.contains(anna.pseudonym))
            _ = try await staff.get(base + "/\(anna.id.uuidString)")
            // Every problem at once: an item off the scale, a date in the future.
            let bad = try await staff.post(base + "/svar", ["citizen": anna.id.uuidString, "instrument": "who5", "day": "2099-01-01", "point": "start", "method": "questionnaire",
                                                            "respondent": "citizen", "item1": "9", "item2": "3", "item3": "3", "item4": "3", "item5": "3"])
            #expect(bad.status == .badRequest && bad.body.string.contains("Spørgsmål 1: svaret 9 er ikke på skalaen.") && bad.body.string.contains("Dato: kan ikke ligge efter i dag."))
            let ok = try await staff.post(base + "/svar", ["citizen": anna.id.uuidString, "instrument": "who5", "day": DanishDate.today.description, "point": "start",
                                                           "method": "questionnaire", "respondent": "citizen", "item1": "3", "item2": "3", "item3": "3", "item4": "3", "item5": "4"])
            #expect(ok.status == .seeOther)
            // 16 × 4 = 64.
            let answers = try await store.offers.current(OfferAnswer.self, offer: s.bostedet, kind: .answer).map(\.value)
            #expect(answers.count == 1 && answers[0].score == 64 && answers[0].respondent == .citizen && answers[0].method == .questionnaire)
            #expect(try await staff.post(base + "/maal", ["citizen": anna.id.uuidString, "text": "Bo i egen bolig", "kind": "stability"]).status == .seeOther)
            let goal = try #require(try await store.offers.current(OfferGoal.self, offer: s.bostedet, kind: .goal).first?.value)
            let wrong = try await staff.post(base + "/maal/opfoelgning", ["goal": goal.id, "day": DanishDate.today.description, "status": "1"])
            #expect(wrong.status == .badRequest && wrong.body.string.contains("passer ikke til et mål om fastholdelse/stabilisering"))
            #expect(try await staff.post(base + "/maal/opfoelgning", ["goal": goal.id, "day": DanishDate.today.description, "status": "3"]).status == .seeOther)
            #expect(try await store.offers.current(OfferGoal.self, offer: s.bostedet, kind: .goal).first?.value.followUps.map(\.status) == [.stabilityReached])
            let badSub = try await staff.post(base + "/tilknytning", ["citizen": anna.id.uuidString, "intervention": "", "subGroup": "Unge"])
            #expect(badSub.status == .badRequest && badSub.body.string.contains("Undergruppe: vælg en undergruppe af den valgte indsats."))
            #expect(try await auditEvents(app, .offerRead, username: "udfoerer").contains { $0.detail.hasPrefix("indsamling for borger") })
            // The status report to the authority: in the caseworker's record of Anna, not in the provider's view of it.
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            let record = try await caseworker.get("/borgere/\(anna.id.uuidString)").body.string
            #expect(record.contains("Statusrapporter fra tilbud") && record.contains("Bo i egen bolig") && record.contains("Mål om fastholdelse/stabilisering – nået") && record.contains("<td>64</td>"))
            #expect(try await !staff.get("/borgere/\(anna.id.uuidString)").body.string.contains("Statusrapporter fra tilbud"))
            #expect(record.contains("Siden forløbets start 01.01.2024"))
            let print = try await caseworker.get("/borgere/\(anna.id.uuidString)/statusrapport?udskriv=1")
            #expect(print.status == .ok && print.body.string.contains("Bo i egen bolig") && print.body.string.contains("<body class=\"print\">"))
            #expect(try await caseworker.get("/borgere/\(anna.id.uuidString)/statusrapport/xlsx").body.readableBytesView.prefix(2).elementsEqual("PK".utf8))
            for name in ["udfoerer", "sagsbehandler-2", "leder", "borger"] {
                var other = Browser(app)
                try await other.signIn(name)
                #expect(try await other.get("/borgere/\(anna.id.uuidString)/statusrapport").status == .forbidden, "\(name): the status report is the caseworker's")
            }
            // Sent today: the next report covers what comes after, so today's answer and follow-up are no longer in it.
            _ = try await staff.get(base + "/\(anna.id.uuidString)")
            #expect(try await staff.post(base + "/statusrapport", ["citizen": anna.id.uuidString]).status == .seeOther)
            let next = try await caseworker.get("/borgere/\(anna.id.uuidString)").body.string
            #expect(next.contains("Siden sidste statusrapport \(DanishDate.today.danish)") && next.contains("Ikke fulgt op i perioden") && !next.contains("<td>64</td>"))
            // Readers of the offer, staff of another offer and everyone else are refused; nothing is stored.
            let before = try await OfferDocumentModel.query(on: app.db).count()
            for name in ["leder", "analytiker", "udfoerer-2", "sagsbehandler", "borger", "admin"] {
                var browser = Browser(app)
                try await browser.signIn(name)
                #expect(try await browser.get(base).status == .forbidden, "\(name) GET")
                #expect(try await browser.get(base + "/\(anna.id.uuidString)").status == .forbidden, "\(name) GET citizen")
                _ = try await browser.get(name == "borger" ? "/min-side" : "/")
                for (path, form) in [("/svar", ["citizen": anna.id.uuidString, "instrument": "who5", "day": DanishDate.today.description, "point": "start", "method": "questionnaire", "respondent": "citizen"]),
                                     ("/maal", ["citizen": anna.id.uuidString, "text": "Et mål", "kind": "development"]),
                                     ("/maal/opfoelgning", ["goal": goal.id, "day": DanishDate.today.description, "status": "3"]),
                                     ("/tilknytning", ["citizen": anna.id.uuidString, "intervention": ""]),
                                     ("/statusrapport", ["citizen": anna.id.uuidString]),
                                     ("/link", ["citizen": anna.id.uuidString, "instrument": "who5", "point": "followUp"])] {
                    #expect(try await browser.post(base + path, form).status == .forbidden, "\(name) POST \(path)")
                }
            }
            #expect(try await OfferDocumentModel.query(on: app.db).count() == before)
        }
    }
}
