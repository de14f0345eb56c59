import ArgumentParser
import Foundation
import RoretCore
import RoretStore
import RoretWeb

/// `roret user add|reset|disable|list`: account administration.
struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Administer accounts.",
        subcommands: [Add.self, Reset.self, Disable.self, List.self]
    )

    static var actor: String { "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown") }

    static func withAccounts<T>(_ store: StoreOptions, _ body: (AccountService) async throws -> T) async throws -> T {
        try await StoreHost.withStore(store.configuration) { host in
            try await body(AccountService(store: host.store, bcryptCost: 12))
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account; prints its generated password.")

        @Argument(help: "Username: 2–64 of letters, digits, '.', '-', '_'.")
        var username: String

        @Option(name: .long, help: "administrator, leader, analyst, caseworker, provider or citizen.")
        var role: String

        @Option(name: .long, help: "A three-digit municipality code, or 'national'.")
        var area: String

        @Option(name: .long, help: "The name shown in the interface (default: the username).")
        var name: String?

        @Option(name: .long, help: "For provider staff: the provider they work at.")
        var provider: String?

        @OptionGroup var store: StoreOptions

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role must be one of " + Role.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard AccountService.isValidArea(area) else { throw ValidationError("--area must be 'national' or a three-digit municipality code") }
            let (account, password) = try await User.withAccounts(store) {
                try await $0.add(username: username, displayName: name, role: role, area: area, provider: provider, by: User.actor)
            }
            print("added \(account.username) (\(account.role.rawValue), \(account.area)); password: \(password)")
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give an account a new generated password (and enable it).")

        @Argument var username: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let password = try await User.withAccounts(store) { try await $0.reset(username: username, by: User.actor) }
            print("new password for \(username): \(password)")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account: no sign-in; its sessions and tokens stop working.")

        @Argument var username: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await User.withAccounts(store) { try await $0.disable(username: username, by: User.actor) }
            print("disabled \(username)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let accounts = try await StoreHost.withStore(store.configuration) { try await $0.store.accounts.all() }
            for a in accounts {
                print("\(a.username)\t\(a.role.rawValue)\t\(a.area)\t\(a.isDisabled ? "disabled" : "active")")
            }
        }
    }
}
