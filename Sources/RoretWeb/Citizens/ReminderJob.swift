import RoretCore
import RoretStore

/// Puts a reminder in the outbox (*udbakken*) for each citizen and
/// instrument whose measurement is due or overdue (the municipality's
/// `MeasurementSchedule` and any ad-hoc request), and for each goal whose
/// follow-up date is within the municipality's lead days (`GoalReminders`),
/// addressed to the caseworker; and for each overdue leadership action, to
/// the account named to be reminded (`ActionBoard.reminders`); and for each
/// measurement due at an offer by its plan, to its leader (`OfferReminders`). Never twice for the same citizen and
/// instrument while one is pending; answering cancels it (in the answer's
/// transaction). A sender plug-in delivers from the outbox and marks each
/// reminder sent or failed.
public enum ReminderJob {
    /// Recipient when a citizen has no caseworker: someone must pick it up.
    public static let unassigned = "(ingen sagsbehandler)"

    /// Runs once for `today`; returns how many reminders are pending after it.
    @discardableResult
    public static func run(store: Store, today: Day) async throws -> Int {
        let citizens = try await store.citizens.all()
        var settings: [String: CaseWorkSettings] = [:]
        for (citizen, file) in zip(citizens, try await store.cases.files(of: citizens)) {
            if settings[citizen.municipality] == nil { settings[citizen.municipality] = try await store.cases.settings(for: citizen.municipality) }
            for (goalID, date) in GoalReminders.due(file, on: today, settings: settings[citizen.municipality]!) {
                try await store.measurements.enqueueGoalReminder(citizenID: citizen.id, goalID: goalID, dueOn: date, recipient: citizen.caseworker ?? unassigned)
            }
        }
        for municipality in Set(citizens.map(\.municipality)).union(try await store.accounts.all().map(\.area)) where municipality != nationalArea {
            for (action, recipient, due) in ActionBoard.reminders(try await store.leadership.actions(municipality: municipality), on: today) {
                try await store.leadership.enqueueReminder(for: action, to: recipient, due: due)
            }
        }
        for citizen in citizens {
            let answers = try await store.measurements.measurements(of: citizen.id)
            for instrument in Instrument.allCases {
                let (status, due) = try await store.schedules.status(of: citizen, instrument, answers: answers, today: today)
                guard status.needsMeasurement else { continue }
                try await store.measurements.enqueueReminder(citizenID: citizen.id, instrument: instrument, dueOn: due, recipient: citizen.caseworker ?? unassigned)
            }
        }
        try await OfferReminders.run(store: store, today: today)
        return try await store.measurements.reminders(.pending).count
    }
}
