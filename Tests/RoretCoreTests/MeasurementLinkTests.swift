import Testing
@testable import RoretCore

/// The single-use link's lifecycle: expiry, reuse, decline, revoke.
@Suite struct MeasurementLinkTests {
    @Test func aLinkIsValidForItsDaysAndNotOneMore() throws {
        // Issued 1 May, 14 days: the last valid day is 14 May.
        let link = MeasurementLink(instrument: .who5, issuedAt: day("2024-05-01"))
        #expect(link.expiresOn == day("2024-05-14"))
        #expect(link.refusal(on: day("2024-05-14")) == nil)
        #expect(link.refusal(on: day("2024-05-15")) == .expired)
        var late = link
        #expect(throws: MeasurementLink.Refusal.expired) { try late.answer(on: day("2024-05-15")) }
        #expect(late.state == .issued)
    }

    @Test func anAnsweredLinkCannotBeUsedAgain() throws {
        var link = MeasurementLink(instrument: .briefInspireO, issuedAt: day("2024-05-01"))
        try link.open(on: day("2024-05-02"))
        #expect(link.state == .opened)
        try link.answer(on: day("2024-05-02"))
        #expect(link.state == .answered)
        #expect(throws: MeasurementLink.Refusal.alreadyAnswered) { try link.answer(on: day("2024-05-03")) }
        #expect(throws: MeasurementLink.Refusal.alreadyAnswered) { try link.open(on: day("2024-05-03")) }
        #expect(throws: MeasurementLink.Refusal.alreadyAnswered) { try link.revoke() }
    }

    @Test func aDeclinedOrRevokedLinkIsSpent() throws {
        var declined = MeasurementLink(instrument: .who5, issuedAt: day("2024-05-01"))
        try declined.decline(on: day("2024-05-01"))
        #expect(throws: MeasurementLink.Refusal.alreadyDeclined) { try declined.answer(on: day("2024-05-01")) }
        var revoked = MeasurementLink(instrument: .who5, issuedAt: day("2024-05-01"))
        try revoked.revoke()
        #expect(throws: MeasurementLink.Refusal.revoked) { try revoked.open(on: day("2024-05-01")) }
        #expect(revoked.state == .revoked)
    }

    @Test func aStoredLinkComesBackInItsState() {
        let stored = MeasurementLink(instrument: .who5, issuedAt: day("2024-05-01"), expiresOn: day("2024-05-03"), state: .opened)
        #expect(stored.refusal(on: day("2024-05-03")) == nil)
        #expect(stored.refusal(on: day("2024-05-04")) == .expired)
    }
}
