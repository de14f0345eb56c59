import RoretCore
import RoretStore
import Vapor

/// A municipality's message texts (*beskedtekster*): one form per kind
/// with its placeholders and a preview, the municipality's own text or
/// Roret's standard.
struct MessageTextsPage: Encodable {
    struct Placeholder: Encodable {
        var name: String
        var meaning: String
    }

    struct Text: Encodable {
        var kind: String
        var title: String
        var isOwn: Bool
        var toCitizen: Bool
        var placeholders: [Placeholder]
        var form: FormModel
        var previewSubject: String
        var previewBody: String
    }

    var chrome: Chrome
    var municipality: String
    var municipalityName: String
    var municipalities: [Choice]
    var texts: [Text]

    /// Example values for the preview (the municipality's own name added).
    static let sample = ["spoergeskema": "WHO-5 Trivselsindeks", "link": "https://roret.kommune.dk/svar/…",
                         "udloeber": "14.12.2026", "emne": "WHO-5 Trivselsindeks", "frist": "01.12.2026", "adresse": "https://roret.kommune.dk"]

    init(_ req: Request, municipality: String, municipalities: [String], texts: [(MessageTemplate, Bool)], failed: FailedForm?) throws {
        chrome = try Chrome(req, title: "Beskedtekster", active: "/admin/beskeder")
        self.municipality = municipality
        let name = DanishMunicipality.name(of: municipality).map { "\($0) Kommune" } ?? "Kommune \(municipality)"
        municipalityName = name
        self.municipalities = municipalities.map { code in
            Choice(value: code, label: DanishMunicipality.name(of: code).map { "\($0) (\(code))" } ?? code, selected: code == municipality)
        }
        self.texts = texts.map { template, isOwn in
            let form = FormModel(id: template.kind.rawValue, values: ["subject": template.subject, "body": template.body], failed: failed)
            let shown = MessageTemplate(kind: template.kind, subject: form.values["subject"] ?? "", body: form.values["body"] ?? "")
            let preview = shown.rendered(Self.sample.merging(["kommune": name]) { a, _ in a })
            return Text(kind: template.kind.rawValue, title: template.kind.danishName, isOwn: isOwn, toCitizen: template.kind.isToCitizen,
                        placeholders: template.kind.placeholders.map { Placeholder(name: "{\($0.name)}", meaning: $0.meaning) }, form: form,
                        previewSubject: preview.subject, previewBody: preview.body)
        }
    }
}
