import Testing
import RoretCore
import RoretStore
@testable import RoretWeb
import Vapor
import VaporTesting
import RoretTestSupport

/// An extract upload is read while it streams in: the token before any file
/// byte, the size limit as bytes arrive, the files validated as they come.
@Suite struct UploadStreamTests {
    /// A multipart body; `tokenFirst` false puts the token after the files.
    func body(_ files: [String: [UInt8]], csrf: String?, tokenFirst: Bool = true) -> (HTTPHeaders, ByteBuffer) {
        let boundary = "roret-stream-boundary"
        var body = ByteBuffer()
        func token() {
            guard let csrf else { return }
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n")
        }
        if tokenFirst { token() }
        for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n")
            body.writeBytes(bytes)
            body.writeString("\r\n")
        }
        if !tokenFirst { token() }
        body.writeString("--\(boundary)--\r\n")
        return (["Content-Type": "multipart/form-data; boundary=\(boundary)"], body)
    }

    @Test func filesBeforeTheTokenOrWithoutItAreRefusedAndNothingIsStored() async throws {
        try await withRoretApp(importDemo: false) { app in
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/udtraek")
            for (headers, payload) in [body(TestExtracts.demo(), csrf: admin.csrf!, tokenFirst: false), body(TestExtracts.demo(), csrf: nil),
                                       body(TestExtracts.demo(), csrf: "forkert")] {
                let response = try await admin.send(.POST, "/admin/udtraek", headers: headers, body: payload)
                #expect(response.status == .forbidden)
                #expect(response.body.string.contains("Formularen var udløbet"))
            }
            #expect(try await Store(database: app.db).extracts.history().isEmpty)
            #expect(try await auditEvents(app, .extractRejected).isEmpty, "a refused form is not an import")
        }
    }

    /// The route reads its own stream, so the CSRF middleware lets a
    /// multipart body through to it: the role guard must still refuse every
    /// other role, with a valid token, before anything is read or stored;
    /// and a multipart post to any other route is refused.
    @Test func onlyAnAdministratorMayUploadAndOnlyToTheUploadRoute() async throws {
        try await withRoretApp(importDemo: false) { app in
            for username in ["sagsbehandler", "leder"] {
                var user = Browser(app)
                try await user.signIn(username)
                _ = try await user.get("/oversigt")
                let token = try #require(user.csrf)
                let (headers, payload) = body(TestExtracts.demo(), csrf: token)
                let response = try await user.send(.POST, "/admin/udtraek", headers: headers, body: payload)
                #expect(response.status == .forbidden, "\(username)")
                let other = try await user.send(.POST, "/log-ud", headers: headers, body: payload)
                #expect(other.status == .forbidden, "a multipart post elsewhere: \(username)")
            }
            #expect(try await Store(database: app.db).extracts.history().isEmpty)
            #expect(try await auditEvents(app, .extractRejected).isEmpty)
        }
    }

    @Test func anUploadOverTheLimitIsStoppedWithADanishReason() async throws {
        try await withRoretApp(importDemo: false, configure: { $0.maxUploadBytes = 64 * 1024 }) { app in
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/udtraek")
            let (headers, payload) = body(TestExtracts.demo(), csrf: admin.csrf!)
            #expect(payload.readableBytes > 64 * 1024)
            let response = try await admin.send(.POST, "/admin/udtraek", headers: headers, body: payload)
            #expect(response.status == .payloadTooLarge)
            #expect(response.body.string.contains("Det sendte er større end grænsen på 64 KB."))
            #expect(try await Store(database: app.db).extracts.history().isEmpty)
        }
    }

    /// Over a real socket, in pieces as a browser sends them: a file of junk
    /// lines gets its first 1,000 problems and a count, and nothing is stored.
    @Test func junkStreamedOverTheNetworkGetsACappedAnswer() async throws {
        let port = DriverPorts.free(count: 1)
        try await withRoretApp(importDemo: false, configure: { $0.port = port }) { app in
            var admin = Browser(app)
            try await admin.signIn("admin")
            _ = try await admin.get("/admin/udtraek")
            var files = TestExtracts.demo()
            files["employment.csv"] = Array(("person_id,year,status\n" + String(repeating: "x,y,z\n", count: 200_000)).utf8)
            var (headers, payload) = body(files, csrf: admin.csrf!)
            headers.replaceOrAdd(name: .cookie, value: "roret-session=\(admin.cookie!)")
            let request = TestingHTTPRequest(method: .POST, url: URI(string: "/admin/udtraek"), headers: headers, body: payload)
            let response = try await app.testing(method: .running(hostname: "127.0.0.1", port: port)).performTest(request: request)
            #expect(response.status == .ok)
            let html = response.body.string
            #expect(html.contains("Udtrækket blev afvist, og intet er gemt"))
            #expect(html.contains("employment.csv: har \(400_000 - 1_000) fejl mere end de første 1000"))
            #expect(html.utf8.count < 1_000_000, "a capped answer, not one line per problem")
            #expect(try await Store(database: app.db).extracts.history().isEmpty)
        }
    }
}
