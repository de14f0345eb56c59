import RoretCore
import RoretImport
import RoretStore
import Vapor

/// *Borgere* and *Opfølgning*: the caseworker's citizens (provider staff:
/// the citizens with an active intervention at their provider), searched,
/// filtered and sorted; and what needs attention across them, most urgent
/// first. Both name citizens, so every view is audited.
struct CitizenListRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("borgere", use: list)
        routes.post("borgere", use: create)
        routes.get("opfoelgning", use: overview)
    }

    /// The user's citizens with their case files and what needs attention today.
    struct Caseload {
        var rows: [(citizen: Citizen, file: CaseFile, items: [FollowUpItem])]

        init(_ req: Request) async throws {
            let account = try req.requireAccount()
            let today = DanishDate.today
            let citizens: [Citizen]
            if account.role == .provider {
                if let offer = account.offerID {
                    citizens = try await req.store.citizens.withActiveIntervention(at: offer, on: today)
                } else {
                    citizens = []
                }
            } else {
                citizens = try await req.store.citizens.assigned(to: account.username).filter { $0.municipality == account.area }
            }
            let files = try await req.store.cases.files(of: citizens)
            var settings: [String: CaseWorkSettings] = [:], schedules: [String: MeasurementSchedule] = [:]
            rows = []
            for (c, file) in zip(citizens, files) {
                if settings[c.municipality] == nil {
                    settings[c.municipality] = try await req.store.cases.settings(for: c.municipality)
                    schedules[c.municipality] = try await req.store.schedules.schedule(for: c.municipality)
                }
                rows.append((c, file, FollowUpOverview.items(for: file, on: today, schedule: schedules[c.municipality]!, settings: settings[c.municipality]!)))
            }
        }
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await listPage(req, failed: nil)
    }

    private func listPage(_ req: Request, failed: FailedForm?) async throws -> Response {
        let account = try req.requireAccount()
        let caseload = try await Caseload(req)
        let query = CitizensPage.Query(req)
        let names = Dictionary(caseload.rows.map { ($0.citizen.id, $0.citizen.pseudonym) }, uniquingKeysWith: { a, _ in a })
        let reminders = try await req.store.measurements.reminders(.pending)
            .filter { $0.recipient == account.username && names[$0.citizenID] != nil }
            .map { CitizensPage.Reminder(pseudonym: names[$0.citizenID]!, subject: $0.subject, due: $0.dueOn.danish) }
        let page = try CitizensPage(req, caseload: caseload, query: query, reminders: reminders, canCreate: account.role == .caseworker, failed: failed)
        try await req.audit(.citizenListRead, area: account.area, detail: "borgerliste: \(page.citizens.count) af \(caseload.rows.count) borgere")
        return try await req.renderPage("citizens", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        guard account.role == .caseworker else { throw Abort(.forbidden) }
        var form = FormReader(req)
        let pseudonym = form.text("pseudonym").trimmingCharacters(in: .whitespaces)
        let name = form.text("name").trimmingCharacters(in: .whitespaces)
        let start = form.day("startedOn", "Opfølgning med målinger fra") ?? DanishDate.today
        let contact = form.day("firstContactOn", "Henvendelse") ?? DanishDate.today
        let promised = form.day("answerPromisedOn", "Svar lovet senest")
        let request = form.text("request")
        if let problem = Pseudonym.problem(pseudonym) { form.problems.append("Pseudonym: \(problem).") }
        if contact > DanishDate.today { form.problems.append("Henvendelse: datoen er efter i dag.") }
        if let promised, promised < contact { form.problems.append("Svar lovet senest: datoen er før henvendelsen.") }
        guard form.problems.isEmpty else { return try await listPage(req, failed: form.failed("create")) }
        do {
            let citizen: Citizen = try await req.audited(.citizenChanged, area: account.area, detail: { (c: Citizen) in "borger \(c.pseudonym) oprettet" }) { store in
                let citizen = try await store.citizens.create(municipality: account.area, pseudonym: pseudonym, name: name.isEmpty ? nil : name,
                                                              caseworker: account.username, followUpStartedOn: start)
                try await store.cases.record(.opening(CaseOpening(firstContactOn: contact, openedOn: DanishDate.today, answerPromisedOn: promised, request: request)),
                                             for: citizen.id, on: DanishDate.today, by: account.username)
                return citizen
            }
            return req.saved(citizen, "Sagen for \(citizen.pseudonym) er oprettet. Skriv borgerens håb, ønsker og drømme med borgerens egne ord.", anchor: "haab")
        } catch CitizenError.pseudonymTaken(let p) {
            return try await listPage(req, failed: form.failed("create", more: ["Pseudonym: \(p) er allerede i brug i kommunen."]))
        } catch let refused as CaseFactRefused {
            return try await listPage(req, failed: form.failed("create", more: refused.problems))
        }
    }

    @Sendable func overview(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let caseload = try await Caseload(req)
        var page = try FollowUpPage(req, caseload: caseload, canHandle: account.role == .caseworker)
        if account.role == .caseworker {
            page.invitations = try await req.store.leadership.rounds(inviting: account.username).filter { $0.municipality == account.area && $0.responses[account.username] == nil }
                .map { FollowUpPage.Invitation(href: "/ledelse/runder/\($0.id)", title: "\($0.kind.danishName) \($0.date.danish)") }
                + (try await req.store.reflection.meetings(participant: account.username)).filter { $0.phase != .closed }
                .map { FollowUpPage.Invitation(href: "/refleksion/\($0.id)", title: "Refleksionsmøde: \($0.title), \($0.date.danish)") }
            page.hasInvitations = !page.invitations.isEmpty
        }
        try await req.audit(.citizenListRead, area: account.area, detail: "opfølgning: \(caseload.rows.count) borgere")
        return try await req.renderPage("follow-up", page, chrome: page.chrome)
    }
}
