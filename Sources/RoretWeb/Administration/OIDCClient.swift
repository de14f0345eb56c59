import Foundation
import JWT
import Vapor

/// The identity provider as Roret's client sees it (OpenID Connect Core,
/// authorization code flow with PKCE): the discovery document and the
/// signing keys (JWKS) are fetched when first needed and kept; a token
/// signed with a key Roret does not know makes it fetch the keys again
/// once, so the provider can rotate its keys without Roret restarting.
actor OIDCClient {
    struct Discovery: Codable, Sendable {
        var issuer: String
        var authorization_endpoint: String
        var token_endpoint: String
        var jwks_uri: String
    }

    /// Why an ID token was refused (logged and audited; the person sees a plain Danish message).
    enum Failure: Error, CustomStringConvertible {
        case discovery(String)
        case token(String)
        case invalid(String)

        var description: String {
            switch self {
            case .discovery(let s): "discovery: \(s)"
            case .token(let s): "token endpoint: \(s)"
            case .invalid(let s): "ID token: \(s)"
            }
        }
    }

    /// The claims of a verified ID token, by name; a claim is text or a list of texts.
    struct Claims: JWTPayload {
        var values: [String: [String]]
        var exp: ExpirationClaim
        var iss: IssuerClaim
        var aud: AudienceClaim
        var nonce: String?

        struct AnyKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            exp = try c.decode(ExpirationClaim.self, forKey: AnyKey(stringValue: "exp"))
            iss = try c.decode(IssuerClaim.self, forKey: AnyKey(stringValue: "iss"))
            aud = try c.decode(AudienceClaim.self, forKey: AnyKey(stringValue: "aud"))
            nonce = try c.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "nonce"))
            var values: [String: [String]] = [:]
            for key in c.allKeys {
                if let s = try? c.decode(String.self, forKey: key) { values[key.stringValue] = [s] }
                else if let a = try? c.decode([String].self, forKey: key) { values[key.stringValue] = a }
                else if let n = try? c.decode(Int.self, forKey: key) { values[key.stringValue] = [String(n)] }
            }
            self.values = values
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            for (k, v) in values { try c.encode(v, forKey: AnyKey(stringValue: k)) }
        }

        func verify(using algorithm: some JWTAlgorithm) async throws {
            try exp.verifyNotExpired()
        }
    }

    let configuration: SingleSignOnConfiguration
    private var discovery: Discovery?
    private var keys: JWTKeyCollection?
    /// The key ids of the last JWKS fetched.
    private var knownKIDs: Set<String> = []

    init(configuration: SingleSignOnConfiguration) {
        self.configuration = configuration
    }

    func discovered(_ client: any Client) async throws -> Discovery {
        if let discovery { return discovery }
        let response = try await client.get(URI(string: configuration.issuer + "/.well-known/openid-configuration"))
        guard response.status == .ok, let d = try? response.content.decode(Discovery.self) else { throw Failure.discovery("status \(response.status.code)") }
        guard d.issuer == configuration.issuer else { throw Failure.discovery("issuer \(d.issuer) is not \(configuration.issuer)") }
        discovery = d
        return d
    }

    /// Where the browser goes to sign in.
    func authorizationURL(_ client: any Client, redirect: String, state: String, nonce: String, challenge: String) async throws -> String {
        let d = try await discovered(client)
        var parts = URLComponents(string: d.authorization_endpoint)
        let existing = parts?.queryItems ?? []
        parts?.queryItems = existing + [
            .init(name: "response_type", value: "code"), .init(name: "client_id", value: configuration.clientID),
            .init(name: "redirect_uri", value: redirect), .init(name: "scope", value: configuration.scopes),
            .init(name: "state", value: state), .init(name: "nonce", value: nonce),
            .init(name: "code_challenge", value: challenge), .init(name: "code_challenge_method", value: "S256"),
        ]
        guard let url = parts?.string else { throw Failure.discovery("authorization endpoint \(d.authorization_endpoint)") }
        return url
    }

    /// The code exchanged for an ID token at the token endpoint (client secret and PKCE verifier).
    func idToken(_ client: any Client, code: String, redirect: String, verifier: String) async throws -> String {
        struct Form: Content {
            var grant_type = "authorization_code"
            var code: String
            var redirect_uri: String
            var client_id: String
            var client_secret: String
            var code_verifier: String
        }
        struct Tokens: Content { var id_token: String? }
        let d = try await discovered(client)
        let form = Form(code: code, redirect_uri: redirect, client_id: configuration.clientID, client_secret: configuration.clientSecret, code_verifier: verifier)
        var request = ClientRequest(method: .POST, url: URI(string: d.token_endpoint))
        try request.content.encode(form, as: .urlEncodedForm)
        let response = try await client.send(request)
        guard response.status == .ok, let token = try? response.content.decode(Tokens.self).id_token else { throw Failure.token("status \(response.status.code)") }
        return token
    }

    /// The ID token's claims once its signature, issuer, audience, expiry and nonce are right.
    func verify(_ client: any Client, _ token: String, nonce: String) async throws -> Claims {
        // A key id Roret has not seen: the provider may have rotated its keys, so they are fetched once more.
        var keys = try await signingKeys(client, refresh: false)
        if let kid = Self.keyID(of: token), !knownKIDs.contains(kid) { keys = try await signingKeys(client, refresh: true) }
        let claims = try await keys.verify(token, as: Claims.self)
        guard claims.iss.value == configuration.issuer else { throw Failure.invalid("issuer \(claims.iss.value)") }
        guard claims.aud.value.contains(configuration.clientID) else { throw Failure.invalid("audience \(claims.aud.value) lacks \(configuration.clientID)") }
        guard claims.nonce == nonce else { throw Failure.invalid("nonce") }
        return claims
    }

    /// The `kid` in a token's header, if any.
    static func keyID(of token: String) -> String? {
        guard let header = token.split(separator: ".").first else { return nil }
        var base64 = header.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        struct Header: Decodable { var kid: String? }
        return Data(base64Encoded: base64).flatMap { try? JSONDecoder().decode(Header.self, from: $0) }?.kid
    }

    private func signingKeys(_ client: any Client, refresh: Bool) async throws -> JWTKeyCollection {
        if let keys, !refresh { return keys }
        let d = try await discovered(client)
        let response = try await client.get(URI(string: d.jwks_uri))
        guard response.status == .ok, let body = response.body else { throw Failure.discovery("JWKS status \(response.status.code)") }
        let json = String(buffer: body)
        let collection = JWTKeyCollection()
        try await collection.add(jwksJSON: json)
        struct KeySet: Decodable { struct Key: Decodable { var kid: String? }; var keys: [Key] }
        knownKIDs = Set((try? JSONDecoder().decode(KeySet.self, from: Data(json.utf8)))?.keys.compactMap(\.kid) ?? [])
        keys = collection
        return collection
    }
}
