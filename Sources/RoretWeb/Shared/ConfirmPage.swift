import Vapor

/// A confirmation before an act that cannot simply be taken back
/// (*bekræftelse*): the act's form posts again with `bekraeft=ja`.
struct ConfirmPage: Encodable {
    var chrome: Chrome
    var title: String
    var question: String
    var consequence: String?
    var action: String
    var confirmLabel: String
    var cancelHref: String

    /// Whether the request carries the confirmation.
    static func isConfirmed(_ req: Request) -> Bool { req.formField("bekraeft") == "ja" }

    /// Renders the confirmation for `action`.
    static func ask(_ req: Request, title: String, question: String, consequence: String?, action: String, confirmLabel: String, cancelHref: String, active: String) async throws -> Response {
        let page = ConfirmPage(chrome: try Chrome(req, title: title, active: active), title: title, question: question, consequence: consequence,
                               action: action, confirmLabel: confirmLabel, cancelHref: cancelHref)
        return try await req.renderPage("confirm", page, chrome: page.chrome)
    }
}
