import Foundation
import RoretCore
import RoretStore
import Vapor

/// A citizen's data rights: *Indsigt* — everything Roret holds about the
/// citizen as a readable page (print-ready) and as a JSON file — for the
/// assigned caseworker (`/borgere/…/indsigt`) or an administrator
/// (`/admin/borgerdata/…`); *Sletning* after a confirmation, by an
/// administrator; the records whose retention has run out. Every export and
/// erasure is audited; the audit entry keeps the act, not the content.
struct DataRightsRoutes: RouteCollection {
    /// The caseworker's routes (behind the staff group).
    struct Caseworker: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let r = routes.grouped("borgere", ":citizen")
            r.get("indsigt", use: { try await DataRightsRoutes.page($0, back: "/borgere/\($0.parameters.get("citizen") ?? "")") })
            r.get("indsigt.json", use: DataRightsRoutes.json)
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("admin", "borgerdata")
        r.get(use: overview)
        r.get(":citizen", "indsigt", use: { try await Self.page($0, back: "/admin/borgerdata") })
        r.get(":citizen", "indsigt.json", use: Self.json)
        r.get(":citizen", "slet", use: confirm)
        r.post(":citizen", "slet", use: erase)
    }

    /// The citizen on the path, when the user may export their data (refusals audited, 403).
    static func citizen(_ req: Request, erase: Bool = false) async throws -> Citizen {
        let account = try req.requireAccount()
        guard let id = req.parameters.get("citizen").flatMap(UUID.init(uuidString:)), let citizen = try await req.store.citizens.find(id: id) else { throw Abort(.notFound) }
        let facts = try await req.store.citizens.accessFacts(of: citizen, on: DanishDate.today)
        let may = erase ? AccessPolicy.mayEraseCitizen(role: account.role, area: account.area, facts)
            : AccessPolicy.mayExportCitizenData(role: account.role, username: account.username, area: account.area, facts)
        guard may else {
            try await req.audit(.accessDenied, area: citizen.municipality, detail: "\(erase ? "sletning" : "indsigt") for borger \(citizen.pseudonym)")
            throw Abort(.forbidden)
        }
        return citizen
    }

    static func page(_ req: Request, back: String) async throws -> Response {
        let citizen = try await citizen(req)
        let data = try await req.store.citizenData.export(citizen)
        try await req.audit(.citizenDataExported, area: citizen.municipality, detail: "indsigt for borger \(citizen.pseudonym): side (\(data.rowCount) rækker)")
        let page = try DataAccessPage(req, data, back: back)
        return try await req.renderPage("data-access", page, chrome: page.chrome)
    }

    @Sendable static func json(req: Request) async throws -> Response {
        let citizen = try await citizen(req)
        let data = try await req.store.citizenData.export(citizen)
        try await req.audit(.citizenDataExported, area: citizen.municipality, detail: "indsigt for borger \(citizen.pseudonym): JSON-fil (\(data.rowCount) rækker)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let response = Response(status: .ok, body: .init(data: try encoder.encode(data)))
        response.headers.contentType = .json
        response.headers.contentDisposition = .init(.attachment, filename: "indsigt-\(citizen.pseudonym).json")
        return response
    }

    @Sendable func overview(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let today = DanishDate.today
        let retention = req.roret.configuration.retention
        let search = (req.pageQuery["pseudonym"] ?? "").trimmingCharacters(in: .whitespaces)
        let all = try await req.store.citizens.all()
        let mine = all.filter { account.area == nationalArea || $0.municipality == account.area }
        let found = search.isEmpty ? [] : mine.filter { $0.pseudonym.localizedCaseInsensitiveContains(search) }
        let ended = try await req.store.citizenData.endedOnOrBefore(retention.cutoff(today: today), today: today)
            .filter { account.area == nationalArea || $0.citizen.municipality == account.area }
        let page = DataRightsPage(chrome: try Chrome(req, title: "Borgerdata", active: "/admin/borgerdata"), search: search, years: retention.years,
                                  cutoff: retention.cutoff(today: today).danish,
                                  found: found.map { .init($0, ended: nil) }, searched: !search.isEmpty, hasFound: !found.isEmpty,
                                  expired: ended.map { .init($0.citizen, ended: $0.ended) }, hasExpired: !ended.isEmpty)
        if !search.isEmpty { try await req.audit(.citizenListRead, area: account.area, detail: "borgerdata: søgning (\(found.count) fundet)") }
        return try await req.renderPage("data-rights", page, chrome: page.chrome)
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        try await confirmPage(req, citizen: Self.citizen(req, erase: true), failed: nil)
    }

    func confirmPage(_ req: Request, citizen: Citizen, failed: FailedForm?) async throws -> Response {
        let data = try await req.store.citizenData.export(citizen)
        let page = try ErasurePage(req, citizen: citizen, data: data, failed: failed)
        return try await req.renderPage("data-erasure", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    @Sendable func erase(req: Request) async throws -> Response {
        let citizen = try await Self.citizen(req, erase: true)
        var form = FormReader(req)
        let typed = form.text("pseudonym").trimmingCharacters(in: .whitespaces)
        let reason = form.text("reason").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [String] = []
        if typed != citizen.pseudonym { problems.append("Bekræftelse: skriv borgerens pseudonym, \(citizen.pseudonym), præcis som det står.") }
        if reason.isEmpty { problems.append("Grundlag: skriv hvorfor sagen slettes (fx »Borgerens anmodning af 12.11.2026« eller »Opbevaringsperioden er udløbet«).") }
        guard problems.isEmpty else { return try await confirmPage(req, citizen: citizen, failed: FailedForm(id: "erase", values: form.values, problems: problems)) }
        let account = try req.requireAccount()
        let entry = AuditEntry(.citizenErased, username: account.username, role: account.role.rawValue, area: citizen.municipality,
                               detail: "borger \(citizen.pseudonym) slettet. Grundlag: \(reason.prefix(300))", address: req.remoteAddress?.ipAddress)
        let erased = try await req.store.citizenData.erase(citizen, audit: entry)
        req.notice("Borger \(citizen.pseudonym) er slettet: \(erased.total) rækker. Handlingen står i loggen; indholdet gør ikke.")
        return req.redirect(to: "/admin/borgerdata")
    }
}

/// *Borgerdata*: find a citizen for an export or an erasure, and the records whose retention has run out.
struct DataRightsPage: Encodable {
    struct Row: Encodable {
        var pseudonym: String
        var municipality: String
        var ended: String?
        var accessHref: String
        var eraseHref: String

        init(_ c: Citizen, ended: Day?) {
            pseudonym = c.pseudonym
            municipality = DanishMunicipality.name(of: c.municipality) ?? c.municipality
            self.ended = ended?.danish
            accessHref = "/admin/borgerdata/\(c.id.uuidString)/indsigt"
            eraseHref = "/admin/borgerdata/\(c.id.uuidString)/slet"
        }
    }

    var chrome: Chrome
    var search: String
    var years: Int
    var cutoff: String
    var found: [Row]
    var searched: Bool
    var hasFound: Bool
    var expired: [Row]
    var hasExpired: Bool
}

/// *Indsigt*: every table's rows about the citizen, readable and printable.
struct DataAccessPage: Encodable {
    struct Field: Encodable {
        var name: String
        var value: String
    }

    struct Row: Encodable {
        var fields: [Field]
    }

    struct Table: Encodable {
        var title: String
        var text: String
        var rows: [Row]
        var count: Int
    }

    var chrome: Chrome
    var pseudonym: String
    var produced: String
    var back: String
    var printHref: String
    var jsonHref: String
    var tables: [Table]
    var total: Int

    init(_ req: Request, _ data: CitizenData, back: String) throws {
        chrome = try Chrome(req, title: "Indsigt · \(data.pseudonym)", active: back.hasPrefix("/admin") ? "/admin/borgerdata" : "/borgere")
        pseudonym = data.pseudonym
        produced = DanishDate.dayOf(data.producedAt).danish
        self.back = back
        let path = req.url.path
        printHref = path + "?udskriv=1"
        jsonHref = path + ".json"
        tables = data.tables.map { t in
            let (title, text) = DataAccessPage.names[t.name] ?? (t.name, "")
            return Table(title: title, text: text, rows: t.rows.map { row in
                Row(fields: row.keys.sorted().map { Field(name: DataAccessPage.columns[$0] ?? $0, value: (row[$0] ?? nil) ?? "–") })
            }, count: t.rows.count)
        }
        total = data.rowCount
    }

    /// The columns most tables share, in Danish (the others keep the database's name).
    static let columns: [String: String] = [
        "id": "Id", "pseudonym": "Pseudonym", "name": "Navn", "municipality": "Kommune", "caseworker": "Sagsbehandler", "phase": "Fase",
        "created_at": "Oprettet", "updated_at": "Ændret", "follow_up_started_on": "Opfølgning begyndt", "account_username": "Egen bruger",
        "citizen_id": "Borgerens id", "text": "Tekst", "kind": "Slags", "instrument": "Redskab", "answered_on": "Besvaret", "channel": "Indsamlet som",
        "entered_by": "Registreret af", "state": "Status", "issued_on": "Lavet", "expires_on": "Udløber", "due_on": "Forfalder", "recipient": "Modtager",
        "paragraph": "Paragraf", "provider": "Udfører", "start": "Fra", "end_day": "Til", "at": "Tidspunkt", "username": "Bruger", "role": "Rolle",
        "action": "Handling", "area": "Område", "detail": "Hvad", "address": "Adresse", "payload": "Indhold", "saved_by": "Gemt af", "saved_at": "Gemt",
        "doc_key": "Nøgle", "version": "Version", "display_name": "Visningsnavn", "disabled": "Deaktiveret", "sequence": "Nummer", "day": "Dato",
        "recorded_by": "Registreret af", "recorded_at": "Registreret", "written_at": "Skrevet", "written_by": "Skrevet af", "written_on": "Dato",
        "in_citizens_words": "Med borgerens egne ord", "replaces": "Erstatter",
    ]

    /// Each table in Danish: its title and what it holds.
    static let names: [String: (String, String)] = [
        "citizens": ("Borgeren", "Pseudonym, navn, kommune, sagsbehandler, fase og hvornår opfølgningen begyndte."),
        "accounts": ("Borgerens egen bruger", "Brugernavn og visningsnavn (adgangskoden gemmes kun som en hash og udleveres ikke)."),
        "measurement_links": ("Målingslinks", "Personlige links til WHO-5 og Brief INSPIRE-O: hvornår de blev lavet, udløb og deres status."),
        "reminders": ("Påmindelser", "Påmindelser om målinger og opfølgning lagt i udbakken."),
        "measurements": ("Målinger", "Svar på WHO-5 og Brief INSPIRE-O med dato og hvordan de blev indsamlet."),
        "measurement_requests": ("Ekstra målinger", "Målinger bestilt ud over den faste kadence."),
        "goal_versions": ("Mål og deres historik", "Hvert mål i planen i alle dets versioner."),
        "plan_entries": ("Planens tekster", "Håb, ønsker og drømme, ressourcer og andre tekster i planen, med hvem der skrev dem."),
        "case_events": ("Sagens hændelser", "Faser, møder, netværk, aftaler, afslutning og alt andet registreret i sagen, i rækkefølge."),
        "citizen_interventions": ("Indsatser", "Bevilgede indsatser (paragraf, tilbud, periode)."),
        "case_review_answers": ("Sagsgennemgange", "Sagen i ledelsens gennemgang af ti sager: kriteriernes svar."),
        "offer_documents": ("Tilbuddenes dokumentation", "Svar, mål, tilknytning, links og statusrapporter i de tilbud, borgeren har haft forløb i."),
        "audit_events": ("Loggen", "Hvem der har set eller ændret borgerens data, og hvornår."),
    ]
}

/// *Slet*: what will be removed, and the confirmation.
struct ErasurePage: Encodable {
    struct Count: Encodable {
        var title: String
        var count: Int
    }

    var chrome: Chrome
    var pseudonym: String
    var action: String
    var counts: [Count]
    var kept: [Count]
    var hasKept: Bool
    var form: FormModel

    init(_ req: Request, citizen: Citizen, data: CitizenData, failed: FailedForm?) throws {
        chrome = try Chrome(req, title: "Slet borger \(citizen.pseudonym)", active: "/admin/borgerdata")
        pseudonym = citizen.pseudonym
        action = "/admin/borgerdata/\(citizen.id.uuidString)/slet"
        let keptTables: Set<String> = ["audit_events", "case_review_answers", "accounts"]
        counts = data.tables.filter { !keptTables.contains($0.name) && !$0.rows.isEmpty }.map { Count(title: DataAccessPage.names[$0.name]?.0 ?? $0.name, count: $0.rows.count) }
        kept = data.tables.filter { keptTables.contains($0.name) && !$0.rows.isEmpty }.map { Count(title: DataAccessPage.names[$0.name]?.0 ?? $0.name, count: $0.rows.count) }
        hasKept = !kept.isEmpty
        form = FormModel(id: "erase", values: [:], failed: failed)
    }
}
