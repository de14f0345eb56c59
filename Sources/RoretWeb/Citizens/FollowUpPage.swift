import RoretCore
import RoretStore
import Vapor

/// *Opfølgning*: what needs attention in the user's active cases, by urgency.
struct FollowUpPage: Encodable {
    struct Item: Encodable {
        var href: String
        var pseudonym: String
        var name: String
        var text: String
        var measurement: String?
        var citizenID: String
    }

    struct Group: Encodable {
        var title: String
        var id: String
        var items: [Item]
        var count: Int
    }

    var chrome: Chrome
    var groups: [Group]
    var isEmpty: Bool
    var canHandle: Bool
    var today: String
    /// Rounds of the leaders' questionnaires the user is invited to answer.
    var invitations: [Invitation] = []
    var hasInvitations = false

    struct Invitation: Encodable {
        var href: String
        var title: String
    }
}

extension FollowUpPage {
    init(_ req: Request, caseload: CitizenListRoutes.Caseload, canHandle: Bool) throws {
        chrome = try Chrome(req, title: "Opfølgning", active: "/opfoelgning")
        var groups: [Group] = []
        for urgency in FollowUpItem.Urgency.allCases {
            let items = caseload.rows.flatMap { c, _, items in
                items.filter { $0.urgency == urgency }.map {
                    Item(href: "/borgere/\(c.id.uuidString)", pseudonym: c.pseudonym, name: c.name ?? "", text: $0.text,
                         measurement: $0.measurementID, citizenID: c.id.uuidString)
                }
            }
            guard !items.isEmpty else { continue }
            let title = urgency == .alert ? "Opmærksomhed på borgerens egne svar" : urgency.danishName
            groups.append(Group(title: title, id: "u-\(urgency.rawValue)", items: items, count: items.count))
        }
        self.groups = groups
        isEmpty = groups.isEmpty
        self.canHandle = canHandle
        today = DanishDate.today.danish
    }
}
