import RoretCore
import RoretStore
import Vapor

/// *Evaluering* and *Temperaturmåling*: rounds of the leaders'
/// questionnaires. Leaders and analysts open rounds and set the group's
/// agreed scores; each respondent (they, and invited caseworkers) answers
/// alone and sees the spread once they have answered.
struct RoundRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let l = routes.grouped("ledelse")
        l.get("evaluering", use: { try await list($0, .evaluation) })
        l.get("temperatur", use: { try await list($0, .temperature) })
        l.post("runder", use: open)
        l.get("runder", ":round", use: show)
        l.post("runder", ":round", "svar", use: answer)
        l.post("runder", ":round", "enighed", use: agree)
        l.post("runder", ":round", "refleksion", use: reflect)
    }

    static func path(_ kind: QuestionnaireKind) -> String { kind == .evaluation ? "/ledelse/evaluering" : "/ledelse/temperatur" }

    @Sendable func list(_ req: Request, _ kind: QuestionnaireKind) async throws -> Response {
        let context = try LeadershipContext(req)
        try await context.requireRunning(req)
        let rounds = try await req.store.leadership.rounds(kind, municipality: context.municipality)
        let itemSet = try await req.store.leadership.itemSet(kind, municipality: context.municipality)
        let caseworkers = try await req.store.accounts.all().filter { $0.role == .caseworker && $0.area == context.municipality && !$0.isDisabled }.map(\.username)
        let page = try RoundListPage(req, context: context, kind: kind, rounds: rounds, itemSet: itemSet, caseworkers: caseworkers)
        return try await req.renderPage("leadership-rounds", page, chrome: page.chrome)
    }

    @Sendable func open(req: Request) async throws -> Response {
        let context = try LeadershipContext(req)
        try await context.requireRunning(req)
        var form = FormReader(req)
        let kind: QuestionnaireKind = form.choice("kind", "Spørgeskema") ?? .evaluation
        let date = form.day("date", "Dato", required: true)
        let invitees = form.list("invitees")
        guard form.problems.isEmpty, let date else {
            req.notice("Runden blev ikke startet: " + form.problems.joined(separator: " "))
            return req.redirect(to: Self.path(kind) + context.query)
        }
        let username = context.account.username
        let round = try await req.audited(.leadershipChanged, area: context.municipality, detail: { "\(kind.danishName): runde \($0.date) startet" }) { store in
            try await store.leadership.openRound(kind, municipality: context.municipality, date: date, invitees: invitees, by: username)
        }
        req.notice("Runden er startet. Svar hver for sig; derefter sætter I en fælles score for hvert spørgsmål.")
        return req.redirect(to: "/ledelse/runder/\(round.id)")
    }

    /// The round and whether the user may answer it; 403 (audited) otherwise.
    private func round(_ req: Request) async throws -> (Round, UUID, Account) {
        let account = try req.requireAccount()
        guard let id = req.parameters.get("round").flatMap(UUID.init(uuidString:)), let round = try await req.store.leadership.round(id) else { throw Abort(.notFound) }
        guard AccessPolicy.mayAnswerRound(role: account.role, username: account.username, userArea: account.area, municipality: round.municipality, invitees: round.invitees) else {
            try await req.audit(.accessDenied, area: round.municipality, detail: "runde \(id)")
            throw Abort(.forbidden)
        }
        return (round, id, account)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await page(req, failed: nil)
    }

    private func page(_ req: Request, failed: FailedForm?) async throws -> Response {
        let (round, id, account) = try await round(req)
        let comparable = RoundTrend.comparable(try await req.store.leadership.rounds(round.kind, municipality: round.municipality))
        let evidence = round.kind == .evaluation ? try await Self.evidence(req, municipality: round.municipality) : nil
        let reflections = try await req.store.leadership.reflections(round: id)
        let page = try RoundPage(req, round: round, account: account, comparable: comparable, evidence: evidence, reflections: reflections, failed: failed)
        return try await req.renderPage("leadership-round", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    /// What Roret holds beside the evaluation's items, for the municipality.
    static func evidence(_ req: Request, municipality: String) async throws -> EvaluationEvidence {
        let citizens = try await req.store.citizens.all(municipality: municipality)
        let counts = EvaluationEvidence.counts(try await req.store.cases.files(of: citizens), on: DanishDate.today)
        var version: Int? = nil, years: ClosedRange<Int>? = nil, movements: [Int] = []
        if let access = try? await FigureAccess.load(req, area: municipality, wantsFull: false) {
            version = access.version.version
            years = access.version.years
            movements = access.figures.computedYears(of: .nt07)
        }
        let table = try await PracticeIndicatorTable(req, area: municipality, quarters: 0)
        let i12 = table.rows.first { $0.area == municipality && $0.indicator == .i12 }
        // The active records are I1's denominator as the leaders may see it.
        let i1 = table.rows.first { $0.area == municipality && $0.indicator == .i1 }
        let active = i1 == nil ? 0 : i1?.denominator
        return EvaluationEvidence(extractVersion: version, extractYears: years, movementYears: movements, activeRecords: active,
                                  withWHO5LastYear: counts.who5, withAnyInstrument: counts.any, ratedMeetings: i12)
    }

    /// The respondent's own answers: every item answered, one value or "Ved ikke".
    @Sendable func answer(req: Request) async throws -> Response {
        let (round, id, account) = try await round(req)
        var form = FormReader(req)
        var answers: [String: ScaleAnswer] = [:]
        for item in round.itemSet.items {
            let raw = form.text("item-\(item.id)")
            if let answer = ScaleAnswer(field: raw) { answers[item.id] = answer } else { form.problems.append("\(item.id): vælg et svar (eller »Ved ikke«).") }
        }
        guard form.problems.isEmpty else { return try await page(req, failed: form.failed("answers")) }
        let given = answers
        try await req.audited(.leadershipChanged, area: round.municipality, detail: { _ in "runde \(round.date): svar fra \(account.username)" }) { store in
            try await store.leadership.answer(round: id, respondent: account.username, given)
        }
        req.notice("Dine svar er gemt. Nu kan du se, hvordan gruppen har svaret.")
        return req.redirect(to: "/ledelse/runder/\(id)#spredning")
    }

    /// The group's agreed score for an item, with its comment.
    @Sendable func agree(req: Request) async throws -> Response {
        let (round, id, account) = try await round(req)
        guard AccessPolicy.mayRunLeadership(role: account.role, userArea: account.area, municipality: round.municipality) else {
            try await req.audit(.accessDenied, area: round.municipality, detail: "runde \(id): fælles score")
            throw Abort(.forbidden)
        }
        var form = FormReader(req)
        let item = form.text("item")
        let value: ScaleValue? = Int(form.text("value")).flatMap(ScaleValue.init(rawValue:))
        let comment = form.text("comment")
        if value == nil { form.problems.append("Fælles score: vælg en værdi fra 1 til 5.") }
        guard form.problems.isEmpty, let value, round.itemSet.items.contains(where: { $0.id == item }) else {
            return try await page(req, failed: form.failed("agree-\(item)"))
        }
        try await req.audited(.leadershipChanged, area: round.municipality, detail: { _ in "runde \(round.date): fælles score for \(item)" }) { store in
            try await store.leadership.agree(round: id, item: item, AgreedScore(value: value, comment: comment))
        }
        req.notice("Den fælles score for \(item) er gemt.")
        return req.redirect(to: "/ledelse/runder/\(id)#punkt-\(item)")
    }

    /// The group's answers to the reflection questions after a temperature round.
    @Sendable func reflect(req: Request) async throws -> Response {
        let (round, id, account) = try await round(req)
        guard round.kind == .temperature, AccessPolicy.mayRunLeadership(role: account.role, userArea: account.area, municipality: round.municipality) else {
            try await req.audit(.accessDenied, area: round.municipality, detail: "runde \(id): refleksion")
            throw Abort(.forbidden)
        }
        var form = FormReader(req)
        var answers: [Int: String] = [:]
        for q in 1...StandardItemSets.temperatureReflection.count { answers[q] = form.text("q\(q)") }
        if answers.values.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { form.problems.append("Skriv svar på mindst ét spørgsmål.") }
        guard form.problems.isEmpty else { return try await page(req, failed: form.failed("reflection")) }
        let given = answers
        try await req.audited(.leadershipChanged, area: round.municipality, detail: { _ in "runde \(round.date): refleksion" }) { store in
            try await store.leadership.reflect(round: id, given, by: account.username)
        }
        req.notice("Jeres refleksion er gemt. Gør svaret på det sidste spørgsmål til handlinger i udviklingsplanen nedenfor.")
        return req.redirect(to: "/ledelse/runder/\(id)#refleksion")
    }
}
