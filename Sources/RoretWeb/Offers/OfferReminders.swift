import Foundation
import RoretCore
import RoretStore

/// Reminders of measurements due at offers (*forfaldne målinger*,
/// results-documentation.md §4): for each running course (or one ended
/// within seven months, for the after-end measurement), each measurement
/// of the offer's plan that is overdue or due within 7 days goes into the
/// outbox once, addressed to the offer's leader.
enum OfferReminders {
    static let noLeader = "(ingen leder af tilbuddet)"

    static func run(store: Store, today: Day) async throws {
        for offer in try await store.offers.all() {
            guard let id = UUID(uuidString: offer.id),
                  let plan = try await store.offers.current(MeasurementPlan.self, offer: id, kind: .measurementPlan, key: "plan")?.value else { continue }
            let answers = try await store.offers.current(OfferAnswer.self, offer: id, kind: .answer).map(\.value)
            for spell in try await store.citizens.spells(atOffer: id) where spell.isActive(on: today) || (spell.end.map { $0.adding(months: 7) >= today } ?? false) {
                let citizen = spell.citizenID.uuidString
                for item in CollectionDue.items(plan: plan, start: spell.start, end: spell.end, answers: answers.filter { $0.citizen == citizen }, today: today)
                where item.state == .overdue || (item.state == .soon && item.day <= today.adding(days: 7)) {
                    try await store.measurements.enqueueOfferReminder(citizenID: spell.citizenID, subject: "\(offer.name): \(item.kind.danishName.lowercased()) \(item.day.danish)",
                                                                      dueOn: item.day, recipient: offer.leader ?? noLeader)
                }
            }
        }
    }
}
