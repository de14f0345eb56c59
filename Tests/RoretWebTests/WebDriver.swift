import Foundation
import Testing
import RoretCore
import Vapor

/// A minimal W3C WebDriver client for the end-to-end test: drives a real
/// headless Chromium through Debian's chromedriver.
struct WebDriver {
    let client: any Client
    let base: String
    let session: String

    /// The chromedriver and Chromium binaries, when installed.
    static var chromedriverPath: String? { ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first { FileManager.default.isExecutableFile(atPath: $0) } }
    static var chromiumPath: String? { ["/usr/bin/chromium", "/usr/lib/chromium/chromium"].first { FileManager.default.isExecutableFile(atPath: $0) } }

    /// Starts chromedriver on `port`, runs `body` with a new browser session, and always ends both.
    static func withBrowser<T>(client: any Client, port: Int, windowSize: String = "1280,1400", downloads: String, _ body: (WebDriver) async throws -> T) async throws -> T {
        guard let driverPath = chromedriverPath, let chromium = chromiumPath else { throw Abort(.serviceUnavailable, reason: "chromedriver/chromium not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: driverPath)
        process.arguments = ["--port=\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let base = "http://127.0.0.1:\(port)"
        do {
            let result = try await session(client: client, base: base, chromium: chromium, windowSize: windowSize, downloads: downloads, body)
            await stop(process, client: client, base: base)
            return result
        } catch {
            await stop(process, client: client, base: base)
            throw error
        }
    }

    /// Asks chromedriver to quit, then ends it for sure (without Foundation's
    /// `waitUntilExit`, which spins on Linux).
    private static func stop(_ process: Process, client: any Client, base: String) async {
        _ = try? await client.get(URI(string: base + "/shutdown")) { $0.timeout = .seconds(5) }
        for _ in 0..<30 where process.isRunning { try? await Task.sleep(for: .milliseconds(100)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    private static func session<T>(client: any Client, base: String, chromium: String, windowSize: String, downloads: String, _ body: (WebDriver) async throws -> T) async throws -> T {
        var ready = false
        for _ in 0..<100 where !ready {
            if let status = try? await client.get(URI(string: base + "/status"), beforeSend: { $0.timeout = .seconds(5) }), status.status == .ok { ready = true } else { try await Task.sleep(for: .milliseconds(100)) }
        }
        guard ready else { throw Abort(.serviceUnavailable, reason: "chromedriver did not start") }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": [
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=\(windowSize)", "--lang=da-DK"],
                "prefs": ["download.default_directory": downloads, "download.prompt_for_download": false],
            ],
        ]]]
        let created = try await call(client, .POST, base + "/session", capabilities)
        guard let value = created["value"] as? [String: Any], let session = value["sessionId"] as? String else {
            throw Abort(.internalServerError, reason: "no WebDriver session: \(created)")
        }
        let driver = WebDriver(client: client, base: base, session: session)
        _ = try? await driver.command(.POST, "/goog/cdp/execute", ["cmd": "Browser.setDownloadBehavior", "params": ["behavior": "allow", "downloadPath": downloads]])
        do {
            let result = try await body(driver)
            _ = try? await driver.command(.DELETE, "", nil)
            return result
        } catch {
            _ = try? await driver.command(.DELETE, "", nil)
            throw error
        }
    }

    @discardableResult
    func command(_ method: HTTPMethod, _ path: String, _ body: [String: Any]?) async throws -> Any? {
        let answer = try await Self.call(client, method, base + "/session/" + session + path, body)
        if let value = answer["value"] as? [String: Any], let error = value["error"] as? String {
            throw Abort(.internalServerError, reason: "WebDriver \(path): \(error): \(value["message"] ?? "")")
        }
        return answer["value"]
    }

    static func call(_ client: any Client, _ method: HTTPMethod, _ url: String, _ body: [String: Any]?) async throws -> [String: Any] {
        let response = try await client.send(method, headers: ["Content-Type": "application/json"], to: URI(string: url)) { request in
            // Never wait for ever on a stuck browser: the run would hang instead of failing.
            request.timeout = .seconds(240)
            if let body { request.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body)) }
        }
        guard let data = response.body.map({ Data(buffer: $0) }), let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return json
    }

    func open(_ url: String) async throws { try await command(.POST, "/url", ["url": url]) }

    /// Waits up to 10 s for the address to satisfy `condition` (a click starts a navigation it does not wait for).
    @discardableResult
    func waitForURL(_ condition: (String) -> Bool) async throws -> Bool {
        for _ in 0..<100 {
            if condition(try await currentURL), try await command(.POST, "/execute/sync", ["script": "return document.readyState", "args": []]) as? String == "complete" {
                return true
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// Waits up to `seconds` (10 s) for the page to contain `text` (a form post may keep the address).
    @discardableResult
    func waitForText(_ text: String, seconds: Int = 10) async throws -> Bool {
        for _ in 0..<(seconds * 10) {
            if try await pageSource.contains(text) { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    var currentURL: String { get async throws { try await command(.GET, "/url", nil) as? String ?? "" } }

    var pageSource: String { get async throws { try await command(.GET, "/source", nil) as? String ?? "" } }

    /// The element matching a CSS selector.
    func element(_ css: String) async throws -> String {
        let value = try await command(.POST, "/element", ["using": "css selector", "value": css]) as? [String: Any]
        guard let id = value?.values.first as? String else { throw Abort(.notFound, reason: "no element \(css)") }
        return id
    }

    func type(_ css: String, _ text: String) async throws {
        try await command(.POST, "/element/\(try await element(css))/value", ["text": text])
    }

    /// Empties a text field.
    func clear(_ css: String) async throws {
        try await command(.POST, "/element/\(try await element(css))/clear", [:])
    }

    func click(_ css: String) async throws {
        try await command(.POST, "/element/\(try await element(css))/click", [:])
    }

    /// Clicks a control that loads a new page and waits until that page has
    /// replaced the old one (the old one is marked first), so text the old
    /// page showed too — the same notice after a second save — is never
    /// taken for the result. False when no new page came.
    func clickAndWaitForNewPage(_ css: String, seconds: Int = 10) async throws -> Bool {
        try await command(.POST, "/execute/sync", ["script": "window.roretOldPage = true; return true;", "args": []])
        try await click(css)
        for _ in 0..<(seconds * 10) {
            let script = "return window.roretOldPage !== true && document.readyState === 'complete';"
            if (try? await command(.POST, "/execute/sync", ["script": script, "args": []])) as? Bool == true { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// Submits with the control at `css` and expects the page it loads to show
    /// `text` (the new page, never the old one: `clickAndWaitForNewPage`).
    func submit(_ css: String, expecting text: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        #expect(try await clickAndWaitForNewPage(css), "\(css) loads a page", sourceLocation: sourceLocation)
        #expect(try await waitForText(text), "\(css): \(text)", sourceLocation: sourceLocation)
    }

    /// Clicks without waiting for the page it loads (a long upload would
    /// outlast one WebDriver call); wait for the result with `waitForText`.
    func clickAndLeave(_ css: String) async throws {
        let script = "var e = document.querySelector(arguments[0]); setTimeout(function () { e.click(); }, 0); return true;"
        try await command(.POST, "/execute/sync", ["script": script, "args": [css]])
    }

    func attribute(_ css: String, _ name: String) async throws -> String? {
        try await command(.GET, "/element/\(try await element(css))/attribute/\(name)", nil) as? String
    }

    /// Signs in through the form; true when the browser lands on `landingOn`.
    func signIn(_ site: String, _ username: String, password: String = testPassword, landingOn: String) async throws -> Bool {
        try await open(site + "/log-ind")
        try await type("#username", username)
        try await type("#password", password)
        try await click("#signin")
        return try await waitForURL { $0.hasSuffix(landingOn) }
    }

    /// Types a date into an `<input type="date">` as a person does: the
    /// digits in the order the browser's language shows the field (Danish:
    /// day, month, year; American: month, day, year). Throws when the field
    /// did not take the date.
    func typeDate(_ css: String, _ day: Day) async throws {
        let (y, m, d) = day.components
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let language = try await command(.POST, "/execute/sync", ["script": "return navigator.language", "args": []]) as? String ?? ""
        let digits = language.hasPrefix("en-US") ? "\(two(m))\(two(d))\(y)" : "\(two(d))\(two(m))\(y)"
        try await type(css, digits)
        let value = try await command(.POST, "/execute/sync", ["script": "return document.querySelector(arguments[0]).value", "args": [css]]) as? String
        guard value == day.description else { throw Abort(.internalServerError, reason: "the date field \(css) took \(value ?? "nothing"), not \(day)") }
    }

    /// Chooses an option of a `<select>` by its value, as a person picks it from the list.
    func select(_ css: String, _ value: String) async throws {
        try await click("\(css) option[value='\(value)']")
    }

    /// Resizes the window (CSS pixels), e.g. 1366 × 900 or a 390 × 844 phone.
    func setWindowSize(width: Int, height: Int) async throws {
        try await command(.POST, "/window/rect", ["width": width, "height": height])
    }

    /// Chooses files in a file input, as a person does in the file dialog.
    func chooseFiles(_ css: String, _ paths: [String]) async throws {
        try await command(.POST, "/element/\(try await element(css))/value", ["text": paths.joined(separator: "\n")])
    }

    /// Whether the page is wider than the window (a phone would scroll sideways).
    var overflowsHorizontally: Bool {
        get async throws {
            try await command(.POST, "/execute/sync", ["script": "return document.documentElement.scrollWidth > window.innerWidth + 1", "args": []]) as? Bool ?? true
        }
    }

    /// Runs axe-core (`source`, its `axe.min.js`) on the page against WCAG 2.1
    /// A and AA; returns one line per violation with the elements it names.
    func axeViolations(source: String) async throws -> [String] {
        try await command(.POST, "/timeouts", ["script": 120_000])
        let script = source + """
        ;var done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}}).then(function (r) {
          done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 4).map(function (n) { return n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' '); }).join(' | '); }));
        }).catch(function (e) { done(['axe failed: ' + e]); });
        """
        return try await command(.POST, "/execute/async", ["script": script, "args": []]) as? [String] ?? ["axe returned nothing"]
    }

    /// A PNG of the window, written to `path`.
    func screenshot(_ path: String) async throws {
        guard let base64 = try await command(.GET, "/screenshot", nil) as? String, let data = Data(base64Encoded: base64) else {
            throw Abort(.internalServerError, reason: "no screenshot")
        }
        try data.write(to: URL(fileURLWithPath: path))
    }
}
