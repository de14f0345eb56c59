import RoretCore
import RoretImport
import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// The administrator's pages: accounts, the audit log, extracts.
@Suite struct AdminTests {
    @Test func anAdministratorAddsAUserWhoCanSignInWithTheShownPassword() async throws {
        try await withRoretApp(importDemo: false) { app in
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/brugere")
            let added = try await admin.post("/admin/brugere", ["username": "ny-leder", "displayName": "Ny Leder", "role": "leader", "area": "265"])
            #expect(added.status == .ok)
            let html = added.body.string
            let marker = try #require(html.range(of: "Adgangskode (vises kun nu): "))
            let password = String(html[marker.upperBound...].prefix(14))
            var newcomer = Browser(app)
            let signIn = try await newcomer.signIn("ny-leder", password: password)
            #expect(signIn.status == .seeOther)
            #expect(try await auditEvents(app, .accountAdded, username: "admin").first?.detail == "ny-leder (Leder)")
        }
    }

    @Test func badAccountFormsAreExplainedInDanish() async throws {
        try await withRoretApp(importDemo: false) { app in
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/brugere")
            let taken = try await admin.post("/admin/brugere", ["username": "leder", "role": "leader", "area": "265"])
            #expect(taken.body.string.contains("Brugernavnet leder er optaget."))
            let area = try await admin.post("/admin/brugere", ["username": "ny", "role": "leader", "area": "Roskilde"])
            #expect(area.body.string.contains("Området «Roskilde» findes ikke."))
            let unknown = try await admin.post("/admin/brugere", ["username": "ny", "role": "leader", "area": "999"])
            #expect(unknown.body.string.contains("Området «999» findes ikke."), "a municipality that does not exist is refused")
            #expect(try await Store(database: app.db).accounts.find(username: "ny") == nil)
            let unknownUser = try await admin.post("/admin/brugere/findesikke/nulstil", [:])
            #expect(unknownUser.status == .ok && unknownUser.body.string.contains("Der findes ingen bruger findesikke."))
            let myself = try await admin.post("/admin/brugere/admin/deaktiver", [:])
            #expect(myself.body.string.contains("Du kan ikke deaktivere dig selv."))
        }
    }

    /// The log reads as Danish: actions, roles and areas in words, citizens by pseudonym, never internal ids.
    @Test func theAuditLogShowsDanishTextAndPseudonyms() async throws {
        try await withRoretApp(importDemo: false) { app in
            let anna = try await CitizenWebTests().anna(app)
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            _ = try await caseworker.get("/borgere/\(anna.id.uuidString)")
            var leader = Browser(app)
            try await leader.signIn("leder")
            _ = try await leader.get("/borgere/\(anna.id.uuidString)")
            var admin = Browser(app)
            try await admin.signIn("admin")
            let html = try await admin.get("/admin/log").body.string
            #expect(html.contains("Visning af borgers sag") && html.contains("borger B-001"))
            #expect(html.contains("<td>Sagsbehandler</td>") && html.contains("265 Roskilde"))
            #expect(html.contains("side /borgere/(id)"), "a refused page is logged without the record's id")
            #expect(!html.contains(anna.id.uuidString), "no internal ids")
            #expect(!html.contains("<td>citizen.read</td>") && !html.contains("<td>caseworker</td>"), "shown in words, not codes")
        }
    }

    /// Deactivation asks first, can be undone, and both are audited.
    @Test func deactivationIsConfirmedReversibleAndAudited() async throws {
        try await withRoretApp(importDemo: false) { app in
            let store = Store(database: app.db)
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/brugere")
            let asked = try await admin.post("/admin/brugere/leder/deaktiver", [:])
            #expect(asked.status == .ok && asked.body.string.contains("Ja, deaktivér"))
            #expect(try await store.accounts.find(username: "leder")?.isDisabled == false, "nothing happens before the confirmation")
            let done = try await admin.post("/admin/brugere/leder/deaktiver", ["bekraeft": "ja"])
            #expect(done.status == .seeOther)
            #expect(try await admin.get("/admin/brugere").body.string.contains("leder er deaktiveret."))
            #expect(try await store.accounts.find(username: "leder")?.isDisabled == true)
            let enabled = try await admin.post("/admin/brugere/leder/aktiver", [:])
            #expect(enabled.status == .seeOther)
            #expect(try await store.accounts.find(username: "leder")?.isDisabled == false)
            var leader = Browser(app)
            #expect(try await leader.signIn("leder").status == .seeOther, "the reactivated account signs in again")
            #expect(try await auditEvents(app, .accountDisabled, username: "admin").count == 1)
            #expect(try await auditEvents(app, .accountEnabled, username: "admin").first?.detail == "leder")
        }
    }

    @Test func aResetGivesANewPasswordAndTheOldStopsWorking() async throws {
        try await withRoretApp(importDemo: false) { app in
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/brugere")
            let reset = try await admin.post("/admin/brugere/leder/nulstil", [:])
            let html = reset.body.string
            let marker = try #require(html.range(of: "Ny adgangskode til leder (vises kun nu): "))
            let password = String(html[marker.upperBound...].prefix(14))
            var old = Browser(app)
            #expect(try await old.signIn("leder").status == .unauthorized)
            var fresh = Browser(app)
            #expect(try await fresh.signIn("leder", password: password).status == .seeOther)
        }
    }

    @Test func theAuditPageListsAndFilters() async throws {
        try await withRoretApp(importDemo: false) { app in
            var wrong = Browser(app)
            _ = try await wrong.signIn("leder", password: "not-the-password")
            var admin = Browser(app)
            try await admin.signIn("admin")
            let all = try await admin.get("/admin/log")
            #expect(all.body.string.contains("Mislykket log ind"))
            let filtered = try await admin.get("/admin/log?handling=signin&bruger=admin")
            #expect(filtered.body.string.contains("<td>admin</td>"))
            #expect(!filtered.body.string.contains("<td>leder</td>"))
            let future = try await admin.get("/admin/log?fra=2999-01-01")
            #expect(!future.body.string.contains("<td>Log ind</td>"))
            let csv = try await admin.get("/admin/log.csv?handling=signin.failed")
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\n")
            #expect(lines.first == "at,username,role,action,area,detail,address")
            #expect(lines.count == 2, "one failed sign-in")
            #expect(lines.last?.contains(",leder,,signin.failed,,") == true)
            #expect(try await auditEvents(app, .export, username: "admin").first?.detail == "log.csv, 1 hændelser")
        }
    }

    /// A multipart body with the given files.
    func multipart(_ files: [String: [UInt8]], csrf: String) -> (HTTPHeaders, ByteBuffer) {
        let boundary = "roret-test-boundary"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n")
        for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n")
            body.writeBytes(bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return (["Content-Type": "multipart/form-data; boundary=\(boundary)"], body)
    }

    @Test func anUploadedExtractIsStoredWholeOrNotAtAll() async throws {
        try await withRoretApp(importDemo: false) { app in
            let store = Store(database: app.db)
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/udtraek")
            var bad = TestExtracts.demo()
            bad["population.csv"] = Array("municipality_code,year,adults\n265,2017,-5\n".utf8)
            let (h1, b1) = multipart(bad, csrf: admin.csrf!)
            let rejected = try await admin.send(.POST, "/admin/udtraek", headers: h1, body: b1)
            #expect(rejected.status == .ok)
            #expect(rejected.body.string.contains("<p class=\"error\" role=\"alert\">Udtrækket blev afvist, og intet er gemt"))
            #expect(rejected.body.string.contains("population.csv:2:"))
            #expect(try await store.extracts.history().isEmpty)
            #expect(try await auditEvents(app, .extractRejected).count == 1)

            let (h2, b2) = multipart(TestExtracts.demo(), csrf: admin.csrf!)
            let imported = try await admin.send(.POST, "/admin/udtraek", headers: h2, body: b2)
            #expect(imported.status == .seeOther, "after a save the browser is redirected, so a refresh resubmits nothing")
            let after = try await admin.get("/admin/udtraek").body.string
            #expect(after.contains("<p class=\"notice success\" role=\"status\">Udtrækket er indlæst som version 1."))
            #expect(!(try await admin.get("/admin/udtraek").body.string.contains("Udtrækket er indlæst")), "the message is shown once")
            let (h3, b3) = multipart(TestExtracts.demo(seed: 5), csrf: admin.csrf!)
            _ = try await admin.send(.POST, "/admin/udtraek", headers: h3, body: b3)
            #expect(try await admin.get("/admin/udtraek").body.string.contains("Det erstatter version 1."))
            #expect(try await store.extracts.history().map(\.version) == [2, 1])
            #expect(try await auditEvents(app, .extractImported).count == 2)
        }
    }
}

/// The audit CSV is safe to open in a spreadsheet.
@Suite struct AuditCSVTests {
    @Test func fieldsAreQuotedAndFormulasNeutralised() {
        #expect(AuditCSV.quote("plain") == "plain")
        #expect(AuditCSV.quote("a,b") == "\"a,b\"")
        #expect(AuditCSV.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(AuditCSV.quote("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(AuditCSV.quote("@SUM(A1)") == "'@SUM(A1)")
    }
}
