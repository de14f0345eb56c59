import ArgumentParser

/// `roret` — the command line of Roret.
@main
struct Roret: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roret",
        abstract: "Roret: Socialpsykiatriens Nøgletal from register extracts.",
        subcommands: [Serve.self, Migrate.self, Import.self, User.self, ExportMeasurements.self, Validate.self, KeyFigures.self, DemoExtract.self, BackUp.self, Restore.self]
    )
}
