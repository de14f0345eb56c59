import ArgumentParser

/// `roret` — the command line of Roret.
@main
struct Roret: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roret",
        abstract: "Roret: Socialpsykiatriens Nøgletal from register extracts.",
        subcommands: [Validate.self, KeyFigures.self, DemoExtract.self]
    )
}
