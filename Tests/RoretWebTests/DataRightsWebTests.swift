import FluentKit
import Foundation
import RoretCore
@testable import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// *Indsigt* and *sletning* on the web: who may produce a citizen's data
/// and who may erase it — every GET and the POST by every role — the
/// confirmation, and the audit log.
@Suite struct DataRightsWebTests {
    @Test func theCaseworkerAndTheAdministratorProduceTheExportOnlyTheAdministratorErases() async throws {
        try await withRoretApp(.sqlite, importDemo: false) { app in
            let anna = try await CitizenWebTests().anna(app)
            let record = "/borgere/\(anna.id.uuidString)", admin = "/admin/borgerdata/\(anna.id.uuidString)"
            for account in testAccounts {
                var b = Browser(app)
                try await b.signIn(account.username)
                let caseworker = account.username == "sagsbehandler", administrator = account.role == .administrator
                for path in [record + "/indsigt", record + "/indsigt.json"] {
                    #expect(try await b.get(path).status == (caseworker ? .ok : .forbidden), "\(account.username) GET \(path)")
                }
                for path in [admin + "/indsigt", admin + "/indsigt.json", admin + "/slet", "/admin/borgerdata"] {
                    #expect(try await b.get(path).status == (administrator ? .ok : .forbidden), "\(account.username) GET \(path)")
                }
                if !administrator {
                    _ = try await b.get(account.role == .citizen ? "/min-side" : "/")
                    #expect(try await b.post(admin + "/slet", ["pseudonym": anna.pseudonym, "reason": "Test"]).status == .forbidden, "\(account.username) POST slet")
                }
            }
            #expect(try await Store(database: app.db).citizens.find(id: anna.id) != nil, "nobody but the administrator erased")
            // The caseworker's export: the record's texts, as a page and a file, audited.
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            let page = try await caseworker.get(record + "/indsigt").body.string
            #expect(page.contains("Indsigt — borger \(anna.pseudonym)") && page.contains("At spille i et band igen") && page.contains("Planens tekster"))
            let file = try await caseworker.get(record + "/indsigt.json")
            #expect(file.headers.contentDisposition?.filename == "indsigt-\(anna.pseudonym).json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: file.body)) as? [String: Any])
            #expect(json["pseudonym"] as? String == anna.pseudonym && (json["tables"] as? [[String: Any]])?.contains { $0["name"] as? String == "plan_entries" } == true)
            #expect(try await auditEvents(app, .citizenDataExported, username: "sagsbehandler").count == 4, "two in the matrix, two here")
            // The administrator: a wrong confirmation erases nothing and says every problem; the right one erases.
            var administrator = Browser(app)
            try await administrator.signIn("admin")
            let found = try await administrator.get("/admin/borgerdata?pseudonym=\(anna.pseudonym)").body.string
            #expect(found.contains(admin + "/slet"))
            _ = try await administrator.get(admin + "/slet")
            let refused = try await administrator.post(admin + "/slet", ["pseudonym": "B-00", "reason": ""])
            #expect(refused.status == .badRequest && refused.body.string.contains("Bekræftelse: skriv borgerens pseudonym, \(anna.pseudonym)") && refused.body.string.contains("Grundlag: skriv hvorfor"))
            #expect(try await Store(database: app.db).citizens.find(id: anna.id) != nil)
            let erased = try await administrator.post(admin + "/slet", ["pseudonym": anna.pseudonym, "reason": "Borgerens anmodning af 30.11.2026"])
            #expect(erased.status == .seeOther && erased.headers.first(name: .location) == "/admin/borgerdata")
            #expect(try await administrator.get("/admin/borgerdata").body.string.contains("Borger \(anna.pseudonym) er slettet"))
            #expect(try await Store(database: app.db).citizens.find(id: anna.id) == nil)
            let act = try #require(try await auditEvents(app, .citizenErased, username: "admin").first)
            #expect(act.detail == "borger \(anna.pseudonym) slettet. Grundlag: Borgerens anmodning af 30.11.2026" && !act.detail.contains("band"), "the act, not the content")
            #expect(try await caseworker.get(record).status == .notFound)
        }
    }
}
