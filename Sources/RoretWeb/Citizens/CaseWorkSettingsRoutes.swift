import RoretCore
import RoretStore
import Vapor

/// *Opfølgning og hjælpetekst* (administrators): per municipality, the
/// measurement cadence, the follow-up intervals for goals and meetings, the
/// reminders' lead days and the help text a citizen sees after "tak" when
/// their WHO-5 answer is in the lowest band.
struct CaseWorkSettingsRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "opfoelgning", use: show)
        routes.post("admin", "opfoelgning", use: save)
    }

    struct Page: Encodable {
        var chrome: Chrome
        var municipality: String
        var municipalityName: String
        var municipalities: [Choice]
        var form: FormModel
        var defaultHelp: String
    }

    private func page(_ req: Request, municipality: String, failed: FailedForm?) async throws -> Response {
        let settings = try await req.store.cases.settings(for: municipality)
        let cadence = try await req.store.schedules.schedule(for: municipality).cadenceMonths
        let name = DanishMunicipality.name(of: municipality) ?? municipality
        let page = Page(
            chrome: try Chrome(req, title: "Opfølgning og hjælpetekst", active: "/admin/opfoelgning"),
            municipality: municipality, municipalityName: name,
            municipalities: DanishMunicipality.all.map { Choice(value: $0.code, label: "\($0.name) (\($0.code))", selected: $0.code == municipality) },
            form: FormModel(id: "settings", values: [
                "cadence": String(cadence), "goalFollowUpMonths": String(settings.goalFollowUpMonths),
                "meetingIntervalMonths": String(settings.meetingIntervalMonths), "reminderLeadDays": String(settings.reminderLeadDays),
                "helpText": settings.helpText ?? "",
            ], failed: failed),
            defaultHelp: CaseWorkSettings.defaultHelp(municipalityName: "\(name) Kommune"))
        return try await req.renderPage("case-settings", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let asked = req.pageQuery["kommune"] ?? ""
        return try await page(req, municipality: DanishMunicipality.name(of: asked) == nil ? "265" : asked, failed: nil)
    }

    @Sendable func save(req: Request) async throws -> Response {
        var form = FormReader(req)
        let municipality = form.text("municipality")
        guard DanishMunicipality.name(of: municipality) != nil else { throw Abort(.badRequest, reason: "Ukendt kommune.") }
        let cadence = form.number("cadence", "Måneder mellem målinger", in: 1...24)
        let goal = form.number("goalFollowUpMonths", "Opfølgning på mål (måneder)", in: 1...12)
        let meeting = form.number("meetingIntervalMonths", "Møde med borgeren mindst hver (måneder)", in: 1...12)
        let lead = form.number("reminderLeadDays", "Påmindelse dage før", in: 0...60)
        let help = form.text("helpText")
        for (value, label) in [(cadence, "Måneder mellem målinger"), (goal, "Opfølgning på mål"), (meeting, "Møde med borgeren"), (lead, "Påmindelse")] where value == nil {
            if !form.problems.contains(where: { $0.hasPrefix(label) }) { form.problems.append("\(label): skal udfyldes.") }
        }
        let settings = CaseWorkSettings(goalFollowUpMonths: goal ?? 0, meetingIntervalMonths: meeting ?? 0, reminderLeadDays: lead ?? -1, helpText: help)
        if form.problems.isEmpty { form.problems += settings.problems }
        guard form.problems.isEmpty, let cadence else { return try await page(req, municipality: municipality, failed: form.failed("settings")) }
        try await req.audited(.citizenChanged, area: municipality, detail: { _ in "opfølgningsintervaller og hjælpetekst" }) { store in
            try await store.schedules.setCadence(cadence, for: municipality)
            try await store.cases.setSettings(settings, for: municipality)
        }
        req.notice("Indstillingerne for \(DanishMunicipality.name(of: municipality) ?? municipality) er gemt.")
        return req.redirect(to: "/admin/opfoelgning?kommune=\(municipality)")
    }
}
