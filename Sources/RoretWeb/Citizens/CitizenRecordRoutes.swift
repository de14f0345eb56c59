import RoretCore
import RoretImport
import RoretStore
import Vapor

/// Caseworkers' and provider staff's work in the record: the plan texts,
/// goals, answers, links, interventions, phase and the citizen's own
/// account. Every read is audited; access is `AccessPolicy`. Every save
/// redirects with a message (a refresh resubmits nothing); a refused save
/// shows its form again with what was typed and every problem.
struct CitizenRecordRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
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

    @Sendable func record(req: Request) async throws -> Response {
        try await req.recordPage(try await req.citizenOnPath(.read))
    }

    /// Writes a new plan text, or with `replaces` a new version of one (the
    /// old stays in the history). "Med borgerens egne ord" is never ticked
    /// for the writer: it is a deliberate choice.
    @Sendable func addEntry(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.work)
        var form = FormReader(req)
        let text = form.text("text")
        let ownWords = form.flag("ownWords")
        let rawKind = form.text("kind"), rawReplaces = form.text("replaces")
        guard let kind = PlanEntryKind(rawValue: rawKind), kind == .hopesWishesDreams || kind == .resource else { throw Abort(.badRequest) }
        var replaces: UUID? = nil
        if !rawReplaces.isEmpty {
            guard let id = UUID(uuidString: rawReplaces) else { throw Abort(.badRequest) }
            replaces = id
        }
        let posted = req.postedForm
        let formID = !posted.isEmpty ? posted : replaces.map { "text-\($0.uuidString)" } ?? (kind == .resource ? "resource-new" : "hope-new")
        if text.allSatisfy(\.isWhitespace) {
            return try await req.recordPage(citizen, failed: form.failed(formID, more: ["Tekst: skriv en tekst først."]))
        }
        let username = try req.requireAccount().username
        let what = replaces == nil ? "\(kind.danishName) skrevet" : "\(kind.danishName) rettet (ny version)"
        do {
            try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): \(what)" }) { [replaces] store in
                try await store.plans.addEntry(to: citizen.id, kind: kind, text: text, inCitizensWords: ownWords, on: DanishDate.today, by: username, replaces: replaces)
            }
        } catch CitizenError.invalidAnswer {
            return try await req.recordPage(citizen, failed: form.failed(formID, more: ["Teksten kunne ikke rettes: ret kun tekster i denne borgers plan."]))
        } catch CitizenError.entryAlreadyChanged {
            return try await req.recordPage(citizen, failed: form.failed(formID, more: [
                "Teksten er allerede blevet rettet af en anden. Din ændring er ikke gemt — din tekst står her stadig; se den nye version, og ret den, hvis der stadig er brug for det.",
            ]))
        }
        let anchor = kind == .resource ? "ressourcer" : "haab"
        return req.saved(citizen, replaces == nil ? "\(kind.danishName): teksten er gemt." : "\(kind.danishName): den nye version er gemt; den tidligere ses under »Tidligere versioner«.", anchor: anchor)
    }

    /// A goal's fields as posted; problems are collected in `form`.
    static func goalDraft(_ form: inout FormReader) -> GoalLedger.Draft {
        let text = form.text("text")
        let horizon: GoalVersion.Horizon = form.choice("horizon", "Sigt") ?? .shortTerm
        let status: GoalVersion.Status = form.choice("status", "Status", required: false) ?? .active
        let followUp = form.day("followUpOn", "Opfølgningsdato")
        let parent = form.text("parentGoalID")
        var hopes = form.list("hopes")
        let hope = form.text("hope")
        if !hope.isEmpty && !hopes.contains(hope) { hopes.insert(hope, at: 0) }
        if text.allSatisfy(\.isWhitespace) { form.problems.append("Mål: skriv målet.") }
        return GoalLedger.Draft(text: text, horizon: horizon, status: status, followUpOn: followUp, parentGoalID: Int(parent), servesHopes: hopes)
    }

    @Sendable func addGoal(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.work)
        var form = FormReader(req)
        let draft = Self.goalDraft(&form)
        let known = Set(try await req.store.plans.texts(of: citizen.id).filter { $0.current.kind == .hopesWishesDreams }.map { $0.firstID.uuidString })
        if draft.servesHopes.contains(where: { !known.contains($0) }) { form.problems.append("Håb: vælg blandt borgerens håb.") }
        let posted = req.postedForm
        let formID = !posted.isEmpty ? posted : draft.parentGoalID.map { "subgoal-\($0)" } ?? "goal-new"
        guard form.problems.isEmpty else { return try await req.recordPage(citizen, failed: form.failed(formID)) }
        let username = try req.requireAccount().username
        do {
            try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): nyt \(draft.parentGoalID == nil ? "mål" : "delmål")" }) { store in
                try await store.plans.addGoal(to: citizen.id, draft, on: DanishDate.today, by: username)
            }
        } catch let refusal as GoalLedger.Refusal {
            return try await req.recordPage(citizen, failed: form.failed(formID, more: [Self.danish(refusal)]))
        }
        return req.saved(citizen, draft.parentGoalID == nil ? "Målet »\(draft.text)« er gemt." : "Delmålet »\(draft.text)« er gemt.", anchor: "maal")
    }

    @Sendable func reviseGoal(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.work)
        guard let goal = req.parameters.get("goal").flatMap({ Int($0) }) else { throw Abort(.notFound) }
        var form = FormReader(req)
        let draft = Self.goalDraft(&form)
        guard form.problems.isEmpty else { return try await req.recordPage(citizen, failed: form.failed("goal-\(goal)")) }
        let username = try req.requireAccount().username
        do {
            try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): mål \(goal) ændret" }) { store in
                try await store.plans.reviseGoal(goal, of: citizen.id, to: draft, on: DanishDate.today, by: username)
            }
        } catch let refusal as GoalLedger.Refusal {
            return try await req.recordPage(citizen, failed: form.failed("goal-\(goal)", more: [Self.danish(refusal)]))
        }
        return req.saved(citizen, "Målet er gemt som en ny version; de tidligere versioner står i historikken.", anchor: "maal")
    }

    static func danish(_ refusal: GoalLedger.Refusal) -> String {
        switch refusal {
        case .emptyText: "Mål: skriv målet."
        case .noSuchGoal: "Målet findes ikke."
        case .invalidParent: "Et delmål skal høre til et andet mål i planen."
        case .unchanged: "Intet er ændret; der er ikke gemt en ny version."
        }
    }

    /// An optional date field by the extract format's own rule: nil when
    /// empty, the Danish reason when it is not a valid date (never silently today).
    static func day(_ field: String?, field name: String) -> Result<Day?, ExtractFieldError> {
        guard let field, !field.trimmingCharacters(in: .whitespaces).isEmpty else { return .success(nil) }
        return ExtractFieldRules.date(field.trimmingCharacters(in: .whitespaces), field: name).map { $0 }
    }

    @Sendable func recordAnswer(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.work)
        let answer = try AnswerForm.decode(req)
        guard let instrument = req.formField("instrument").flatMap({ Instrument(code: $0) }) else { throw Abort(.badRequest) }
        // Staff enter interviews and paper answers; link answers come only through the citizen's link.
        guard let channel = req.formField("channel").flatMap(MeasurementChannel.init(rawValue:)), channel != .link else {
            throw Abort(.badRequest, reason: "Angiv interview eller papir.")
        }
        var form = FormReader(req)
        for i in 1...Instrument.itemCount { _ = form.text("item\(i)") }
        let date = form.day("date", "Datoen for besvarelsen") ?? DanishDate.today
        let formID = "answer-\(instrument.code)"
        guard form.problems.isEmpty else { return try await req.recordPage(citizen, failed: form.failed(formID)) }
        do {
            let username = try req.requireAccount().username
            try await req.audited(.measurementAnswered, area: citizen.municipality,
                                  detail: { _ in "borger \(citizen.pseudonym): \(instrument.code) \(date) (\(channel == .paper ? "papir" : "interview"))" }) { store in
                try await store.measurements.record(citizenID: citizen.id, instrument: instrument, answeredOn: date, items: answer,
                                                    channel: channel, enteredBy: username, today: DanishDate.today)
            }
        } catch CitizenError.invalidAnswer(let reason) {
            return try await req.recordPage(citizen, failed: form.failed(formID, more: ["Besvarelsen blev ikke gemt: \(reason)."]))
        }
        return req.saved(citizen, "\(instrument.danishName) fra \(date.danish) er gemt.", anchor: "maalinger")
    }

    @Sendable func issueLink(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.work)
        guard let instrument = req.formField("instrument").flatMap({ Instrument(code: $0) }) else { throw Abort(.badRequest) }
        // Never from the request's Host header: an attacker's Host would make the link point at them.
        guard let origin = req.roret.configuration.linkOrigin else {
            return try await req.recordPage(citizen, failed: FailedForm(id: "link", values: [:], problems: [
                RoretConfiguration.noLinkOrigin,
            ]))
        }
        let (sending, problems) = try await LinkMessage.sending(req, citizenID: citizen.id, via: req.formField("via"))
        guard problems.isEmpty else { return try await req.recordPage(citizen, failed: FailedForm(id: "link", values: ["via": req.formField("via") ?? ""], problems: problems)) }
        let secret = Secrets.random(bytes: 24)
        let tokenHash = Secrets.sha256(secret)
        let url = "\(origin)/svar/\(secret)"
        let how = sending.map { " (sendt som \($0.via.danishName))" } ?? ""
        try await req.audited(.linkIssued, area: citizen.municipality, detail: { (link: MeasurementLink) in "borger \(citizen.pseudonym): \(instrument.code), gyldigt til \(link.expiresOn)\(how)" }) { store in
            let link = try await store.measurements.issueLink(citizenID: citizen.id, instrument: instrument, tokenHash: tokenHash, issuedOn: DanishDate.today)
            if let sending {
                try await LinkMessage.enqueue(sending, store: store, citizen: citizen, questionnaire: instrument.danishName, url: url, expiresOn: link.expiresOn, tokenHash: tokenHash)
            }
            return link
        }
        if let sending {
            req.roret.delivery.deliverSoon(store: req.store, logger: req.logger)
            return req.saved(citizen, LinkMessage.notice(questionnaire: instrument.danishName, sending), anchor: "kontakt")
        }
        // Shown once, on the page the redirect leads to; the session forgets it there.
        req.session.data[Request.newLinkKey] = url
        return req.saved(citizen, "Linket til \(instrument.danishName) er lavet. Giv det til borgeren nu; det vises kun denne ene gang.", anchor: "link")
    }

    @Sendable func addIntervention(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.authority)
        var form = FormReader(req)
        let paragraph = Paragraph(code: form.text("paragraph"))
        let start = form.day("start", "Fra", required: true)
        let end = form.day("end", "Til")
        let provider = form.text("provider")
        if paragraph == nil { form.problems.append("Paragraf: vælg en paragraf.") }
        if provider.allSatisfy(\.isWhitespace) { form.problems.append("Udfører: skal udfyldes.") }
        guard form.problems.isEmpty, let paragraph, let start else { return try await req.recordPage(citizen, failed: form.failed("intervention")) }
        do {
            try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): indsats § \(paragraph.code)" }) { store in
                try await store.citizens.addIntervention(to: citizen.id, paragraph: paragraph, provider: provider, start: start, end: end)
            }
        } catch CitizenError.invalidAnswer(let reason) {
            return try await req.recordPage(citizen, failed: form.failed("intervention", more: ["Indsatsen blev ikke gemt: \(reason)."]))
        }
        return req.saved(citizen, "Indsatsen § \(paragraph.code) hos \(provider) er gemt.", anchor: "indsatser")
    }

    /// Ends an intervention (an authority act): its last day is the date
    /// given (default today); the provider's access ends after that day.
    @Sendable func endIntervention(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.authority)
        guard let id = req.parameters.get("intervention").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        var form = FormReader(req)
        let end = form.day("end", "Sidste dag") ?? DanishDate.today
        guard form.problems.isEmpty else { return try await req.recordPage(citizen, failed: form.failed("intervention")) }
        let ended: CitizenIntervention
        do {
            ended = try await req.audited(.citizenChanged, area: citizen.municipality,
                                          detail: { "borger \(citizen.pseudonym): indsats § \($0.paragraph.code) hos \($0.provider) afsluttet \(end)" }) { store in
                try await store.citizens.endIntervention(id, of: citizen.id, on: end)
            }
        } catch CitizenError.invalidAnswer(let reason) {
            return try await req.recordPage(citizen, failed: form.failed("intervention", more: ["Indsatsen blev ikke afsluttet: \(reason)."]))
        }
        return req.saved(citizen, "Indsatsen hos \(ended.provider) er afsluttet med \(end.danish) som sidste dag. Udføreren har derefter ikke længere adgang til sagen.", anchor: "indsatser")
    }

    /// Links the citizen's own account (role citizen, same municipality, not
    /// linked to anyone else) so they see *Min side*.
    @Sendable func linkOwnAccount(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.authority)
        var form = FormReader(req)
        let username = form.text("username").trimmingCharacters(in: .whitespaces)
        guard let account = try await req.store.accounts.find(username: username), account.role == .citizen, account.area == citizen.municipality else {
            return try await req.recordPage(citizen, failed: form.failed("own-account", more: ["»\(username)« er ikke en borgerbruger i kommune \(citizen.municipality)."]))
        }
        if let other = try await req.store.citizens.find(accountUsername: username), other.id != citizen.id {
            return try await req.recordPage(citizen, failed: form.failed("own-account", more: ["»\(username)« er allerede knyttet til en anden borger."]))
        }
        try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): egen bruger \(username)" }) { store in
            try await store.citizens.linkAccount(username, to: citizen.id)
        }
        return req.saved(citizen, "\(username) kan nu se sin plan, sine møder og sine svar under Min side.", anchor: "adgang")
    }

    /// Asks for an extra measurement at a life change: due at once, reminded like any other.
    @Sendable func requestAdHoc(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.work)
        let reason = req.formField("reason") ?? "livsændring"
        let username = try req.requireAccount().username
        try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): ekstra måling" }) { store in
            try await store.schedules.requestAdHoc(for: citizen.id, on: DanishDate.today, reason: reason, by: username)
        }
        return req.saved(citizen, "Der er bedt om en ekstra måling; den er til at tage nu.", anchor: "maalinger")
    }

    /// Moves the case to another phase: the change is dated and signed in the case's history.
    @Sendable func setPhase(req: Request) async throws -> Response {
        let citizen = try await req.citizenOnPath(.authority)
        guard let phase = req.formField("phase").flatMap(CasePhase.init(rawValue:)) else { throw Abort(.badRequest) }
        let username = try req.requireAccount().username
        try await req.audited(.citizenChanged, area: citizen.municipality, detail: { _ in "borger \(citizen.pseudonym): fase \(phase.danishName)" }) { store in
            try await store.citizens.setPhase(phase, of: citizen.id)
            try await store.cases.record(.phase(PhaseChange(phase: phase)), for: citizen.id, on: DanishDate.today, by: username)
        }
        return req.saved(citizen, "Sagen er nu i fasen \(phase.danishName).", anchor: "sagen")
    }
}

/// The five answers of a measurement form (`item1` … `item5`; empty = left out).
enum AnswerForm {
    /// The `count` (five) answers of a form: an empty or absent field is "not
    /// answered"; anything else that is not a whole number is refused, never
    /// read as "not answered".
    static func decode(_ req: Request, count: Int = Instrument.itemCount) throws -> [Int?] {
        try (0..<count).map { $0 + 1 }.map { i in
            guard let field = req.formField("item\(i)"), !field.isEmpty else { return nil }
            guard let value = Int(field) else { throw Abort(.badRequest, reason: "Svar \(i) er ikke et tal.") }
            return value
        }
    }
}
