import RoretCore
import RoretStore
import Vapor

/// What a route does in a citizen's record, for `AccessPolicy`.
enum RecordAct {
    /// Read the record.
    case read
    /// Work in it: plan, goals, reviews, meetings, logbook (caseworker and provider staff).
    case work
    /// An authority act (*myndighedshandling*): the assigned caseworker only.
    case authority
}

extension Request {
    /// The citizen on the path (`:citizen`), when the user may do `act` in
    /// the record; a refusal is audited and answered 403.
    func citizenOnPath(_ act: RecordAct) async throws -> Citizen {
        try await citizen(parameters.get("citizen").flatMap(UUID.init(uuidString:)), act)
    }

    /// The citizen with `id` (from the path or a form), when the user may do
    /// `act` in the record; unknown is 404, a refusal is audited and 403.
    func citizen(_ id: UUID?, _ act: RecordAct) async throws -> Citizen {
        guard let id, let citizen = try await store.citizens.find(id: id) else { throw Abort(.notFound) }
        guard try await may(act, citizen) else {
            try await audit(.accessDenied, area: citizen.municipality, detail: "borger \(citizen.pseudonym)")
            throw Abort(.forbidden)
        }
        return citizen
    }

    /// Whether the user may do `act` in the citizen's record (`AccessPolicy`).
    func may(_ act: RecordAct, _ citizen: Citizen) async throws -> Bool {
        let account = try requireAccount()
        let facts = try await store.citizens.accessFacts(of: citizen, on: DanishDate.today)
        return switch act {
        case .read: AccessPolicy.mayReadCitizen(role: account.role, username: account.username, area: account.area, provider: account.offerKey, facts)
        case .work: AccessPolicy.mayWorkOnCitizen(role: account.role, username: account.username, area: account.area, provider: account.offerKey, facts)
        case .authority: AccessPolicy.mayTakeAuthorityAct(role: account.role, username: account.username, area: account.area, facts)
        }
    }

    /// The record page, audited as a read; with `failed`, the refused form
    /// is shown open with what was typed and its problems (status 400).
    func recordPage(_ citizen: Citizen, failed: FailedForm? = nil) async throws -> Response {
        let account = try requireAccount()
        let facts = try await store.citizens.accessFacts(of: citizen, on: DanishDate.today)
        let data = try await CaseRecordData(
            self, citizen: citizen,
            canWork: AccessPolicy.mayWorkOnCitizen(role: account.role, username: account.username, area: account.area, provider: account.offerKey, facts),
            canDecide: AccessPolicy.mayTakeAuthorityAct(role: account.role, username: account.username, area: account.area, facts))
        let newLink = session.data[Self.newLinkKey]
        if newLink != nil { session.data[Self.newLinkKey] = nil }
        let page = try CaseRecordPage(self, data, failed: failed, newLink: newLink)
        try await audit(.citizenRead, area: citizen.municipality, detail: "borger \(citizen.pseudonym)")
        return try await renderPage("record", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    /// A new measurement link, shown once on the record after the redirect.
    static let newLinkKey = "newLink"

    /// After a save: the message on the next page, and back to the record
    /// (at `anchor`), so a refresh resubmits nothing.
    func saved(_ citizen: Citizen, _ message: String, anchor: String? = nil) -> Response {
        notice(message)
        return redirect(to: "/borgere/\(citizen.id.uuidString)" + (anchor.map { "#\($0)" } ?? ""))
    }

    /// The id of the form that was posted (its hidden `form` field), for showing it again.
    var postedForm: String {
        let raw = (try? content.get(String.self, at: "form")) ?? ""
        return raw.count <= 80 && raw.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } ? raw : ""
    }
}
