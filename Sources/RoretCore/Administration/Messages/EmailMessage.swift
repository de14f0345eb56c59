import Foundation

/// An e-mail as the SMTP sender writes it after DATA (RFC 5322): UTF-8
/// subject as an RFC 2047 encoded word, the body in base64 (so every line
/// is 7-bit and none starts with a dot), and a Message-ID made from the
/// message's idempotency key so a receiving system can discard a repeat.
public struct EmailMessage: Sendable, Hashable {
    public var from: String
    public var to: String
    public var subject: String
    public var body: String
    public var idempotencyKey: String
    public var date: Date

    public init(from: String, to: String, subject: String, body: String, idempotencyKey: String, date: Date) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.idempotencyKey = idempotencyKey
        self.date = date
    }

    /// `<key@roret>`, the key's characters outside letters, digits, '-' and '.' as '-'.
    public var messageID: String {
        let local = String(idempotencyKey.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") ? $0 : "-" })
        return "<\(local)@roret>"
    }

    /// The lines after DATA, each ended by CRLF, without the final ".".
    public var wireText: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Copenhagen")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let body = Data(body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let headers = [
            "From: \(from)", "To: \(to)", "Subject: \(Self.encodedWord(subject))", "Date: \(formatter.string(from: date))",
            "Message-ID: \(messageID)", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64",
        ]
        return (headers + ["", body]).joined(separator: "\r\n") + "\r\n"
    }

    /// Plain ASCII as it is; anything else as `=?UTF-8?B?…?=` (one word per 45 bytes, so no line passes 76 characters).
    static func encodedWord(_ text: String) -> String {
        if text.allSatisfy({ $0.isASCII && !$0.isNewline }) { return text }
        var words: [String] = []
        var chunk = Data()
        for c in text where !c.isNewline {
            let bytes = Data(String(c).utf8)
            if chunk.count + bytes.count > 45 { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?="); chunk = Data() }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }
}
