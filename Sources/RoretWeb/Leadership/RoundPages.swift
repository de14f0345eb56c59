import RoretCore
import RoretStore
import Vapor

/// *Evaluering* / *Temperaturmåling*: the municipality's rounds, the trend
/// of each item over comparable rounds, and a new round.
struct RoundListPage: Encodable {
    struct RoundRow: Encodable {
        var href: String
        var date: String
        var respondents: Int
        var agreed: String
        var version: Int
    }

    struct TrendRow: Encodable {
        var id: String
        var text: String
        var cells: [String]
    }

    var chrome: Chrome
    var title: String
    var municipality: String
    var kind: String
    var provenance: String
    var isTemperature: Bool
    var rounds: [RoundRow]
    var hasRounds: Bool
    var trendHeader: [String]
    var trend: [TrendRow]
    var chart: String?
    var today: String
    var caseworkers: [Choice]
    var hasCaseworkers: Bool
    var kommune: String
}

extension RoundListPage {
    init(_ req: Request, context: LeadershipContext, kind: QuestionnaireKind, rounds: [Round], itemSet: ItemSet, caseworkers: [String]) throws {
        chrome = try Chrome(req, title: kind.danishName, active: "/ledelse")
        title = kind.danishName
        municipality = context.municipalityName
        self.kind = kind.rawValue
        provenance = itemSet.provenance
        isTemperature = kind == .temperature
        self.rounds = rounds.reversed().map { r in
            RoundRow(href: "/ledelse/runder/\(r.id)", date: r.date.danish, respondents: r.responses.count,
                     agreed: "\(r.agreed.count) af \(r.itemSet.items.count)", version: r.itemSet.version)
        }
        hasRounds = !rounds.isEmpty
        let comparable = RoundTrend.comparable(rounds)
        trendHeader = comparable.map(\.date.danish)
        let items = comparable.last?.itemSet.items ?? itemSet.items
        trend = items.map { item in
            TrendRow(id: item.id, text: item.text, cells: RoundTrend.points(comparable, item: item.id).map { p in
                let median = p.median.map { DanishFormat.decimal($0, decimals: 1) } ?? "–"
                return "\(p.agreed.map { String($0.rawValue) } ?? "–") (median \(median))"
            })
        }
        chart = kind == .temperature && !comparable.isEmpty ? PrerequisiteChart(rounds: comparable).svg() : nil
        today = DanishDate.today.description
        self.caseworkers = caseworkers.map { Choice(value: $0, label: $0) }
        hasCaseworkers = !caseworkers.isEmpty
        kommune = context.municipality
    }
}

/// One round: the respondent's own answers, then the spread, the group's
/// agreed scores with comments, Roret's evidence and each item's trend;
/// for a temperature round the eight prerequisites and the reflection.
struct RoundPage: Encodable {
    struct Option: Encodable {
        var value: String
        var label: String
        var checked: Bool
    }

    struct Item: Encodable {
        var id: String
        var text: String
        var options: [Option]
        var counts: [String]
        var dontKnow: Int
        var median: String
        var agreed: String?
        var agreedComment: String?
        var agreeForm: FormModel
        var evidence: String?
        var trend: String?
        var actionHref: String
    }

    struct Group: Encodable {
        var name: String
        var items: [Item]
    }

    struct Prerequisite: Encodable {
        var name: String
        var score: String
    }

    struct Question: Encodable {
        var number: Int
        var text: String
        var answer: String
    }

    var chrome: Chrome
    var id: String
    var title: String
    var municipality: String
    var provenance: String
    var question: String?
    var groups: [Group]
    var hasAnswered: Bool
    var showSpread: Bool
    var mayAgree: Bool
    var respondents: Int
    var scaleLabels: [String]
    var problems: [String]
    var hasProblems: Bool
    var isTemperature: Bool
    var prerequisites: [Prerequisite]
    var strengths: String?
    var weaknesses: String?
    var chart: String?
    var reflection: [Question]
    var planHref: String
    var backHref: String
}

extension RoundPage {
    init(_ req: Request, round: Round, account: Account, comparable: [Round], evidence: EvaluationEvidence?, reflections: [Int: String], failed: FailedForm?) throws {
        chrome = try Chrome(req, title: "\(round.kind.danishName) \(round.date.danish)", active: "/ledelse")
        id = round.id
        title = "\(round.kind.danishName) \(round.date.danish)"
        municipality = DanishMunicipality.name(of: round.municipality).map { "\($0) Kommune" } ?? round.municipality
        provenance = round.itemSet.provenance
        question = round.kind == .temperature ? ItemSet.temperatureQuestion : nil
        let mine = round.responses[account.username] ?? [:]
        hasAnswered = !mine.isEmpty
        showSpread = hasAnswered || !round.agreed.isEmpty
        mayAgree = AccessPolicy.mayRunLeadership(role: account.role, userArea: account.area, municipality: round.municipality) && showSpread
        respondents = round.responses.count
        scaleLabels = ScaleValue.allCases.map { "\($0.rawValue) \($0.danishLabel)" }
        problems = failed?.problems ?? []
        hasProblems = !problems.isEmpty
        let kindPath = round.kind.rawValue
        let summaries = Dictionary(uniqueKeysWithValues: round.summaries.map { ($0.item.id, $0) })
        groups = round.itemSet.groups.map { group in
            Group(name: group, items: round.itemSet.items.filter { $0.group == group }.map { item in
                let s = summaries[item.id]!
                let typed = failed?.id == "answers" ? failed?.values["item-\(item.id)"] : nil
                let chosen = typed ?? mine[item.id]?.field
                let options = ScaleValue.allCases.map { Option(value: String($0.rawValue), label: "\($0.rawValue) \($0.danishLabel)", checked: chosen == String($0.rawValue)) }
                    + [Option(value: "ved-ikke", label: ScaleAnswer.dontKnowLabel, checked: chosen == "ved-ikke")]
                let points = RoundTrend.points(comparable, item: item.id)
                return Item(
                    id: item.id, text: item.text, options: options, counts: s.counts.map(String.init), dontKnow: s.dontKnow,
                    median: s.median.map { DanishFormat.decimal($0, decimals: 1) } ?? "–",
                    agreed: s.agreed.map { "\($0.value.rawValue) \($0.value.danishLabel)" }, agreedComment: s.agreed.flatMap { $0.comment.isEmpty ? nil : $0.comment },
                    agreeForm: FormModel(id: "agree-\(item.id)", values: ["value": s.agreed.map { String($0.value.rawValue) } ?? "", "comment": s.agreed?.comment ?? "", "item": item.id],
                                         options: ["value": ScaleValue.allCases.map { (String($0.rawValue), "\($0.rawValue) \($0.danishLabel)") }], failed: failed),
                    evidence: evidence.map { $0.text(for: item.id) }.flatMap { $0.isEmpty ? nil : $0 },
                    trend: points.count > 1 ? "Fælles score over runderne: " + points.map { "\($0.date.danish): \($0.agreed.map { String($0.rawValue) } ?? "–")" }.joined(separator: " · ") : nil,
                    actionHref: "/ledelse/handlinger/ny?kilde=\(kindPath)&id=\(round.id)&punkt=\(item.id)")
            })
        }
        isTemperature = round.kind == .temperature
        let scores = round.prerequisiteScores
        prerequisites = scores.map { Prerequisite(name: $0.prerequisite, score: $0.score.map { DanishFormat.decimal($0, decimals: 1) } ?? "–") }
        let scored = scores.compactMap { p in p.score.map { (p.prerequisite, $0) } }.sorted { $0.1 > $1.1 }
        strengths = scored.count >= 2 ? scored.prefix(2).map(\.0).joined(separator: " og ") : nil
        weaknesses = scored.count >= 2 ? scored.suffix(2).reversed().map(\.0).joined(separator: " og ") : nil
        chart = isTemperature && !round.agreed.isEmpty ? PrerequisiteChart(rounds: comparable.contains { $0.id == round.id } ? comparable.filter { $0.date <= round.date } : [round]).svg() : nil
        reflection = StandardItemSets.temperatureReflection.enumerated().map { i, q in
            Question(number: i + 1, text: q, answer: (failed?.id == "reflection" ? failed?.values["q\(i + 1)"] : nil) ?? reflections[i + 1] ?? "")
        }
        planHref = "/ledelse/handlinger/ny?kilde=temperature&id=\(round.id)"
        backHref = RoundRoutes.path(round.kind)
    }
}
