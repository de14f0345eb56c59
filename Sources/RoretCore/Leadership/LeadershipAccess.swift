extension AccessPolicy {
    /// Whether the user runs the leaders' tools (*ledelsens redskaber*) for
    /// `municipality`: its leaders and analysts, and national ones for any.
    public static func mayRunLeadership(role: Role, userArea: String, municipality: String) -> Bool {
        (role == .leader || role == .analyst) && (userArea == municipality || userArea == nationalArea)
    }

    /// Whether the user may answer a round: those who run it, and the
    /// caseworkers of the municipality invited to it.
    public static func mayAnswerRound(role: Role, username: String, userArea: String, municipality: String, invitees: [String]) -> Bool {
        mayRunLeadership(role: role, userArea: userArea, municipality: municipality)
            || (role == .caseworker && userArea == municipality && invitees.contains(username))
    }
}
