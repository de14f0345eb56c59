import RoretCore
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// Every role against every page: who gets the page, who is refused.
@Suite struct AuthorizationMatrixTests {
    /// What a role gets on a page.
    enum Outcome: Equatable { case ok, forbidden }

    static let dashboards = [
        "/oversigt", "/noegletal/NT03", "/noegletal/NT07?brud=from%3D1%3Bto%3D0", "/bevaegelser",
        "/tema/aktivitet", "/tema/beskaeftigelse-psykiatri", "/tema/udgifter", "/tema/borgerrapporteret",
        "/hent/NT03.csv", "/hent/oversigt.csv", "/hent/udgifter.csv",
    ]
    static let adminPages = ["/admin/log", "/admin/log.csv", "/admin/brugere", "/admin/udtraek", "/admin/udbakke"]
    static let analystPages = ["/api-noegler"]
    static let citizenPages = ["/min-side"]
    static let staffPages = ["/borgere"]

    /// The expected outcome of `role` on `path`, straight from the access rules as designed.
    static func expected(_ role: Role, _ path: String) -> Outcome {
        if dashboards.contains(path) { return role == .citizen ? .forbidden : .ok }
        if adminPages.contains(path) { return role == .administrator ? .ok : .forbidden }
        if analystPages.contains(path) { return role == .analyst ? .ok : .forbidden }
        if citizenPages.contains(path) { return role == .citizen ? .ok : .forbidden }
        if staffPages.contains(path) { return role == .caseworker || role == .provider ? .ok : .forbidden }
        Issue.record("no expectation for \(path)")
        return .forbidden
    }

    static var allPages: [String] { dashboards + adminPages + analystPages + citizenPages + staffPages }

    @Test(arguments: TestDatabase.available)
    func everyRoleGetsExactlyThePagesItMay(_ backend: TestDatabase) async throws {
        try await withRoretApp(backend) { app in
            for account in testAccounts {
                var browser = Browser(app)
                let signIn = try await browser.signIn(account.username)
                #expect(signIn.status == .seeOther, "\(account.username) signs in")
                for path in Self.allPages {
                    let response = try await browser.get(path)
                    switch Self.expected(account.role, path) {
                    case .ok: #expect(response.status == .ok, "\(account.role) \(path)")
                    case .forbidden: #expect(response.status == .forbidden, "\(account.role) \(path)")
                    }
                }
            }
            // Refusals are audited.
            #expect(try await auditEvents(app, .accessDenied, username: "borger").count == Self.dashboards.count + Self.adminPages.count + Self.analystPages.count + Self.staffPages.count)
        }
    }

    @Test func withoutSignInEveryPageGoesToTheSignInPage() async throws {
        try await withRoretApp(importDemo: false) { app in
            var browser = Browser(app)
            for path in Self.allPages + ["/"] {
                let response = try await browser.get(path)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.headers.first(name: .location) == "/log-ind", "\(path)")
            }
        }
    }

    @Test func aCitizenLandsOnTheirOwnPageAndOthersOnTheOverview() async throws {
        try await withRoretApp(importDemo: false) { app in
            for account in testAccounts {
                var browser = Browser(app)
                let response = try await browser.signIn(account.username)
                let home = switch account.role {
                case .citizen: "/min-side"
                case .caseworker, .provider: "/borgere"
                default: "/oversigt"
                }
                #expect(response.headers.first(name: .location) == home, "\(account.role)")
            }
        }
    }

    @Test func formsThatChangeThingsAreRefusedToOtherRoles() async throws {
        try await withRoretApp(importDemo: false) { app in
            var leader = Browser(app)
            try await leader.signIn("leder")
            _ = try await leader.get("/oversigt")
            let addUser = try await leader.post("/admin/brugere", ["username": "ny", "role": "analyst", "area": "265"])
            #expect(addUser.status == .forbidden)
            let token = try await leader.post("/api-noegler", ["name": "x"])
            #expect(token.status == .forbidden)
            let accounts = try await Store(database: app.db).accounts.all()
            #expect(!accounts.contains { $0.username == "ny" })
        }
    }
}
