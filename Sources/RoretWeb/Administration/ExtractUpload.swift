import Foundation
import MultipartKit
import RoretImport
import Vapor

/// An extract's files read while the upload streams in (*filupload*): the
/// body is never collected whole. The form's CSRF token comes before its
/// files and is checked before a byte of them is accepted; the size limit
/// is checked as bytes arrive; each file's records are validated as they
/// complete (`ExtractStream`), so when the last byte has come only the
/// check across files is left.
struct ExtractUpload {
    /// The Danish reason for an upload over `limit` bytes.
    static func tooLarge(_ limit: Int) -> String {
        let size = limit >= 1024 * 1024 ? "\(limit / 1024 / 1024) MB" : "\(limit / 1024) KB"
        return "Det sendte er større end grænsen på \(size). Del udtrækket op, eller bed en administrator hæve grænsen (RORET_MAX_UPLOAD_MB)."
    }

    /// Route `userInfo` key: the route checks the CSRF token while it reads
    /// the stream, so `CSRFProtection` must not collect the body first.
    static let checksCSRFInStream: AnySendableHashable = "roret.csrf-in-stream"

    /// The reading of the files and the files of the format, or nil when no file was chosen.
    var read: ExtractReadResult?
    var files: [String: [UInt8]]
    /// Every file name sent, for the audit log.
    var names: [String]

    /// What the parser's callbacks share while one body is read.
    private final class State {
        var name = "", filename: String? = nil
        var text: [UInt8] = []
        var fileStarted = false
        var csrf: String? = nil
        var refused = false
        var names: [String] = []
    }

    static func read(_ req: Request, expectedToken: String?, limit: Int) async throws -> ExtractUpload {
        guard let boundary = req.headers.contentType?.parameters["boundary"] else {
            throw Abort(.badRequest, reason: "Filerne kunne ikke læses. Vælg udtrækkets CSV-filer og prøv igen.")
        }
        let parser = MultipartParser(boundary: boundary)
        let state = State()
        let stream = ExtractStream()
        func tokenOK() -> Bool {
            guard let expectedToken, let sent = state.csrf else { return false }
            return Secrets.equal(sent, expectedToken)
        }
        parser.onHeader = { field, value in
            guard field.lowercased() == "content-disposition" else { return }
            state.name = Self.parameter("name", in: value) ?? ""
            state.filename = Self.parameter("filename", in: value)
        }
        parser.onBody = { buffer in
            guard !state.refused else { return }
            guard let filename = state.filename else {
                if state.text.count < 64 * 1024 { state.text += buffer.readableBytesView.prefix(64 * 1024 - state.text.count) }
                return
            }
            guard !filename.isEmpty, state.name == "files[]" || state.name == "files" else { return }
            if !state.fileStarted {
                guard tokenOK() else { state.refused = true; return }
                let name = (filename as NSString).lastPathComponent
                state.names.append(name)
                stream.begin(file: name)
                state.fileStarted = true
            }
            buffer.withUnsafeReadableBytes { stream.append($0) }
        }
        parser.onPartComplete = {
            if state.filename == nil, state.name == CSRFProtection.field, state.csrf == nil {
                state.csrf = String(decoding: state.text, as: UTF8.self)
            }
            state.name = ""
            state.filename = nil
            state.text = []
            state.fileStarted = false
        }
        var received = 0
        do {
            for try await chunk in req.body {
                received += chunk.readableBytes
                guard received <= limit else {
                    throw Abort(.payloadTooLarge, reason: Self.tooLarge(limit))
                }
                try parser.execute(chunk)
                if state.refused { break }
            }
        } catch let error as Abort {
            throw error
        } catch {
            throw Abort(.badRequest, reason: "Filerne kunne ikke læses. Vælg udtrækkets CSV-filer og prøv igen.")
        }
        guard !state.refused, tokenOK() else {
            throw Abort(.forbidden, reason: "Formularen var udløbet. Gå tilbage, genindlæs siden og prøv igen.")
        }
        guard !state.names.isEmpty else { return ExtractUpload(read: nil, files: [:], names: []) }
        let (result, files) = stream.finish()
        return ExtractUpload(read: result, files: files, names: state.names)
    }

    /// `name="x"` from a Content-Disposition header value.
    static func parameter(_ key: String, in header: String) -> String? {
        for item in header.split(separator: ";") {
            let pair = item.trimmingCharacters(in: .whitespaces)
            guard pair.hasPrefix(key + "=") else { continue }
            var value = String(pair.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
