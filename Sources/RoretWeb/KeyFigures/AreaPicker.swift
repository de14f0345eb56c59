import RoretCore
import Vapor

/// The area/year chooser on the dashboards, and for analysts the switch to
/// unsuppressed figures (*områdevælger*). A GET form: it changes nothing.
struct AreaPicker: Encodable {

    var areas: [Choice]
    var years: [Choice]
    var canUnsuppress: Bool
    var unsuppressed: Bool
    /// A query item the form must keep (e.g. the breakdown).
    struct HiddenField: Encodable {
        var name: String
        var value: String
    }

    var hidden: [HiddenField]
    /// This page as the print view.
    var printHref: String

    init(_ req: Request, _ access: FigureAccess, years: [Int], selectedYear: Int?, keep: [String] = []) {
        areas = access.figures.areas.map {
            Choice(value: $0, label: $0 == nationalArea ? "Hele landet" : "\(access.figures.areaName($0)) (\($0))", selected: $0 == access.area)
        }
        self.years = years.reversed().map { Choice(value: String($0), label: String($0), selected: $0 == selectedYear) }
        canUnsuppress = AccessPolicy.mayRequestUnsuppressed(access.account.role)
        unsuppressed = access.unsuppressedRequested
        printHref = QueryLink.current(req, setting: ["udskriv": "1"])
        hidden = keep.compactMap { key in req.pageQuery[key].map { HiddenField(name: key, value: $0) } }
    }
}
