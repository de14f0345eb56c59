import RoretCore
import RoretImport
import RoretStore
import Vapor

/// Caseworkers' and provider staff's work with citizens: the list, the
/// record with the plan, goals, answers and trajectories. Every read of a
/// record is audited; access is `AccessPolicy.mayReadCitizen`.
struct CitizenRecordRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("borgere", use: list)
        routes.post("borgere", use: create)
        let one = routes.grouped("borgere", ":citizen")
        one.get(use: record)
        one.post("tekst", use: addEntry)
        one.post("maal", use: addGoal)
        one.post("maal", ":goal", use: reviseGoal)
        one.post("maaling", use: recordAnswer)
        one.post("link", use: issueLink)
        one.post("indsats", use: addIntervention)
        one.post("indsats", ":intervention", "afslut", use: endIntervention)
        one.post("fase", use: setPhase)
        one.post("ekstra-maaling", use: requestAdHoc)
        one.post("egen-bruger", use: linkOwnAccount)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await listPage(req, error: nil)
    }

    private func listPage(_ req: Request, error: String?) async throws -> Response {
        let account = try req.requireAccount()
        let today = DanishDate.today
        let citizens: [Citizen]
        if account.role == .provider {
            if let provider = account.provider {
                citizens = try await req.store.citizens.withActiveIntervention(at: provider, on: today)
            } else {
                citizens = []
            }
        } else {
            citizens = try await req.store.citizens.assigned(to: account.username).filter { $0.municipality == account.area }
        }
        var rows: [CitizensPage.Row] = []
        for c in citizens {
            let answers = try await req.store.measurements.measurements(of: c.id)
            func status(_ instrument: Instrument) async throws -> (String, Bool) {
                switch try await req.store.schedules.status(of: c, instrument, answers: answers, today: today).0 {
                case .notDue(let until): return ("Næste: \(DanishDate.dayText(until))", false)
                case .due(let since): return ("Skal måles (siden \(DanishDate.dayText(since)))", true)
                case .overdue(let since): return ("Forfalden siden \(DanishDate.dayText(since))", true)
                }
            }
            let (who5, a) = try await status(.who5), (inspire, b) = try await status(.briefInspireO)
            rows.append(.init(href: "/borgere/\(c.id.uuidString)", pseudonym: c.pseudonym, name: c.name ?? "", phase: c.phase.danishName, who5: who5, inspire: inspire, attention: a || b))
        }
        let names = Dictionary(citizens.map { ($0.id, $0.pseudonym) }, uniquingKeysWith: { a, _ in a })
        let reminders = try await req.store.measurements.reminders(.pending)
            .filter { $0.recipient == account.username && names[$0.citizenID] != nil }
            .map { CitizensPage.Reminder(pseudonym: names[$0.citizenID]!, subject: $0.subject, due: DanishDate.dayText($0.dueOn)) }
        // The list names citizens (pseudonyms, names): every view is audited, as a record's is.
        try await req.audit(.citizenListRead, area: account.area, detail: "borgerliste: \(rows.count) borgere")
        let page = CitizensPage(chrome: try Chrome(req, title: "Borgere", active: "/borgere"), citizens: rows, reminders: reminders, hasReminders: !reminders.isEmpty,
                                canCreate: account.role == .caseworker, today: today.description, error: error)
        return try await req.renderPage("citizens", page, chrome: page.chrome)
    }

    @Sendable func create(req: Request) async throws -> Response {
        struct Form: Content {
            var pseudonym: String
            var name: String?
            var startedOn: String?
        }
        let account = try req.requireAccount()
        guard account.role == .caseworker else { throw Abort(.forbidden) }
        let form = try req.content.decode(Form.self)
        let start: Day
        switch Self.day(form.startedOn, field: "Startdatoen for opfølgningen") {
        case .success(let day): start = day ?? DanishDate.today
        case .failure(let error): return try await listPage(req, error: "Borgeren blev ikke oprettet: \(error.reason).")
        }
        do {
            let name = form.name?.trimmingCharacters(in: .whitespaces)
            let citizen = try await req.audited(.citizenChanged, area: account.area, detail: { "borger \($0.pseudonym) oprettet" }) { store in
                try await store.citizens.create(
                    municipality: account.area, pseudonym: form.pseudonym.trimmingCharacters(in: .whitespaces),
                    name: name?.isEmpty == false ? name : nil, caseworker: account.username, followUpStartedOn: start)
            }
            return req.redirect(to: "/borgere/\(citizen.id.uuidString)")
        } catch CitizenError.invalidPseudonym(let reason) {
            return try await listPage(req, error: "Pseudonymet kan ikke bruges: \(reason).")
        } catch CitizenError.pseudonymTaken(let p) {
            return try await listPage(req, error: "Pseudonymet \(p) er allerede i brug i kommunen.")
        }
    }

    /// What a route does in the record, for `AccessPolicy`.
    enum Act {
        case read, work, authority
    }

    /// The citizen on the path, when the user may do `act` in the record;
    /// a refusal is audited.
    private func citizen(_ req: Request, act: Act) async throws -> Citizen {
        let account = try req.requireAccount()
        guard let id = req.parameters.get("citizen").flatMap(UUID.init(uuidString:)),
              let citizen = try await req.store.citizens.find(id: id) else { throw Abort(.notFound) }
        let facts = try await req.store.citizens.accessFacts(of: citizen, on: DanishDate.today)
        let allowed = switch act {
        case .read: AccessPolicy.mayReadCitizen(role: account.role, username: account.username, area: account.area, provider: account.provider, facts)
        case .work: AccessPolicy.mayWorkOnCitizen(role: account.role, username: account.username, area: account.area, provider: account.provider, facts)
        case .authority: AccessPolicy.mayTakeAuthorityAct(role: account.role, username: account.username, area: account.area, facts)
        }
        guard allowed else {
            try await req.audit(.accessDenied, area: citizen.municipality, detail: "borger \(citizen.pseudonym)")
            throw Abort(.forbidden)
        }
        return citizen
    }

    @Sendable func record(req: Request) async throws -> Response {
        try await recordPage(req, try await citizen(req, act: .read))
    }

    private func recordPage(_ req: Request, _ citizen: Citizen, message: String? = nil, newLink: String? = nil) async throws -> Response {
        let account = try req.requireAccount()
        let facts = try await req.store.citizens.accessFacts(of: citizen, on: DanishDate.today)
        let page = try CitizenRecordPage(
            req, citizen: citizen,
            canWork: AccessPolicy.mayWorkOnCitizen(role: account.role, username: account.username, area: account.area, provider: account.provider, facts),
            canDecide: AccessPolicy.mayTakeAuthorityAct(role: account.role, username: account.username, area: account.area, facts),
            texts: try await req.store.plans.texts(of: citizen.id), goals: try await req.store.plans.goals(of: citizen.id),
            answers: try await req.store.measurements.measurements(of: citizen.id), spells: try await req.store.citizens.interventions(of: citizen.id),
            message: message, newLink: newLink)
        try await req.audit(.citizenRead, area: citizen.municipality, detail: "borger \(citizen.pseudonym)")
        return try await req.renderPage("record", page, chrome: page.chrome)
    }

    /// Writes a new plan text, or with `replaces` a new version of one (the
    /// old stays in the history).
    @Sendable func addEntry(req: Request) async throws -> Response {
        struct Form: Content {
            var kind: String
            var text: String
            var role: String?
            var ownWords: String?
            var replaces: String?
        }
        let citizen = try await citizen(req, act: .work)
        let form = try req.content.decode(Form.self)
        guard let kind = PlanEntryKind(rawValue: form.kind) else { throw Abort(.badRequest) }
        var replaces: UUID? = nil
        if let raw = form.replaces, !raw.isEmpty {
            guard let id = UUID(uuidString: raw) else { throw Abort(.badRequest) }
            replaces = id
        }
        let what = replaces == nil ? "\(kind.danishName) skrevet" : "\(kind.danishName) rettet (ny version)"
        let username = try req.requireAccount().username
        do {
            try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): \(what)" }) { [replaces] store in
                try await store.plans.addEntry(to: citizen.id, kind: kind, text: form.text, role: form.role.flatMap { $0.isEmpty ? nil : $0 },
                                               inCitizensWords: form.ownWords == "ja", on: DanishDate.today, by: username,
                                               replaces: replaces)
            }
        } catch CitizenError.invalidAnswer {
            return try await recordPage(req, citizen, message: replaces == nil ? "Skriv en tekst først." : "Teksten kunne ikke rettes: skriv en tekst, og ret kun tekster i denne borgers plan.")
        } catch CitizenError.entryAlreadyChanged {
            return try await recordPage(req, citizen, message: "Teksten er allerede blevet rettet af en anden. Din ændring er ikke gemt — se den nye version nedenfor, og ret den, hvis der stadig er brug for det.")
        }
        return req.redirect(to: "/borgere/\(citizen.id.uuidString)")
    }

    struct GoalForm: Content {
        var text: String
        var horizon: String
        var status: String?
        var followUpOn: String?
        var parentGoalID: String?

        var draft: GoalLedger.Draft {
            GoalLedger.Draft(
                text: text, horizon: GoalVersion.Horizon(rawValue: horizon) ?? .shortTerm,
                status: status.flatMap(GoalVersion.Status.init(rawValue:)) ?? .active,
                followUpOn: followUpOn.flatMap { Day(iso: $0) }, parentGoalID: parentGoalID.flatMap { Int($0) })
        }
    }

    @Sendable func addGoal(req: Request) async throws -> Response {
        let citizen = try await citizen(req, act: .work)
        let form = try req.content.decode(GoalForm.self)
        if case .failure(let error) = Self.day(form.followUpOn, field: "Opfølgningsdatoen") {
            return try await recordPage(req, citizen, message: "Målet blev ikke gemt: \(error.reason).")
        }
        let username = try req.requireAccount().username
        do {
            try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): nyt mål" }) { store in
                try await store.plans.addGoal(to: citizen.id, form.draft, on: DanishDate.today, by: username)
            }
        } catch let refusal as GoalLedger.Refusal {
            return try await recordPage(req, citizen, message: Self.danish(refusal))
        }
        return req.redirect(to: "/borgere/\(citizen.id.uuidString)")
    }

    @Sendable func reviseGoal(req: Request) async throws -> Response {
        let citizen = try await citizen(req, act: .work)
        guard let goal = req.parameters.get("goal").flatMap({ Int($0) }) else { throw Abort(.notFound) }
        let form = try req.content.decode(GoalForm.self)
        if case .failure(let error) = Self.day(form.followUpOn, field: "Opfølgningsdatoen") {
            return try await recordPage(req, citizen, message: "Målet blev ikke gemt: \(error.reason).")
        }
        let username = try req.requireAccount().username
        do {
            try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): mål \(goal) ændret" }) { store in
                try await store.plans.reviseGoal(goal, of: citizen.id, to: form.draft, on: DanishDate.today, by: username)
            }
        } catch let refusal as GoalLedger.Refusal {
            return try await recordPage(req, citizen, message: Self.danish(refusal))
        }
        return req.redirect(to: "/borgere/\(citizen.id.uuidString)")
    }

    /// An optional date field by the extract format's own rule: nil when
    /// empty, the Danish reason when it is not a valid date (never silently today).
    static func day(_ field: String?, field name: String) -> Result<Day?, ExtractFieldError> {
        guard let field, !field.trimmingCharacters(in: .whitespaces).isEmpty else { return .success(nil) }
        return ExtractFieldRules.date(field.trimmingCharacters(in: .whitespaces), field: name).map { $0 }
    }

    static func danish(_ refusal: GoalLedger.Refusal) -> String {
        switch refusal {
        case .emptyText: "Målet skal have en tekst."
        case .noSuchGoal: "Målet findes ikke."
        case .invalidParent: "Et delmål skal høre til et andet mål i planen."
        case .unchanged: "Intet er ændret; der er ikke gemt en ny version."
        }
    }

    @Sendable func recordAnswer(req: Request) async throws -> Response {
        let citizen = try await citizen(req, act: .work)
        let answer = try AnswerForm.decode(req)
        guard let instrument = req.formField("instrument").flatMap({ Instrument(code: $0) }) else { throw Abort(.badRequest) }
        // Staff enter interviews and paper answers; link answers come only through the citizen's link.
        guard let channel = req.formField("channel").flatMap(MeasurementChannel.init(rawValue:)), channel != .link else {
            throw Abort(.badRequest, reason: "Angiv interview eller papir.")
        }
        let date: Day
        switch Self.day(req.formField("date"), field: "Datoen for besvarelsen") {
        case .success(let day): date = day ?? DanishDate.today
        case .failure(let error): return try await recordPage(req, citizen, message: "Besvarelsen blev ikke gemt: \(error.reason).")
        }
        do {
            let username = try req.requireAccount().username
            try await req.audited(.measurementAnswered, area: citizen.municipality,
                                  detail: { _ in "borger \(citizen.pseudonym): \(instrument.code) \(date) (\(channel == .paper ? "papir" : "interview"))" }) { [date] store in
                try await store.measurements.record(citizenID: citizen.id, instrument: instrument, answeredOn: date, items: answer,
                                                    channel: channel, enteredBy: username, today: DanishDate.today)
            }
        } catch CitizenError.invalidAnswer(let reason) {
            return try await recordPage(req, citizen, message: "Besvarelsen blev ikke gemt: \(reason).")
        }
        return req.redirect(to: "/borgere/\(citizen.id.uuidString)")
    }

    @Sendable func issueLink(req: Request) async throws -> Response {
        let citizen = try await citizen(req, act: .work)
        guard let instrument = req.formField("instrument").flatMap({ Instrument(code: $0) }) else { throw Abort(.badRequest) }
        // Never from the request's Host header: an attacker's Host would make the link point at them.
        guard let origin = req.roret.configuration.linkOrigin else {
            return try await recordPage(req, citizen, message: "Der kan ikke laves links, før Roret kender sin offentlige adresse (RORET_PUBLIC_URL). Kontakt jeres it-afdeling.")
        }
        let secret = Secrets.random(bytes: 24)
        try await req.audited(.linkIssued, area: citizen.municipality, detail: { link in "borger \(citizen.pseudonym): \(instrument.code), gyldigt til \(link.expiresOn)" }) { store in
            try await store.measurements.issueLink(citizenID: citizen.id, instrument: instrument, tokenHash: Secrets.sha256(secret), issuedOn: DanishDate.today)
        }
        return try await recordPage(req, citizen, newLink: "\(origin)/svar/\(secret)")
    }

    @Sendable func addIntervention(req: Request) async throws -> Response {
        let citizen = try await citizen(req, act: .authority)
        guard let paragraph = req.formField("paragraph").flatMap({ Paragraph(code: $0) }),
              case .success(let start?) = Self.day(req.formField("start"), field: "Startdatoen") else {
            return try await recordPage(req, citizen, message: "Indsatsen blev ikke gemt: angiv paragraf og en gyldig startdato.")
        }
        let end: Day?
        switch Self.day(req.formField("end"), field: "Slutdatoen") {
        case .success(let day): end = day
        case .failure(let error): return try await recordPage(req, citizen, message: "Indsatsen blev ikke gemt: \(error.reason).")
        }
        let provider = req.formField("provider") ?? ""
        do {
            try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): indsats § \(paragraph.code)" }) { [end] store in
                try await store.citizens.addIntervention(to: citizen.id, paragraph: paragraph, provider: provider, start: start, end: end)
            }
        } catch CitizenError.invalidAnswer(let reason) {
            return try await recordPage(req, citizen, message: "Indsatsen blev ikke gemt: \(reason).")
        }
        return req.redirect(to: "/borgere/\(citizen.id.uuidString)")
    }

    /// Ends an intervention (an authority act): its last day is the date
    /// given (default today); the provider's access ends after that day.
    @Sendable func endIntervention(req: Request) async throws -> Response {
        let citizen = try await citizen(req, act: .authority)
        guard let id = req.parameters.get("intervention").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        let end: Day
        switch Self.day(req.formField("end"), field: "Sidste dag") {
        case .success(let day): end = day ?? DanishDate.today
        case .failure(let error): return try await recordPage(req, citizen, message: "Indsatsen blev ikke afsluttet: \(error.reason).")
        }
        let ended: CitizenIntervention
        do {
            ended = try await req.audited(.citizenChanged, area: citizen.municipality,
                                          detail: { [end] in "borger \(citizen.pseudonym): indsats § \($0.paragraph.code) hos \($0.provider) afsluttet \(end)" }) { [end] store in
                try await store.citizens.endIntervention(id, of: citizen.id, on: end)
            }
        } catch CitizenError.invalidAnswer(let reason) {
            return try await recordPage(req, citizen, message: "Indsatsen blev ikke afsluttet: \(reason).")
        }
        req.notice("Indsatsen hos \(ended.provider) er afsluttet med \(DanishDate.dayText(end)) som sidste dag. Udføreren har derefter ikke længere adgang til sagen.")
        return req.redirect(to: "/borgere/\(citizen.id.uuidString)")
    }

    /// Links the citizen's own account (role citizen, same municipality, not
    /// linked to anyone else) so they see *Min side*.
    @Sendable func linkOwnAccount(req: Request) async throws -> Response {
        let citizen = try await citizen(req, act: .authority)
        let username = req.formField("username") ?? ""
        guard let account = try await req.store.accounts.find(username: username), account.role == .citizen, account.area == citizen.municipality else {
            return try await recordPage(req, citizen, message: "\(username) er ikke en borgerbruger i kommune \(citizen.municipality).")
        }
        if let other = try await req.store.citizens.find(accountUsername: username), other.id != citizen.id {
            return try await recordPage(req, citizen, message: "\(username) er allerede knyttet til en anden borger.")
        }
        try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): egen bruger \(username)" }) { store in
            try await store.citizens.linkAccount(username, to: citizen.id)
        }
        return try await recordPage(req, citizen, message: "\(username) kan nu se sin plan og sine svar under Min side.")
    }

    /// Asks for an extra measurement at a life change: due at once, reminded like any other.
    @Sendable func requestAdHoc(req: Request) async throws -> Response {
        let citizen = try await citizen(req, act: .work)
        let reason = req.formField("reason") ?? "livsændring"
        let username = try req.requireAccount().username
        try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): ekstra måling" }) { store in
            try await store.schedules.requestAdHoc(for: citizen.id, on: DanishDate.today, reason: reason, by: username)
        }
        return try await recordPage(req, citizen, message: "Der er bedt om en ekstra måling; den er til at tage nu.")
    }

    @Sendable func setPhase(req: Request) async throws -> Response {
        let citizen = try await citizen(req, act: .authority)
        guard let phase = req.formField("phase").flatMap(CasePhase.init(rawValue:)) else { throw Abort(.badRequest) }
        try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): fase \(phase.danishName)" }) { store in
            try await store.citizens.setPhase(phase, of: citizen.id)
        }
        return req.redirect(to: "/borgere/\(citizen.id.uuidString)")
    }
}

/// The five answers of a measurement form (`item1` … `item5`; empty = left out).
enum AnswerForm {
    /// The five answers of a form: an empty or absent field is "not
    /// answered"; anything else that is not a whole number is refused, never
    /// read as "not answered".
    static func decode(_ req: Request) throws -> [Int?] {
        try (1...Instrument.itemCount).map { i in
            guard let field = req.formField("item\(i)"), !field.isEmpty else { return nil }
            guard let value = Int(field) else { throw Abort(.badRequest, reason: "Svar \(i) er ikke et tal.") }
            return value
        }
    }
}
