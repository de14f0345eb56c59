@testable import RoretCore
import Testing

/// Reports, the learning meeting, the cycle review and the citizen's link at an offer (issue 13).
@Suite struct OfferReportTests {
    let offer = Offer(id: "o1", municipality: "265", name: "Bostøtten", paragraphs: [.p85], leader: "leder-bostoette")

    @Test func personLevelReportsOnlyForThoseWhoEditTheOffer() {
        func may(_ kind: OfferReportKind, _ role: Role, _ user: String, offerID: String? = nil, area: String = "265") -> Bool {
            AccessPolicy.mayReadOfferReport(kind, role: role, username: user, area: area, offerID: offerID, offer)
        }
        for kind in OfferReportKind.allCases {
            #expect(may(kind, .provider, "medarbejder", offerID: "o1"), "\(kind): the offer's staff")
            #expect(may(kind, .leader, "leder-bostoette"), "\(kind): the offer's leader")
            #expect(!may(kind, .provider, "anden", offerID: "o2"), "\(kind): another offer's staff")
            #expect(!may(kind, .caseworker, "sagsbehandler"), "\(kind): a caseworker")
            #expect(!may(kind, .citizen, "borger"), "\(kind): a citizen")
            #expect(!may(kind, .leader, "leder-greve", area: "253"), "\(kind): another municipality's leader")
        }
        #expect(may(.leadership, .leader, "leder") && may(.supervision, .analyst, "analytiker") && may(.leadership, .analyst, "land", area: nationalArea))
        #expect(!may(.staff, .leader, "leder") && !may(.team, .analyst, "analytiker"), "the municipality reads the suppressed reports only")
    }

    @Test func aLinkIsUsableFourteenDaysOnceAndRefusesWhatHappenedToIt() throws {
        let link = OfferAnswerLink(citizen: "c", instrument: "overskud", point: .followUp, issuedOn: day("2026-11-01"))
        #expect(link.expiresOn == day("2026-11-14") && link.state == .issued)
        #expect(link.refusal(on: day("2026-11-14")) == nil)
        #expect(link.refusal(on: day("2026-11-15")) == .expired)
        let opened = try link.moved(to: .opened, on: day("2026-11-02"))
        let answered = try opened.moved(to: .answered, on: day("2026-11-03"))
        #expect(answered.refusal(on: day("2026-11-03")) == .alreadyAnswered)
        #expect(throws: MeasurementLink.Refusal.alreadyAnswered) { try answered.moved(to: .declined, on: day("2026-11-03")) }
        #expect(throws: MeasurementLink.Refusal.expired) { try link.moved(to: .answered, on: day("2026-12-01")) }
        let declined = try link.moved(to: .declined, on: day("2026-11-02"))
        #expect(declined.refusal(on: day("2026-11-02")) == .alreadyDeclined)
    }

    @Test func theTargetGroupAsDescribedAndAsServed() {
        let interventions = [OfferIntervention(id: "a", name: "Bostøtte", targetGroup: "Voksne i egen bolig"), OfferIntervention(id: "b", name: "Gruppeforløb")]
        // c1 and c2 in a; c3 in b; c4 not enrolled; c5 enrolled in an intervention since removed; c1 has a second course in 2026.
        let courses = [
            OfferCourse(citizen: "c1", intervention: "a", start: day("2025-03-01"), end: day("2025-12-01")),
            OfferCourse(citizen: "c1", intervention: "a", start: day("2026-02-01")),
            OfferCourse(citizen: "c2", intervention: "a", start: day("2026-01-10")),
            OfferCourse(citizen: "c3", intervention: "b", start: day("2025-06-01")),
            OfferCourse(citizen: "c4", start: day("2026-04-01")),
            OfferCourse(citizen: "c5", intervention: "gammel", start: day("2026-05-01")),
        ]
        let evidence = TargetGroupEvidence(theoryTargetGroup: "  ", interventions: interventions, courses: courses)
        #expect(evidence.described == nil, "a blank description is no description")
        #expect(evidence.groups.map(\.label) == ["Bostøtte", "Gruppeforløb", "Ikke tilknyttet en indsats"])
        #expect(evidence.groups.map(\.citizens) == [2, 1, 2] && evidence.groups[0].described == "Voksne i egen bolig")
        // 2025: c1, c3; 2026: c1 (again), c2, c4, c5.
        #expect(evidence.startsByYear == [.init(year: 2025, citizens: 2), .init(year: 2026, citizens: 4)])
        #expect(TargetGroupEvidence(theoryTargetGroup: "Voksne", interventions: [], courses: []).groups.isEmpty)
    }

    @Test func aDecisionNeedsWhatAndWhoAndTheReviewCountsWhatIsAnswered() {
        #expect(LearningMeetingMinutes.problems(text: " ", owner: "") == ["Beslutning: skriv hvad der er besluttet.", "Ansvarlig: skriv hvem der har ansvaret for at følge op."])
        #expect(LearningMeetingMinutes.problems(text: "Følgeskab fra start", owner: "Teamleder").isEmpty)
        #expect(LearningMeetingMinutes.key(part: 2, question: 3) == "2.3")
        let review = CycleReviewMinutes(id: "g", day: day("2026-11-01"), title: "Gennemgang", answers: [
            "2.2": .init(experiences: "Flere fra indlæggelse"), "4.1": .init(actions: "Nyt skema"), "5.1": .init(experiences: " ", actions: ""),
        ])
        #expect(review.answered == 2, "a blank answer is not an answer")
        #expect(LearningMeeting.parts.map(\.questions.count) == [0, 8, 6, 2] && CycleReview.phases.map(\.questions.count) == [5, 5, 4, 6, 4, 9])
    }
}
