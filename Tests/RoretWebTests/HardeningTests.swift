import Foundation
import FluentKit
import FluentSQL
import RoretCore
import RoretImport
@testable import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// Findings of the security and fault test (issue 15): one bad date must
/// never take Roret down, and every entry form refuses what the extract
/// format would refuse, in Danish, storing nothing.
@Suite struct HardeningTests {
    /// Dates no form may store: out of the extract's years, not a day, not a date.
    static let badDates = ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31", "2024-02-30", "2024-13-01", "2023-02-29", "abc", "2024-1-5", "-1"]

    @Test(arguments: TestDatabase.available)
    func theCaseworkersDateOfYearOneIsRefusedAndTheDashboardsStayUp(_ backend: TestDatabase) async throws {
        try await withRoretApp(backend) { app in
            let store = Store(database: app.db)
            let anna = try await CitizenWebTests().anna(app)
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            let path = "/borgere/\(anna.id.uuidString)"
            _ = try await caseworker.get(path)
            let response = try await caseworker.post(path + "/maaling", ["instrument": "WHO-5", "channel": "paper", "date": "0001-01-01",
                                                                         "item1": "3", "item2": "3", "item3": "3", "item4": "3", "item5": "3"])
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("Datoen for besvarelsen: Datoen for besvarelsen &quot;0001-01-01&quot; ligger uden for årene 1900–2100."))
            #expect(response.body.string.contains("<option value=\"3\" selected>"), "the answers chosen are kept")
            #expect(response.body.string.contains("value=\"0001-01-01\" max="), "and the date typed")
            #expect(try await store.measurements.measurements(of: anna.id).isEmpty)
            var leader = Browser(app)
            try await leader.signIn("leder")
            for page in ["/oversigt", "/noegletal/NT16", "/hent/NT16.csv"] { #expect(try await leader.get(page).status == .ok, "\(page)") }
        }
    }

    /// Every entry form that takes a date, with every bad date: never a 500,
    /// never stored, always a Danish reason.
    @Test func everyEntryFormRefusesEveryBadDate() async throws {
        try await withRoretApp(importDemo: false) { app in
            let store = Store(database: app.db)
            let anna = try await CitizenWebTests().anna(app)
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            let path = "/borgere/\(anna.id.uuidString)"
            _ = try await caseworker.get(path)
            for date in Self.badDates {
                let answer = try await caseworker.post(path + "/maaling", ["instrument": "WHO-5", "channel": "interview", "date": date,
                                                                           "item1": "1", "item2": "1", "item3": "1", "item4": "1", "item5": "1"])
                #expect(answer.status == .badRequest && answer.body.string.contains("Datoen for besvarelsen: "), "answer \(date)")
                let start = try await caseworker.post(path + "/indsats", ["paragraph": "85", "provider": "Havgården", "start": date])
                #expect(start.status == .badRequest && start.body.string.contains("<li>Fra: "), "intervention start \(date)")
                let end = try await caseworker.post(path + "/indsats", ["paragraph": "85", "provider": "Havgården", "start": "2024-01-01", "end": date])
                #expect(end.status == .badRequest && end.body.string.contains("<li>Til: "), "intervention end \(date)")
                let created = try await caseworker.post("/borgere", ["pseudonym": "B-\(abs(date.hashValue) % 100_000)", "startedOn": date])
                #expect(created.status == .badRequest && created.body.string.contains("<li>Opfølgning med målinger fra: "), "citizen \(date)")
                let contact = try await caseworker.post("/borgere", ["pseudonym": "C-\(abs(date.hashValue) % 100_000)", "firstContactOn": date])
                #expect(contact.status == .badRequest && contact.body.string.contains("<li>Henvendelse: "), "first contact \(date)")
                let meeting = try await caseworker.post(path + "/moeder", ["kind": "followUp", "place": "home", "date": date])
                #expect(meeting.status == .badRequest && meeting.body.string.contains("<li>Mødedato: "), "meeting \(date)")
            }
            #expect(try await store.measurements.measurements(of: anna.id).isEmpty)
            #expect(try await store.citizens.interventions(of: anna.id).count == 1, "only the fixture's intervention")
            #expect(try await store.citizens.assigned(to: "sagsbehandler").count == 1, "only Anna")
            #expect(try await store.cases.history(of: anna.id).events.isEmpty, "no meeting")
        }
    }

    /// An answer from before the rule (stored straight into the database) is
    /// left out of the figures: they are computed, Roret starts, pages work.
    @Test func aBadAnswerAlreadyStoredCannotBrickTheFigures() async throws {
        try await withRoretApp { app in
            let anna = try await CitizenWebTests().anna(app)
            let bad = MeasurementModel()
            bad.id = UUID()
            bad.citizenID = anna.id
            bad.instrument = Instrument.who5.code
            bad.answeredOn = "0001-01-01"
            (bad.item1, bad.item2, bad.item3, bad.item4, bad.item5) = (3, 3, 3, 3, 3)
            bad.channel = MeasurementChannel.paper.rawValue
            bad.enteredBy = "sagsbehandler"
            bad.enteredAt = Date()
            try await bad.create(on: app.db)
            #expect(try await Store(database: app.db).measurements.exportRows().isEmpty, "left out of measurements.csv")
            try await AnswersRebuild.run(store: Store(database: app.db), figures: app.roret.figures, today: Day(iso: "2025-01-15")!)
            app.roret.answersPublication.invalidate()
            var leader = Browser(app)
            try await leader.signIn("leder")
            #expect(try await leader.get("/oversigt").status == .ok)
            #expect(try await leader.get("/noegletal/NT16").status == .ok)
        }
    }

    /// When the figures cannot be computed (a stored extract no longer reads),
    /// the pages that need them say so in Danish, the administrator sees it in
    /// the log, and every other page works.
    @Test func aFailureToBuildFiguresNeverTakesDownOtherPages() async throws {
        try await withRoretApp { app in
            let store = Store(database: app.db)
            var leader = Browser(app)
            try await leader.signIn("leder")
            #expect(try await leader.get("/noegletal/NT03").status == .ok, "the figures are computed and kept")
            for file in try await ExtractFileModel.query(on: app.db).all() where file.name == "population.csv" {
                file.content = Data("municipality_code,year,adults\n".utf8)
                try await file.save(on: app.db)
            }
            let anna = try await CitizenWebTests().anna(app)
            // The nightly rebuild fails on the broken file: nothing is published, the previous figures keep serving, the log says so.
            let published = try await store.publications.latest()
            await #expect(throws: (any Error).self) { try await AnswersRebuild.run(store: store, figures: app.roret.figures, today: DanishDate.today) }
            #expect(try await store.publications.latest() == published, "a failed rebuild publishes nothing")
            app.roret.answersPublication.invalidate()
            #expect(try await leader.get("/noegletal/NT03?aar=2023").status == .ok, "the previous figures keep serving")
            // Another instance published a rebuild: this one must compute those figures, from the broken file.
            try await store.publications.record(AnswersPublication.now(Date(), today: DanishDate.today))
            app.roret.answersPublication.invalidate()
            for path in ["/oversigt", "/noegletal/NT03"] {
                let page = try await leader.get(path)
                #expect(page.status == .serviceUnavailable, "\(path)")
                #expect(page.body.string.contains("Nøgletallene kan ikke beregnes lige nu."), "\(path)")
            }
            #expect(try await leader.get("/hent/NT03.csv").status == .serviceUnavailable)
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            #expect(try await caseworker.get("/borgere").status == .ok, "pages without figures work")
            #expect(try await caseworker.get("/borgere/\(anna.id.uuidString)").status == .ok)
            let alerts = try await auditEvents(app, .figuresFailed)
            #expect(alerts.count == 1, "the administrator sees it in the log, once")
        }
    }
}

/// The citizen's link under attack and by accident: garbage answers, an
/// answer and a "nej tak" at once.
@Suite struct LinkHardeningTests {
    @Test func anAnswerOutsideTheScaleIsRefusedInDanishAndTheLinkStaysUsable() async throws {
        try await withRoretApp(importDemo: false) { app in
            let tests = CitizenWebTests()
            let anna = try await tests.anna(app)
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            let token = try await tests.issueLink(&caseworker, anna)
            let bad = try await tests.post(app, "/svar/\(token)", "item1=9&item2=1&item3=1&item4=1&item5=1")
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("Et af svarene kunne ikke læses."))
            #expect(try await Store(database: app.db).measurements.measurements(of: anna.id).isEmpty)
            let good = try await tests.post(app, "/svar/\(token)", "item1=4&item2=4&item3=4&item4=4&item5=4")
            #expect(good.status == .ok && good.body.string.contains("Dine svar er gemt."))
        }
    }

    /// Of an answer and a "nej tak" sent at the same moment, exactly one takes effect.
    @Test(arguments: TestDatabase.available)
    func anAnswerAndANejTakAtOnceNeverBothTakeEffect(_ backend: TestDatabase) async throws {
        try await withRoretApp(backend, importDemo: false) { app in
            let store = Store(database: app.db)
            let anna = try await CitizenWebTests().anna(app)
            let today = Day(iso: "2024-03-01")!
            for round in 0..<8 {
                let hash = "race-\(round)"
                _ = try await store.measurements.issueLink(citizenID: anna.id, instrument: .who5, tokenHash: hash, issuedOn: today)
                async let answered: Bool = {
                    do {
                        try await store.measurements.record(citizenID: anna.id, instrument: .who5, answeredOn: today, items: [3, 3, 3, 3, 3],
                                                            channel: .link, enteredBy: "borger (link)", linkHash: hash, today: today)
                        return true
                    } catch { return false }
                }()
                async let declined: Bool = {
                    do {
                        try await store.measurements.declineLink(tokenHash: hash, on: today)
                        return true
                    } catch { return false }
                }()
                let (a, d) = await (answered, declined)
                #expect(a != d, "round \(round): exactly one of them took effect (answered \(a), declined \(d))")
                let (_, link) = try #require(try await store.measurements.link(tokenHash: hash))
                #expect(link.state == (a ? .answered : .declined), "round \(round)")
            }
            #expect(try await store.measurements.measurements(of: anna.id).count <= 8)
        }
    }
}

/// Sessions, accounts, links and the API's contract after the security test.
@Suite struct AccountHardeningTests {
    @Test(arguments: TestDatabase.available)
    func aResetOrADeactivationEndsEverySessionAndRevokesEveryToken(_ backend: TestDatabase) async throws {
        try await withRoretApp(backend, importDemo: false) { app in
            let api = APITests()
            var analyst = Browser(app)
            try await analyst.signIn("analytiker")
            let token = try await api.token(app, "analytiker")
            #expect(try await analyst.get("/api-noegler").status == .ok)
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/brugere")
            _ = try await admin.post("/admin/brugere/analytiker/nulstil", [:])
            #expect(try await analyst.get("/api-noegler").status == .seeOther, "the session from before the reset is gone")
            #expect(try await api.get(app, "/api/v1/extract", token: token).status == .unauthorized, "the token from before the reset is revoked")

            var leader = Browser(app)
            try await leader.signIn("leder")
            #expect(try await leader.get("/oversigt").status == .ok)
            _ = try await admin.post("/admin/brugere/leder/deaktiver", ["bekraeft": "ja"])
            _ = try await admin.post("/admin/brugere/leder/aktiver", [:])
            #expect(try await leader.get("/oversigt").status == .seeOther, "a reactivated account does not get its old session back")
        }
    }

    @Test func unknownNamesCostTheSameBcryptWorkAsKnownOnes() {
        #expect(AccountService.dummyHash(cost: 12).hasPrefix("$2b$12$"))
        #expect(AccountService.dummyHash(cost: 4).hasPrefix("$2b$04$"))
    }

    @Test func overLongFieldsAreCutBeforeTheyReachTheAuditLog() async throws {
        try await withRoretApp(importDemo: false) { app in
            let huge = String(repeating: "x", count: 15_000)
            var browser = Browser(app)
            _ = try await browser.get("/log-ind")
            _ = try await browser.post("/log-ind", ["username": huge, "password": "forkert"])
            let events = try await auditEvents(app, .signInFailed)
            #expect(events.count == 1)
            #expect((events.first?.username?.count ?? 0) <= AuditLog.maxUsernameLength)
        }
    }

    @Test func anAbsurdlyLongLinkIsJustUnknown() async throws {
        try await withRoretApp(importDemo: false) { app in
            let response = try await CitizenWebTests().get(app, "/svar/" + String(repeating: "a", count: 4_000))
            #expect(response.status == .notFound)
            #expect(response.body.string.contains("Linket findes ikke"))
        }
    }

    @Test func fieldsStartingWithALineBreakAreNeutralisedToo() {
        #expect(AuditCSV.quote("\r=HYPERLINK(\"x\")").hasPrefix("\"'\r="))
        #expect(AuditCSV.quote("\n@SUM(A1)").hasPrefix("\"'\n@"))
        #expect(AuditCSV.quote("\t-1").hasPrefix("'\t-1") || AuditCSV.quote("\t-1").hasPrefix("\"'\t-1"))
    }

    /// A personal link comes from `RORET_PUBLIC_URL`, never from the Host header.
    @Test func linksUseThePublicAddressNeverTheHostHeader() async throws {
        try await withRoretApp(importDemo: false, configure: { $0.publicURL = "https://roret.kommune.dk" }) { app in
            let anna = try await CitizenWebTests().anna(app)
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            _ = try await caseworker.get("/borgere/\(anna.id.uuidString)")
            _ = try await caseworker.send(.POST, "/borgere/\(anna.id.uuidString)/link", headers: ["Host": "attacker.example", "Content-Type": "application/x-www-form-urlencoded"],
                                          body: ByteBuffer(string: "instrument=WHO-5&csrf=\(caseworker.csrf!)"))
            let page = try await caseworker.get("/borgere/\(anna.id.uuidString)")
            #expect(page.body.string.contains("id=\"new-link\">https://roret.kommune.dk/svar/"))
            #expect(!page.body.string.contains("attacker.example"))
        }
        try await withRoretApp(importDemo: false, configure: { $0.hostname = "0.0.0.0" }) { app in
            let anna = try await CitizenWebTests().anna(app)
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            _ = try await caseworker.get("/borgere/\(anna.id.uuidString)")
            let page = try await caseworker.post("/borgere/\(anna.id.uuidString)/link", ["instrument": "WHO-5"])
            #expect(page.body.string.contains("Der kan ikke laves links, før Roret kender sin offentlige adresse"))
            #expect(!page.body.string.contains("new-link"))
        }
    }

    @Test func behindHTTPSBrowsersAreToldToStayOnHTTPS() async throws {
        try await withRoretApp(importDemo: false, configure: { $0.secureCookies = true }) { app in
            let response = try await CitizenWebTests().get(app, "/log-ind")
            #expect(response.headers.first(name: "Strict-Transport-Security") == "max-age=31536000")
        }
    }

    @Test func theAPIKeepsItsContract() async throws {
        try await withRoretApp { app in
            let api = APITests()
            let token = try await api.token(app, "analytiker")
            let notANumber = try await api.get(app, "/api/v1/keyfigures?year=tyve", token: token)
            #expect(notANumber.status == .badRequest, "a year that is not a whole number is refused, not ignored")
            let trace = try await app.testing().performTest(request: TestingHTTPRequest(method: .TRACE, url: URI(string: "/api/v1/keyfigures"), headers: [:], body: ByteBuffer()))
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers.first(name: "Allow") == "GET, HEAD")
        }
    }
}

/// Provider access that can be withdrawn, and reads of lists and the log audited.
@Suite struct AccessWithdrawalTests {
    @Test(arguments: TestDatabase.available)
    func endingAnInterventionEndsTheProvidersAccess(_ backend: TestDatabase) async throws {
        try await withRoretApp(backend, importDemo: false) { app in
            let store = Store(database: app.db)
            let anna = try await CitizenWebTests().anna(app)
            let record = "/borgere/\(anna.id.uuidString)"
            var provider = Browser(app)
            try await provider.signIn("udfoerer")
            #expect(try await provider.get(record).status == .ok)
            let spell = try #require(try await store.citizens.interventions(of: anna.id).first)
            // Provider staff may not end it: an authority act.
            let refused = try await provider.post(record + "/indsats/\(spell.id.uuidString)/afslut", ["end": "2024-06-30"])
            #expect(refused.status == .forbidden)
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            _ = try await caseworker.get(record)
            let bad = try await caseworker.post(record + "/indsats/\(spell.id.uuidString)/afslut", ["end": "2023-12-31"])
            #expect(bad.body.string.contains("Indsatsen blev ikke afsluttet: den sidste dag (2023-12-31) er før indsatsen begyndte (2024-01-01)."))
            let yesterday = Day(rawValue: DanishDate.today.rawValue - 1)
            let ended = try await caseworker.post(record + "/indsats/\(spell.id.uuidString)/afslut", ["end": yesterday.description])
            #expect(ended.status == .seeOther)
            #expect(try await caseworker.get(record).body.string.contains("Udføreren har derefter ikke længere adgang til sagen."))
            #expect(try await store.citizens.interventions(of: anna.id).first?.end == yesterday)
            #expect(try await provider.get(record).status == .forbidden, "access ended with the intervention")
            #expect(!(try await provider.get("/borgere").body.string.contains("B-001")), "and the citizen is off the provider's list")
            let again = try await caseworker.post(record + "/indsats/\(spell.id.uuidString)/afslut", [:])
            #expect(again.body.string.contains("allerede afsluttet"))
        }
    }

    @Test func viewsOfTheCitizenListAndOfTheLogAreAudited() async throws {
        try await withRoretApp(importDemo: false) { app in
            _ = try await CitizenWebTests().anna(app)
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            _ = try await caseworker.get("/borgere")
            #expect(try await auditEvents(app, .citizenListRead, username: "sagsbehandler").first?.detail == "borgerliste: 1 af 1 borgere")
            _ = try await caseworker.get("/opfoelgning")
            #expect(try await auditEvents(app, .citizenListRead, username: "sagsbehandler").first?.detail == "opfølgning: 1 borgere")
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/log?bruger=sagsbehandler")
            #expect(try await auditEvents(app, .auditRead, username: "admin").first?.detail.hasPrefix("loggen: ") == true)
        }
    }
}

/// Many citizens answering at once, over real HTTP on loopback: none fails,
/// nothing is lost, every answer has its audit entry (written in its transaction).
@Suite(.serialized) struct ConcurrentAnswerTests {
    @Test(arguments: TestDatabase.available)
    func sixtyFourSimultaneousLinkAnswersAllArriveWithTheirAuditEntries(_ backend: TestDatabase) async throws {
        try await withRoretApp(backend, importDemo: false) { app in
            let store = Store(database: app.db)
            let anna = try await CitizenWebTests().anna(app)
            var tokens: [String] = []
            for i in 0..<64 {
                let token = "load-\(i)-" + String(repeating: "x", count: 20)
                _ = try await store.measurements.issueLink(citizenID: anna.id, instrument: .who5, tokenHash: Secrets.sha256(token), issuedOn: DanishDate.today)
                tokens.append(token)
            }
            // 64 citizens on 64 connections at once (the client's default is 8, with a 10 s wait for one).
            app.http.client.configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
            app.http.client.configuration.timeout = .init(connect: .seconds(120), read: .seconds(120))
            // A port the system picks: a random one was once taken by a concurrent test ("Address already in use").
            let port = try await app.serveOnFreePort()
            let client = app.client
            // A request that fails on the way counts as a failure (status 0), never aborts the test:
            // the server must be shut down before the app is.
            let statuses = await withTaskGroup(of: (HTTPStatus, Bool).self) { group in
                for token in tokens {
                    group.addTask {
                        do {
                            let response = try await client.post(URI(string: "http://127.0.0.1:\(port)/svar/\(token)")) { request in
                                request.timeout = .seconds(120)
                                request.headers.contentType = .urlEncodedForm
                                request.body = ByteBuffer(string: "item1=3&item2=3&item3=3&item4=3&item5=3")
                            }
                            return (response.status, response.body.map { String(buffer: $0).contains("Dine svar er gemt.") } ?? false)
                        } catch {
                            return (HTTPStatus(statusCode: 0, reasonPhrase: "\(error)"), false)
                        }
                    }
                }
                var all: [(HTTPStatus, Bool)] = []
                for await s in group { all.append(s) }
                return all
            }
            await app.server.shutdown()
            #expect(statuses.count == 64)
            #expect(statuses.allSatisfy { $0.0 == .ok && $0.1 }, "errors: \(statuses.filter { $0.0 != .ok }.map { "\($0.0.code) \($0.0.reasonPhrase)" })")
            #expect(try await store.measurements.measurements(of: anna.id).count == 64, "nothing lost")
            #expect(try await auditEvents(app, .measurementAnswered).count == 64, "each with its audit entry")
        }
    }
}

@Suite struct StorageModeTests {
    /// The SQLite file runs with write-ahead logging (readers and a writer do not wait for each other).
    @Test func sqliteRunsWithAWriteAheadLog() async throws {
        try await withRoretApp(importDemo: false) { app in
            guard let sql = app.db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
            struct Mode: Decodable { var journal_mode: String }
            let mode = try await sql.raw("PRAGMA journal_mode").first(decoding: Mode.self)
            #expect(mode?.journal_mode == "wal")
        }
    }

    @Test func aGoalsFollowUpDateFollowsTheSameRule() async throws {
        try await withRoretApp(importDemo: false) { app in
            let anna = try await CitizenWebTests().anna(app)
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            let path = "/borgere/\(anna.id.uuidString)"
            _ = try await caseworker.get(path)
            let response = try await caseworker.post(path + "/maal", ["text": "Gå en tur", "horizon": "shortTerm", "followUpOn": "2024-02-30"])
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("Opfølgningsdato: "))
            #expect(response.body.string.contains("value=\"Gå en tur\""), "what was typed is kept")
            #expect(try await Store(database: app.db).plans.goals(of: anna.id).currentGoals.isEmpty)
        }
    }
}
