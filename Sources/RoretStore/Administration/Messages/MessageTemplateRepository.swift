import FluentKit
import Foundation
import RoretCore

/// A municipality's message texts (*beskedtekster*): its own where it has
/// written one, Roret's standard text otherwise.
public struct MessageTemplateRepository: Sendable {
    let database: any Database

    /// The text used for `kind` in `municipality`, and whether it is the municipality's own.
    public func template(_ kind: MessageKind, municipality: String) async throws -> (template: MessageTemplate, isOwn: Bool) {
        guard let m = try await MessageTemplateModel.query(on: database).filter(\.$municipality == municipality).filter(\.$kind == kind.rawValue).first() else {
            return (kind.standardTemplate, false)
        }
        return (MessageTemplate(kind: kind, subject: m.subject, body: m.body), true)
    }

    /// Saves the municipality's own text (the caller has checked `problems`).
    public func save(_ template: MessageTemplate, municipality: String, by username: String) async throws {
        try await database.transaction { db in
            let m = try await MessageTemplateModel.query(on: db).filter(\.$municipality == municipality).filter(\.$kind == template.kind.rawValue).first()
                ?? MessageTemplateModel()
            if m.id == nil { m.id = UUID(); m.municipality = municipality; m.kind = template.kind.rawValue }
            m.subject = template.subject
            m.body = template.body
            m.updatedBy = username
            m.updatedAt = Date()
            try await m.save(on: db)
        }
    }

    /// Back to Roret's standard text.
    public func reset(_ kind: MessageKind, municipality: String) async throws {
        try await MessageTemplateModel.query(on: database).filter(\.$municipality == municipality).filter(\.$kind == kind.rawValue).delete()
    }
}
