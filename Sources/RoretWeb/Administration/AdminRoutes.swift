import RoretCore
import RoretStore
import Vapor

/// The administrator's pages: the audit log, accounts and extracts.
struct AdminRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped("admin")
        admin.get("log", use: auditLog)
        admin.get("log.csv", use: auditLogCSV)
        admin.get("brugere", use: users)
        admin.post("brugere", use: addUser)
        admin.post("brugere", ":username", "nulstil", use: resetUser)
        admin.post("brugere", ":username", "deaktiver", use: disableUser)
        admin.post("brugere", ":username", "aktiver", use: enableUser)
        admin.post("brugere", ":username", "ophaev", use: clearSignInFailures)
        admin.post("brugere", ":username", "totrin", use: resetSecondFactor)
        admin.post("brugere", "email", use: setEmail)
        admin.get("udtraek", use: extracts)
        admin.post("kadence", use: setCadence)
        // The body is collected by CSRFProtection, up to the configured upload limit.
        admin.on(.POST, "udtraek", body: .stream, use: importExtract).userInfo[ExtractUpload.checksCSRFInStream] = true
    }

    @Sendable func auditLog(req: Request) async throws -> Response {
        let query = Self.auditQuery(req)
        let events = try await req.store.audit.events(query)
        // Reading the log (who read whose record) is itself logged.
        try await req.audit(.auditRead, detail: "loggen: \(events.count) hændelser\(query.username.map { ", bruger \($0)" } ?? "")\(query.action.map { ", \($0.danishLabel.lowercased())" } ?? "")")
        let page = try AuditPage(req, events: events, query: query, fromText: req.pageQuery["fra"] ?? "", toText: req.pageQuery["til"] ?? "")
        return try await req.renderPage("audit", page, chrome: page.chrome)
    }

    /// The filtered audit log as CSV (at most 100,000 events); the export is itself audited.
    @Sendable func auditLogCSV(req: Request) async throws -> Response {
        var query = Self.auditQuery(req)
        query.limit = min(max(req.pageQuery.int("antal") ?? 100_000, 1), 100_000)
        let events = try await req.store.audit.events(query)
        try await req.audit(.export, detail: "log.csv, \(events.count) hændelser")
        return .csv(AuditCSV.text(events), filename: "roret-log.csv")
    }

    /// The filter of the log page: `bruger`, `handling`, `fra`, `til` (days, inclusive), `antal`.
    static func auditQuery(_ req: Request) -> AuditQuery {
        var query = AuditQuery(limit: min(max(req.pageQuery.int("antal") ?? 200, 1), 2000))
        if let user = req.pageQuery["bruger"], !user.isEmpty { query.username = user }
        if let action = req.pageQuery["handling"] { query.action = AuditAction(rawValue: action) }
        query.from = day(req.pageQuery["fra"] ?? "")
        query.to = day(req.pageQuery["til"] ?? "").map { $0.addingTimeInterval(24 * 60 * 60) }
        return query
    }

    /// `YYYY-MM-DD` as the start of that day in Danish time.
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Copenhagen")!
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    @Sendable func users(req: Request) async throws -> Response {
        try await usersPage(req)
    }

    @Sendable func addUser(req: Request) async throws -> Response {
        struct Form: Content {
            var username: String
            var displayName: String?
            var role: String
            var area: String
            var offer: String?
        }
        let form = try req.content.decode(Form.self)
        let actor = try req.requireAccount().username
        let draft = UsersPage.Draft(username: form.username, displayName: form.displayName ?? "", role: form.role, area: form.area, offer: form.offer ?? "")
        do {
            guard let role = Role(rawValue: form.role) else { throw Abort(.badRequest, reason: "Ukendt rolle.") }
            let area = form.area.trimmingCharacters(in: .whitespaces)
            var provider: String?
            if let raw = form.offer, !raw.isEmpty {
                guard let offer = try await UUID(uuidString: raw).asyncFlatMap({ try await req.store.offers.find($0) }) else { throw Abort(.badRequest, reason: "Tilbuddet findes ikke.") }
                guard role == .provider, offer.municipality == area else {
                    throw Abort(.badRequest, reason: "Tilbud: kun en udfører i tilbuddets kommune (\(offer.municipality)) kan knyttes til »\(offer.name)«.")
                }
                provider = offer.name
            } else if role == .provider {
                throw Abort(.badRequest, reason: "Tilbud: vælg det tilbud, udføreren arbejder i.")
            }
            let name = form.displayName?.trimmingCharacters(in: .whitespaces)
            let (account, password) = try await req.accountService.add(
                username: form.username.trimmingCharacters(in: .whitespaces), displayName: name?.isEmpty == false ? name : nil,
                role: role, area: area, provider: provider, by: actor
            )
            return try await usersPage(req, message: "Brugeren \(account.username) er oprettet. Adgangskode (vises kun nu): \(password)")
        } catch let error as StoreError {
            return try await usersPage(req, error: Self.danish(error), draft: draft)
        } catch let error as Abort {
            return try await usersPage(req, error: error.reason, draft: draft)
        }
    }

    @Sendable func resetUser(req: Request) async throws -> Response {
        let username = req.parameters.get("username") ?? ""
        do {
            let password = try await req.accountService.reset(username: username, by: try req.requireAccount().username)
            return try await usersPage(req, message: "Ny adgangskode til \(username) (vises kun nu): \(password)")
        } catch let error as StoreError {
            return try await usersPage(req, error: Self.danish(error))
        }
    }

    /// Deactivation asks for a confirmation first; it can be undone with *Genaktivér*.
    /// Sets or clears (empty) an account's e-mail address, where its reminders go.
    @Sendable func setEmail(req: Request) async throws -> Response {
        var form = FormReader(req)
        let username = form.text("username")
        let email = form.text("email").trimmingCharacters(in: .whitespaces)
        guard try await req.store.accounts.find(username: username) != nil else {
            return try await usersPage(req, error: Self.danish(.noSuchAccount(username)), status: .badRequest)
        }
        guard email.isEmpty || CitizenContact.isEmailAddress(email) else {
            return try await usersPage(req, error: "E-mail: \(email) er ikke en e-mailadresse (fx navn@kommune.dk). Intet er ændret.", status: .badRequest, emailDraft: (username, email))
        }
        try await req.audited(.accountChanged, area: nil, detail: { _ in "\(username): e-mail \(email.isEmpty ? "fjernet" : "sat")" }) { store in
            try await store.accounts.setEmail(username: username, email.isEmpty ? nil : email)
        }
        req.notice(email.isEmpty ? "\(username) har ikke længere en e-mailadresse og får ingen påmindelser på e-mail." : "Påmindelser til \(username) går nu til \(email).")
        return req.redirect(to: "/admin/brugere")
    }

    @Sendable func disableUser(req: Request) async throws -> Response {
        let username = req.parameters.get("username") ?? ""
        let me = try req.requireAccount()
        guard username != me.username else {
            return try await usersPage(req, error: "Du kan ikke deaktivere dig selv.")
        }
        guard try await req.store.accounts.find(username: username) != nil else {
            return try await usersPage(req, error: Self.danish(.noSuchAccount(username)))
        }
        guard ConfirmPage.isConfirmed(req) else {
            return try await ConfirmPage.ask(
                req, title: "Deaktivér \(username)?", question: "Vil du deaktivere brugeren \(username)?",
                consequence: "Brugeren kan ikke længere logge ind, og brugerens sessioner og API-nøgler holder op med at virke. Du kan genaktivere brugeren senere.",
                action: "/admin/brugere/\(username)/deaktiver", confirmLabel: "Ja, deaktivér", cancelHref: "/admin/brugere", active: "/admin/brugere")
        }
        try await req.accountService.disable(username: username, by: me.username)
        req.notice("\(username) er deaktiveret.")
        return req.redirect(to: "/admin/brugere")
    }

    /// Removes a user's second factor (a lost phone and recovery codes): they enrol again at the next sign-in.
    @Sendable func resetSecondFactor(req: Request) async throws -> Response {
        let username = req.parameters.get("username") ?? ""
        guard let account = try await req.store.accounts.find(username: username) else {
            return try await usersPage(req, error: Self.danish(.noSuchAccount(username)))
        }
        guard ConfirmPage.isConfirmed(req) else {
            return try await ConfirmPage.ask(
                req, title: "Nulstil totrinsgodkendelse for \(username)?", question: "Vil du nulstille totrinsgodkendelsen for \(username)?",
                consequence: "Brugerens app og gendannelseskoder holder op med at virke. Næste gang brugeren logger ind, skal totrinsgodkendelse slås til igen. Sørg for, at det er brugeren selv, der har bedt om det.",
                action: "/admin/brugere/\(username)/totrin", confirmLabel: "Ja, nulstil", cancelHref: "/admin/brugere", active: "/admin/brugere")
        }
        try await req.audited(.secondFactorReset, area: account.area, detail: { _ in "totrinsgodkendelse nulstillet for \(username)" }) { store in
            try await store.secondFactors.remove(account: account.id)
        }
        req.notice("Totrinsgodkendelsen for \(username) er nulstillet.")
        return req.redirect(to: "/admin/brugere")
    }

    /// Clears a user's failed sign-ins, so they can try again at once.
    @Sendable func clearSignInFailures(req: Request) async throws -> Response {
        let username = req.parameters.get("username") ?? ""
        guard try await req.store.accounts.find(username: username) != nil else {
            return try await usersPage(req, error: Self.danish(.noSuchAccount(username)))
        }
        try await req.accountService.clearSignInFailures(username: username, by: try req.requireAccount().username)
        req.notice("Spærringen af \(username) er ophævet; brugeren kan logge ind igen nu.")
        return req.redirect(to: "/admin/brugere")
    }

    @Sendable func enableUser(req: Request) async throws -> Response {
        let username = req.parameters.get("username") ?? ""
        do {
            try await req.accountService.enable(username: username, by: try req.requireAccount().username)
        } catch let error as StoreError {
            return try await usersPage(req, error: Self.danish(error))
        }
        req.notice("\(username) er genaktiveret og kan logge ind igen.")
        return req.redirect(to: "/admin/brugere")
    }

    /// Sets a municipality's measurement cadence (months).
    @Sendable func setCadence(req: Request) async throws -> Response {
        guard let area = req.formField("municipality"), AccountService.isValidArea(area), area != nationalArea,
              let months = req.formField("months").flatMap({ Int($0) }), (1...24).contains(months) else {
            throw Abort(.badRequest, reason: "Angiv en kommunekode og 1–24 måneder.")
        }
        try await req.audited(.citizenChanged, area: area, detail: { _ in "målingskadence \(months) måneder" }) { store in
            try await store.schedules.setCadence(months, for: area)
        }
        return req.redirect(to: "/admin/udbakke")
    }

    /// *Udbakke*: the reminders a sender plug-in delivers, with their states.
    @Sendable func extracts(req: Request) async throws -> Response {
        let page = try ExtractsPage(req, history: try await req.store.extracts.history())
        return try await req.renderPage("extracts", page, chrome: page.chrome)
    }

    /// Upload of an extract's CSV files: validated, then stored whole or not at all.
    @Sendable func importExtract(req: Request) async throws -> Response {
        let upload = try await ExtractUpload.read(req, expectedToken: CSRFProtection.expectedToken(req), limit: req.roret.configuration.maxUploadBytes)
        let actor = try req.requireAccount().username
        guard let read = upload.read else {
            let page = try ExtractsPage(req, history: try await req.store.extracts.history(), message: "Vælg udtrækkets CSV-filer, før du trykker Indlæs.", failed: true)
            return try await req.renderPage("extracts", page, chrome: page.chrome)
        }
        let source = "upload: " + Set(upload.names).sorted().joined(separator: ", ")
        let outcome = try await ExtractImport.run(store: req.store, figures: req.roret.figures, currentVersions: req.roret.currentVersions, files: upload.files, read: read, source: source, importedBy: actor, address: req.remoteAddress?.ipAddress)
        let history = try await req.store.extracts.history()
        switch outcome {
        case .imported(let version, let superseded):
            var message = "Udtrækket er indlæst som version \(version.version)."
            if !superseded.isEmpty { message += " Det erstatter version " + superseded.map(String.init).joined(separator: ", ") + "." }
            req.notice(message)
            return req.redirect(to: "/admin/udtraek")
        case .rejected(let problems):
            let page = try ExtractsPage(req, history: history, message: "Udtrækket blev afvist, og intet er gemt: \(problems.count) fejl.",
                                        problems: problems.map(\.description), failed: true)
            return try await req.renderPage("extracts", page, chrome: page.chrome)
        }
    }

    private func usersPage(_ req: Request, message: String? = nil, error: String? = nil, draft: UsersPage.Draft = .init(),
                           status: HTTPResponseStatus = .ok, emailDraft: (username: String, email: String)? = nil) async throws -> Response {
        let accounts = try await req.store.accounts.all()
        let enrolled = try await req.store.secondFactors.confirmedAccounts()
        var page = try UsersPage(req, accounts: accounts, offers: try await req.store.offers.all(), enrolled: enrolled, message: message, error: error, draft: draft)
        if let emailDraft {
            page.emailDraft = emailDraft.email
            page.emailUsers = page.emailUsers.map { Choice(value: $0.value, label: $0.label, selected: $0.value == emailDraft.username) }
        }
        return try await req.renderPage("users", page, chrome: page.chrome, status: status)
    }

    static func danish(_ error: StoreError) -> String {
        switch error {
        case .usernameTaken(let name): "Brugernavnet \(name) er optaget."
        case .noSuchAccount(let name): "Der findes ingen bruger \(name)."
        case .invalidUsername(let name): "\(name) er ikke et gyldigt brugernavn (2–64 bogstaver, tal, punktum, bindestreg eller understreg)."
        }
    }
}
