import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Kalibreringsmøde*: the offer's staff rate the same case each on their
/// own with one of the offer's instruments; once you have rated, Roret
/// shows item by item the ratings given and where they differ, for the
/// meeting to talk through. Ratings carry no names on the page. The
/// offer's staff only (the case may be a real citizen's).
struct CalibrationRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("tilbud", ":offer", "kalibrering")
        r.get(use: list)
        r.post(use: create)
        r.get(":session", use: show)
        r.post(":session", use: rate)
    }

    private func catalogue(_ req: Request, _ context: OfferContext) async throws -> InstrumentCatalogue {
        try await req.store.offers.current(InstrumentCatalogue.self, offer: context.offerID, kind: .instruments, key: "catalogue")?.value ?? InstrumentCatalogue()
    }

    /// Every session with its raters' ratings (each rater's stored under "<session>/<username>", so raters never overwrite each other).
    static func sessions(_ req: Request, _ offerID: UUID) async throws -> [Calibration] {
        let docs = try await req.store.offers.current(Calibration.self, offer: offerID, kind: .calibration).filter { !$0.key.contains("/") }
        let ratings = try await req.store.offers.current([Int?].self, offer: offerID, kind: .calibrationRating)
        return docs.map { doc in
            var c = doc.value
            for r in ratings where r.key.hasPrefix(c.id + "/") { c.ratings[String(r.key.dropFirst(c.id.count + 1))] = r.value }
            return c
        }
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await list(req, OfferContext(req, .edit), failed: nil)
    }

    func list(_ req: Request, _ context: OfferContext, failed: FailedForm?) async throws -> Response {
        let page = try CalibrationsPage(req, context, sessions: try await Self.sessions(req, context.offerID), catalogue: try await catalogue(req, context), failed: failed)
        return try await req.renderPage("offer-calibrations", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        var form = FormReader(req)
        let title = form.text("title").trimmingCharacters(in: .whitespacesAndNewlines)
        let instrument = try await catalogue(req, context).all.first { $0.id == form.text("instrument") && $0.isAnswered }
        var problems = form.problems
        if title.isEmpty { problems.append("Case: beskriv kort den case, I vurderer (uden navn eller cpr-nummer).") }
        if instrument == nil { problems.append("Redskab: vælg et af tilbuddets redskaber.") }
        guard problems.isEmpty, let instrument else { return try await list(req, context, failed: FailedForm(id: "calibration", values: form.values, problems: problems)) }
        let session = Calibration(id: OfferContext.newKey(), title: title, instrument: instrument.id)
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, "kalibreringsmøde »\(title)« oprettet") { store in
            try await store.offers.save(session, offer: offerID, kind: .calibration, key: session.id, by: user)
        }
        return context.saved(req, "Kalibreringen »\(title)« er oprettet. Hver medarbejder vurderer nu casen for sig.", to: context.base + "/kalibrering/\(session.id)")
    }

    private func session(_ req: Request, _ context: OfferContext) async throws -> (Calibration, OfferInstrument) {
        guard let id = req.parameters.get("session"), let session = try await Self.sessions(req, context.offerID).first(where: { $0.id == id }),
              let instrument = try await catalogue(req, context).all.first(where: { $0.id == session.instrument }) else { throw Abort(.notFound) }
        return (session, instrument)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        let (session, instrument) = try await session(req, context)
        return try await show(req, context, session, instrument, failed: nil)
    }

    func show(_ req: Request, _ context: OfferContext, _ session: Calibration, _ instrument: OfferInstrument, failed: FailedForm?) async throws -> Response {
        let page = try CalibrationPage(req, context, session, instrument: instrument, failed: failed)
        return try await req.renderPage("offer-calibration", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    @Sendable func rate(req: Request) async throws -> Response {
        let context = try await OfferContext(req, .edit)
        let (session, instrument) = try await session(req, context)
        var form = FormReader(req)
        let items: [Int?] = instrument.itemTexts.indices.map { Int(form.text("item\($0 + 1)")) }
        var problems = instrument.problems(in: items)
        if items.allSatisfy({ $0 == nil }) { problems.append("Vurdering: vælg mindst ét svar.") }
        guard problems.isEmpty else { return try await show(req, context, session, instrument, failed: FailedForm(id: "rating", values: form.values, problems: problems)) }
        let offerID = context.offerID, user = context.account.username
        try await context.audited(req, "kalibrering »\(session.title)«: vurdering") { store in
            try await store.offers.save(items, offer: offerID, kind: .calibrationRating, key: "\(session.id)/\(user)", by: user)
        }
        return context.saved(req, "Din vurdering er gemt. Nu kan du se, hvor I vurderer forskelligt.", to: context.base + "/kalibrering/\(session.id)#forskelle")
    }
}
