import RoretCore
import RoretStore

/// Demo case histories for Roskilde (*demosager*): forty citizens over the
/// last two years in every phase — first contacts, hopes in their own
/// words (or not yet), goals with reviews on time, late or missing,
/// networks with and without a coordinator, meetings held and planned with
/// the citizen's own agenda items and ratings, answers that raise alerts,
/// and endings — so every page and every practice indicator has content,
/// and a few of the leader's cells are small enough to be withheld.
/// Deterministic: the same histories on every new database.
enum DemoCaseHistories {
    /// The demo's dice: Core's deterministic `SplitMix64`.
    struct Dice {
        var rng: SplitMix64
        init(state: UInt64) { rng = SplitMix64(seed: state) }
        mutating func int(_ range: ClosedRange<Int>) -> Int { rng.inRange(range) }
        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
        mutating func pick<T>(_ list: [T]) -> T { list[int(0...(list.count - 1))] }
    }

    static let hopes = [
        "Jeg vil gerne have en hverdag, hvor jeg kan overskue at handle ind og lave mad selv.",
        "Jeg drømmer om at komme tilbage til mit arbejde som tømrer, måske på nedsat tid.",
        "Jeg vil gerne se mine børn hver weekend og være en far, de kan regne med.",
        "Jeg håber på at kunne sove om natten og ikke være bange, når jeg går ud.",
        "Jeg vil gerne synge i et kor igen og have nogle venner at ses med.",
        "Jeg vil bo i min egen lejlighed uden at skulle have besøg hver dag.",
        "Jeg drømmer om at tage en uddannelse som pædagogmedhjælper.",
        "Jeg vil gerne kunne tage toget alene til min mor i Næstved.",
    ]
    static let goals = [
        ("Handle ind to gange om ugen", "Lave en madplan for ugen"),
        ("Arbejdsprøvning i et værksted", "Tale med jobcentret om et forløb"),
        ("Faste samvær med børnene", "Finde en aktivitet, vi kan lave sammen"),
        ("Bedre søvn", "Lave en aftenrutine"),
        ("Deltage i koret hver torsdag", "Tage med til prøvesang"),
        ("Klare regninger og post selv", "Sætte betalingsservice op"),
        ("Søge optagelse på uddannelsen", "Besøge skolen på åbent hus"),
        ("Tage toget alene", "Tage toget sammen med støttepersonen først"),
    ]
    static let people: [(String, NetworkEntry.Kind, NetworkEntry.Sector?, String)] = [
        ("Søster, Lise", .personal, nil, "Ringer hver søndag, hjælper med indkøb"),
        ("Ven fra skolen, Ahmed", .personal, nil, "Går ture sammen"),
        ("Far", .personal, nil, "Hjælper med økonomien"),
        ("Jobcenter Roskilde, Mette", .professional, .jobCentre, "Arbejdsprøvning og afklaring"),
        ("Distriktspsykiatrien, Peter", .professional, .psychiatry, "Behandling og medicin"),
        ("Egen læge", .professional, .generalPractitioner, "Helbred og søvn"),
        ("Rusmiddelcentret", .professional, .addictionTreatment, "Samtaler om alkohol"),
        ("Klubhuset Roskilde", .community, nil, "Fællesskab og frokost"),
        ("Roskilde Kor", .community, nil, "Synger om torsdagen"),
        ("Idrætsforeningen", .community, nil, "Gåfodbold om lørdagen"),
    ]

    /// Seeds the histories; `pseudonyms` are persons of the extract in Roskilde.
    static func seed(_ store: Store, pseudonyms: [String], today: Day) async throws {
        var dice = Dice(state: 265)
        for (i, pseudonym) in pseudonyms.enumerated() {
            let caseworker = i % 4 == 3 ? "sagsbehandler2" : "sagsbehandler"
            try await seedOne(store, pseudonym: pseudonym, index: i, caseworker: caseworker, today: today, dice: &dice)
        }
    }

    private static func seedOne(_ store: Store, pseudonym: String, index i: Int, caseworker: String, today: Day, dice: inout Dice) async throws {
        let opened = today.adding(days: -(12 + (i * 53) % 700))
        let contact = opened.adding(days: -dice.int(1...12))
        let citizen = try await store.citizens.create(municipality: "265", pseudonym: pseudonym, name: nil, caseworker: caseworker, followUpStartedOn: opened)
        func fact(_ f: CaseFact, _ day: Day, by: String? = nil) async throws {
            guard day <= today else { return }
            try await store.cases.record(f, for: citizen.id, on: day, by: by ?? caseworker)
        }
        try await fact(.opening(CaseOpening(firstContactOn: contact, openedOn: opened, answerPromisedOn: contact.adding(days: 14),
                                            request: dice.pick(["Hjælp til at komme i gang med hverdagen", "Støtte i egen bolig", "Ensomhed og angst", "Hjælp til økonomi og post"]))), opened)
        try await fact(.phase(PhaseChange(phase: .inquiry)), opened)
        var phaseDay = opened
        for phase in [CasePhase.assessment, .decision, .order, .followUp] {
            phaseDay = phaseDay.adding(days: dice.int(5...25))
            if phaseDay > today { break }
            try await store.citizens.setPhase(phase, of: citizen.id)
            try await fact(.phase(PhaseChange(phase: phase)), phaseDay)
        }
        let candidate = min(today.adding(days: -dice.int(3...200)), opened.adding(days: 200))
        let ended: Day? = i % 5 == 4 && candidate >= opened.adding(days: 30) ? candidate : nil
        let last = ended.map { min($0, today) } ?? today
        // Hopes, goals and their follow-up.
        var hopeID: String? = nil
        if dice.chance(88) {
            let written = opened.adding(days: dice.chance(75) ? dice.int(3...28) : dice.int(32...60))
            if written <= last {
                let entry = try await store.plans.addEntry(to: citizen.id, kind: .hopesWishesDreams, text: hopes[i % hopes.count], inCitizensWords: dice.chance(75), on: written, by: caseworker)
                hopeID = entry.id.uuidString
                let (goalText, subText) = goals[i % goals.count]
                var followUp = written.adding(months: 3)
                let goalID = try await store.plans.addGoal(to: citizen.id, .init(text: goalText, horizon: .longTerm, followUpOn: followUp, servesHopes: [hopeID!]), on: written, by: caseworker)
                if dice.chance(60) {
                    try await store.plans.addGoal(to: citizen.id, .init(text: subText, horizon: .shortTerm, followUpOn: written.adding(months: 2), parentGoalID: goalID, servesHopes: [hopeID!]), on: written, by: caseworker)
                }
                if dice.chance(25) {
                    try await store.plans.addGoal(to: citizen.id, .init(text: "Komme ud af lejligheden hver dag", horizon: .shortTerm, followUpOn: written.adding(months: 1)), on: written, by: caseworker)
                }
                // Reviews: mostly on time, some late, some never.
                while followUp.adding(days: 14) < last {
                    let roll = dice.int(0...99)
                    if roll >= 92 { break }
                    let reviewed = followUp.adding(days: roll < 65 ? dice.int(-3...10) : dice.int(16...40))
                    if reviewed > last { break }
                    let next = reviewed.adding(months: 3)
                    try await fact(.review(GoalReview(goalID: goalID, citizenTookPart: dice.chance(80), citizensView: dice.pick([.onTheWay, .onTheWay, .notOnTheWay, .reached]),
                                                      nextFollowUpOn: next, note: dice.pick(["Ingen ændringer; borgeren vil gerne fortsætte.", "Går bedre end ventet.", "Svært i perioden; målet fastholdes."]))), reviewed)
                    followUp = next
                }
            }
        }
        // Resources, sometimes confirmed.
        if dice.chance(72) {
            let written = opened.adding(days: dice.int(7...40))
            if written <= last {
                let entry = try await store.plans.addEntry(to: citizen.id, kind: .resource, text: dice.pick([
                    "God til at lave mad og holde orden. Har humor og er vedholdende.", "Kreativ og god med dyr. Kan godt lide at hjælpe andre.",
                    "Har en stærk vilje og kender sine tidlige tegn på at få det dårligt.",
                ]), inCitizensWords: dice.chance(40), on: written, by: caseworker)
                if dice.chance(62) {
                    try await fact(.resources(ResourceResponse(entryID: entry.id.uuidString, confirmed: true, comment: "", channel: dice.chance(50) ? .meeting : .ownPage)),
                                   written.adding(days: dice.int(1...20)), by: "borger")
                }
            }
        }
        // Network and coordinator.
        var names: [String] = []
        if dice.chance(82) {
            for person in people.indices.shuffledDeterministically(&dice).prefix(dice.int(1...4)) {
                let (name, kind, sector, helps) = people[person]
                names.append(name)
                let coordinator = kind == .professional && dice.chance(60) && !names.dropLast().contains { n in people.contains { $0.0 == n && $0.1 == .professional } }
                try await fact(.network(NetworkEntry(entryID: 0, name: name, kind: kind, state: dice.pick([.active, .active, .dormant, .strained]), wish: dice.pick([.yes, .yes, .undecided, .no]),
                                                     helpsWith: helps, sector: sector, isCoordinator: coordinator,
                                                     coordinatorTasks: coordinator ? "Samler trådene mellem behandling, job og bolig" : "",
                                                     citizenKeeps: coordinator ? "Aftaler med familien og egne lægetider" : "")), opened.adding(days: dice.int(5...30)))
            }
        }
        // Meetings: a first meeting, follow-ups every few months, some planned ahead.
        var meetingID = 0
        var date = max(contact.adding(days: dice.int(4...30)), opened.adding(days: 1))
        var kind = Meeting.Kind.first
        while date <= last {
            meetingID += 1
            let place = dice.pick(Meeting.Place.allCases)
            let invited = date.adding(days: -dice.int(5...14))
            let participants = names.isEmpty || !dice.chance(40) ? [] : [names[0]] + (dice.chance(30) ? ["Udfører"] : [])
            var meeting = Meeting(meetingID: 0, kind: kind, date: date, place: place, invitedOn: invited, participants: participants)
            try await fact(.meeting(meeting), max(invited, opened))
            meeting.meetingID = meetingID
            if dice.chance(45) { try await fact(.agenda(AgendaItem(meetingID: meetingID, text: dice.pick(["Min medicin", "Min økonomi", "At komme mere ud"]), byCitizen: true)), max(invited, opened).adding(days: 1), by: "borger") }
            try await fact(.agenda(AgendaItem(meetingID: meetingID, text: "Opfølgning på målene", byCitizen: false)), max(invited, opened).adding(days: 1))
            var held = meeting
            if dice.chance(8) {
                held.state = .cancelled
            } else {
                held.state = .held
                held.citizenTookPart = dice.chance(88)
                held.agreements = dice.pick(["Borgeren prøver arbejdsprøvning i to uger.", "Vi ses igen om tre måneder.", "Sagsbehandleren kontakter jobcentret."])
                if dice.chance(65) {
                    held.ratingOfHelp = dice.int(4...10)
                    held.ratingOfProgress = dice.int(2...9)
                }
            }
            try await fact(.meeting(held), date)
            kind = dice.chance(80) ? .followUp : dice.pick([.network, .interdisciplinary])
            date = date.adding(days: dice.int(60...200))
        }
        if ended == nil && dice.chance(55) {
            meetingID += 1
            let planned = today.adding(days: dice.int(2...30))
            try await fact(.meeting(Meeting(meetingID: 0, kind: .followUp, date: planned, place: dice.pick(Meeting.Place.allCases), invitedOn: today.adding(days: -2), participants: [])), today.adding(days: -2))
            if dice.chance(50) { try await fact(.agenda(AgendaItem(meetingID: meetingID, text: "Jeg vil gerne tale om at flytte", byCitizen: true)), today.adding(days: -1), by: "borger") }
        }
        // Logbook.
        if dice.chance(60) {
            let due = last.adding(days: dice.int(-20...20))
            try await fact(.logbook(LogbookEntry(entryID: 0, who: dice.pick(["Borgeren", "Sagsbehandleren", "Bostøtten"]), what: dice.pick(["Ringe til jobcentret", "Søge boligstøtte", "Bestille tid hos lægen"]), dueOn: due, done: false)), max(opened, due.adding(days: -14)))
            if due < last && dice.chance(70) {
                try await fact(.logbook(LogbookEntry(entryID: 1, who: "Borgeren", what: "Ringe til jobcentret", dueOn: due, done: true)), due)
            }
        }
        // Answers and interventions.
        var answered = opened.adding(days: dice.int(0...20))
        var level = dice.int(2...4)
        while answered <= last {
            if i % 7 == 0 && answered.adding(months: 6) > last { level = 0 }
            let who5 = (0..<5).map { _ in Int?(min(5, max(0, level + dice.int(-1...1)))) }
            let inspire = (0..<5).map { _ in Int?(min(4, max(0, level + dice.int(-1...1)))) }
            try await store.measurements.record(citizenID: citizen.id, instrument: .who5, answeredOn: answered, items: who5, channel: dice.pick([.interview, .paper]), enteredBy: caseworker, today: answered)
            try await store.measurements.record(citizenID: citizen.id, instrument: .briefInspireO, answeredOn: answered, items: inspire, channel: .interview, enteredBy: caseworker, today: answered)
            level = min(4, level + dice.int(0...1))
            answered = answered.adding(months: 6).adding(days: dice.int(-10...45))
        }
        // Alerts on answers from before the last three months were handled at the time.
        let file = try await store.cases.file(of: citizen)
        for alert in AnswerAlerts.alerts(file.answers) where alert.answeredOn.adding(days: 90) < last {
            try await fact(.alertHandled(AlertHandling(measurementID: alert.measurementID, note: "Talt med borgeren om svaret; aftalt at følge op ved næste møde.")), alert.answeredOn.adding(days: dice.int(1...6)))
        }
        if dice.chance(85) {
            let start = contact.adding(days: dice.int(10...70))
            if start <= last {
                try await store.citizens.addIntervention(to: citizen.id, paragraph: dice.pick([.p85, .p85, .p82a, .p107, .p108]), provider: dice.chance(50) ? "Bostedet Roskilde" : "Støttecentret Roskilde",
                                                         start: start, end: ended)
            }
        }
        if let ended, ended <= today {
            let reason = dice.pick(CaseEnding.Reason.allCases)
            try await fact(.ending(CaseEnding(endedOn: ended, reason: i % 3 == 0 ? .goalsReached : reason, stepDownPlan: "Støtten trappes ned over tre måneder; borgeren bestemmer tempoet.",
                                              safetyNetGiven: dice.chance(75))), ended)
        }
    }
}

extension Range where Bound == Int {
    /// The indices in an order decided by `dice`.
    func shuffledDeterministically(_ dice: inout DemoCaseHistories.Dice) -> [Int] {
        var list = Array(self)
        for i in list.indices.reversed() where i > 0 { list.swapAt(i, dice.int(0...i)) }
        return list
    }
}
