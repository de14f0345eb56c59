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

/// Who may read a citizen's record.
@Suite struct CitizenAccessTests {
    let facts = CitizenAccessFacts(municipality: "265", caseworker: "sara", activeProviders: ["Bostedet"], ownAccount: "anna")

    @Test func theAssignedCaseworkerInTheMunicipality() {
        #expect(AccessPolicy.mayReadCitizen(role: .caseworker, username: "sara", area: "265", provider: nil, facts))
        #expect(!AccessPolicy.mayReadCitizen(role: .caseworker, username: "peter", area: "265", provider: nil, facts), "another caseworker")
        #expect(!AccessPolicy.mayReadCitizen(role: .caseworker, username: "sara", area: "253", provider: nil, facts), "same name, other municipality")
        #expect(AccessPolicy.mayWorkOnCitizen(role: .caseworker, username: "sara", area: "265", provider: nil, facts))
    }

    @Test func providerStaffWithAnActiveIntervention() {
        #expect(AccessPolicy.mayReadCitizen(role: .provider, username: "ulla", area: "265", provider: "Bostedet", facts))
        #expect(!AccessPolicy.mayReadCitizen(role: .provider, username: "ulla", area: "265", provider: "Værestedet", facts))
        #expect(!AccessPolicy.mayReadCitizen(role: .provider, username: "ulla", area: "265", provider: nil, facts))
    }

    @Test func theCitizenThemselfButNoOtherCitizen() {
        #expect(AccessPolicy.mayReadCitizen(role: .citizen, username: "anna", area: "265", provider: nil, facts))
        #expect(!AccessPolicy.mayReadCitizen(role: .citizen, username: "bo", area: "265", provider: nil, facts))
        #expect(!AccessPolicy.mayWorkOnCitizen(role: .citizen, username: "anna", area: "265", provider: nil, facts), "the citizen answers through links, not staff forms")
    }

    @Test func leadersAnalystsAndAdministratorsSeeAggregatesOnly() {
        for role in [Role.leader, .analyst, .administrator] {
            for area in ["265", nationalArea] {
                #expect(!AccessPolicy.mayReadCitizen(role: role, username: "sara", area: area, provider: "Bostedet", facts), "\(role)")
            }
        }
    }
}

/// Backoff, not a hard lock, worked by hand.
@Suite struct SignInThrottleTests {
    let t0 = 1_000_000.0
    let throttle = SignInThrottle()

    func failures(_ n: Int, lastSecondsAgo: Double) -> SignInThrottle.Failures {
        .init(count: n, last: t0 - lastSecondsAgo)
    }

    @Test func fourFailuresFromOneAddressCostNothing() {
        #expect(throttle.wait(nameAndAddress: failures(4, lastSecondsAgo: 0), name: failures(4, lastSecondsAgo: 0), address: failures(4, lastSecondsAgo: 0), now: t0) == nil)
    }

    @Test func theFifthStartsA30SecondWaitThatDoubles() {
        #expect(throttle.wait(nameAndAddress: failures(5, lastSecondsAgo: 10), name: .none, address: .none, now: t0) == 20)
        #expect(throttle.wait(nameAndAddress: failures(5, lastSecondsAgo: 30), name: .none, address: .none, now: t0) == nil, "waited out")
        #expect(throttle.wait(nameAndAddress: failures(6, lastSecondsAgo: 0), name: .none, address: .none, now: t0) == 60)
        #expect(throttle.wait(nameAndAddress: failures(8, lastSecondsAgo: 0), name: .none, address: .none, now: t0) == 240)
        #expect(throttle.wait(nameAndAddress: failures(40, lastSecondsAgo: 0), name: .none, address: .none, now: t0) == 900, "at most 15 minutes")
    }

    @Test func anotherAddressIsNotLockedOutByOnesGuessing() {
        // 5 failures from the attacker's address: the user's own address has none.
        #expect(throttle.wait(nameAndAddress: .none, name: failures(5, lastSecondsAgo: 0), address: .none, now: t0) == nil)
        #expect(throttle.wait(nameAndAddress: .none, name: failures(20, lastSecondsAgo: 0), address: .none, now: t0) == 30, "many addresses at one name are slowed too")
        #expect(throttle.wait(nameAndAddress: .none, name: .none, address: failures(31, lastSecondsAgo: 0), now: t0) == 60, "one address at many names")
    }
}
