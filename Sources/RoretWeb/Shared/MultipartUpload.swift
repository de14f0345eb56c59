import MultipartKit
import Vapor

/// Reading a multipart form with MultipartKit's streaming parser: the CSRF
/// token at the start of a collected body, and a header's parameters. (The
/// extract upload reads its stream itself: `ExtractUpload`.)
enum MultipartUpload {
    /// One part: its form field name, the file name if it is a file, and its bytes.
    struct Part {
        var name: String
        var filename: String?
        var bytes: [UInt8]
    }

    /// The value of the first text field named `name`, read from the start of
    /// the body only (a form's hidden fields come before its files).
    static func firstField(_ name: String, in req: Request, within limit: Int = 64 * 1024) -> String? {
        guard let boundary = req.headers.contentType?.parameters["boundary"], let body = req.body.data else { return nil }
        let head = body.getSlice(at: body.readerIndex, length: min(limit, body.readableBytes)) ?? body
        let parts = (try? parse(head, boundary: boundary, truncated: true)) ?? []
        return parts.first { $0.name == name && $0.filename == nil }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// The parts of `body`; with `truncated`, `body` is only the start of one,
    /// and the parts complete within it are returned.
    private static func parse(_ body: ByteBuffer, boundary: String, truncated: Bool = false) throws -> [Part] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [Part] = []
        var name = "", filename: String? = nil
        var bytes = ByteBuffer()
        parser.onHeader = { field, value in
            guard field.lowercased() == "content-disposition" else { return }
            name = Self.parameter("name", in: value) ?? ""
            filename = Self.parameter("filename", in: value)
        }
        parser.onBody = { buffer in
            bytes.writeBuffer(&buffer)
        }
        parser.onPartComplete = {
            parts.append(Part(name: name, filename: filename, bytes: bytes.readBytes(length: bytes.readableBytes) ?? []))
            name = ""
            filename = nil
            bytes.clear()
        }
        do {
            try parser.execute(body)
        } catch where truncated {
            // A slice of the body ends inside a part: what was read before is complete.
        }
        return parts
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
