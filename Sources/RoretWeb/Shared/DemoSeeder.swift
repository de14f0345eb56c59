import RoretCore
import RoretImport
import RoretStore
import Vapor

/// One demo account's sign-in, printed by `roret serve` on a new database.
public struct DemoSignIn: Sendable {
    public var username: String
    public var password: String
    public var role: Role
    public var area: String
}

/// Fills an empty database with the `small` demo extract and one account per
/// role (*demodata*), so a newcomer has a working system at once. Passwords
/// are generated, printed once, and can be reset with `roret user reset`.
enum DemoSeeder {
    static let municipality = "265"

    static func seedIfEmpty(_ app: Application) async throws -> [DemoSignIn] {
        let store = Store(database: app.db)
        guard try await store.accounts.isEmpty(), try await store.extracts.history().isEmpty else { return [] }
        let data = DemoExtractGenerator(scale: .small, seed: 1).generate()
        let files = ExtractCSVWriter.files(data).mapValues { Array($0.utf8) }
        _ = try await ExtractImport.run(store: store, figures: nil, files: files, source: "demo (small, seed 1)", importedBy: "roret serve")
        let service = AccountService(store: store, bcryptCost: app.roret.configuration.bcryptCost, threadPool: app.threadPool)
        let accounts: [(String, String, Role, String)] = [
            ("admin", "Demo-administrator", .administrator, nationalArea),
            ("leder", "Demo-leder, Roskilde", .leader, municipality),
            ("analytiker", "Demo-analytiker, Roskilde", .analyst, municipality),
            ("analytiker-land", "Demo-analytiker, hele landet", .analyst, nationalArea),
            ("sagsbehandler", "Demo-sagsbehandler, Roskilde", .caseworker, municipality),
            ("sagsbehandler2", "Demo-sagsbehandler 2, Roskilde", .caseworker, municipality),
            ("udfoerer", "Demo-udfører, Roskilde", .provider, municipality),
            ("borger", "Demo-borger", .citizen, municipality),
        ]
        var signIns: [DemoSignIn] = []
        for (username, name, role, area) in accounts {
            let provider = role == .provider ? "Bostedet Roskilde" : nil
            let (_, password) = try await service.add(username: username, displayName: name, role: role, area: area, provider: provider, by: "roret serve (demo)")
            signIns.append(DemoSignIn(username: username, password: password, role: role, area: area))
            // Staff have an address for reminders (used once a mail server is set up); `.invalid` never delivers anywhere.
            if role != .citizen { try await store.accounts.setEmail(username: username, "\(username)@roret-demo.invalid") }
        }
        try await seedCitizens(store, data: data)
        try await seedOutbox(store)
        try await LeadershipDemo.seed(store, today: DanishDate.today)
        try await OfferDemo.seed(store, today: DanishDate.today)
        return signIns
    }

    /// One staff e-mail in the outbox, failed with the honest reason (the demo
    /// has no mail server), so *Udbakke* shows a message, its reason and "Send igen".
    static func seedOutbox(_ store: Store) async throws {
        let message = try await store.messages.enqueue(NewMessage(
            idempotencyKey: "demo:reminder", kind: .measurementReminder, channel: .email, address: "sagsbehandler@roret-demo.invalid", addressee: "sagsbehandler",
            subject: "Roret: en måling forfalder", body: "Hej.\n\nEn borger, du er sagsbehandler for, skal måles.\n\nDenne besked er sendt automatisk.", municipality: municipality))
        guard try await store.messages.claim(message.id, token: "demo") != nil else { return }
        try await store.messages.attemptFailed(message.id, token: "demo", DeliveryFailure("Demo: der er ingen mailserver i demoen (RORET_SMTP_HOST), så beskeden blev ikke sendt.", permanent: true),
                                               policy: DeliveryPolicy())
    }

    /// Two demo citizens of `sagsbehandler` with pseudonyms of persons on the
    /// staircase in Roskilde in the extract's last year (so their answers
    /// count in NT16–NT20), one linked to the `borger` account, with a plan,
    /// an intervention at the demo provider, answers over time, a network
    /// with a coordinator and a meeting coming up; then forty more case
    /// histories (`DemoCaseHistories`) for the follow-up and the practice indicators.
    static func seedCitizens(_ store: Store, data: RegisterData) async throws {
        guard let roskilde = data.municipalityIndex(code: municipality) else { return }
        let year = data.lastYear
        let t = data.interventions
        var seen = Set<Int32>()
        var pseudonyms: [String] = []
        for i in 0..<t.count where pseudonyms.count < 42 && t.municipality[i] == Int32(roskilde) && t.reason[i] == .sindslidelse
            && Staircase.standard.step(of: t.paragraph[i]) > 0 && t.start[i] <= Day.yearEnd(year) && t.end[i] >= Day.yearStart(year) && seen.insert(t.person[i]).inserted {
            pseudonyms.append(data.personIDs[Int(t.person[i])])
        }
        guard pseudonyms.count >= 2 else { return }
        let start = Day.yearStart(year)
        let anna = try await store.citizens.create(municipality: municipality, pseudonym: pseudonyms[0], name: "Anna (demo)", caseworker: "sagsbehandler", followUpStartedOn: start)
        let bo = try await store.citizens.create(municipality: municipality, pseudonym: pseudonyms[1], name: "Bo (demo)", caseworker: "sagsbehandler", followUpStartedOn: start)
        try await store.citizens.linkAccount("borger", to: anna.id)
        // Anna has said yes to links by sms and e-mail (the demo sends nothing until a sender is set up).
        try await store.contacts.save(CitizenContact(phone: "+4512345678", email: "anna@roret-demo.invalid"), for: anna.id, by: "sagsbehandler", on: start)
        for citizen in [anna, bo] {
            try await store.citizens.addIntervention(to: citizen.id, paragraph: .p85, provider: "Bostedet Roskilde", start: start, end: nil)
        }
        try await store.plans.addEntry(to: anna.id, kind: .hopesWishesDreams, text: "Jeg vil gerne spille i et band igen og have en hund.", inCitizensWords: true, on: start, by: "sagsbehandler")
        try await store.plans.addEntry(to: anna.id, kind: .network, text: "Min søster Lise", role: "Ringer hver søndag", inCitizensWords: false, on: start, by: "sagsbehandler")
        let goal = try await store.plans.addGoal(to: anna.id, .init(text: "Spille musik med andre", horizon: .longTerm), on: start, by: "sagsbehandler")
        try await store.plans.addGoal(to: anna.id, .init(text: "Finde et øvelokale", horizon: .shortTerm, followUpOn: Day(year: year, month: 6, day: 1), parentGoalID: goal), on: start, by: "sagsbehandler")
        let answers: [(Day, Instrument, [Int?])] = [
            (Day(year: year, month: 1, day: 15), .who5, [2, 1, 2, 1, 2]),
            (Day(year: year, month: 1, day: 15), .briefInspireO, [2, 1, 1, 2, 2]),
            (Day(year: year, month: 7, day: 15), .who5, [3, 3, 2, 3, 3]),
            (Day(year: year, month: 7, day: 15), .briefInspireO, [3, 2, 2, 3, 3]),
        ]
        for (day, instrument, items) in answers {
            try await store.measurements.record(citizenID: anna.id, instrument: instrument, answeredOn: day, items: items, channel: .interview, enteredBy: "sagsbehandler", today: day)
        }
        let today = DanishDate.today
        let worker = "sagsbehandler"
        try await store.cases.record(.opening(CaseOpening(firstContactOn: start.adding(days: -9), openedOn: start, answerPromisedOn: start.adding(days: 5), request: "Støtte til at komme ud blandt andre")), for: anna.id, on: start, by: worker)
        try await store.cases.record(.network(NetworkEntry(entryID: 0, name: "Søster, Lise", kind: .personal, state: .active, wish: .yes, helpsWith: "Ringer hver søndag", sector: nil, isCoordinator: false)), for: anna.id, on: start, by: worker)
        try await store.cases.record(.network(NetworkEntry(entryID: 0, name: "Distriktspsykiatrien, Peter", kind: .professional, state: .active, wish: .yes, helpsWith: "Behandling og medicin",
                                                           sector: .psychiatry, isCoordinator: true, coordinatorTasks: "Samler trådene mellem behandling og bostøtte", citizenKeeps: "Aftaler med familien")), for: anna.id, on: start, by: worker)
        try await store.plans.addEntry(to: anna.id, kind: .resource, text: "Musikalsk, god til at holde aftaler, holder af dyr.", inCitizensWords: false, on: today.adding(days: -3), by: worker)
        try await store.cases.record(.meeting(Meeting(meetingID: 0, kind: .followUp, date: today.adding(days: 5), place: .cafeOrPark, invitedOn: today.adding(days: -3), participants: ["Søster, Lise"])),
                                     for: anna.id, on: today.adding(days: -3), by: worker)
        try await store.cases.record(.agenda(AgendaItem(meetingID: 1, text: "Opfølgning på målet om at spille musik", byCitizen: false)), for: anna.id, on: today.adding(days: -3), by: worker)
        try await store.cases.record(.logbook(LogbookEntry(entryID: 0, who: "Anna", what: "Spørge i musikskolen om øvelokaler", dueOn: today.adding(days: 10), done: false)), for: anna.id, on: today.adding(days: -3), by: worker)
        for (offset, phase) in [(2, CasePhase.inquiry), (20, .assessment), (30, .decision), (35, .order), (45, .followUp)] {
            try await store.citizens.setPhase(phase, of: anna.id)
            try await store.cases.record(.phase(PhaseChange(phase: phase)), for: anna.id, on: start.adding(days: offset), by: worker)
        }
        let annaFile = try await store.cases.file(of: anna)
        for alert in AnswerAlerts.alerts(annaFile.answers) {
            try await store.cases.record(.alertHandled(AlertHandling(measurementID: alert.measurementID, note: "Talt med Anna om svaret ved næste besøg.")),
                                         for: anna.id, on: alert.answeredOn.adding(days: 3), by: worker)
        }
        try await DemoCaseHistories.seed(store, pseudonyms: Array(pseudonyms.dropFirst(2)), today: today)
    }
}
