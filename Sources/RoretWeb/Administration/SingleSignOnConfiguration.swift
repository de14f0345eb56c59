import Foundation

/// The municipality's identity provider (OpenID Connect), read once from
/// the environment: `RORET_OIDC_ISSUER`, `RORET_OIDC_CLIENT_ID`,
/// `RORET_OIDC_CLIENT_SECRET`, and which claims give the username, name,
/// role and area (`RORET_OIDC_USERNAME_CLAIM` …); nil unless the first
/// three are set.
public struct SingleSignOnConfiguration: Sendable, Hashable {
    public var issuer: String
    public var clientID: String
    public var clientSecret: String
    public var usernameClaim = "preferred_username"
    public var nameClaim = "name"
    /// A string or an array of strings (Entra ID's app roles and AD FS's group claims are arrays).
    public var roleClaim = "roles"
    public var areaClaim = "municipality"
    public var scopes = "openid profile email"
    /// The button's text on the sign-in page.
    public var label = "Log ind med kommunens login"

    public init(issuer: String, clientID: String, clientSecret: String) {
        self.issuer = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    init?(_ environment: [String: String]) {
        guard let issuer = environment["RORET_OIDC_ISSUER"], !issuer.isEmpty, let id = environment["RORET_OIDC_CLIENT_ID"], !id.isEmpty,
              let secret = environment["RORET_OIDC_CLIENT_SECRET"], !secret.isEmpty else { return nil }
        self.init(issuer: issuer, clientID: id, clientSecret: secret)
        func set(_ key: String, _ path: WritableKeyPath<Self, String>) { if let v = environment[key], !v.isEmpty { self[keyPath: path] = v } }
        set("RORET_OIDC_USERNAME_CLAIM", \.usernameClaim)
        set("RORET_OIDC_NAME_CLAIM", \.nameClaim)
        set("RORET_OIDC_ROLE_CLAIM", \.roleClaim)
        set("RORET_OIDC_AREA_CLAIM", \.areaClaim)
        set("RORET_OIDC_SCOPES", \.scopes)
        set("RORET_OIDC_LABEL", \.label)
    }
}
