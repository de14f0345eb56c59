#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A real mail server on loopback for the tests: Python's aiosmtpd (from
/// PyPI; CI installs it and sets RORET_REQUIRE_AIOSMTPD) with a certificate
/// made for the run by openssl. It offers STARTTLS (and may require it),
/// may require AUTH PLAIN (user `roret`, password `hemmelig`) inside TLS,
/// refuses recipients at `ukendt@…` with 550, and writes each message it
/// accepts as one JSON line: envelope, content, whether TLS and AUTH were used.
final class TestSMTPServer: @unchecked Sendable {
    enum Mode: String {
        /// STARTTLS offered and required before MAIL.
        case starttls
        /// No STARTTLS at all.
        case plain
    }

    struct Received: Decodable {
        var from: String
        var to: [String]
        var content: String
        var tls: Bool
        var login: String?
    }

    let port: Int
    let directory: URL
    private let process: Process

    /// The certificate clients should trust (a PEM file).
    var certificate: String { directory.appendingPathComponent("cert.pem").path }

    static var available: Bool {
        if ProcessInfo.processInfo.environment["RORET_REQUIRE_AIOSMTPD"] == "1" { return true }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import aiosmtpd"]
        p.standardError = FileHandle.nullDevice
        do { try p.run(); p.waitUntilExit(); return p.terminationStatus == 0 } catch { return false }
    }

    static let script = #"""
    import json, ssl, sys, time
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult
    port, directory, mode, auth = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4] == "auth"
    class Handler:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.startswith("ukendt@"):
                return "550 5.1.1 Ukendt modtager"
            envelope.rcpt_tos.append(address)
            return "250 OK"
        async def handle_DATA(self, server, session, envelope):
            login = session.auth_data.login.decode() if session.authenticated and session.auth_data else None
            with open(directory + "/received.jsonl", "a") as f:
                f.write(json.dumps({"from": envelope.mail_from, "to": envelope.rcpt_tos, "content": envelope.content.decode("utf-8", "replace"),
                                    "tls": session.ssl is not None, "login": login}) + "\n")
            return "250 Modtaget"
    def authenticator(server, session, envelope, mechanism, auth_data):
        return AuthResult(success=auth_data.login == b"roret" and auth_data.password == b"hemmelig", auth_data=auth_data)
    options = {}
    if mode == "starttls":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(directory + "/cert.pem", directory + "/key.pem")
        options = dict(tls_context=context, require_starttls=True)
    if auth:
        options.update(authenticator=authenticator, auth_required=True, auth_require_tls=True)
    controller = Controller(Handler(), hostname="127.0.0.1", port=port, **options)
    controller.start()
    open(directory + "/ready", "w").close()
    while True:
        time.sleep(3600)
    """#

    static func start(_ mode: Mode = .starttls, auth: Bool = false) async throws -> TestSMTPServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("roret-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try run("/usr/bin/env", ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                                 "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                                 "-keyout", directory.appendingPathComponent("key.pem").path, "-out", directory.appendingPathComponent("cert.pem").path])
        let port = DriverPorts.free(count: 1)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, String(port), directory.path, mode.rawValue, auth ? "auth" : "none"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let server = TestSMTPServer(port: port, directory: directory, process: process)
        for _ in 0..<150 {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("ready").path) { return server }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        server.stop()
        throw StartFailed()
    }

    struct StartFailed: Error {}

    private init(port: Int, directory: URL, process: Process) {
        self.port = port
        self.directory = directory
        self.process = process
    }

    /// The messages accepted so far, in order.
    func received() throws -> [Received] {
        guard let text = try? String(contentsOf: directory.appendingPathComponent("received.jsonl"), encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Received.self, from: Data($0.utf8)) }
    }

    func stop() {
        // SIGKILL: the child inherits the test process's blocked signals (SIGTERM among them), so terminate() would not end it.
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        try? FileManager.default.removeItem(at: directory)
    }

    private static func run(_ executable: String, _ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw StartFailed() }
    }
}
