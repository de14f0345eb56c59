import Vapor

/// Runs the web application until it is stopped (SIGINT/SIGTERM).
public enum RoretServer {
    /// Configures the application, hands the demo sign-ins (if it seeded
    /// the database) to `announce`, serves, and always shuts down.
    public static func run(_ config: RoretConfiguration, announce: @Sendable ([DemoSignIn]) -> Void) async throws {
        var env = Environment(name: "production", arguments: ["roret", "serve"])
        if config.jsonLogs {
            let level = Environment.get("LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? .info
            LoggingSystem.bootstrap { JSONLogHandler(label: $0, level: level) }
        } else {
            try LoggingSystem.bootstrap(from: &env)
        }
        let app = try await Application.make(env)
        do {
            announce(try await configure(app, config))
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
