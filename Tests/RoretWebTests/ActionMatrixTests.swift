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
    static func recordActions(goal: Int, intervention: UUID) -> [(path: String, form: [String: String], allowed: Allowed)] {
        [
            ("tekst", ["kind": "resource", "text": "Kan lide at lave mad"], .staff),
            ("maal", ["text": "Lave mad to gange om ugen", "horizon": "shortTerm"], .staff),
            ("maal/\(goal)", ["text": "Lave mad tre gange om ugen", "horizon": "shortTerm", "status": "active"], .staff),
            ("maaling", ["instrument": "WHO-5", "channel": "paper", "date": "2024-03-01", "item1": "3", "item2": "3", "item3": "3", "item4": "3", "item5": "3"], .staff),
            ("link", ["instrument": "WHO-5"], .staff),
            ("ekstra-maaling", ["reason": "flytning"], .staff),
            ("indsats", ["paragraph": "85", "provider": "Havgården", "start": "2024-02-01"], .caseworker),
            ("fase", ["phase": "followUp"], .caseworker),
            ("egen-bruger", ["username": "borger-2"], .caseworker),
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
            for account in testAccounts {
                var browser = Browser(app)
                try await browser.signIn(account.username)
                _ = try await browser.get(account.role == .citizen ? "/min-side" : account.role == .caseworker || account.role == .provider ? "/borgere" : "/oversigt")
                for action in Self.recordActions(goal: goal, intervention: bostedet.id) {
                    let before = try await store.citizens.interventions(of: anna.id).count
                    let phase = try await store.citizens.find(id: anna.id)?.phase
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
                    }
                }
            }
            #expect(try await store.citizens.interventions(of: anna.id).map(\.provider).sorted() == ["Bostedet", "Havgården"], "only the caseworker's intervention was added")
            #expect(try await store.citizens.find(accountUsername: "borger-2")?.id == anna.id, "only the caseworker linked the account")
            #expect(try await store.citizens.interventions(of: anna.id).first { $0.id == bostedet.id }?.end == DanishDate.today, "only the caseworker ended it")
            let refusals = try await auditEvents(app, .accessDenied, username: "udfoerer")
            #expect(refusals.count == 4, "the provider's four authority acts were refused and audited")
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
                ("/api-noegler", ["name": "script"], .analyst),
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
}
