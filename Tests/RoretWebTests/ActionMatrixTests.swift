import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// Every role against every form that changes something (every POST), not
/// only pages: who may act, who is refused — and a refusal stores nothing.
@Suite struct ActionMatrixTests {
    /// Who may take an act in Anna's record (Anna: `sagsbehandler`'s citizen in 265, active intervention at Bostedet).
    enum Allowed {
        /// The assigned caseworker only: authority acts (*myndighedshandlinger*).
        case caseworker
        /// The caseworker and provider staff at an active provider: work in the record.
        case staff
    }

    /// The record's POSTs, the form each sends, and who may.
    static func recordActions(goal: Int, intervention: UUID, resource: String = "", alert: String = "") -> [(path: String, form: [String: String], allowed: Allowed)] {
        let today = DanishDate.today
        return [
            ("tekst", ["kind": "resource", "text": "Kan lide at lave mad"], .staff),
            ("maal", ["text": "Lave mad to gange om ugen", "horizon": "shortTerm"], .staff),
            ("maal/\(goal)", ["text": "Lave mad tre gange om ugen", "horizon": "shortTerm", "status": "active"], .staff),
            ("maaling", ["instrument": "WHO-5", "channel": "paper", "date": "2024-03-01", "item1": "3", "item2": "3", "item3": "3", "item4": "3", "item5": "3"], .staff),
            ("kontakt", ["phone": "12 34 56 78", "consent": "ja"], .staff),
            ("link", ["instrument": "WHO-5"], .staff),
            ("kontakt/tilbagekald", [:], .staff),
            ("ekstra-maaling", ["reason": "flytning"], .staff),
            ("indsats", ["paragraph": "85", "provider": "Havgården", "start": "2024-02-01"], .caseworker),
            ("fase", ["phase": "followUp"], .caseworker),
            ("egen-bruger", ["username": "borger-2"], .caseworker),
            // The case in depth.
            ("aabning", ["firstContactOn": "2024-01-01", "openedOn": "2024-01-02", "answerPromisedOn": "2024-01-15", "request": "Støtte"], .caseworker),
            ("maal/\(goal)/opfoelgning", ["tookPart": "ja", "view": "onTheWay", "nextFollowUpOn": today.adding(months: 3).description, "note": "Ingen ændring"], .staff),
            ("ressourcer/svar", ["entry": resource, "confirmed": "ja"], .staff),
            ("netvaerk", ["name": "Søster", "kind": "personal", "state": "active", "wish": "yes"], .staff),
            ("netvaerk/1", ["name": "Søster, Lise", "kind": "personal", "state": "active", "wish": "yes", "coordinator": "ja"], .staff),
            ("moeder", ["kind": "followUp", "date": today.adding(days: 7).description, "place": "home"], .staff),
            ("moeder/1/punkt", ["text": "Økonomi", "byCitizen": "ja"], .staff),
            ("moeder/1", ["state": "held", "date": today.description, "tookPart": "ja", "ratingOfHelp": "8"], .staff),
            ("logbog", ["who": "Anna", "what": "Ringe til jobcentret"], .staff),
            ("logbog/1", ["who": "Anna", "what": "Ringe til jobcentret", "done": "ja"], .staff),
            ("opmaerksomhed", ["measurement": alert, "note": "Talt med Anna"], .caseworker),
            ("afslutning", ["endedOn": today.adding(days: 30).description, "reason": "goalsReached", "safetyNet": "ja"], .caseworker),
            // Last: the caseworker ends Bostedet's intervention today (its last day), so the provider still may work today.
            ("indsats/\(intervention.uuidString)/afslut", [:], .caseworker),
        ]
    }

    @Test(arguments: TestDatabase.available)
    func everyRoleMayTakeExactlyTheActsInARecordItMay(_ backend: TestDatabase) async throws {
        try await withRoretApp(backend, importDemo: false) { app in
            let store = Store(database: app.db)
            let anna = try await CitizenWebTests().anna(app)
            try await store.plans.addGoal(to: anna.id, GoalLedger.Draft(text: "Lave mad", horizon: .shortTerm), on: Day.yearStart(2024), by: "sagsbehandler")
            let goal = try #require(try await store.plans.goals(of: anna.id).currentGoals.first?.goalID)
            let bostedet = try #require(try await store.citizens.interventions(of: anna.id).first)
            let resource = try await store.plans.addEntry(to: anna.id, kind: .resource, text: "God til musik", inCitizensWords: false, on: Day.yearStart(2024), by: "sagsbehandler")
            let low = try await store.measurements.record(citizenID: anna.id, instrument: .who5, answeredOn: Day.yearStart(2024), items: [1, 1, 1, 1, 1], channel: .paper, enteredBy: "sagsbehandler", today: Day.yearStart(2024))
            for account in testAccounts {
                var browser = Browser(app)
                try await browser.signIn(account.username)
                _ = try await browser.get(account.role == .citizen ? "/min-side" : account.role == .caseworker || account.role == .provider ? "/borgere" : "/oversigt")
                for action in Self.recordActions(goal: goal, intervention: bostedet.id, resource: resource.id.uuidString, alert: low.id.uuidString) {
                    let before = try await store.citizens.interventions(of: anna.id).count
                    let phase = try await store.citizens.find(id: anna.id)?.phase
                    let facts = try await store.cases.history(of: anna.id).events.count
                    let goals = try await store.plans.goals(of: anna.id).versions.count
                    let response = try await browser.post("/borgere/\(anna.id.uuidString)/\(action.path)", action.form)
                    let may = switch action.allowed {
                    case .caseworker: account.username == "sagsbehandler"
                    case .staff: account.username == "sagsbehandler" || account.username == "udfoerer"
                    }
                    if may {
                        #expect(response.status != .forbidden, "\(account.username) \(action.path)")
                    } else {
                        #expect(response.status == .forbidden, "\(account.username) \(action.path) is refused")
                        #expect(try await store.citizens.interventions(of: anna.id).count == before, "\(account.username) \(action.path) stored nothing")
                        #expect(try await store.citizens.find(id: anna.id)?.phase == phase, "\(account.username) \(action.path) changed no phase")
                        #expect(try await store.cases.history(of: anna.id).events.count == facts, "\(account.username) \(action.path) recorded no fact")
                        #expect(try await store.plans.goals(of: anna.id).versions.count == goals, "\(account.username) \(action.path) changed no goal")
                    }
                }
            }
            #expect(try await store.citizens.interventions(of: anna.id).map(\.provider).sorted() == ["Bostedet", "Havgården"], "only the caseworker's intervention was added")
            #expect(try await store.citizens.find(accountUsername: "borger-2")?.id == anna.id, "only the caseworker linked the account")
            #expect(try await store.citizens.interventions(of: anna.id).first { $0.id == bostedet.id }?.end == DanishDate.today, "only the caseworker ended it")
            let refusals = try await auditEvents(app, .accessDenied, username: "udfoerer")
            #expect(refusals.count == 7, "the provider's seven authority acts were refused and audited")
            // What the caseworker and the provider did is in the case, once each where it can only happen once.
            let state = try await store.cases.history(of: anna.id).current
            #expect(state.opening?.value.request == "Støtte")
            #expect(state.reviews.map(\.by).sorted() == ["sagsbehandler", "udfoerer"])
            #expect(state.coordinator?.name == "Søster, Lise")
            #expect(state.meetings.first?.state == .held)
            #expect(state.logbook.first?.done == true)
            #expect(state.handledAlerts[low.id.uuidString]?.by == "sagsbehandler")
            #expect(state.ending?.value.reason == .goalsReached)
        }
    }

    /// Creating a citizen is the caseworker's; administration is the
    /// administrator's; API keys are the analyst's. Refusals store nothing.
    @Test func everyOtherFormIsRefusedToTheRolesThatMayNotUseIt() async throws {
        try await withRoretApp(importDemo: false) { app in
            let store = Store(database: app.db)
            let analyst = try #require(try await store.accounts.find(username: "analytiker"))
            let token = try await store.tokens.create(accountID: analyst.id, name: "script", tokenHash: "matrix-test")
            let forms: [(path: String, form: [String: String], role: Role)] = [
                ("/admin/brugere/leder/ophaev", [:], .administrator),
                ("/admin/udtraek", [:], .administrator),
                ("/api-noegler/\(token.id.uuidString)/tilbagekald", ["bekraeft": "ja"], .analyst),
                ("/borgere", ["pseudonym": "B-777", "name": "Ny"], .caseworker),
                ("/admin/brugere", ["username": "ny-bruger", "role": "leader", "area": "265"], .administrator),
                ("/admin/brugere/leder/nulstil", [:], .administrator),
                ("/admin/brugere/leder/deaktiver", ["bekraeft": "ja"], .administrator),
                ("/admin/brugere/leder/aktiver", [:], .administrator),
                ("/admin/kadence", ["municipality": "265", "months": "3"], .administrator),
                ("/admin/opfoelgning", ["municipality": "265", "cadence": "6", "goalFollowUpMonths": "2", "meetingIntervalMonths": "4", "reminderLeadDays": "5", "helpText": ""], .administrator),
                ("/api-noegler", ["name": "script"], .analyst),
                // IT readiness: the municipality's login's role mapping, a user's second factor reset.
                ("/admin/sso", ["value": "Roret-Ledere", "role": "leader", "area": "265"], .administrator),
                ("/admin/sso/slet", ["value": "Roret-Ledere"], .administrator),
                ("/admin/brugere/leder/totrin", ["bekraeft": "ja"], .administrator),
                ("/admin/brugere/email", ["username": "leder", "email": "leder@kommune.dk"], .administrator),
                ("/admin/beskeder/measurementLink", ["municipality": "265", "subject": "Fra Roskilde", "body": "Svar her: {link}"], .administrator),
                ("/admin/beskeder/measurementLink/standard", ["municipality": "265"], .administrator),
                ("/admin/udbakke/\(UUID().uuidString)/send-igen", [:], .administrator),
            ]
            for account in testAccounts where account.username != "leder" {
                var browser = Browser(app)
                try await browser.signIn(account.username)
                _ = try await browser.get(account.role == .citizen ? "/min-side" : account.role == .caseworker || account.role == .provider ? "/borgere" : "/oversigt")
                for form in forms {
                    let response = try await browser.post(form.path, form.form)
                    if account.role == form.role {
                        #expect(response.status != .forbidden, "\(account.username) \(form.path)")
                    } else {
                        #expect(response.status == .forbidden, "\(account.username) \(form.path) is refused")
                    }
                }
                if account.role == .administrator {
                    _ = try await browser.post("/admin/brugere/leder/aktiver", [:])
                }
            }
            let citizens = try await store.citizens.assigned(to: "sagsbehandler") + store.citizens.assigned(to: "sagsbehandler-2")
            #expect(citizens.map(\.pseudonym) == ["B-777"], "the first caseworker created it (the second was told the pseudonym is taken); nobody else could")
            #expect(try await store.accounts.all().filter { $0.username == "ny-bruger" }.count == 1)
        }
    }

    /// *Min side*'s two forms are the citizen's own, for their own record:
    /// everyone else is refused, a citizen without a record too, and nothing is stored.
    @Test(arguments: TestDatabase.available)
    func onlyTheCitizenWritesOnTheirOwnPage(_ backend: TestDatabase) async throws {
        try await withRoretApp(backend, importDemo: false) { app in
            let store = Store(database: app.db)
            let anna = try await CitizenWebTests().anna(app)
            let today = DanishDate.today
            let resource = try await store.plans.addEntry(to: anna.id, kind: .resource, text: "God til musik", inCitizensWords: false, on: today, by: "sagsbehandler")
            try await store.cases.record(.meeting(Meeting(meetingID: 0, kind: .followUp, date: today.adding(days: 5), place: .home, invitedOn: today, participants: [])),
                                         for: anna.id, on: today, by: "sagsbehandler")
            let forms: [(String, [String: String])] = [
                ("/min-side/punkt", ["meeting": "1", "text": "Min medicin"]),
                ("/min-side/ressourcer", ["entry": resource.id.uuidString, "answer": "ja"]),
            ]
            for account in testAccounts {
                var browser = Browser(app)
                try await browser.signIn(account.username)
                _ = try await browser.get(account.role == .citizen ? "/min-side" : account.role == .caseworker || account.role == .provider ? "/borgere" : "/oversigt")
                for (path, form) in forms {
                    let response = try await browser.post(path, form)
                    if account.username == "borger" {
                        #expect(response.status == .seeOther, "\(path)")
                    } else {
                        #expect(response.status == .forbidden, "\(account.username) \(path) is refused")
                    }
                }
            }
            let state = try await store.cases.history(of: anna.id).current
            #expect(state.agenda[1]?.map(\.value) == [AgendaItem(meetingID: 1, text: "Min medicin", byCitizen: true)], "one item, the citizen's")
            #expect(state.resourceResponses.map(\.value.confirmed) == [true])
            #expect(state.resourceResponses.first?.by == "borger")
        }
    }
}
