import Foundation
import RoretCore
@testable import RoretStore
import RoretTestSupport
@testable import RoretWeb
import Testing
import Vapor
import VaporTesting

/// Two-factor sign-in (issue 14): TOTP against RFC 6238's and RFC 4226's test
/// vectors, Base32 against RFC 4648's, the QR code decoded by zxing-cpp, and
/// the sign-in flow — enrolment required for administrators, caseworkers and
/// provider staff, a code used once, recovery codes, the throttle, the reset.
@Suite struct SecondFactorTests {
    static let sha1Secret = Array("12345678901234567890".utf8)
    static let sha256Secret = Array("12345678901234567890123456789012".utf8)
    static let sha512Secret = Array("1234567890123456789012345678901234567890123456789012345678901234".utf8)

    @Test func totpGivesRFC6238sTestVectors() {
        let vectors: [(Double, String, String, String)] = [
            (59, "94287082", "46119246", "90693936"),
            (1_111_111_109, "07081804", "68084774", "25091201"),
            (1_111_111_111, "14050471", "67062674", "99943326"),
            (1_234_567_890, "89005924", "91819424", "93441116"),
            (2_000_000_000, "69279037", "90698825", "38618901"),
            (20_000_000_000, "65353130", "77737706", "47863826"),
        ]
        for (time, sha1, sha256, sha512) in vectors {
            let at = Date(timeIntervalSince1970: time)
            #expect(TOTP(secret: Self.sha1Secret, digits: 8, algorithm: .sha1).code(at: at) == sha1, "SHA1 at \(time)")
            #expect(TOTP(secret: Self.sha256Secret, digits: 8, algorithm: .sha256).code(at: at) == sha256, "SHA256 at \(time)")
            #expect(TOTP(secret: Self.sha512Secret, digits: 8, algorithm: .sha512).code(at: at) == sha512, "SHA512 at \(time)")
        }
        // RFC 4226's HOTP values are the 6-digit codes of counters 0…9.
        let hotp = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
        #expect((0..<10).map { TOTP(secret: Self.sha1Secret).code(step: Int64($0)) } == hotp)
    }

    @Test func aCodeMatchesItsStepOrOneEitherSideAndNothingElse() {
        let totp = TOTP(secret: Self.sha1Secret)
        let now = Date(timeIntervalSince1970: 1_800_000_015), step = totp.step(at: now)
        #expect(totp.matchingStep(totp.code(step: step), at: now) == step)
        #expect(totp.matchingStep(totp.code(step: step - 1), at: now) == step - 1, "a clock 30 s behind")
        #expect(totp.matchingStep(totp.code(step: step + 1), at: now) == step + 1)
        #expect(totp.matchingStep(totp.code(step: step + 2), at: now) == nil)
        #expect(totp.matchingStep("12 34 5", at: now) == nil && totp.matchingStep("", at: now) == nil)
        let code = totp.code(step: step)
        #expect(totp.matchingStep(String(code.prefix(3)) + " " + String(code.dropFirst(3)), at: now) == step, "spaces as the app shows them")
    }

    @Test func base32IsRFC4648s() {
        let vectors = [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")]
        for (plain, encoded) in vectors {
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
            #expect(Base32.decode(encoded) == Array(plain.utf8))
        }
        #expect(Base32.decode("mzxw 6ytb-oi======") == Array("foobar".utf8), "case, spaces, hyphens and padding are ignored")
        #expect(Base32.decode("MZXW1") == nil, "1 is not Base32")
        #expect(TOTP(secret: Self.sha1Secret).provisioningURI(account: "anna", issuer: "Roret")
            == "otpauth://totp/Roret:anna?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Roret&algorithm=SHA1&digits=6&period=30")
    }

    /// zxing-cpp is there (CI installs it and sets RORET_REQUIRE_ZXING, so the test cannot be skipped there).
    static var canDecodeQR: Bool {
        if ProcessInfo.processInfo.environment["RORET_REQUIRE_ZXING"] == "1" { return true }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import zxingcpp, numpy"]
        p.standardError = FileHandle.nullDevice
        do { try p.run(); p.waitUntilExit(); return p.terminationStatus == 0 } catch { return false }
    }

    /// Draws codes of several lengths (versions 1–10) and reads them back with zxing-cpp.
    @Test(.enabled(if: canDecodeQR)) func theQRCodeReadsBackWithZxing() throws {
        let texts = ["Roret", "https://roret.kommune.dk/", TOTP(secret: Self.sha1Secret).provisioningURI(account: "sagsbehandler", issuer: "Roret"),
                     String(repeating: "æøå-0123456789", count: 12)]
        for text in texts {
            let modules = try #require(QRCode.modules(text), "\(text.count) bytes fit")
            let rows = modules.map { $0.map { $0 ? "1" : "0" }.joined() }.joined(separator: "\n")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).txt")
            try rows.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let script = """
            import sys, numpy, zxingcpp
            rows = [l.strip() for l in open(sys.argv[1]) if l.strip()]
            m = numpy.array([[0 if c == '1' else 255 for c in r] for r in rows], dtype=numpy.uint8)
            m = numpy.pad(m, 4, constant_values=255).repeat(6, axis=0).repeat(6, axis=1)
            r = zxingcpp.read_barcodes(m)
            sys.stdout.write(r[0].text if r else '')
            """
            let p = Process(), out = Pipe()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", "-c", script, file.path]
            p.standardOutput = out
            try p.run()
            p.waitUntilExit()
            let read = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(read == text, "version \((modules.count - 17) / 4)")
        }
        #expect(QRCode.modules(String(repeating: "x", count: 300)) == nil, "beyond version 10")
    }

    func secret(in html: String) throws -> [UInt8] {
        let match = try #require(html.firstMatch(of: /<code id="secret">([A-Z2-7 ]+)<\/code>/))
        return try #require(Base32.decode(String(match.1)))
    }

    @Test func anAdministratorEnrolsSignsInWithACodeOnceAndWithARecoveryCode() async throws {
        try await withRoretApp(.sqlite, importDemo: false, configure: { $0.requireSecondFactor = true }) { app in
            var admin = Browser(app)
            try await admin.signIn("admin")
            // Nothing but enrolment until the second factor.
            let page = try await admin.get("/admin/brugere")
            #expect(page.status == .seeOther && page.headers.first(name: .location) == "/to-faktor")
            _ = try await admin.get("/to-faktor")
            #expect(try await admin.post("/admin/brugere", ["username": "ny", "role": "leader", "area": "265"]).status == .forbidden)
            let enrolment = try await admin.get("/to-faktor").body.string
            #expect(enrolment.contains("Din rolle giver adgang til oplysninger om enkeltpersoner") && enrolment.contains("<svg") && enrolment.contains("class=\"qr\""))
            let totp = TOTP(secret: try secret(in: enrolment))
            let wrong = try await admin.post("/to-faktor", ["code": "000000" == totp.code(at: Date()) ? "111111" : "000000"])
            #expect(wrong.status == .badRequest && wrong.body.string.contains("Koden passer ikke"))
            // The step the enrolment's code belongs to: the rest of the test must not depend on how long it takes.
            let enrolled = totp.step(at: Date())
            #expect(try await admin.post("/to-faktor", ["code": totp.code(step: enrolled)]).status == .seeOther)
            let shown = try await admin.get("/to-faktor").body.string
            let codes = shown.matches(of: /<li><code>([a-z2-7]{5}-[a-z2-7]{5})<\/code><\/li>/).map { String($0.1) }
            #expect(codes.count == 10 && Set(codes).count == 10)
            #expect(try await !admin.get("/to-faktor").body.string.contains(codes[0]), "shown once")
            #expect(try await admin.get("/admin/brugere").status == .ok)
            #expect(try await auditEvents(app, .secondFactorEnrolled, username: "admin").count == 1)

            // The next sign-in: the password opens the code step only.
            var again = Browser(app)
            let password = try await again.signIn("admin")
            #expect(password.headers.first(name: .location) == "/log-ind/kode")
            #expect(try await again.get("/admin/brugere").headers.first(name: .location) == "/log-ind", "not signed in before the code")
            _ = try await again.get("/log-ind/kode")
            let used = try await again.post("/log-ind/kode", ["code": totp.code(step: enrolled)])
            #expect(used.status == .unauthorized && used.body.string.contains("allerede brugt"), "the enrolment's code is spent (or, on a slow run, too old)")
            // A later step than the enrolment's, and within a step of now.
            let next = try await again.post("/log-ind/kode", ["code": totp.code(step: max(enrolled + 1, totp.step(at: Date())))])
            #expect(next.status == .seeOther && next.headers.first(name: .location) == "/oversigt")
            #expect(try await again.get("/admin/brugere").status == .ok)

            // A recovery code, once.
            var third = Browser(app)
            try await third.signIn("admin")
            _ = try await third.get("/log-ind/kode")
            #expect(try await third.post("/log-ind/kode", ["code": codes[3].uppercased()]).status == .seeOther)
            var fourth = Browser(app)
            try await fourth.signIn("admin")
            _ = try await fourth.get("/log-ind/kode")
            #expect(try await fourth.post("/log-ind/kode", ["code": codes[3]]).status == .unauthorized)
            #expect(try await auditEvents(app, .secondFactorRecovery, username: "admin").count == 1)
        }
    }

    @Test func wrongCodesAreThrottledAndOnlyRolesReadingPersonsMustEnrol() async throws {
        try await withRoretApp(.sqlite, importDemo: false, configure: { $0.requireSecondFactor = true }) { app in
            // A leader and a citizen are not asked.
            var leader = Browser(app)
            try await leader.signIn("leder")
            #expect(try await leader.get("/tilbud").status == .ok)
            var citizen = Browser(app)
            try await citizen.signIn("borger")
            #expect(try await citizen.get("/min-side").status != .seeOther)
            // The caseworker enrols, then guesses wrong five times: the sixth code waits, even the right one.
            var caseworker = Browser(app)
            try await caseworker.signIn("sagsbehandler")
            let totp = TOTP(secret: try secret(in: try await caseworker.get("/to-faktor").body.string))
            #expect(try await caseworker.post("/to-faktor", ["code": totp.code(at: Date())]).status == .seeOther)
            var guesser = Browser(app)
            try await guesser.signIn("sagsbehandler")
            _ = try await guesser.get("/log-ind/kode")
            for guess in ["000001", "000002", "000003", "000004", "000005"] where guess != totp.code(at: Date()) {
                #expect(try await guesser.post("/log-ind/kode", ["code": guess]).status == .unauthorized)
            }
            let waits = try await guesser.post("/log-ind/kode", ["code": totp.code(step: totp.step(at: Date()) + 1)])
            #expect(waits.status == .tooManyRequests && waits.body.string.contains("For mange forkerte koder"))
            #expect(try await auditEvents(app, .secondFactorFailed, username: "sagsbehandler").count >= 4)
            // The administrator resets it (after confirming): the caseworker enrols again.
            var admin = Browser(app)
            try await admin.signIn("admin")
            let adminTOTP = TOTP(secret: try secret(in: try await admin.get("/to-faktor").body.string))
            #expect(try await admin.post("/to-faktor", ["code": adminTOTP.code(at: Date())]).status == .seeOther)
            _ = try await admin.get("/admin/brugere")
            let ask = try await admin.post("/admin/brugere/sagsbehandler/totrin", [:])
            #expect(ask.status == .ok && ask.body.string.contains("Nulstil totrinsgodkendelse for sagsbehandler?"))
            #expect(try await admin.post("/admin/brugere/sagsbehandler/totrin", ["bekraeft": "ja"]).status == .seeOther)
            let account = try #require(try await Store(database: app.db).accounts.find(username: "sagsbehandler"))
            #expect(try await Store(database: app.db).secondFactors.find(account: account.id) == nil)
            #expect(try await auditEvents(app, .secondFactorReset, username: "admin").count == 1)
        }
    }
}
