/// Single sign-on (*kommunens login*, OpenID Connect): how the identity
/// provider's claims become a Roret role and area. A role claim value is
/// a Roret role by name (`caseworker`), or a value the administrator has
/// mapped (a group such as `Roret-Sagsbehandlere-Roskilde` → caseworker in
/// 265); the area is the mapping's, else the area claim.
public enum SingleSignOn {
    /// One row of the administrator's mapping table.
    public struct Rule: Sendable, Hashable, Codable {
        public var value: String
        public var role: Role
        /// The area the rule gives; nil: take the area claim.
        public var area: String?

        public init(value: String, role: Role, area: String?) {
            self.value = value
            self.role = role
            self.area = area
        }
    }

    /// Why the claims give no account, in Danish for the person signing in.
    public enum Refusal: Error, Sendable, Hashable {
        case noUsername
        case unknownRole([String])
        case severalRoles([Role])
        case noArea
        case unknownArea(String)

        public var danishText: String {
            switch self {
            case .noUsername: "Kommunens login sendte intet brugernavn. Kontakt it-afdelingen."
            case .unknownRole(let values): values.isEmpty
                ? "Din bruger har ingen rolle i Roret. Kontakt it-afdelingen."
                : "Din bruger har ingen rolle i Roret (\(values.map { "»\($0)«" }.joined(separator: ", ")) kendes ikke). Kontakt it-afdelingen."
            case .severalRoles(let roles): "Din bruger har flere roller i Roret (\(roles.map(\.danishName).joined(separator: ", "))). En bruger har én rolle; kontakt it-afdelingen."
            case .noArea: "Din bruger er ikke knyttet til en kommune i Roret. Kontakt it-afdelingen."
            case .unknownArea(let value): "Kommunen »\(value)« kendes ikke i Roret. Kontakt it-afdelingen."
            }
        }
    }

    /// The role and area the claims give, or why they give none.
    public static func resolve(roleValues: [String], areaClaim: String?, rules: [Rule]) -> Result<(role: Role, area: String), Refusal> {
        var found: [(Role, String?)] = []
        var unknown: [String] = []
        for value in roleValues {
            if let rule = rules.first(where: { $0.value == value }) {
                found.append((rule.role, rule.area))
            } else if let role = Role(rawValue: value) {
                found.append((role, nil))
            } else {
                unknown.append(value)
            }
        }
        let roles = Array(Set(found.map(\.0))).sorted { $0.rawValue < $1.rawValue }
        guard !roles.isEmpty else { return .failure(.unknownRole(unknown)) }
        guard roles.count == 1 else { return .failure(.severalRoles(roles)) }
        let area = found.compactMap(\.1).first ?? areaClaim.flatMap { $0.isEmpty ? nil : $0 }
        guard let area else { return .failure(.noArea) }
        guard area == nationalArea || (area.count == 3 && area.allSatisfy(\.isNumber)) else { return .failure(.unknownArea(area)) }
        return .success((roles[0], area))
    }
}

extension AccessPolicy {
    /// Whether the role may sign in with a local password, given the roles
    /// the installation allows passwords for (`RORET_PASSWORD_ROLES`); the
    /// others sign in through the municipality's login.
    public static func mayUsePassword(_ role: Role, passwordRoles: Set<Role>) -> Bool { passwordRoles.contains(role) }
}
