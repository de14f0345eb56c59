@testable import RoretCore
import Testing

/// Who produces a citizen's data and who erases it; how long an ended record is kept.
@Suite struct DataRightsTests {
    let facts = CitizenAccessFacts(municipality: "265", caseworker: "sagsbehandler", activeProviders: ["o1"], ownAccount: "borger")

    @Test func theAssignedCaseworkerAndTheAdministratorExportOnlyTheAdministratorErases() {
        #expect(AccessPolicy.mayExportCitizenData(role: .caseworker, username: "sagsbehandler", area: "265", facts))
        #expect(!AccessPolicy.mayExportCitizenData(role: .caseworker, username: "sagsbehandler-2", area: "265", facts), "another caseworker")
        #expect(!AccessPolicy.mayExportCitizenData(role: .caseworker, username: "sagsbehandler", area: "253", facts), "the same name in another municipality")
        #expect(!AccessPolicy.mayExportCitizenData(role: .provider, username: "udfoerer", area: "265", facts), "provider staff read the record but do not answer the request")
        #expect(!AccessPolicy.mayExportCitizenData(role: .citizen, username: "borger", area: "265", facts), "the citizen asks; staff answer")
        #expect(!AccessPolicy.mayExportCitizenData(role: .leader, username: "leder", area: "265", facts))
        #expect(AccessPolicy.mayExportCitizenData(role: .administrator, username: "admin", area: nationalArea, facts))
        #expect(AccessPolicy.mayExportCitizenData(role: .administrator, username: "admin-265", area: "265", facts))
        #expect(!AccessPolicy.mayExportCitizenData(role: .administrator, username: "admin-253", area: "253", facts))
        #expect(AccessPolicy.mayEraseCitizen(role: .administrator, area: "265", facts) && AccessPolicy.mayEraseCitizen(role: .administrator, area: nationalArea, facts))
        #expect(!AccessPolicy.mayEraseCitizen(role: .caseworker, area: "265", facts) && !AccessPolicy.mayEraseCitizen(role: .administrator, area: "253", facts))
    }

    @Test func retentionCountsWholeYearsBackFromToday() {
        #expect(Retention().years == 5 && Retention().cutoff(today: day("2026-11-30")) == day("2021-11-30"))
        #expect(Retention(years: 10).cutoff(today: day("2026-02-28")) == day("2016-02-28"))
        #expect(Retention(years: 0).years == 1, "at least a year")
    }
}
