/// What needs the caseworker's attention in one record (*opfølgning*),
/// most urgent first: alerts on the citizen's answers, then what is
/// overdue, due, coming up, and what the plan is missing.
public struct FollowUpItem: Sendable, Hashable {
    public enum Urgency: Int, Sendable, Hashable, Comparable, CaseIterable {
        case alert, overdue, due, soon, missing

        public static func < (a: Urgency, b: Urgency) -> Bool { a.rawValue < b.rawValue }

        public var danishName: String {
            switch self {
            case .alert: "Opmærksomhed"
            case .overdue: "Forfalden"
            case .due: "Skal gøres nu"
            case .soon: "Snart"
            case .missing: "Mangler i planen"
            }
        }
    }

    public enum Kind: String, Sendable, Hashable {
        case answerAlert, goal, measurement, meeting, promisedAnswer, agreement, hopes, resources, network
    }

    public var urgency: Urgency
    public var kind: Kind
    /// In Danish.
    public var text: String
    /// The day it is about, if any (for sorting within an urgency).
    public var day: Day?
    /// For an alert: the answer it is about (to mark it handled).
    public var measurementID: String?
}

public enum FollowUpOverview {
    /// The items of one record on `today`; none for a record that is not active.
    public static func items(for file: CaseFile, on today: Day, schedule: MeasurementSchedule, settings: CaseWorkSettings) -> [FollowUpItem] {
        let s = file.snapshot(on: today)
        guard s.isActive else { return [] }
        var items: [FollowUpItem] = []
        let soon = today.adding(days: settings.reminderLeadDays)
        for alert in AnswerAlerts.alerts(file.answers.filter { $0.answeredOn <= today }) where s.state.handledAlerts[alert.measurementID] == nil {
            items.append(FollowUpItem(urgency: .alert, kind: .answerAlert, text: alert.danishText, day: alert.answeredOn, measurementID: alert.measurementID))
        }
        let followUps = s.followUps
        for goal in s.goals.currentGoals where goal.isOpen {
            guard let date = followUps.date(of: goal.goalID) else { continue }
            if date < today {
                items.append(FollowUpItem(urgency: .overdue, kind: .goal, text: "Målet »\(goal.text)« skulle følges op \(date.danish)", day: date))
            } else if date == today {
                items.append(FollowUpItem(urgency: .due, kind: .goal, text: "Målet »\(goal.text)« skal følges op i dag", day: date))
            } else if date <= soon {
                items.append(FollowUpItem(urgency: .soon, kind: .goal, text: "Målet »\(goal.text)« skal følges op \(date.danish)", day: date))
            }
        }
        for instrument in Instrument.allCases {
            let last = file.answers.filter { $0.instrument == instrument && $0.answeredOn <= today }.map(\.answeredOn).max()
            switch schedule.status(lastAnswered: last, startedOn: file.measurementStart, adHocRequests: file.adHocRequests.filter { $0 <= today }, today: today) {
            case .overdue(let since):
                items.append(FollowUpItem(urgency: .overdue, kind: .measurement, text: "\(instrument.danishName) er forfalden (siden \(since.danish))", day: since))
            case .due(let since):
                items.append(FollowUpItem(urgency: .due, kind: .measurement, text: "\(instrument.danishName) skal måles (siden \(since.danish))", day: since))
            case .notDue: break
            }
        }
        let meetings = s.state.meetings
        for meeting in meetings where meeting.state == .planned {
            if meeting.date < today {
                items.append(FollowUpItem(urgency: .overdue, kind: .meeting, text: "\(meeting.kind.danishName) \(meeting.date.danish) er ikke registreret som holdt eller aflyst", day: meeting.date))
            } else if meeting.date <= soon {
                items.append(FollowUpItem(urgency: .soon, kind: .meeting, text: "\(meeting.kind.danishName) \(meeting.date.danish)", day: meeting.date))
            }
        }
        let lastHeld = s.heldMeetings.map(\.date).max() ?? s.openedOn
        if lastHeld.adding(months: settings.meetingIntervalMonths) <= today, s.state.nextMeeting(from: today) == nil {
            let since = s.heldMeetings.isEmpty ? "siden sagen blev åbnet" : "siden \(lastHeld.danish)"
            items.append(FollowUpItem(urgency: .due, kind: .meeting, text: "Intet møde med borgeren \(since), og intet er planlagt", day: lastHeld))
        }
        if let promised = s.state.opening?.value.answerPromisedOn, (s.state.currentPhase ?? .opening).isBeforeDecision, promised <= soon {
            items.append(FollowUpItem(urgency: promised < today ? .overdue : .due, kind: .promisedAnswer, text: "Borgeren er lovet svar senest \(promised.danish)", day: promised))
        }
        for agreement in s.state.logbook where !agreement.done {
            guard let due = agreement.dueOn, due <= soon else { continue }
            items.append(FollowUpItem(urgency: due < today ? .overdue : .soon, kind: .agreement, text: "Aftale: \(agreement.who) — \(agreement.what) (senest \(due.danish))", day: due))
        }
        if s.currentTexts(.hopesWishesDreams).isEmpty {
            items.append(FollowUpItem(urgency: .missing, kind: .hopes, text: "Håb, ønsker og drømme er ikke beskrevet"))
        }
        if s.currentTexts(.resource).isEmpty {
            items.append(FollowUpItem(urgency: .missing, kind: .resources, text: "Ressourcerne er ikke beskrevet"))
        } else if !s.resourcesConfirmed {
            items.append(FollowUpItem(urgency: .missing, kind: .resources, text: "Borgeren har ikke bekræftet beskrivelsen af sine ressourcer"))
        }
        if s.state.network.isEmpty {
            items.append(FollowUpItem(urgency: .missing, kind: .network, text: "Netværket er ikke afdækket"))
        }
        return items.sorted { ($0.urgency, $0.day ?? Day.openEnd) < ($1.urgency, $1.day ?? Day.openEnd) }
    }
}

extension CasePhase {
    /// Before the decision: the citizen is still waiting for an answer.
    public var isBeforeDecision: Bool {
        switch self {
        case .opening, .inquiry, .assessment: true
        case .decision, .order, .followUp: false
        }
    }
}

/// Which goals the caseworker is reminded to follow up (*påmindelser om
/// opfølgning på mål*): open goals of an active record whose follow-up date
/// in force is within the municipality's lead days (or past).
public enum GoalReminders {
    public static func due(_ file: CaseFile, on today: Day, settings: CaseWorkSettings) -> [(goalID: Int, date: Day)] {
        let s = file.snapshot(on: today)
        guard s.isActive else { return [] }
        let followUps = s.followUps
        let horizon = today.adding(days: settings.reminderLeadDays)
        return s.goals.currentGoals.filter(\.isOpen).compactMap { goal in
            followUps.date(of: goal.goalID).flatMap { $0 <= horizon ? (goal.goalID, $0) : nil }
        }
    }
}
