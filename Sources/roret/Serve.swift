import ArgumentParser
import Foundation
import RoretStore
import RoretWeb

/// `roret serve`: the web application. Runs migrations first; on an empty
/// database it imports the demo extract and prints the demo sign-ins.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web application (migrations run first).")

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Address to listen on.")
    var hostname = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port = 8080

    @Flag(name: .long, help: "Do not fill an empty database with demo data and demo accounts.")
    var noDemo = false

    func run() async throws {
        var config = RoretConfiguration.fromEnvironment()
        guard config.problems.isEmpty else {
            throw ValidationError("Roret kan ikke starte:\n" + config.problems.map { "- \($0)" }.joined(separator: "\n"))
        }
        config.store = store.configuration
        config.hostname = hostname
        config.port = port
        config.seedDemoWhenEmpty = !noDemo
        // The demo signs in with the printed passwords alone unless RORET_REQUIRE_2FA asks otherwise.
        if !noDemo && ProcessInfo.processInfo.environment["RORET_REQUIRE_2FA"] == nil { config.requireSecondFactor = false }
        print("Roret: \(config.store)")
        let address = "http://\(hostname):\(port)/"
        let secondFactorRequired = config.requireSecondFactor
        try await RoretServer.run(config) { signIns in
            if !signIns.isEmpty {
                print("\nDemo: the small demo extract is imported, and these accounts exist (passwords are shown only now; `roret user reset NAME` makes a new one):\n")
                for s in signIns {
                    let area = s.area == "national" ? "hele landet" : "kommune \(s.area)"
                    print("  \(s.username.padding(toLength: 16, withPad: " ", startingAt: 0)) \(s.password)   \(s.role.danishName), \(area)")
                }
                print("")
            }
            if !secondFactorRequired { print("Two-factor sign-in is not required (demo, or RORET_REQUIRE_2FA=off); accounts may still enrol under /to-faktor.") }
            print("Roret is running: \(address)  (Ctrl+C stops it)")
        }
    }
}

/// `roret migrate`: brings the database schema up to date.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database schema.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await StoreHost.withStore(store.configuration) { host in
            print("migrated: \(host.configuration)")
        }
    }
}
