import FluentKit
import Foundation
import RoretCore

/// The citizen's contact for links as stored, with who recorded the consent and when.
public struct StoredContact: Sendable, Hashable {
    public var contact: CitizenContact
    public var consentRecordedBy: String
    public var consentOn: Day
}

/// The citizen's consent and contact for measurement links (*samtykke og
/// kontakt*): one row per citizen while the consent stands; withdrawing it
/// deletes the row and cancels the citizen's messages not yet sent.
public struct CitizenContactRepository: Sendable {
    let database: any Database

    public func contact(of citizenID: UUID) async throws -> StoredContact? {
        try await CitizenContactModel.query(on: database).filter(\.$citizenID == citizenID).first().map {
            StoredContact(contact: CitizenContact(phone: $0.phone, email: $0.email), consentRecordedBy: $0.consentRecordedBy,
                          consentOn: Day(iso: $0.consentOn) ?? Day(rawValue: 0))
        }
    }

    /// Records the consent with the contact (replacing an earlier one).
    public func save(_ contact: CitizenContact, for citizenID: UUID, by username: String, on day: Day) async throws {
        try await database.transaction { db in
            let m = try await CitizenContactModel.query(on: db).filter(\.$citizenID == citizenID).first() ?? CitizenContactModel()
            if m.id == nil { m.id = UUID(); m.citizenID = citizenID }
            m.phone = contact.phone
            m.email = contact.email
            m.consentRecordedBy = username
            m.consentOn = day.description
            m.updatedAt = Date()
            try await m.save(on: db)
        }
    }

    /// The citizen withdrew the consent: the contact is deleted and pending messages cancelled. False when there was none.
    @discardableResult
    public func withdraw(for citizenID: UUID) async throws -> Bool {
        try await database.transaction { db in
            guard let m = try await CitizenContactModel.query(on: db).filter(\.$citizenID == citizenID).first() else { return false }
            try await m.delete(on: db)
            try await MessageRepository.cancelPending(citizenID: citizenID, on: db)
            return true
        }
    }
}
