import FluentKit
import Foundation
import RoretCore

/// Reflection meetings and their notes (*refleksionsmøder*).
public struct ReflectionRepository: Sendable {
    let database: any Database

    /// Prepares a meeting with its documentation frozen now.
    public func create(municipality: String, title: String, date: Day, participants: [MeetingParticipant], documentation: FrozenDocumentation, by user: String) async throws -> ReflectionMeeting {
        var problems: [String] = []
        if title.allSatisfy(\.isWhitespace) { problems.append("Titel: skal udfyldes.") }
        if participants.isEmpty { problems.append("Deltagere: vælg mindst én.") }
        guard problems.isEmpty else { throw LeadershipRefused(problems: problems) }
        let m = ReflectionMeetingModel()
        m.id = UUID()
        m.municipality = municipality
        m.title = title
        m.meetingDate = date.description
        m.phase = ReflectionPhase.preparation.rawValue
        m.participants = String(decoding: try LeadershipRepository.encoder.encode(participants), as: UTF8.self)
        m.documentation = String(decoding: try LeadershipRepository.encoder.encode(documentation), as: UTF8.self)
        m.createdBy = user
        m.createdAt = Date()
        try await m.create(on: database)
        return Self.meeting(m)!
    }

    static func meeting(_ m: ReflectionMeetingModel) -> ReflectionMeeting? {
        guard let participants = try? JSONDecoder().decode([MeetingParticipant].self, from: Data(m.participants.utf8)),
              let documentation = try? JSONDecoder().decode(FrozenDocumentation.self, from: Data(m.documentation.utf8)) else { return nil }
        return ReflectionMeeting(id: m.id!.uuidString, municipality: m.municipality, title: m.title, date: Day(iso: m.meetingDate) ?? Day(rawValue: 0),
                                 phase: ReflectionPhase(rawValue: m.phase) ?? .closed, participants: participants, documentation: documentation)
    }

    public func meeting(_ id: UUID) async throws -> ReflectionMeeting? {
        try await ReflectionMeetingModel.find(id, on: database).flatMap(Self.meeting)
    }

    /// The municipality's meetings, newest first.
    public func meetings(municipality: String) async throws -> [ReflectionMeeting] {
        try await ReflectionMeetingModel.query(on: database).filter(\.$municipality == municipality).all().compactMap(Self.meeting)
            .sorted { ($0.date, $0.id) > ($1.date, $1.id) }
    }

    /// Meetings `username` takes part in, newest first.
    public func meetings(participant username: String) async throws -> [ReflectionMeeting] {
        try await ReflectionMeetingModel.query(on: database).filter(\.$participants ~~ "\"\(username)\"").all().compactMap(Self.meeting)
            .filter { $0.isParticipant(username) }.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
    }

    /// Moves the meeting to the next phase only (`ReflectionRules`); a conditional
    /// update, so two people pressing at once move it once.
    public func advance(_ id: UUID, to wanted: ReflectionPhase) async throws {
        guard let m = try await ReflectionMeetingModel.find(id, on: database), let current = ReflectionPhase(rawValue: m.phase) else { throw LeadershipRefused(problems: ["Mødet findes ikke."]) }
        do {
            _ = try ReflectionRules.advance(from: current, to: wanted)
        } catch {
            throw LeadershipRefused(problems: [error.danishText])
        }
        let moved = try await ReflectionMeetingModel.query(on: database).filter(\.$id == id).filter(\.$phase == current.rawValue).set(\.$phase, to: wanted.rawValue).update()
        _ = moved
        guard try await ReflectionMeetingModel.find(id, on: database)?.phase == wanted.rawValue else { throw LeadershipRefused(problems: ["Mødet er allerede gået videre."]) }
    }

    /// Writes a note after `ReflectionNote.problems` on the meeting as it stands.
    @discardableResult
    public func write(_ note: ReflectionNote, in id: UUID) async throws -> ReflectionNote {
        guard let meeting = try await meeting(id) else { throw LeadershipRefused(problems: ["Mødet findes ikke."]) }
        let themes = Set(try await notes(id).filter { $0.kind == .observation }.map(\.id))
        let problems = note.problems(in: meeting.phase, themes: themes)
        guard problems.isEmpty else { throw LeadershipRefused(problems: problems) }
        let m = ReflectionNoteModel()
        m.id = UUID()
        m.meetingID = id
        m.author = note.author
        m.phase = note.phase.rawValue
        m.kind = note.kind.rawValue
        m.question = note.question
        m.observationKind = note.observationKind?.rawValue
        m.themeID = note.themeID
        m.text = note.text
        m.recordedOn = note.day.description
        m.recordedAt = Date()
        try await m.create(on: database)
        var stored = note
        stored.id = m.id!.uuidString
        return stored
    }

    /// Every note of a meeting in the order written.
    public func notes(_ id: UUID) async throws -> [ReflectionNote] {
        try await ReflectionNoteModel.query(on: database).filter(\.$meetingID == id).sort(\.$recordedAt).all().map { m in
            ReflectionNote(id: m.id!.uuidString, author: m.author, phase: ReflectionPhase(rawValue: m.phase) ?? .closed,
                           kind: ReflectionNoteKind(rawValue: m.kind) ?? .answer, question: m.question,
                           observationKind: m.observationKind.flatMap(ObservationKind.init(rawValue:)), themeID: m.themeID, text: m.text,
                           day: Day(iso: m.recordedOn) ?? Day(rawValue: 0))
        }
    }
}
