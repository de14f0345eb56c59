import RoretCore
import RoretStore

/// Puts a reminder in the outbox (*udbakken*) for each citizen and
/// instrument whose measurement is due or overdue (`MeasurementSchedule`),
/// addressed to the caseworker. Never twice for the same citizen and
/// instrument while one is pending; answering cancels it (in the answer's
/// transaction). A sender plug-in delivers from the outbox and marks each
/// reminder sent or failed.
public enum ReminderJob {
    /// Recipient when a citizen has no caseworker: someone must pick it up.
    public static let unassigned = "(ingen sagsbehandler)"

    /// Runs once for `today`; returns how many reminders are pending after it.
    @discardableResult
    public static func run(store: Store, today: Day, schedule: MeasurementSchedule = MeasurementSchedule()) async throws -> Int {
        for citizen in try await store.citizens.all() {
            let answers = try await store.measurements.measurements(of: citizen.id)
            for instrument in Instrument.allCases {
                let last = answers.filter { $0.instrument == instrument }.map(\.answeredOn).max()
                let status = schedule.status(lastAnswered: last, startedOn: citizen.followUpStartedOn, today: today)
                guard status.needsMeasurement else { continue }
                let due = schedule.dueDay(lastAnswered: last, startedOn: citizen.followUpStartedOn)
                try await store.measurements.enqueueReminder(citizenID: citizen.id, instrument: instrument, dueOn: due, recipient: citizen.caseworker ?? unassigned)
            }
        }
        return try await store.measurements.reminders(.pending).count
    }
}
