import Foundation
import RoretCore
import RoretStore
import Vapor

/// The administrator's outbox (*udbakken*): what is waiting, sent and
/// failed, and sending a failed message to staff again. Whose messages an
/// administrator sees is `AccessPolicy.mayManageMessage`: a municipality's
/// administrator that municipality's (the list is read so), the country's all.
struct OutboxRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let outbox = routes.grouped("admin", "udbakke")
        outbox.get(use: page)
        outbox.post(":message", "send-igen", use: sendAgain)
    }

    @Sendable func page(req: Request) async throws -> Response {
        let area = try req.requireAccount().area
        let municipality = area == nationalArea ? nil : area
        let filter = req.pageQuery["status"].flatMap(MessageState.init(rawValue:))
        let messages = try await req.store.messages.all(municipality: municipality, state: filter)
        let counts = try await req.store.messages.counts(municipality: municipality)
        let page = try OutboxPage(req, messages: messages, counts: counts, filter: filter,
                                  reminders: try await req.store.measurements.allReminders(), actionReminders: try await req.store.leadership.actionReminders())
        return try await req.renderPage("outbox", page, chrome: page.chrome)
    }

    @Sendable func sendAgain(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        guard let id = req.parameters.get("message").flatMap(UUID.init(uuidString:)),
              let message = try await req.store.messages.find(id: id),
              AccessPolicy.mayManageMessage(role: account.role, area: account.area, municipality: message.municipality) else { throw Abort(.notFound) }
        let again = try await req.audited(.messagesChanged, area: message.municipality, detail: { _ in "besked til \(message.addressee) sendt igen" }) { store in
            try await store.messages.sendAgain(id)
        }
        guard again != nil else {
            req.notice("Beskeden kan ikke sendes igen: kun fejlede beskeder til medarbejdere kan det. Et link til en borger laves på ny fra borgerens side.")
            return req.redirect(to: "/admin/udbakke")
        }
        req.roret.delivery.deliverSoon(store: req.store, logger: req.logger)
        req.notice("Beskeden til \(message.addressee) sendes igen.")
        return req.redirect(to: "/admin/udbakke?status=pending")
    }
}
