import ArgumentParser
import RoretStore

/// Where the commands that touch the database find it: `--sqlite FILE`, or
/// `DATABASE_URL` / `RORET_SQLITE` from the environment, else `roret.sqlite`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file (default: $RORET_SQLITE or roret.sqlite; ignored when DATABASE_URL is set).")
    var sqlite: String?

    var configuration: StoreConfiguration {
        let fromEnvironment = StoreConfiguration.fromEnvironment()
        if case .sqlite = fromEnvironment, let sqlite { return .sqlite(path: sqlite) }
        return fromEnvironment
    }
}
