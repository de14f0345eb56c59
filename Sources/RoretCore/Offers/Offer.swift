/// A social offer (*tilbud*, a provider — udfører) as results
/// documentation sees it: what it delivers, who works there, who leads it,
/// and its interventions.
public struct Offer: Sendable, Hashable {
    public var id: String
    public var municipality: String
    /// The name staff accounts and interventions refer to.
    public var name: String
    /// The paragraphs it delivers (their staircase steps follow).
    public var paragraphs: [Paragraph]
    /// The offer's leader (a username), who edits it with its staff.
    public var leader: String?
    public var interventions: [OfferIntervention]

    public init(id: String, municipality: String, name: String, paragraphs: [Paragraph], leader: String?, interventions: [OfferIntervention] = []) {
        self.id = id
        self.municipality = municipality
        self.name = name
        self.paragraphs = paragraphs
        self.leader = leader
        self.interventions = interventions
    }

    /// The staircase steps of its paragraphs, lowest first (0 for off-staircase ones left out).
    public var steps: [Int] { Array(Set(paragraphs.map { Staircase.standard.step(of: $0) }.filter { $0 > 0 })).sorted() }
}

/// An intervention of an offer (*indsats*, results-documentation.md §2):
/// its target group, goals, activities, the mechanisms that make it work,
/// and its knowledge base from three sources.
public struct OfferIntervention: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// Who is in it, who is not, and its sub-groups.
    public var targetGroup: String
    public var notInTargetGroup: String
    public var subGroups: [String]
    public var goals: String
    public var activities: String
    /// *Virkende mekanismer*.
    public var mechanisms: String
    /// *Vidensgrundlag*: research or evaluation, practice experience, the citizens.
    public var researchBasis: String
    public var practiceBasis: String
    public var citizensBasis: String

    public init(id: String, name: String, targetGroup: String = "", notInTargetGroup: String = "", subGroups: [String] = [], goals: String = "", activities: String = "",
                mechanisms: String = "", researchBasis: String = "", practiceBasis: String = "", citizensBasis: String = "") {
        self.id = id
        self.name = name
        self.targetGroup = targetGroup
        self.notInTargetGroup = notInTargetGroup
        self.subGroups = subGroups
        self.goals = goals
        self.activities = activities
        self.mechanisms = mechanisms
        self.researchBasis = researchBasis
        self.practiceBasis = practiceBasis
        self.citizensBasis = citizensBasis
    }
}

extension AccessPolicy {
    /// Whether the user edits the offer's results documentation: its leader,
    /// and provider staff of the offer (`offerID`, the offer their account
    /// belongs to; in its municipality). Never a citizen.
    public static func mayEditOffer(role: Role, username: String, area: String, offerID: String?, _ offer: Offer) -> Bool {
        guard role != .citizen && area == offer.municipality else { return false }
        if offer.leader == username { return true }
        return role == .provider && offerID == offer.id
    }

    /// Whether the user reads it: those who edit it, and the municipality's
    /// leaders and analysts (national ones for every municipality). Citizens
    /// and caseworkers see nothing of it.
    public static func mayReadOffer(role: Role, username: String, area: String, offerID: String?, _ offer: Offer) -> Bool {
        mayEditOffer(role: role, username: username, area: area, offerID: offerID, offer)
            || ((role == .leader || role == .analyst) && (area == offer.municipality || area == nationalArea))
    }
}

extension OfferIntervention {
    /// Every problem, in Danish: a name, and sub-groups named once each.
    public var problems: [String] {
        var p: [String] = []
        if name.allSatisfy(\.isWhitespace) { p.append("Navn: skriv indsatsens navn.") }
        if name.count > 200 { p.append("Navn: højst 200 tegn.") }
        if Set(subGroups).count != subGroups.count { p.append("Målgruppens undergrupper: hver undergruppe skal kun stå én gang.") }
        return p
    }
}

extension AccessPolicy {
    /// Whether the role works with offers' results documentation at all
    /// (the offer itself decides the rest): not citizens, not administrators,
    /// who register offers but read none of their documentation.
    public static func mayUseOffers(_ role: Role) -> Bool { role != .citizen && role != .administrator }
}

extension AccessPolicy {
    /// Whether an account may be named an offer's leader: a provider or a
    /// leader of the offer's municipality.
    public static func mayLeadOffer(role: Role, area: String, municipality: String) -> Bool {
        (role == .provider || role == .leader) && area == municipality
    }
}
