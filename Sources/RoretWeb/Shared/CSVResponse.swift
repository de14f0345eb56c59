import Vapor

extension Response {
    /// A UTF-8 CSV response; with `filename`, offered as a download of that name.
    static func csv(_ text: String, filename: String? = nil) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        if let filename { response.headers.contentDisposition = .init(.attachment, filename: filename) }
        return response
    }
}

extension Response {
    /// An Excel workbook offered as a download of that name.
    static func spreadsheet(_ data: Data, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        return response
    }
}
