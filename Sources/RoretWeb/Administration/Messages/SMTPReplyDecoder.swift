import NIOCore

/// One reply from a mail server: its code and its lines' text (a multi-line
/// reply, such as EHLO's, has one line per capability).
struct SMTPReply: Sendable, Hashable {
    var code: Int
    var lines: [String]

    var text: String { "\(code) " + lines.joined(separator: " ") }
    var isPositive: Bool { (200..<400).contains(code) }
    /// A 5xx reply: the server will not accept this however often it is asked.
    var isPermanent: Bool { code >= 500 }
}

/// Splits the server's bytes into replies (RFC 5321 §4.2): lines "250-…"
/// continue, a line "250 …" ends the reply. Nothing is passed on until the
/// whole reply has arrived; a reply longer than 64 KiB is refused.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply
    static let maxReplyBytes = 65_536

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let bytes = buffer.readableBytesView
        var lines: [String] = []
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            var end = newline
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = String(decoding: bytes[start..<end], as: UTF8.self)
            start = newline + 1
            guard line.count >= 3, let code = Int(line.prefix(3)) else { throw Malformed(description: "uforståeligt svar fra mailserveren: \(line.prefix(80))") }
            let rest = line.dropFirst(3)
            lines.append(String(rest.dropFirst()))
            if rest.first != "-" {
                buffer.moveReaderIndex(forwardBy: start - bytes.startIndex)
                context.fireChannelRead(wrapInboundOut(SMTPReply(code: code, lines: lines)))
                return .continue
            }
        }
        if buffer.readableBytes > Self.maxReplyBytes { throw Malformed(description: "mailserverens svar er for langt") }
        return .needMoreData
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}
