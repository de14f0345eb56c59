import Foundation
import RoretCore
import RoretStore
import Vapor

/// The theory of change: for the offer's staff the working draft with its
/// forms, for readers the latest saved version; the versions below.
struct TheoryOfChangePage: Encodable {
    struct Version: Encodable {
        var number: Int
        var date: String
        var by: String
        var href: String
    }

    struct Box: Encodable {
        var id: String
        var column: String
        var row: String?
        var text: String
        var indicator: String
        var uncertain: Bool
        var form: FormModel
    }

    struct Arrow: Encodable {
        var number: Int
        var from: String
        var to: String
        var label: String
        var mechanism: String
        var feedback: Bool
        var uncertain: Bool
        var form: FormModel
    }

    var chrome: Chrome
    var base: String
    var name: String
    var canEdit: Bool
    var hasMap: Bool
    var svg: String
    var shownLabel: String
    var goals: String?
    var targetGroup: String?
    var gaps: String?
    var minutes: String?
    var boxes: [Box]
    var hasBoxes: Bool
    var arrows: [Arrow]
    var hasArrows: Bool
    var textsForm: FormModel
    var boxForm: FormModel
    var arrowForm: FormModel
    var versionForm: FormModel
    var versions: [Version]
    var hasVersions: Bool
    var rowSuggestions: [String]
    var draftDiffers: Bool
    var measuredNote: String?

    static func columnOptions() -> [(value: String, label: String)] {
        TheoryOfChange.Column.allCases.map { (String($0.rawValue), $0.danishName.capitalized(with: Locale(identifier: "da_DK"))) }
    }

    /// The indicators a result box may name: the catalogue's instruments, goal attainment, counts.
    static func indicatorOptions(_ catalogue: InstrumentCatalogue) -> [(value: String, label: String)] {
        [("", "(ingen indikator)")] + catalogue.all.map { ("\($0.name): score", "\($0.name): score") }
            + [("Målopfyldelse: kategorier", "Målopfyldelse: kategorier"), ("Antal borgere", "Antal borgere"), ("Antal gennemførte forløb", "Antal gennemførte forløb")]
    }

    init(_ req: Request, _ context: OfferContext, failed: FailedForm?) async throws {
        let dossier = try await OfferDossier(req, context.offerID)
        let names = try await req.accountNames()
        chrome = try Chrome(req, title: "Forandringsteori · \(context.offer.name)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        canEdit = context.canEdit
        let latest = dossier.theory.last
        let shown = context.canEdit ? dossier.draft : (latest?.value ?? TheoryOfChange())
        draftDiffers = context.canEdit && latest?.value != dossier.draft
        shownLabel = context.canEdit ? (latest == nil ? "Kladde (ingen version gemt endnu)" : draftDiffers ? "Kladde, ændret siden version \(latest!.version)" : "Kladde = version \(latest!.version)")
            : latest.map { "Version \($0.version), gemt \(DanishDate.dayOf($0.savedAt).danish)" } ?? "Ingen version gemt endnu"
        hasMap = !shown.boxes.isEmpty
        let results = try await OfferResults(req, context)
        let measured = MeasuredValue.values(catalogue: dossier.instruments, answers: results.answers, goals: results.goals, courses: results.courses, on: DanishDate.today,
                                            personLevel: context.canEdit, format: { DanishFormat.decimal($0, decimals: 1) })
        svg = ResultMapSVG.draw(shown, title: "Resultatkort for \(context.offer.name)", values: measured)
        measuredNote = measured.isEmpty ? nil : "Ved hver resultatboks står indikatorens målte værdi i dag: for et redskab gennemsnittet ved start og ved seneste opfølgning for de samme borgere; grøn streg er fremgang, rød tilbagegang."
        goals = shown.goals.nonEmpty
        targetGroup = shown.targetGroup.nonEmpty
        gaps = shown.gaps.nonEmpty
        minutes = shown.minutes.nonEmpty
        let indicators = Self.indicatorOptions(dossier.instruments)
        let columns = Self.columnOptions()
        boxes = shown.boxes.map { b in
            Box(id: b.id, column: b.column.danishName, row: b.row.nonEmpty, text: b.text, indicator: b.indicator ?? "", uncertain: b.uncertain,
                form: FormModel(id: "box-\(b.id)", values: ["id": b.id, "column": String(b.column.rawValue), "row": b.row, "text": b.text, "indicator": b.indicator ?? "", "uncertain": b.uncertain ? "ja" : ""],
                                options: ["column": columns, "indicator": indicators], failed: failed))
        }
        hasBoxes = !boxes.isEmpty
        let texts = Dictionary(shown.boxes.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
        arrows = shown.arrows.enumerated().map { i, a in
            Arrow(number: i + 1, from: a.from, to: a.to, label: "\(a.from) \(texts[a.from] ?? "") → \(a.to) \(texts[a.to] ?? "")", mechanism: a.mechanism, feedback: a.feedback, uncertain: a.uncertain,
                  form: FormModel(id: "arrow-\(a.from)-\(a.to)", values: ["from": a.from, "to": a.to, "mechanism": a.mechanism, "feedback": a.feedback ? "ja" : "", "uncertain": a.uncertain ? "ja" : ""], failed: failed))
        }
        hasArrows = !arrows.isEmpty
        textsForm = FormModel(id: "texts", values: ["goals": shown.goals, "targetGroup": shown.targetGroup, "gaps": shown.gaps, "minutes": shown.minutes], failed: failed)
        boxForm = FormModel(id: "box-new", values: ["column": "0"], options: ["column": columns, "indicator": indicators], failed: failed)
        let boxChoices = shown.boxes.map { ($0.id, "\($0.id): \(String($0.text.prefix(50)))") }
        arrowForm = FormModel(id: "arrow-new", values: [:], options: ["from": boxChoices, "to": boxChoices], failed: failed)
        versionForm = FormModel(id: "version", values: [:], failed: failed)
        versions = dossier.theory.reversed().map { v in
            Version(number: v.version, date: DanishDate.dayOf(v.savedAt).danish, by: names[v.savedBy] ?? v.savedBy, href: context.base + "/forandringsteori/version/\(v.version)")
        }
        hasVersions = !versions.isEmpty
        var rows = ["Indsats på tilbuddet", "Indsats i koordinering med eksterne parter"]
        for i in context.offer.interventions { rows += i.subGroups }
        var seen = Set<String>()
        rowSuggestions = (rows + shown.rows.filter { !$0.isEmpty }).filter { seen.insert($0).inserted }
    }
}

/// One saved version of the theory of change, readable and printable (A4 landscape).
struct TheoryVersionPage: Encodable {
    struct Line: Encodable {
        var text: String
    }

    var chrome: Chrome
    var base: String
    var name: String
    var number: Int
    var date: String
    var by: String
    var isLatest: Bool
    var svg: String
    var goals: String?
    var targetGroup: String?
    var gaps: String?
    var minutes: String?
    var boxes: [Line]
    var arrows: [Line]
    var printHref: String

    init(_ req: Request, _ context: OfferContext, _ version: OfferDocument<TheoryOfChange>, latest: Int, names: [String: String], values: [String: MeasuredValue]) throws {
        let t = version.value
        chrome = try Chrome(req, title: "Forandringsteori version \(version.version) · \(context.offer.name)", active: "/tilbud")
        base = context.base
        name = context.offer.name
        number = version.version
        date = DanishDate.dayOf(version.savedAt).danish
        by = names[version.savedBy] ?? version.savedBy
        isLatest = version.version == latest
        svg = ResultMapSVG.draw(t, title: "Resultatkort for \(context.offer.name), version \(version.version)", values: values)
        goals = t.goals.nonEmpty
        targetGroup = t.targetGroup.nonEmpty
        gaps = t.gaps.nonEmpty
        minutes = t.minutes.nonEmpty
        boxes = t.boxes.map { b in
            Line(text: "\(b.id) · \(b.column.danishName.lowercased())\(b.row.isEmpty ? "" : " · \(b.row)"): \(b.text)\(b.indicator.map { " — indikator: \($0)" } ?? "")\(b.uncertain ? " — hul/uklarhed" : "")")
        }
        arrows = t.arrows.enumerated().map { i, a in
            Line(text: "\(i + 1). \(a.from) → \(a.to): \(a.mechanism)\(a.feedback ? " (tilbagekobling)" : "")\(a.uncertain ? " — uklar sammenhæng" : "")")
        }
        printHref = context.base + "/forandringsteori/version/\(version.version)?udskriv=1"
    }
}

extension String {
    /// nil for an empty or blank string (Leaf treats "" as true).
    var nonEmpty: String? { allSatisfy(\.isWhitespace) ? nil : self }
}
