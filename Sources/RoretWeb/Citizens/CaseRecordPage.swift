import RoretCore
import RoretStore
import Vapor

/// *Borgerens sag*: the record, in sections with their edit controls next
/// to what they edit — the case, hopes with the goals that serve them,
/// resources, network, meetings, the logbook, answers and interventions.
struct CaseRecordPage: Encodable {
    /// A plan text as it stands, with its earlier versions.
    struct Entry: Encodable {
        var id: String
        var kind: String
        var text: String
        var ownWords: Bool
        var written: String
        var earlier: [String]
        var hasEarlier: Bool
        /// For resources: whether the citizen has confirmed this version, or commented.
        var response: String?
        var edit: FormModel
        var confirm: FormModel?
    }

    struct Goal: Encodable {
        var id: Int
        var text: String
        var horizon: String
        var status: String
        var followUp: String?
        /// 0 for a goal, 1 for a sub-goal, …
        var depth: Int
        var serves: String?
        var history: [String]
        var hasHistory: Bool
        var reviews: [String]
        var isOpen: Bool
        var hasHopeChoices: Bool
        var edit: FormModel
        var review: FormModel
        var subGoal: FormModel
    }

    struct Hope: Encodable {
        var entry: Entry
        var goals: [Goal]
        var hasGoals: Bool
        var addGoal: FormModel
    }

    struct NetworkEntryView: Encodable {
        var id: Int
        var name: String
        var kind: String
        var state: String
        var wish: String
        var helpsWith: String
        var sector: String?
        var isCoordinator: Bool
        var coordinatorTasks: String
        var citizenKeeps: String
        var history: [String]
        var edit: FormModel
    }

    struct MeetingView: Encodable {
        var id: Int
        var title: String
        var place: String
        var invited: String?
        var participants: String
        var state: String
        var isPlanned: Bool
        var tookPart: String?
        var agenda: [String]
        var hasAgenda: Bool
        var agreements: String
        var ratings: String?
        var goalsDiscussed: String?
        var hold: FormModel
        var addItem: FormModel
    }

    struct Agreement: Encodable {
        var id: Int
        var who: String
        var what: String
        var due: String?
        var done: Bool
        var history: [String]
        var toggle: FormModel
    }

    struct Alert: Encodable {
        var text: String
        var handle: FormModel
    }

    struct Answer: Encodable {
        var date: String
        var instrument: String
        var score: String
        var band: String?
        var channel: String
        var inFigures: String
        var items: [String]
    }

    struct Chart: Encodable {
        var title: String
        var svg: String
        var change: String
        var latest: String
    }

    struct Spell: Encodable {
        var step: String
        var paragraph: String
        var provider: String
        var period: String
        var id: String
        var running: Bool
    }

    struct Line: Encodable {
        var urgency: String
        var text: String
    }

    var chrome: Chrome
    var id: String
    var pseudonym: String
    var name: String?
    var phase: String
    var caseworker: String
    var coordinator: String?
    var canWork: Bool
    var canDecide: Bool
    var newLink: String?
    /// The citizen's consent and contact for links (shown to those who work on the record).
    var contact: ContactPanel
    var today: String
    /// Every problem of a refused save, at the top of the page (the form below shows them too).
    var problems: [String]
    var hasProblems: Bool

    var opening: [String]
    var hasOpening: Bool
    var openingForm: FormModel
    var phases: [String]
    var hasPhases: Bool
    var phaseForm: FormModel
    var ending: [String]
    var isEnded: Bool
    var endingForm: FormModel
    var attention: [Line]
    var hasAttention: Bool
    var alerts: [Alert]
    var hasAlerts: Bool

    var hopes: [Hope]
    var hasHopes: Bool
    var hopeForm: FormModel
    var otherGoals: [Goal]
    var hasOtherGoals: Bool
    var goalForm: FormModel

    var resources: [Entry]
    var hasResources: Bool
    var resourceForm: FormModel
    var network: [NetworkEntryView]
    var hasNetwork: Bool
    var networkForm: FormModel
    var notes: [Entry]
    var hasNotes: Bool

    var nextMeeting: MeetingView?
    var meetings: [MeetingView]
    var hasMeetings: Bool
    var meetingForm: FormModel
    var logbook: [Agreement]
    var hasLogbook: Bool
    var logbookForm: FormModel

    var answers: [Answer]
    var hasAnswers: Bool
    var charts: [Chart]
    var caution: String
    var bands: [String]
    var declines: [String]
    var hasDeclines: Bool
    var instruments: [Choice]
    var answerOptions: [InstrumentForm]
    var spells: [Spell]
    var interventionForm: FormModel
    /// The municipality's offers (*tilbud*) for the intervention form.
    var offerNames: [String]
    var ownAccountForm: FormModel
    /// The offers' status reports for the caseworker (*statusrapporter*).
    var offerReports: [OfferStatusReport]
    var hasOfferReports: Bool
}

/// What the record page is built from.
struct CaseRecordData {
    var citizen: Citizen
    var canWork: Bool
    var canDecide: Bool
    var texts: [PlanText]
    var file: CaseFile
    var spells: [CitizenIntervention]
    var answers: [StoredMeasurement]
    var links: [MeasurementLink]
    var settings: CaseWorkSettings
    var schedule: MeasurementSchedule
    /// The names of the municipality's offers, suggested for a new intervention.
    var offers: [String]
    /// The offers' status reports, for the caseworker who takes the authority's acts.
    var offerReports: [OfferStatusReport]
    /// The citizen's consent and contact for links, and the messages sent to the citizen (for those who work on the record).
    var contact: StoredContact?
    var messages: [OutgoingMessage]

    init(_ req: Request, citizen: Citizen, canWork: Bool, canDecide: Bool) async throws {
        let store = req.store
        self.citizen = citizen
        self.canWork = canWork
        self.canDecide = canDecide
        texts = try await store.plans.texts(of: citizen.id)
        file = try await store.cases.file(of: citizen)
        spells = try await store.citizens.interventions(of: citizen.id)
        answers = try await store.measurements.measurements(of: citizen.id)
        links = try await store.measurements.links(of: citizen.id)
        settings = try await store.cases.settings(for: citizen.municipality)
        schedule = try await store.schedules.schedule(for: citizen.municipality)
        offers = canDecide ? try await store.offers.all(municipality: citizen.municipality).map(\.name) : []
        let planGoals = Dictionary(file.goals.currentGoals.map { ($0.goalID, $0.text) }, uniquingKeysWith: { a, _ in a })
        offerReports = canDecide ? try await OfferStatusReport.reports(req, citizen: citizen, spells: spells, planGoals: planGoals) : []
        contact = canWork ? try await store.contacts.contact(of: citizen.id) : nil
        messages = canWork ? try await store.messages.messages(citizenID: citizen.id) : []
    }
}

extension CaseRecordPage {
    static let caution = "En enkelt måling er usikker. Se på udviklingen over flere målinger, og tal med borgeren om, hvad tallene betyder."
    static let bands = [
        "WHO-5 0–35: stor risiko for depression eller stress — tal med borgeren om det snart.",
        "WHO-5 36–50: risiko for depression eller stress.",
        "WHO-5 over 50: ingen umiddelbar risiko. Befolkningens gennemsnit er 68.",
        "Brief INSPIRE-O har ingen fastlagte grænser; 50 eller derover regnes som normalområdet (gennemsnit 71).",
        "En ændring på 10 point eller mere regnes som en relevant ændring.",
    ]

    static func options<T: CaseIterable & RawRepresentable>(_ type: T.Type, _ name: (T) -> String) -> [(value: String, label: String)] where T.RawValue == String {
        T.allCases.map { ($0.rawValue, name($0)) }
    }

    init(_ req: Request, _ d: CaseRecordData, failed: FailedForm?, newLink: String? = nil) throws {
        let today = DanishDate.today
        let citizen = d.citizen
        let state = d.file.history.current
        let snapshot = d.file.snapshot(on: today)
        chrome = try Chrome(req, title: "Borger \(citizen.pseudonym)", active: "/borgere")
        id = citizen.id.uuidString
        pseudonym = citizen.pseudonym
        name = citizen.name.flatMap { $0.isEmpty ? nil : $0 }
        phase = (state.currentPhase ?? citizen.phase).danishName
        caseworker = citizen.caseworker ?? "ingen"
        coordinator = state.coordinator.map { "\($0.name) (\($0.kind.danishName.lowercased()))" }
        canWork = d.canWork
        canDecide = d.canDecide
        self.newLink = newLink
        contact = ContactPanel(contact: d.contact, messages: d.messages, channels: req.roret.configuration.messaging.channels, failed: failed)
        self.today = today.description
        problems = failed?.problems ?? []
        hasProblems = !problems.isEmpty

        // The case: opening, phases, ending, what needs attention.
        if let o = state.opening {
            let v = o.value
            opening = ["Henvendelse: \(v.firstContactOn.danish)", "Sagen åbnet: \(v.openedOn.danish)"]
                + (v.answerPromisedOn.map { ["Borgeren er lovet svar senest \($0.danish)"] } ?? [])
                + (v.request.isEmpty ? [] : ["Henvender sig om: \(v.request)"])
                + ["Registreret \(o.day.danish) af \(o.by)"]
        } else {
            opening = ["Sagen blev oprettet i Roret \(d.file.createdOn.danish)."]
        }
        hasOpening = state.opening != nil
        let o = state.opening?.value
        openingForm = FormModel(id: "opening", values: [
            "firstContactOn": (o?.firstContactOn ?? d.file.createdOn).description, "openedOn": (o?.openedOn ?? d.file.createdOn).description,
            "answerPromisedOn": o?.answerPromisedOn?.description ?? "", "request": o?.request ?? "",
        ], failed: failed)
        phases = state.phases.map { "\($0.value.danishName) fra \($0.day.danish) (\($0.by))" }
        hasPhases = !state.phases.isEmpty
        phaseForm = FormModel(id: "phase", values: ["phase": (state.currentPhase ?? citizen.phase).rawValue], options: ["phase": Self.options(CasePhase.self, \.danishName)], failed: failed)
        if let e = state.ending {
            ending = ["Afsluttet \(e.value.endedOn.danish): \(e.value.reason.danishName)",
                      "Nedtrapning: \(e.value.stepDownPlan.isEmpty ? "ikke beskrevet" : e.value.stepDownPlan)",
                      e.value.safetyNetGiven ? "Borgeren har fået at vide, hvordan støtte søges igen, og om åbne tilbud." : "Borgeren har ikke fået at vide, hvordan støtte søges igen.",
                      "Registreret \(e.day.danish) af \(e.by)"]
        } else {
            ending = []
        }
        isEnded = state.ending != nil
        endingForm = FormModel(id: "ending", values: ["endedOn": today.description, "reason": "", "stepDownPlan": "", "safetyNet": ""],
                               options: ["reason": Self.options(CaseEnding.Reason.self, \.danishName)], failed: failed)
        let items = FollowUpOverview.items(for: d.file, on: today, schedule: d.schedule, settings: d.settings)
        attention = items.filter { $0.kind != .answerAlert }.map { Line(urgency: $0.urgency.danishName, text: $0.text) }
        hasAttention = !attention.isEmpty
        alerts = items.filter { $0.kind == .answerAlert }.map { item in
            Alert(text: item.text, handle: FormModel(id: "alert-\(item.measurementID ?? "")", values: ["note": "", "measurement": item.measurementID ?? ""], failed: failed))
        }
        hasAlerts = !alerts.isEmpty

        // Hopes and the goals that serve them.
        func written(_ e: PlanEntry) -> String { "\(DanishDate.dayText(e.writtenOn)), \(e.writtenBy)" }
        let responses = state.resourceResponses
        func entry(_ t: PlanText) -> Entry {
            let e = t.current
            var response: String? = nil
            var confirm: FormModel? = nil
            if e.kind == .resource {
                if let r = responses.last(where: { $0.value.entryID == e.id.uuidString }) {
                    response = (r.value.confirmed ? "Bekræftet af borgeren \(r.day.danish)" : "Borgerens kommentar \(r.day.danish)")
                        + (r.value.channel == .meeting ? " (på et møde)" : " (på Min side)") + (r.value.comment.isEmpty ? "" : ": »\(r.value.comment)«")
                } else {
                    response = "Ikke bekræftet af borgeren endnu"
                }
                confirm = FormModel(id: "confirm-\(e.id.uuidString)", values: ["entry": e.id.uuidString, "confirmed": "", "comment": ""], failed: failed)
            }
            return Entry(
                id: e.id.uuidString, kind: e.kind.rawValue, text: e.text, ownWords: e.inCitizensWords, written: written(e),
                earlier: t.earlier.map { old in (old.inCitizensWords ? "Med borgerens egne ord: " : "") + "»\(old.text)« — \(written(old))" },
                hasEarlier: !t.earlier.isEmpty, response: response,
                edit: FormModel(id: "text-\(e.id.uuidString)", values: ["text": e.text, "ownWords": "", "kind": e.kind.rawValue, "replaces": e.id.uuidString], failed: failed),
                confirm: confirm)
        }
        let ledger = d.file.goals
        let followUps = snapshot.followUps
        let hopeTexts = d.texts.filter { $0.current.kind == .hopesWishesDreams }
        let hopeName = Dictionary(hopeTexts.map { ($0.firstID.uuidString, $0.current.text) }, uniquingKeysWith: { a, _ in a })
        let goalMonths = d.settings.goalFollowUpMonths
        let horizons = Self.options(GoalVersion.Horizon.self, \.danishName)
        func newGoal(_ id: String, hope: String, parent: Int?) -> FormModel {
            FormModel(id: id, values: ["text": "", "horizon": GoalVersion.Horizon.shortTerm.rawValue, "followUpOn": today.adding(months: goalMonths).description,
                                       "hope": hope, "parentGoalID": parent.map(String.init) ?? ""],
                      options: ["horizon": horizons], failed: failed)
        }
        let reviewsByGoal = Dictionary(grouping: state.reviews, by: \.value.goalID)
        func goalViews(_ root: GoalVersion, depth: Int, seen: Set<Int>) -> [Goal] {
            let g = root
            let serving = g.servesHopes.compactMap { hopeName[$0] }
            let history = ledger.history(g.goalID).dropLast().map { "v\($0.version) \($0.changedOn.danish) (\($0.changedBy)): \($0.text) — \($0.status.danishName)" }
            let view = Goal(
                id: g.goalID, text: g.text, horizon: g.horizon.danishName, status: g.status.danishName,
                followUp: followUps.date(of: g.goalID).map(\.danish), depth: min(depth, 3),
                serves: serving.count > 1 ? "Tjener også: " + serving.dropFirst().map { "»\($0)«" }.joined(separator: ", ") : nil,
                history: history, hasHistory: !history.isEmpty,
                reviews: (reviewsByGoal[g.goalID] ?? []).map { r in
                    "Fulgt op \(r.day.danish) (\(r.by))" + (r.value.citizenTookPart ? ", med borgeren" : ", uden borgeren")
                        + (r.value.citizensView.map { ". Borgeren: \($0.danishName.lowercased())" } ?? "")
                        + (r.value.note.isEmpty ? "" : ". \(r.value.note)") + (r.value.nextFollowUpOn.map { ". Næste: \($0.danish)" } ?? "")
                },
                isOpen: g.isOpen, hasHopeChoices: !hopeTexts.isEmpty,
                edit: FormModel(id: "goal-\(g.goalID)", values: ["text": g.text, "horizon": g.horizon.rawValue, "status": g.status.rawValue,
                                                                 "followUpOn": g.followUpOn?.description ?? "", "parentGoalID": g.parentGoalID.map(String.init) ?? "",
                                                                 "hopes": g.servesHopes.joined(separator: "\n")],
                                options: ["horizon": horizons, "status": Self.options(GoalVersion.Status.self, \.danishName),
                                          "hopes": hopeTexts.map { ($0.firstID.uuidString, String($0.current.text.prefix(60))) }],
                                failed: failed),
                review: FormModel(id: "review-\(g.goalID)", values: ["tookPart": "", "view": "", "nextFollowUpOn": today.adding(months: goalMonths).description, "note": ""],
                                  options: ["view": Self.options(GoalReview.CitizensView.self, \.danishName)], failed: failed),
                subGoal: newGoal("subgoal-\(g.goalID)", hope: g.servesHopes.first ?? "", parent: g.goalID))
            let children = ledger.currentGoals.filter { $0.parentGoalID == g.goalID && !seen.contains($0.goalID) }
            return [view] + children.flatMap { goalViews($0, depth: depth + 1, seen: seen.union([g.goalID])) }
        }
        let current = ledger.currentGoals
        let topLevel = current.filter { g in g.parentGoalID.map { p in !current.contains { $0.goalID == p } } ?? true }
        var placed = Set<Int>()
        hopes = hopeTexts.map { t in
            let hopeID = t.firstID.uuidString
            let roots = topLevel.filter { $0.servesHopes.first == hopeID }
            let goals = roots.flatMap { goalViews($0, depth: 0, seen: []) }
            placed.formUnion(goals.map(\.id))
            return Hope(entry: entry(t), goals: goals, hasGoals: !goals.isEmpty, addGoal: newGoal("goal-new-\(hopeID)", hope: hopeID, parent: nil))
        }
        hasHopes = !hopes.isEmpty
        hopeForm = FormModel(id: "hope-new", values: ["text": "", "ownWords": "", "kind": PlanEntryKind.hopesWishesDreams.rawValue], failed: failed)
        otherGoals = topLevel.filter { !placed.contains($0.goalID) }.flatMap { goalViews($0, depth: 0, seen: []) }
        hasOtherGoals = !otherGoals.isEmpty
        goalForm = newGoal("goal-new", hope: "", parent: nil)

        resources = d.texts.filter { $0.current.kind == .resource }.map(entry)
        hasResources = !resources.isEmpty
        resourceForm = FormModel(id: "resource-new", values: ["text": "", "ownWords": "", "kind": PlanEntryKind.resource.rawValue], failed: failed)
        notes = d.texts.filter { $0.current.kind == .network || $0.current.kind == .meeting }.map(entry)
        hasNotes = !notes.isEmpty

        // Network.
        let networkOptions = ["kind": Self.options(NetworkEntry.Kind.self, \.danishName), "state": Self.options(NetworkEntry.State.self, \.danishName),
                              "wish": Self.options(NetworkEntry.Wish.self, \.danishName), "sector": Self.options(NetworkEntry.Sector.self, \.danishName)]
        network = state.network.map { n in
            NetworkEntryView(
                id: n.entryID, name: n.name, kind: n.kind.danishName, state: n.state.danishName, wish: n.wish.danishName, helpsWith: n.helpsWith,
                sector: n.sector?.danishName, isCoordinator: n.isCoordinator, coordinatorTasks: n.coordinatorTasks, citizenKeeps: n.citizenKeeps,
                history: (state.networkVersions[n.entryID] ?? []).dropLast().map { "\($0.day.danish) (\($0.by)): \($0.value.name), \($0.value.kind.danishName.lowercased()), \($0.value.state.danishName.lowercased())" },
                edit: FormModel(id: "network-\(n.entryID)", values: [
                    "name": n.name, "kind": n.kind.rawValue, "state": n.state.rawValue, "wish": n.wish.rawValue, "helpsWith": n.helpsWith,
                    "sector": n.sector?.rawValue ?? "", "coordinator": n.isCoordinator ? "ja" : "", "coordinatorTasks": n.coordinatorTasks,
                    "citizenKeeps": n.citizenKeeps, "removed": "",
                ], options: networkOptions, failed: failed))
        }
        hasNetwork = !network.isEmpty
        networkForm = FormModel(id: "network-new", values: [
            "name": "", "kind": "", "state": NetworkEntry.State.active.rawValue, "wish": "", "helpsWith": "", "sector": "",
            "coordinator": "", "coordinatorTasks": "", "citizenKeeps": "", "removed": "",
        ], options: networkOptions, failed: failed)

        // Meetings.
        let participantOptions = state.network.map { ($0.name, $0.name) } + [("Udfører", "Udfører"), ("Værge", "Værge"), ("Peer-medarbejder", "Peer-medarbejder")]
        let goalOptions = current.filter(\.isOpen).map { (String($0.goalID), String($0.text.prefix(60))) }
        func meetingView(_ m: Meeting) -> MeetingView {
            let items = state.agenda[m.meetingID] ?? []
            let goalText = Dictionary(current.map { ($0.goalID, $0.text) }, uniquingKeysWith: { a, _ in a })
            return MeetingView(
                id: m.meetingID, title: "\(m.kind.danishName) \(m.date.danish)", place: m.place.danishName,
                invited: m.invitedOn.map { "Indkaldt \($0.danish)" }, participants: m.participants.isEmpty ? "Borgeren og sagsbehandleren" : m.participants.joined(separator: ", "),
                state: m.state.danishName, isPlanned: m.state == .planned,
                tookPart: m.citizenTookPart.map { $0 ? "Borgeren deltog" : "Borgeren deltog ikke" },
                agenda: items.map { ($0.value.byCitizen ? "Borgerens punkt: " : "Punkt: ") + $0.value.text },
                hasAgenda: !items.isEmpty, agreements: m.agreements,
                ratings: (m.ratingOfHelp != nil || m.ratingOfProgress != nil)
                    ? "Borgerens vurdering: hjælpen \(m.ratingOfHelp.map(String.init) ?? "–")/10, fremskridt \(m.ratingOfProgress.map(String.init) ?? "–")/10" : nil,
                goalsDiscussed: m.goalsDiscussed.isEmpty ? nil : "Mål drøftet: " + m.goalsDiscussed.compactMap { goalText[$0] }.joined(separator: "; "),
                hold: FormModel(id: "meeting-\(m.meetingID)", values: [
                    "state": Meeting.State.held.rawValue, "date": m.date.description, "tookPart": "", "ratingOfHelp": "", "ratingOfProgress": "",
                    "agreements": m.agreements, "goals": m.goalsDiscussed.map(String.init).joined(separator: "\n"), "participants": m.participants.joined(separator: "\n"),
                ], options: ["goals": goalOptions, "participants": participantOptions,
                             "state": [(Meeting.State.held.rawValue, "Holdt"), (Meeting.State.cancelled.rawValue, "Aflyst")]], failed: failed),
                addItem: FormModel(id: "agenda-\(m.meetingID)", values: ["text": "", "byCitizen": ""], failed: failed))
        }
        nextMeeting = state.nextMeeting(from: today).map(meetingView)
        meetings = state.meetings.reversed().map(meetingView)
        hasMeetings = !meetings.isEmpty
        meetingForm = FormModel(id: "meeting-new", values: [
            "kind": (state.meetings.isEmpty ? Meeting.Kind.first : .followUp).rawValue, "date": "", "place": "", "invitedOn": today.description, "participants": "",
        ], options: ["kind": Self.options(Meeting.Kind.self, \.danishName), "place": Self.options(Meeting.Place.self, \.danishName), "participants": participantOptions],
                                failed: failed)

        logbook = state.logbook.map { l in
            Agreement(id: l.entryID, who: l.who, what: l.what, due: l.dueOn?.danish, done: l.done,
                      history: (state.logbookVersions[l.entryID] ?? []).map { "\($0.day.danish) (\($0.by)): \($0.value.done ? "udført" : "aftalt")" },
                      toggle: FormModel(id: "logbook-\(l.entryID)", values: ["who": l.who, "what": l.what, "dueOn": l.dueOn?.description ?? "", "done": l.done ? "" : "ja"], failed: failed))
        }
        hasLogbook = !logbook.isEmpty
        logbookForm = FormModel(id: "logbook-new", values: ["who": "", "what": "", "dueOn": "", "done": ""], failed: failed)

        // Answers.
        let rule = AnswersPublication.now(Date(), today: today)
        answers = d.answers.reversed().map { a in
            let wording = a.instrument.answerOptions
            return Answer(
                date: a.answeredOn.danish, instrument: a.instrument.danishName,
                score: a.score.map(String.init) ?? "ufuldstændig (ikke scoret)",
                band: a.instrument == .who5 ? a.score.map { WHO5Band(score: $0).danishName } : nil,
                channel: CaseRecordPage.channelName(a.channel),
                inFigures: rule.counts(answeredOn: a.answeredOn) ? "Ja, fra næste natlige opdatering" : "Nej: dateret før \(rule.countedFromYear)",
                items: zip(a.instrument.items, a.items).map { q, v in
                    "\(q): " + (v.flatMap { value in wording.first { $0.value == value }.map { "\($0.label) (\(value))" } } ?? "ikke besvaret")
                })
        }
        hasAnswers = !answers.isEmpty
        charts = Self.charts(d.answers)
        caution = Self.caution
        bands = Self.bands
        declines = d.links.filter { $0.state == .declined }.map { "Borgeren sagde nej tak til \($0.instrument.danishName) (link sendt \($0.issuedAt.danish))." }
        hasDeclines = !declines.isEmpty
        instruments = Instrument.allCases.map { Choice(value: $0.code, label: $0.danishName) }
        answerOptions = Instrument.allCases.map { InstrumentForm($0, failed: failed) }
        spells = d.spells.map {
            Spell(step: $0.step == 0 ? "–" : "Trin \($0.step)", paragraph: "§ \($0.paragraph.code)", provider: $0.provider,
                  period: $0.start.danish + " – " + ($0.end.map(\.danish) ?? "nu"), id: $0.id.uuidString, running: $0.end == nil)
        }
        ownAccountForm = FormModel(id: "own-account", values: ["username": ""], failed: failed)
        offerNames = d.offers
        offerReports = d.offerReports
        hasOfferReports = !d.offerReports.isEmpty
        interventionForm = FormModel(id: "intervention", values: ["paragraph": "85", "provider": "", "start": today.description, "end": ""],
                                     options: ["paragraph": ["82a", "82b", "82c", "82d", "85", "107", "105", "108"].map { ($0, "§ \($0)") }], failed: failed)
    }

    /// One trajectory chart per instrument (the record and *Min side*).
    static func charts(_ answers: [StoredMeasurement]) -> [Chart] {
        Instrument.allCases.map { instrument in
            let t = Trajectory(instrument: instrument, answers: answers.filter { $0.instrument == instrument }.map { (date: $0.answeredOn, items: $0.items) })
            return Chart(title: instrument.danishName, svg: TrajectoryChart(trajectory: t).svg(), change: changeText(t),
                         latest: t.latest.map { "Seneste: \($0.score!) (\($0.date.danish))" } ?? "")
        }
    }

    static func channelName(_ c: MeasurementChannel) -> String {
        switch c {
        case .link: "Borgeren selv (link)"
        case .interview: "Interview"
        case .paper: "Papir"
        }
    }

    static func changeText(_ t: Trajectory) -> String {
        guard let change = t.changeSinceBaseline, let category = t.changeCategory else { return "Udvikling vises fra to fuldstændige besvarelser." }
        let word = switch category {
        case .improved: "forbedret"
        case .unchanged: "uændret"
        case .worsened: "forværret"
        }
        return "Siden første måling: \(change > 0 ? "+" : "")\(change) point — \(word) (grænse ±\(t.threshold) point)."
    }
}

extension WHO5Band {
    /// The band in words, for staff.
    var danishName: String {
        switch self {
        case .largeRisk: "0–35: stor risiko"
        case .risk: "36–50: risiko"
        case .noImmediateRisk: "over 50: ingen umiddelbar risiko"
        }
    }
}
