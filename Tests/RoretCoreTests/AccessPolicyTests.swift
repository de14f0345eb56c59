import Testing
@testable import RoretCore

/// Who may see what: the rules the web application and the API ask.
@Suite struct AccessPolicyTests {
    @Test func onlyCitizensAreKeptFromTheAggregates() {
        for role in Role.allCases {
            #expect(AccessPolicy.maySeeAggregates(role) == (role != .citizen), "\(role)")
        }
    }

    @Test func onlyAnalystsMayAskForUnsuppressedFigures() {
        for role in Role.allCases {
            #expect(AccessPolicy.mayRequestUnsuppressed(role) == (role == .analyst), "\(role)")
            #expect(AccessPolicy.mayUseAPI(role) == (role == .analyst), "\(role)")
            #expect(AccessPolicy.mayAdminister(role) == (role == .administrator), "\(role)")
        }
    }

    @Test func aMunicipalAnalystSeesOnlyTheirOwnMunicipalityUnsuppressed() {
        #expect(AccessPolicy.mayUnsuppress(role: .analyst, userArea: "265", area: "265"))
        #expect(!AccessPolicy.mayUnsuppress(role: .analyst, userArea: "265", area: "253"))
        // The national total holds other municipalities' citizens.
        #expect(!AccessPolicy.mayUnsuppress(role: .analyst, userArea: "265", area: nationalArea))
    }

    @Test func aNationalAnalystSeesEveryAreaUnsuppressed() {
        for area in ["101", "265", nationalArea] {
            #expect(AccessPolicy.mayUnsuppress(role: .analyst, userArea: nationalArea, area: area))
        }
    }

    @Test func noOtherRoleSeesUnsuppressedFiguresEvenInTheirOwnArea() {
        for role in Role.allCases where role != .analyst {
            #expect(!AccessPolicy.mayUnsuppress(role: role, userArea: "265", area: "265"), "\(role)")
            #expect(!AccessPolicy.mayUnsuppress(role: role, userArea: nationalArea, area: "265"), "\(role)")
        }
    }
}
