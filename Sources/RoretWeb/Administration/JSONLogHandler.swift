import Foundation
import Logging

/// Structured logs (*strukturerede logs*, `RORET_LOG_FORMAT=json`): one JSON
/// object per line on standard output — time, level, logger, message,
/// source and the metadata (Vapor's request id among them) — for a log
/// collector to read without parsing prose. Hand-written because swift-log
/// ships only a plain-text handler and no JSON one is on this machine's list.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    /// Where a finished line goes (standard output; a test collects them).
    let write: @Sendable (String) -> Void

    init(label: String, level: Logger.Level = .info, metadataProvider: Logger.MetadataProvider? = nil,
         write: @escaping @Sendable (String) -> Void = { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }) {
        self.label = label
        logLevel = level
        self.metadataProvider = metadataProvider
        self.write = write
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    struct Line: Encodable {
        var time: String
        var level: String
        var logger: String
        var message: String
        var source: String
        var metadata: [String: String]?
    }

    func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let explicit = event.metadata { all.merge(explicit) { _, new in new } }
        if let error = event.error { all["error"] = .string(String(describing: error)) }
        let entry = Line(time: Self.time(Date()), level: event.level.rawValue, logger: label, message: event.message.description, source: event.source,
                         metadata: all.isEmpty ? nil : all.mapValues(\.description))
        guard let data = try? Self.encoder.encode(entry) else { return }
        write(String(decoding: data, as: UTF8.self))
    }

    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    private static func time(_ date: Date) -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date)
    }
}
