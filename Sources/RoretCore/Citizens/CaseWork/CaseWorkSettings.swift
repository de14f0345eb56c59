/// A municipality's rhythm of follow-up (*opfølgningsintervaller*) and the
/// help text a citizen sees after "tak" when their answer is in the lowest
/// WHO-5 band. Set per municipality by an administrator.
public struct CaseWorkSettings: Sendable, Hashable {
    /// Months from today proposed as a new goal's follow-up date.
    public var goalFollowUpMonths: Int
    /// A meeting with the citizen at least this often.
    public var meetingIntervalMonths: Int
    /// Days before a goal's follow-up date that the caseworker is reminded.
    public var reminderLeadDays: Int
    /// nil: the default text naming the municipality and Livslinien.
    public var helpText: String?

    public static let goalFollowUpRange = 1...12
    public static let meetingIntervalRange = 1...12
    public static let reminderLeadRange = 0...60

    public init(goalFollowUpMonths: Int = 3, meetingIntervalMonths: Int = 6, reminderLeadDays: Int = 7, helpText: String? = nil) {
        self.goalFollowUpMonths = goalFollowUpMonths
        self.meetingIntervalMonths = meetingIntervalMonths
        self.reminderLeadDays = reminderLeadDays
        self.helpText = helpText
    }

    /// What is wrong with the settings, in Danish; empty when they can be saved.
    public var problems: [String] {
        var problems: [String] = []
        if !Self.goalFollowUpRange.contains(goalFollowUpMonths) { problems.append("Opfølgning på mål skal være 1–12 måneder.") }
        if !Self.meetingIntervalRange.contains(meetingIntervalMonths) { problems.append("Møde med borgeren skal være hver 1.–12. måned.") }
        if !Self.reminderLeadRange.contains(reminderLeadDays) { problems.append("Påmindelsen skal komme 0–60 dage før.") }
        if let text = helpText, text.count > 2000 { problems.append("Hjælpeteksten må højst være 2.000 tegn.") }
        return problems
    }

    /// The help text in force for `municipalityName` (e.g. "Roskilde Kommune").
    public func help(municipalityName: String) -> String {
        if let helpText, !helpText.allSatisfy(\.isWhitespace) { return helpText }
        return Self.defaultHelp(municipalityName: municipalityName)
    }

    /// The default: the municipality's own contact and Livslinien.
    public static func defaultHelp(municipalityName: String) -> String {
        "Har du det svært lige nu, så tal med din kontaktperson eller ring til \(municipalityName) og bed om at tale med socialpsykiatrien. "
            + "Du kan også ringe anonymt til Livslinien på 70 201 201 (alle dage kl. 11–05). Er der fare for liv, så ring 112."
    }
}
