import RoretCore
import RoretStore
import Vapor

/// What every signed-in page shows around its content (*sideramme*): the
/// title, the user, the menu for their role, the CSRF token for forms, and
/// whether it is the print view.
struct Chrome: Encodable {
    struct NavItem: Encodable {
        var label: String
        var href: String
        var active: Bool
    }

    var title: String
    var userName: String
    var roleName: String
    var areaLabel: String
    var nav: [NavItem]
    var csrf: String
    /// The print view for the political committee (`udskriv=1`): no menu, no controls.
    var print: Bool
    /// "Udtræk v3 · indlæst 23.11.2026 · 2017–2024", when figures are shown.
    var extractLine: String?
    /// What the user's last save did, shown once after its redirect (*besked*).
    var notice: String?

    init(_ req: Request, title: String, active: String, version: ExtractVersion? = nil) throws {
        let account = try req.requireAccount()
        self.title = title
        userName = account.displayName
        roleName = account.role.danishName
        areaLabel = account.area == nationalArea ? "Hele landet" : "Kommune \(account.area)"
        csrf = req.csrfToken
        notice = req.session.data[Request.noticeKey]
        if notice != nil { req.session.data[Request.noticeKey] = nil }
        print = req.pageQuery["udskriv"] == "1"
        extractLine = version.map {
            "Udtræk v\($0.version) · indlæst \(DanishDate.day($0.importedAt)) · \($0.years.lowerBound)–\($0.years.upperBound)"
        }
        var items: [(String, String)] = []
        if AccessPolicy.maySeeAggregates(account.role) {
            items += [("Oversigt", "/oversigt"), ("Nøgletal", "/noegletal")]
            items += KeyFigureTheme.allCases.map { ($0.danishTitle, $0 == .movements ? "/bevaegelser" : "/tema/\($0.rawValue)") }
        }
        if account.role == .caseworker || account.role == .provider { items += [("Opfølgning", "/opfoelgning"), ("Borgere", "/borgere")] }
        if AccessPolicy.maySeePracticeIndicators(account.role) { items.append(("Praksis", "/praksis")) }
        if account.role == .leader || account.role == .analyst { items.append(("Ledelse", "/ledelse")) }
        if AccessPolicy.mayUseEconomics(account.role) { items.append(("Økonomi", "/oekonomi/fremskrivning")) }
        if account.role == .provider || account.role == .leader || account.role == .analyst { items.append(("Tilbud", "/tilbud")) }
        if account.role == .citizen { items.append(("Min side", "/min-side")) }
        if AccessPolicy.mayUseAPI(account.role) { items.append(("API-nøgler", "/api-noegler")) }
        if AccessPolicy.mayAdminister(account.role) {
            items += [("Udtræk", "/admin/udtraek"), ("Brugere", "/admin/brugere"), ("Tilbud", "/admin/tilbud"), ("Udbakke", "/admin/udbakke"), ("Beskedtekster", "/admin/beskeder"), ("Borgerdata", "/admin/borgerdata"), ("Kommunens login", "/admin/sso"), ("Opfølgning", "/admin/opfoelgning"), ("Spørgesæt", "/admin/spoergesaet"), ("Sagsgennemgang", "/admin/sagsgennemgang"), ("Log", "/admin/log")]
        }
        nav = items.map { NavItem(label: $0.0, href: $0.1, active: $0.1 == active) }
    }
}

extension Request {
    static let noticeKey = "notice"

    /// Shows `message` on the next page this user opens: after a save, the
    /// route redirects (so a refresh resubmits nothing) and the page says what happened.
    func notice(_ message: String) { session.data[Self.noticeKey] = message }
}

/// Links that keep the page's choices (area, year, view) while changing one.
enum QueryLink {
    static let kept = ["omraade", "aar", "visning", "brud", "sorter", "retning"]

    /// The current path with its kept query items, some replaced (nil removes).
    static func current(_ req: Request, path: String? = nil, setting changes: [String: String?]) -> String {
        var items: [String: String] = [:]
        for key in kept { if let v = req.pageQuery[key] { items[key] = v } }
        for (k, v) in changes { items[k] = v }
        return build(path ?? req.url.path, items)
    }

    /// `path?k=v&…` with keys in a stable order and values percent-encoded.
    static func build(_ path: String, _ items: [String: String]) -> String {
        let query = items.keys.sorted().compactMap { key -> String? in
            guard let value = items[key] else { return nil }
            let encoded = value.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))) ?? value
            return "\(key)=\(encoded)"
        }.joined(separator: "&")
        return query.isEmpty ? path : path + "?" + query
    }
}

/// Dates as Danes write them.
enum DanishDate {
    static func day(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Copenhagen")!, from: date)
        return dayText(Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1))
    }

    static func time(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Copenhagen")!, from: date)
        return day(date) + String(format: " %02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
