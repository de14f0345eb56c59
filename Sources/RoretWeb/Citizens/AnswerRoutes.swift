import RoretCore
import RoretStore
import Vapor

/// The citizen's personal link (*målingslink*), no account: first what the
/// answers are for and who sees them, then the questions — or "nej tak".
/// The secret in the address is the only credential: unguessable (192
/// bits), single use, expiring; only its hash is stored.
struct AnswerRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("svar", ":token", use: show)
        routes.post("svar", ":token", use: answer)
        routes.post("svar", ":token", "nej", use: decline)
    }

    struct Page: Encodable {
        var token: String
        var form: InstrumentForm?
        var title: String
        var message: String?
        var done: Bool
        /// Where to get help now (*hjælp nu*): after "tak" when the WHO-5 answer is in the lowest band.
        var help: String? = nil
        /// Where the form posts (default `/svar/<token>`).
        var action: String? = nil
    }

    /// The token's hash; a token that cannot be one of ours (Roret's are 32
    /// characters) hashes to nothing any link has.
    private func hash(_ req: Request) -> String {
        let token = req.parameters.get("token") ?? ""
        return token.count <= 64 ? Secrets.sha256(token) : "-"
    }

    @Sendable func show(req: Request) async throws -> Response {
        guard let (_, link) = try await req.store.measurements.link(tokenHash: hash(req)) else { return try await Self.unknown(req) }
        do {
            try await req.store.measurements.openLink(tokenHash: hash(req), on: DanishDate.today)
        } catch let refusal as MeasurementLink.Refusal {
            return try await Self.refused(req, refusal)
        }
        let page = Page(token: req.parameters.get("token") ?? "", form: InstrumentForm(link.instrument), title: link.instrument.danishName, message: nil, done: false)
        return try await req.view.render("answer", page).encodeResponse(for: req)
    }

    @Sendable func answer(req: Request) async throws -> Response {
        guard let (citizenID, link) = try await req.store.measurements.link(tokenHash: hash(req)) else { return try await Self.unknown(req) }
        let items = try AnswerForm.decode(req)
        let pseudonym = try await req.store.citizens.find(id: citizenID)?.pseudonym ?? "(slettet)"
        let tokenHash = hash(req)
        do {
            // Stored (in one transaction with the link, the reminders and the audit entry) before "tak" is shown.
            try await req.audited(.measurementAnswered, area: nil, detail: { _ in "borger \(pseudonym): \(link.instrument.code) via link" }) { store in
                try await store.measurements.record(citizenID: citizenID, instrument: link.instrument, answeredOn: DanishDate.today, items: items,
                                                    channel: .link, enteredBy: "borger (link)", linkHash: tokenHash, today: DanishDate.today)
            }
        } catch let refusal as MeasurementLink.Refusal {
            return try await Self.refused(req, refusal)
        } catch CitizenError.invalidAnswer {
            let page = Page(token: req.parameters.get("token") ?? "", form: InstrumentForm(link.instrument), title: link.instrument.danishName,
                            message: "Et af svarene kunne ikke læses. Vælg et af svarene ud for hvert spørgsmål, eller spring det over, og send igen.", done: false)
            return try await req.view.render("answer", page).encodeResponse(status: .badRequest, for: req)
        }
        let left = items.filter { $0 == nil }.count
        let note = left == 0 ? "Dine svar er gemt." : "Dine svar er gemt. Du sprang \(left) spørgsmål over; det er helt i orden."
        var help: String? = nil
        if link.instrument == .who5, let score = link.instrument.score(items), WHO5Band(score: score) == .largeRisk,
           let citizen = try await req.store.citizens.find(id: citizenID) {
            let settings = try await req.store.cases.settings(for: citizen.municipality)
            help = settings.help(municipalityName: "\(DanishMunicipality.name(of: citizen.municipality) ?? citizen.municipality) Kommune")
        }
        return try await Self.done(req, title: "Tak!", message: note + " Du kan lukke siden nu. Du og din kontaktperson kan tale om svarene næste gang, I ses.", help: help)
    }

    @Sendable func decline(req: Request) async throws -> Response {
        guard let (citizenID, _) = try await req.store.measurements.link(tokenHash: hash(req)) else { return try await Self.unknown(req) }
        let pseudonym = try await req.store.citizens.find(id: citizenID)?.pseudonym ?? "(slettet)"
        let tokenHash = hash(req)
        do {
            try await req.audited(.measurementDeclined, area: nil, detail: { _ in "borger \(pseudonym)" }) { store in
                try await store.measurements.declineLink(tokenHash: tokenHash, on: DanishDate.today)
            }
        } catch let refusal as MeasurementLink.Refusal {
            return try await Self.refused(req, refusal)
        }
        return try await Self.done(req, title: "Tak for besked", message: "Du har sagt nej tak, og der er ikke gemt noget. Du kan altid tale med din kontaktperson om det.")
    }

    static func done(_ req: Request, title: String, message: String, status: HTTPStatus = .ok, help: String? = nil) async throws -> Response {
        let response = try await req.view.render("answer", Page(token: "", form: nil, title: title, message: message, done: true, help: help)).encodeResponse(for: req)
        response.status = status
        return response
    }

    static func unknown(_ req: Request) async throws -> Response {
        try await Self.done(req, title: "Linket findes ikke", message: "Tjek, at du har hele linket med. Ellers kan din kontaktperson sende et nyt.", status: .notFound)
    }

    static func refused(_ req: Request, _ refusal: MeasurementLink.Refusal) async throws -> Response {
        let message = switch refusal {
        case .expired: "Linket er udløbet. Din kontaktperson kan sende et nyt."
        case .alreadyAnswered: "Der er allerede svaret via dette link. Tak!"
        case .alreadyDeclined: "Du har allerede sagt nej tak via dette link."
        case .revoked: "Linket er trukket tilbage. Din kontaktperson kan sende et nyt."
        }
        return try await Self.done(req, title: "Linket kan ikke bruges", message: message, status: .gone)
    }
}
