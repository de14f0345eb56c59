import RoretCore
import RoretImport
import RoretStore
import Vapor

/// One demo account's sign-in, printed by `roret serve` on a new database.
public struct DemoSignIn: Sendable {
    public var username: String
    public var password: String
    public var role: Role
    public var area: String
}

/// Fills an empty database with the `small` demo extract and one account per
/// role (*demodata*), so a newcomer has a working system at once. Passwords
/// are generated, printed once, and can be reset with `roret user reset`.
enum DemoSeeder {
    static let municipality = "265"

    static func seedIfEmpty(_ app: Application) async throws -> [DemoSignIn] {
        let store = Store(database: app.db)
        guard try await store.accounts.isEmpty(), try await store.extracts.history().isEmpty else { return [] }
        let data = DemoExtractGenerator(scale: .small, seed: 1).generate()
        let files = ExtractCSVWriter.files(data).mapValues { Array($0.utf8) }
        _ = try await ExtractImport.run(store: store, figures: nil, files: files, source: "demo (small, seed 1)", importedBy: "roret serve")
        let service = AccountService(store: store, bcryptCost: app.roret.configuration.bcryptCost, threadPool: app.threadPool)
        let accounts: [(String, String, Role, String)] = [
            ("admin", "Demo-administrator", .administrator, nationalArea),
            ("leder", "Demo-leder, Roskilde", .leader, municipality),
            ("analytiker", "Demo-analytiker, Roskilde", .analyst, municipality),
            ("analytiker-land", "Demo-analytiker, hele landet", .analyst, nationalArea),
            ("sagsbehandler", "Demo-sagsbehandler, Roskilde", .caseworker, municipality),
            ("udfoerer", "Demo-udfører, Roskilde", .provider, municipality),
            ("borger", "Demo-borger", .citizen, municipality),
        ]
        var signIns: [DemoSignIn] = []
        for (username, name, role, area) in accounts {
            let provider = role == .provider ? "Bostedet Roskilde" : nil
            let (_, password) = try await service.add(username: username, displayName: name, role: role, area: area, provider: provider, by: "roret serve (demo)")
            signIns.append(DemoSignIn(username: username, password: password, role: role, area: area))
        }
        return signIns
    }
}
