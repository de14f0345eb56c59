import RoretCore
import RoretStore
import Vapor

/// The municipality a leadership page is about: the user's own, or for a
/// national account the one chosen (`kommune`, default Roskilde's demo).
struct LeadershipContext {
    let account: Account
    let municipality: String

    var municipalityName: String { DanishMunicipality.name(of: municipality).map { "\($0) Kommune" } ?? "Kommune \(municipality)" }

    init(_ req: Request) throws {
        account = try req.requireAccount()
        if account.area == nationalArea {
            let asked = req.pageQuery["kommune"] ?? (try? req.content.get(String.self, at: "kommune")) ?? ""
            municipality = DanishMunicipality.name(of: asked) == nil ? "265" : asked
        } else {
            municipality = account.area
        }
    }

    /// Refused (403, audited) unless the user runs the leaders' tools for the municipality.
    func requireRunning(_ req: Request) async throws {
        guard AccessPolicy.mayRunLeadership(role: account.role, userArea: account.area, municipality: municipality) else {
            try await req.audit(.accessDenied, area: municipality, detail: "ledelse \(req.url.path)")
            throw Abort(.forbidden)
        }
    }

    /// `?kommune=` for national accounts, so links keep the municipality.
    var query: String { account.area == nationalArea ? "?kommune=\(municipality)" : "" }
}
