import Foundation
import RoretCore
import RoretStore
import Vapor

/// The citizen's personal link to one of the offer's own citizen-completed
/// instruments (`/svar/tilbud/<offer>/<secret>`), no account: as the WHO-5
/// link — what the answers are for, the questions or "nej tak"; single use,
/// expiring, only the secret's hash stored. The answer is stored at the
/// offer with method *spørgeskema udfyldt af borgeren* and respondent
/// *borger*, at the link's measurement point.
struct OfferAnswerRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("svar", "tilbud", ":offer", ":token")
        r.get(use: show)
        r.post(use: answer)
        r.post("nej", use: decline)
    }

    private struct Found {
        var offer: Offer
        var offerID: UUID
        var hash: String
        var version: Int
        var link: OfferAnswerLink
        var instrument: OfferInstrument
    }

    private func find(_ req: Request) async throws -> Found? {
        let token = req.parameters.get("token") ?? ""
        guard token.count <= 64, let offerID = req.parameters.get("offer").flatMap(UUID.init(uuidString:)), let offer = try await req.store.offers.find(offerID) else { return nil }
        let hash = Secrets.sha256(token)
        guard let doc = try await req.store.offers.current(OfferAnswerLink.self, offer: offerID, kind: .answerLink, key: hash) else { return nil }
        let catalogue = try await req.store.offers.current(InstrumentCatalogue.self, offer: offerID, kind: .instruments, key: "catalogue")?.value ?? InstrumentCatalogue()
        guard let instrument = catalogue.all.first(where: { $0.id == doc.value.instrument }) else { return nil }
        return Found(offer: offer, offerID: offerID, hash: hash, version: doc.version, link: doc.value, instrument: instrument)
    }

    private func action(_ req: Request) -> String { "/svar/tilbud/\(req.parameters.get("offer") ?? "")/\(req.parameters.get("token") ?? "")" }

    @Sendable func show(req: Request) async throws -> Response {
        guard let found = try await find(req) else { return try await AnswerRoutes.unknown(req) }
        let today = DanishDate.today
        if found.link.state == .issued {
            do {
                let opened = try found.link.moved(to: .opened, on: today)
                try await req.store.offers.save(opened, offer: found.offerID, kind: .answerLink, key: found.hash, by: "borger (link)", after: found.version)
            } catch let refusal as MeasurementLink.Refusal {
                return try await AnswerRoutes.refused(req, refusal)
            } catch {
                // Opened at the same moment elsewhere: the page is shown all the same.
            }
        } else if let refusal = found.link.refusal(on: today) {
            return try await AnswerRoutes.refused(req, refusal)
        }
        let page = AnswerRoutes.Page(token: "", form: InstrumentForm(found.instrument), title: found.instrument.name, message: nil, done: false, action: action(req))
        return try await req.view.render("answer", page).encodeResponse(for: req)
    }

    @Sendable func answer(req: Request) async throws -> Response {
        guard let found = try await find(req) else { return try await AnswerRoutes.unknown(req) }
        let today = DanishDate.today
        guard let items = try? AnswerForm.decode(req, count: found.instrument.itemTexts.count), found.instrument.problems(in: items).isEmpty else {
            let page = AnswerRoutes.Page(token: "", form: InstrumentForm(found.instrument), title: found.instrument.name,
                                         message: "Et af svarene kunne ikke læses. Vælg et af svarene ud for hvert spørgsmål, eller spring det over, og send igen.", done: false, action: action(req))
            return try await req.view.render("answer", page).encodeResponse(status: .badRequest, for: req)
        }
        let pseudonym = try await UUID(uuidString: found.link.citizen).asyncFlatMap { try await req.store.citizens.find(id: $0) }?.pseudonym ?? "(slettet)"
        let answer = OfferAnswer(id: OfferContext.newKey(), citizen: found.link.citizen, instrument: found.instrument.id, day: today, items: items,
                                 score: found.instrument.score(items), point: found.link.point, method: .questionnaire, respondent: .citizen, enteredBy: "borger (link)")
        do {
            let spent = try found.link.moved(to: .answered, on: today)
            let name = found.offer.name
            // The link is spent and the answer stored in one transaction; a second answer or a "nej tak" sent at once finds the next version taken.
            try await req.audited(.measurementAnswered, area: found.offer.municipality, detail: { _ in "borger \(pseudonym): \(found.instrument.name) i tilbud \(name) via link" }) { store in
                try await store.offers.save(spent, offer: found.offerID, kind: .answerLink, key: found.hash, by: "borger (link)", after: found.version)
                try await store.offers.save(answer, offer: found.offerID, kind: .answer, key: answer.id, by: "borger (link)")
            }
        } catch let refusal as MeasurementLink.Refusal {
            return try await AnswerRoutes.refused(req, refusal)
        } catch {
            // Another answer or "nej tak" took the link's next version first: say what happened to it.
            if let now = try await find(req), let refusal = now.link.refusal(on: DanishDate.today) { return try await AnswerRoutes.refused(req, refusal) }
            throw error
        }
        let left = items.filter { $0 == nil }.count
        let note = left == 0 ? "Dine svar er gemt." : "Dine svar er gemt. Du sprang \(left) spørgsmål over; det er helt i orden."
        return try await AnswerRoutes.done(req, title: "Tak!", message: note + " Du kan lukke siden nu. Du og din kontaktperson kan tale om svarene næste gang, I ses.")
    }

    @Sendable func decline(req: Request) async throws -> Response {
        guard let found = try await find(req) else { return try await AnswerRoutes.unknown(req) }
        do {
            let declined = try found.link.moved(to: .declined, on: DanishDate.today)
            try await req.audited(.measurementDeclined, area: found.offer.municipality, detail: { _ in "borger i tilbud \(found.offer.name): \(found.instrument.name)" }) { store in
                try await store.offers.save(declined, offer: found.offerID, kind: .answerLink, key: found.hash, by: "borger (link)", after: found.version)
            }
        } catch let refusal as MeasurementLink.Refusal {
            return try await AnswerRoutes.refused(req, refusal)
        } catch {
            // Another answer or "nej tak" took the link's next version first: say what happened to it.
            if let now = try await find(req), let refusal = now.link.refusal(on: DanishDate.today) { return try await AnswerRoutes.refused(req, refusal) }
            throw error
        }
        return try await AnswerRoutes.done(req, title: "Tak for besked", message: "Du har sagt nej tak, og der er ikke gemt noget. Du kan altid tale med din kontaktperson om det.")
    }
}
