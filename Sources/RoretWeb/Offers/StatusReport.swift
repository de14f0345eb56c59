import Foundation
import RoretCore
import RoretStore
import Vapor

/// *Statusrapport til myndigheden*: what an offer has documented for one
/// citizen since its last status report (else since the course began) —
/// goals with their attainment in the period, and the answers collected —
/// shown in the caseworker's record of that citizen, printable and as Excel.
struct OfferStatusReport: Encodable {
    struct Goal: Encodable {
        var text: String
        var kind: String
        var status: String
        var planGoal: String?
    }

    struct Answer: Encodable {
        var day: String
        var instrument: String
        var point: String
        var score: String
        var respondent: String
    }

    var offer: String
    var period: String
    var goals: [Goal]
    var hasGoals: Bool
    var answers: [Answer]
    var hasAnswers: Bool

    /// The reports of every offer the citizen has had a course at, for the record's caseworker.
    static func reports(_ req: Request, citizen: Citizen, spells: [CitizenIntervention], planGoals: [Int: String]) async throws -> [OfferStatusReport] {
        let today = DanishDate.today
        let id = citizen.id.uuidString
        var out: [OfferStatusReport] = []
        for offerID in Array(Set(spells.compactMap(\.offerID))).sorted(by: { $0.uuidString < $1.uuidString }) {
            guard let offer = try await req.store.offers.find(offerID) else { continue }
            let lastSent = try await req.store.offers.current(StatusReportSent.self, offer: offerID, kind: .statusReport, key: id)?.value.day
            let courseStart = spells.filter { $0.offerID == offerID }.map(\.start).min() ?? today
            let from = StatusReportSent.periodStart(lastSent: lastSent, courseStart: courseStart)
            let goals = try await req.store.offers.current(OfferGoal.self, offer: offerID, kind: .goal).map(\.value).filter { $0.citizen == id }
            let all = try await req.store.offers.current(OfferAnswer.self, offer: offerID, kind: .answer).map(\.value).filter { $0.citizen == id }
            // An offer that has documented nothing for the citizen has no report; one with nothing new says so.
            guard !goals.isEmpty || !all.isEmpty else { continue }
            let answers = all.filter { $0.day >= from }.sorted { $0.day > $1.day }
            let catalogue = try await req.store.offers.current(InstrumentCatalogue.self, offer: offerID, kind: .instruments, key: "catalogue")?.value ?? InstrumentCatalogue()
            let names = Dictionary(catalogue.all.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let reportGoals = goals.map { g in
                let inPeriod = g.followUps.filter { $0.day >= from }.max { $0.day < $1.day }
                return Goal(text: g.text, kind: g.kind.danishName, status: inPeriod.map { "\($0.status.danishName) (\($0.day.danish))" } ?? "Ikke fulgt op i perioden",
                            planGoal: g.planGoalID.flatMap { planGoals[$0] })
            }
            let reportAnswers = answers.map { a in
                Answer(day: a.day.danish, instrument: names[a.instrument] ?? a.instrument, point: a.point.danishName,
                       score: a.score.map { DanishFormat.decimal($0, decimals: 0) } ?? "ufuldstændig", respondent: a.respondent.danishName)
            }
            let period = (lastSent.map { "Siden sidste statusrapport \($0.danish)" } ?? "Siden forløbets start \(courseStart.danish)") + " til \(today.danish)"
            out.append(OfferStatusReport(offer: offer.name, period: period, goals: reportGoals, hasGoals: !reportGoals.isEmpty, answers: reportAnswers, hasAnswers: !reportAnswers.isEmpty))
        }
        return out
    }

    /// The reports as one sheet, offer by offer.
    static func sheet(_ reports: [OfferStatusReport], pseudonym: String) -> Spreadsheet {
        var rows: [[Spreadsheet.Cell]] = []
        for r in reports {
            rows.append([.text(r.offer), .text(r.period)])
            if r.hasGoals {
                rows.append(["Mål i tilbuddet", "Slags", "Målopfyldelse", "Mål i handleplanen"].map(Spreadsheet.Cell.text))
                rows += r.goals.map { [.text($0.text), .text($0.kind), .text($0.status), .text($0.planGoal ?? "–")] }
            }
            if r.hasAnswers {
                rows.append(["Dato", "Redskab", "Målepunkt", "Score", "Besvaret af"].map(Spreadsheet.Cell.text))
                rows += r.answers.map { [.text($0.day), .text($0.instrument), .text($0.point), .text($0.score), .text($0.respondent)] }
            }
            rows.append([])
        }
        return Spreadsheet(sheetName: "Statusrapport", header: ["Statusrapport til myndigheden — borger \(pseudonym)"], rows: rows)
    }
}

/// The status reports on their own page (the print view, A4) and as Excel, for the caseworker.
struct StatusReportRoutes: RouteCollection {
    struct Page: Encodable {
        var chrome: Chrome
        var pseudonym: String
        var recordHref: String
        var reports: [OfferStatusReport]
        var hasReports: Bool
        var date: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("borgere", ":citizen", "statusrapport")
        r.get(use: show)
        r.get("xlsx", use: xlsx)
    }

    private func reports(_ req: Request) async throws -> (Citizen, [OfferStatusReport]) {
        let citizen = try await req.citizenOnPath(.authority)
        let spells = try await req.store.citizens.interventions(of: citizen.id)
        let planGoals = Dictionary(try await req.store.cases.file(of: citizen).goals.currentGoals.map { ($0.goalID, $0.text) }, uniquingKeysWith: { a, _ in a })
        let reports = try await OfferStatusReport.reports(req, citizen: citizen, spells: spells, planGoals: planGoals)
        return (citizen, reports)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (citizen, reports) = try await reports(req)
        try await req.audit(.citizenRead, area: citizen.municipality, detail: "statusrapporter for borger \(citizen.pseudonym)")
        let page = Page(chrome: try Chrome(req, title: "Statusrapport · \(citizen.pseudonym)", active: "/borgere"), pseudonym: citizen.pseudonym,
                        recordHref: "/borgere/\(citizen.id.uuidString)", reports: reports, hasReports: !reports.isEmpty, date: DanishDate.today.danish)
        return try await req.renderPage("status-report", page, chrome: page.chrome)
    }

    @Sendable func xlsx(req: Request) async throws -> Response {
        let (citizen, reports) = try await reports(req)
        try await req.audit(.export, area: citizen.municipality, detail: "statusrapporter for borger \(citizen.pseudonym) (Excel)")
        return .spreadsheet(try OfferStatusReport.sheet(reports, pseudonym: citizen.pseudonym).xlsx(), filename: "statusrapport-\(citizen.pseudonym).xlsx")
    }
}
