import Vapor

/// The request's query items, parsed once per request. Vapor's
/// `req.query[_:at:]` decodes the whole query string on every call; a
/// key-figure page asks hundreds of times (its links keep the page's
/// choices), which was 28 % of the page's CPU time in a profile.
struct PageQuery: Sendable {
    private let items: [String: String]

    /// Parses `a=1&b=x%20y`; `+` is a space; the first value of a repeated name wins.
    init(_ query: String?) {
        var items: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), !name.isEmpty, items[name] == nil else { continue }
            items[name] = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
        }
        self.items = items
    }

    subscript(_ name: String) -> String? { items[name] }

    /// The item as a whole number, if it is one.
    func int(_ name: String) -> Int? { items[name].flatMap { Int($0) } }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

extension Request {
    /// A field of a posted form (URL-encoded or multipart), as text; nil when empty.
    func formField(_ name: String) -> String? {
        (try? content.get(String.self, at: name)).flatMap { $0.isEmpty ? nil : $0 }
    }

    private struct PageQueryKey: StorageKey { typealias Value = PageQuery }

    /// The query items, parsed on first use and kept for the request.
    var pageQuery: PageQuery {
        if let parsed = storage[PageQueryKey.self] { return parsed }
        let parsed = PageQuery(url.query)
        storage[PageQueryKey.self] = parsed
        return parsed
    }
}
