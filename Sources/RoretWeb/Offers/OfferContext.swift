import Foundation
import RoretCore
import RoretStore
import Vapor

/// The offer on the path (`:offer`) and what the signed-in user may do
/// with it, decided by `AccessPolicy`; a refusal is audited and answered 403.
struct OfferContext {
    enum Act { case read, edit }

    let offer: Offer
    let offerID: UUID
    let account: Account
    let canEdit: Bool

    init(_ req: Request, _ act: Act) async throws {
        let account = try req.requireAccount()
        guard let id = req.parameters.get("offer").flatMap(UUID.init(uuidString:)), let offer = try await req.store.offers.find(id) else { throw Abort(.notFound) }
        let canEdit = AccessPolicy.mayEditOffer(role: account.role, username: account.username, area: account.area, offerID: account.offerKey, offer)
        let canRead = AccessPolicy.mayReadOffer(role: account.role, username: account.username, area: account.area, offerID: account.offerKey, offer)
        guard act == .edit ? canEdit : canRead else {
            try await req.audit(.accessDenied, area: offer.municipality, detail: "tilbud \(offer.name)")
            throw Abort(.forbidden)
        }
        self.offer = offer
        offerID = id
        self.account = account
        self.canEdit = canEdit
    }

    private init(offer: Offer, offerID: UUID, account: Account, canEdit: Bool) {
        self.offer = offer
        self.offerID = offerID
        self.account = account
        self.canEdit = canEdit
    }

    /// Another offer as the signed-in user reads it (for lists of offers); nil when they may not.
    static func reading(_ offer: Offer, account: Account) -> OfferContext? {
        guard let id = UUID(uuidString: offer.id),
              AccessPolicy.mayReadOffer(role: account.role, username: account.username, area: account.area, offerID: account.offerKey, offer) else { return nil }
        return OfferContext(offer: offer, offerID: id, account: account,
                            canEdit: AccessPolicy.mayEditOffer(role: account.role, username: account.username, area: account.area, offerID: account.offerKey, offer))
    }

    /// The same offer seen as a reader who may not see its citizens (counts under disclosure control).
    var asReader: OfferContext { OfferContext(offer: offer, offerID: offerID, account: account, canEdit: false) }

    /// The offer's start page.
    var base: String { "/tilbud/\(offerID.uuidString)" }

    /// After a save: the message on the next page, and back to `path`, so a refresh resubmits nothing.
    func saved(_ req: Request, _ message: String, to path: String) -> Response {
        req.notice(message)
        return req.redirect(to: path)
    }

    /// Runs `work` and its audit entry in one transaction.
    @discardableResult
    func audited<T: Sendable>(_ req: Request, _ what: String, _ work: @escaping @Sendable (Store) async throws -> T) async throws -> T {
        let name = offer.name
        return try await req.audited(.offerChanged, area: offer.municipality, detail: { _ in "tilbud \(name): \(what)" }, work)
    }

    /// A new document key.
    static func newKey() -> String { String(UUID().uuidString.prefix(8)).lowercased() }
}
