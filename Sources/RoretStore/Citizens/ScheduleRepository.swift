import FluentKit
import Foundation
import RoretCore

/// What decides when citizens' measurements are due: each municipality's
/// cadence and the ad-hoc requests at life changes (*målingsplan*).
public struct ScheduleRepository: Sendable {
    let database: any Database

    /// The municipality's schedule (default: every 6 months).
    public func schedule(for municipality: String) async throws -> MeasurementSchedule {
        let months = try await MunicipalitySettingsModel.query(on: database).filter(\.$municipality == municipality).first()?.cadenceMonths
        return MeasurementSchedule(cadenceMonths: months ?? MeasurementSchedule().cadenceMonths)
    }

    /// Sets the municipality's cadence: 1–24 months.
    public func setCadence(_ months: Int, for municipality: String) async throws {
        guard (1...24).contains(months) else { throw CitizenError.invalidAnswer("kadencen skal være 1–24 måneder") }
        let model = try await MunicipalitySettingsModel.query(on: database).filter(\.$municipality == municipality).first() ?? {
            let m = MunicipalitySettingsModel()
            m.id = UUID()
            m.municipality = municipality
            return m
        }()
        model.cadenceMonths = months
        try await model.save(on: database)
    }

    /// Asks for an extra measurement of both instruments at a life change.
    public func requestAdHoc(for citizenID: UUID, on day: Day, reason: String, by user: String) async throws {
        guard try await CitizenModel.find(citizenID, on: database) != nil else { throw CitizenError.noSuchCitizen }
        let m = MeasurementRequestModel()
        m.id = UUID()
        m.citizenID = citizenID
        m.requestedOn = day.description
        m.reason = reason
        m.requestedBy = user
        try await m.create(on: database)
    }

    /// The days ad-hoc measurements were asked for.
    public func adHocRequests(of citizenID: UUID) async throws -> [Day] {
        try await MeasurementRequestModel.query(on: database).filter(\.$citizenID == citizenID).all().compactMap { Day(iso: $0.requestedOn) }.sorted()
    }

    /// Where the citizen stands for `instrument` on `today`.
    public func status(of citizen: Citizen, _ instrument: Instrument, answers: [StoredMeasurement], today: Day) async throws -> (MeasurementSchedule.Status, due: Day) {
        let schedule = try await schedule(for: citizen.municipality)
        let last = answers.filter { $0.instrument == instrument }.map(\.answeredOn).max()
        let requests = try await adHocRequests(of: citizen.id)
        return (schedule.status(lastAnswered: last, startedOn: citizen.followUpStartedOn, adHocRequests: requests, today: today),
                schedule.dueDay(lastAnswered: last, startedOn: citizen.followUpStartedOn, adHocRequests: requests))
    }
}
