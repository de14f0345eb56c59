import RoretCore
import RoretStore
import Vapor

/// *Sagsgennemgang*: ten recent cases drawn at random (the seed shown, so
/// the draw can be repeated), reviewed against Roret's ten criteria by
/// reviewers who may open the records — their own cases, or through an
/// administrator's grant. The steering group sees only the counts.
struct CaseReviewRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("ledelse", "sagsgennemgang")
        r.get(use: list)
        r.post(use: create)
        r.get(":review", use: show)
        r.get(":review", "sag", ":case", use: reviewCase)
        r.post(":review", "sag", ":case", use: answer)
    }

    struct ListPage: Encodable {
        struct Row: Encodable {
            var href: String
            var date: String
            var seed: String
            var reviewed: String
        }

        var chrome: Chrome
        var municipality: String
        var rows: [Row]
        var hasRows: Bool
        var eligible: Int
        var kommune: String
    }

    @Sendable func list(req: Request) async throws -> Response {
        let context = try LeadershipContext(req)
        try await context.requireRunning(req)
        let reviews = try await req.store.caseReviews.reviews(municipality: context.municipality)
        let eligible = try await Self.eligible(req, municipality: context.municipality)
        let page = ListPage(
            chrome: try Chrome(req, title: "Sagsgennemgang", active: "/ledelse"), municipality: context.municipalityName,
            rows: reviews.map { r in ListPage.Row(href: "/ledelse/sagsgennemgang/\(r.id)", date: r.date.danish, seed: String(r.seed),
                                                  reviewed: "\(r.sample.filter { (r.answers[$0]?.count ?? 0) == CaseReview.criteria.count }.count) af \(r.sample.count)") },
            hasRows: !reviews.isEmpty, eligible: eligible.count, kommune: context.municipality)
        return try await req.renderPage("case-reviews", page, chrome: page.chrome)
    }

    /// The municipality's records opened or followed up in the last 12 months.
    static func eligible(_ req: Request, municipality: String) async throws -> [UUID] {
        let citizens = try await req.store.citizens.all(municipality: municipality)
        let files = try await req.store.cases.files(of: citizens)
        return CaseReview.eligible(files, municipality: municipality, on: DanishDate.today).compactMap { UUID(uuidString: $0.recordID) }
    }

    @Sendable func create(req: Request) async throws -> Response {
        let context = try LeadershipContext(req)
        try await context.requireRunning(req)
        let typed = (req.formField("seed") ?? "").trimmingCharacters(in: .whitespaces)
        guard typed.isEmpty || UInt64(typed) != nil else {
            req.notice("Gennemgangen blev ikke startet: startværdien skal være et helt tal (eller tom for en ny).")
            return req.redirect(to: "/ledelse/sagsgennemgang" + context.query)
        }
        let seed = UInt64(typed) ?? UInt64.random(in: 1...999_999)
        let eligible = try await Self.eligible(req, municipality: context.municipality)
        let username = context.account.username
        let review = try await req.audited(.leadershipChanged, area: context.municipality, detail: { "sagsgennemgang startet (startværdi \($0.seed), \($0.sample.count) sager)" }) { store in
            try await store.caseReviews.create(municipality: context.municipality, eligible: eligible, seed: seed, on: DanishDate.today, by: username)
        }
        req.notice("\(review.sample.count) sager er trukket tilfældigt med startværdien \(seed) blandt \(eligible.count) sager åbnet eller fulgt op de seneste 12 måneder.")
        return req.redirect(to: "/ledelse/sagsgennemgang/\(review.id)")
    }

    /// The review, for those who run the tools or may review at least one of its cases.
    private func review(_ req: Request) async throws -> (StoredCaseReview, Account, runs: Bool) {
        let account = try req.requireAccount()
        guard let id = req.parameters.get("review").flatMap(UUID.init(uuidString:)), let review = try await req.store.caseReviews.review(id) else { throw Abort(.notFound) }
        let runs = AccessPolicy.mayRunLeadership(role: account.role, userArea: account.area, municipality: review.municipality)
        return (review, account, runs)
    }

    /// Whether the user may open sampled case `index` (0-based) of the review.
    private func mayOpen(_ req: Request, _ review: StoredCaseReview, _ account: Account, _ index: Int) async throws -> Citizen? {
        guard review.sample.indices.contains(index), let citizen = try await req.store.citizens.find(id: review.sample[index]) else { return nil }
        let facts = try await req.store.citizens.accessFacts(of: citizen, on: DanishDate.today)
        return AccessPolicy.mayReviewCitizen(role: account.role, username: account.username, area: account.area, provider: account.offerKey, facts,
                                             grants: review.grants, on: DanishDate.today) ? citizen : nil
    }

    struct ReviewPage: Encodable {
        struct Count: Encodable {
            var criterion: String
            var counts: [String]
        }

        struct Case: Encodable {
            var label: String
            var href: String?
            var status: String
        }

        var chrome: Chrome
        var title: String
        var seed: String
        var sampleCount: Int
        var runs: Bool
        var counts: [Count]
        var answerLabels: [String]
        var cases: [Case]
        var hasCases: Bool
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (review, account, runs) = try await review(req)
        var cases: [ReviewPage.Case] = []
        for (i, id) in review.sample.enumerated() {
            let open = try await mayOpen(req, review, account, i) != nil
            guard runs || open else { continue }
            let done = review.answers[id]?.count ?? 0
            cases.append(ReviewPage.Case(label: "Sag \(i + 1)", href: open ? "/ledelse/sagsgennemgang/\(review.id)/sag/\(i + 1)" : nil,
                                         status: done == CaseReview.criteria.count ? "Gennemgået" : done == 0 ? "Ikke gennemgået" : "\(done) af \(CaseReview.criteria.count) kriterier"))
        }
        guard runs || !cases.isEmpty else {
            try await req.audit(.accessDenied, area: review.municipality, detail: "sagsgennemgang \(review.id)")
            throw Abort(.forbidden)
        }
        let aggregate = review.aggregate
        let page = ReviewPage(
            chrome: try Chrome(req, title: "Sagsgennemgang", active: runs ? "/ledelse" : ""), title: "Sagsgennemgang \(review.date.danish)", seed: String(review.seed), sampleCount: review.sample.count, runs: runs,
            counts: CaseReview.criteria.enumerated().map { i, c in ReviewPage.Count(criterion: "\(i + 1). \(c)", counts: ReviewAnswer.allCases.map { String(aggregate[i][$0] ?? 0) }) },
            answerLabels: ReviewAnswer.allCases.map(\.danishLabel), cases: cases, hasCases: !cases.isEmpty)
        return try await req.renderPage("case-review", page, chrome: page.chrome)
    }

    struct CasePage: Encodable {
        struct Criterion: Encodable {
            var number: Int
            var text: String
            var options: [Choice]
            var comment: String
            var source: String?
        }

        var chrome: Chrome
        var title: String
        var action: String
        var summary: [String]
        var criteria: [Criterion]
        var problems: [String]
        var hasProblems: Bool
        var back: String
    }

    @Sendable func reviewCase(req: Request) async throws -> Response {
        try await casePage(req, failed: nil)
    }

    private func casePage(_ req: Request, failed: FailedForm?) async throws -> Response {
        let (review, account, _) = try await review(req)
        guard let n = req.parameters.get("case").flatMap({ Int($0) }), let citizen = try await mayOpen(req, review, account, n - 1) else {
            try await req.audit(.accessDenied, area: review.municipality, detail: "sagsgennemgang \(review.id): sag")
            throw Abort(.forbidden)
        }
        let file = try await req.store.cases.file(of: citizen)
        let s = file.snapshot(on: DanishDate.today)
        let texts = try await req.store.plans.texts(of: citizen.id)
        let given = review.answers[citizen.id] ?? [:]
        var summary = ["Sagen åbnet \(s.openedOn.danish)" + (s.state.opening.map { ", henvendelse \($0.value.firstContactOn.danish)" } ?? "")]
        summary += texts.filter { $0.current.kind == .hopesWishesDreams }.map { "Håb: »\($0.current.text)«" + ($0.current.inCitizensWords ? " (borgerens egne ord)" : "") }
        summary += s.goals.currentGoals.map { "Mål: \($0.text) — \($0.status.danishName)" + ($0.servesHopes.isEmpty ? "" : " (knyttet til håb)") }
        summary += ["Netværk: " + (s.state.network.isEmpty ? "ikke afdækket" : s.state.network.map { "\($0.name) (\($0.kind.danishName.lowercased()))" }.joined(separator: ", "))]
        summary += ["Møder holdt: \(s.heldMeetings.count); opfølgninger på mål: \(s.state.reviews.count); besvarelser: \(file.answers.count)"]
        let page = CasePage(
            chrome: try Chrome(req, title: "Sag \(n)", active: ""), title: "Sagsgennemgang \(review.date.danish): sag \(n)",
            action: "/ledelse/sagsgennemgang/\(review.id)/sag/\(n)", summary: summary,
            criteria: CaseReview.criteria.enumerated().map { i, text in
                let prefill = CaseReview.prefill(i + 1, s)
                let chosen = failed?.values["c\(i + 1)"] ?? given[i + 1]?.answer.rawValue ?? prefill?.answer.rawValue ?? ""
                return CasePage.Criterion(
                    number: i + 1, text: text,
                    options: ReviewAnswer.allCases.map { Choice(value: $0.rawValue, label: $0.danishLabel, selected: $0.rawValue == chosen) },
                    comment: failed?.values["k\(i + 1)"] ?? given[i + 1]?.comment ?? "",
                    source: prefill.map { "Forudfyldt fra sagen: \($0.source) Bekræft eller ret." })
            },
            problems: failed?.problems ?? [], hasProblems: failed != nil, back: "/ledelse/sagsgennemgang/\(review.id)")
        // Opening a sampled record is a read of person-level data.
        try await req.audit(.citizenRead, area: citizen.municipality, detail: "borger \(citizen.pseudonym) (sagsgennemgang \(review.date))")
        return try await req.renderPage("case-review-case", page, chrome: page.chrome, status: failed == nil ? .ok : .badRequest)
    }

    @Sendable func answer(req: Request) async throws -> Response {
        let (review, account, _) = try await review(req)
        guard let n = req.parameters.get("case").flatMap({ Int($0) }), let citizen = try await mayOpen(req, review, account, n - 1) else {
            try await req.audit(.accessDenied, area: review.municipality, detail: "sagsgennemgang \(review.id): svar")
            throw Abort(.forbidden)
        }
        var form = FormReader(req)
        var answers: [Int: (ReviewAnswer, String)] = [:]
        for i in 1...CaseReview.criteria.count {
            let comment = form.text("k\(i)")
            if let a: ReviewAnswer = form.choice("c\(i)", "Kriterium \(i)") { answers[i] = (a, comment) }
        }
        guard form.problems.isEmpty else { return try await casePage(req, failed: form.failed("case")) }
        let given = answers
        try await req.audited(.leadershipChanged, area: review.municipality, detail: { _ in "sagsgennemgang \(review.date): sag \(n) gennemgået" }) { store in
            try await store.caseReviews.answer(review: review.id, citizen: citizen.id, given, by: account.username)
        }
        req.notice("Sag \(n) er gennemgået.")
        return req.redirect(to: "/ledelse/sagsgennemgang/\(review.id)")
    }
}
