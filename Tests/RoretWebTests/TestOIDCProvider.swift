import Foundation
import JWT
import NIOConcurrencyHelpers
@testable import RoretWeb
import Vapor

/// A small OpenID Connect provider for the tests, on loopback: discovery,
/// an authorization endpoint that signs the next user in at once (or shows
/// a page with a button, for the browser), a token endpoint that checks the
/// client secret and the PKCE verifier, and a JWKS with ES256 keys that can
/// be rotated. What the next ID token says (claims, audience, expiry) is set
/// by the test, to try each refusal.
final class TestOIDCProvider: Sendable {
    struct NextUser: Sendable {
        var claims: [String: [String]] = ["preferred_username": ["anna@roskilde.dk"], "name": ["Anna Andersen"], "roles": ["caseworker"], "municipality": ["265"]]
        var audience: String?
        var expiresIn: TimeInterval = 300
    }

    struct State: Sendable {
        var next = NextUser()
        var keys: [(kid: String, key: ES256PrivateKey)] = [("k1", ES256PrivateKey())]
        /// Issued codes: the request's client, redirect, nonce and challenge.
        var codes: [String: (redirect: String, nonce: String, challenge: String)] = [:]
        var tokenRequests = 0
        var jwksRequests = 0
    }

    let app: Application
    let clientID = "roret-test"
    let clientSecret = "hemmelig-klientnoegle"
    private let state = NIOLockedValueBox(State())
    let port: Int

    var issuer: String { "http://127.0.0.1:\(port)" }
    var configuration: SingleSignOnConfiguration { SingleSignOnConfiguration(issuer: issuer, clientID: clientID, clientSecret: clientSecret) }

    func update(_ change: (inout State) -> Void) { state.withLockedValue(change) }
    func read<T>(_ get: (State) -> T) -> T { state.withLockedValue { get($0) } }

    /// Starts the provider; `interactive` shows a page with a button instead of answering at once.
    static func start(interactive: Bool = false) async throws -> TestOIDCProvider {
        let app = try await Application.make(.testing)
        // The routes name the issuer, so the port is chosen before they are built; the server reads them at start.
        let port = DriverPorts.free(count: 1)
        let provider = TestOIDCProvider(app: app, port: port)
        provider.routes(interactive: interactive)
        try await app.server.start(address: .hostname("127.0.0.1", port: port))
        return provider
    }

    private init(app: Application, port: Int) {
        self.app = app
        self.port = port
    }

    func shutdown() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    /// Signs with a new key `kid` from now on; the JWKS publishes only it (the old key is retired).
    func rotate(to kid: String) { update { $0.keys = [(kid, ES256PrivateKey())] } }

    private func routes(interactive: Bool) {
        let issuer = self.issuer
        app.get(".well-known", "openid-configuration") { _ in
            ["issuer": issuer, "authorization_endpoint": issuer + "/authorize", "token_endpoint": issuer + "/token", "jwks_uri": issuer + "/jwks"]
        }
        app.get("jwks") { [self] _ -> Response in
            let keys = read { $0.keys }
            update { $0.jwksRequests += 1 }
            let entries = keys.map { k -> [String: String] in
                let (x, y) = k.key.publicKey.parameters!
                return ["kty": "EC", "crv": "P-256", "alg": "ES256", "use": "sig", "kid": k.kid, "x": x, "y": y]
            }
            let data = try JSONSerialization.data(withJSONObject: ["keys": entries])
            return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: data))
        }
        app.get("authorize") { [self] req -> Response in
            guard req.query[String.self, at: "client_id"] == clientID, req.query[String.self, at: "code_challenge_method"] == "S256",
                  let redirect = req.query[String.self, at: "redirect_uri"], let state = req.query[String.self, at: "state"],
                  let nonce = req.query[String.self, at: "nonce"], let challenge = req.query[String.self, at: "code_challenge"] else { throw Abort(.badRequest) }
            let code = UUID().uuidString
            update { $0.codes[code] = (redirect, nonce, challenge) }
            let target = "\(redirect)?code=\(code)&state=\(state.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? state)"
            guard interactive else { return req.redirect(to: target) }
            let html = """
            <!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Kommunens login (test)</title></head>
            <body style="font-family: sans-serif; max-width: 30rem; margin: 3rem auto"><main><h1>Roskilde Kommune</h1><p>Testudbyder af kommunens login.</p>
            <a id="approve" href="\(target)" style="display:inline-block;padding:.5rem 1rem;background:#1f5f8b;color:#fff;text-decoration:none">Log ind som Anna Andersen</a></main></body></html>
            """
            return Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: html))
        }
        app.post("token") { [self] req -> Response in
            struct Form: Content {
                var grant_type: String
                var code: String
                var redirect_uri: String
                var client_id: String
                var client_secret: String
                var code_verifier: String
            }
            update { $0.tokenRequests += 1 }
            let form = try req.content.decode(Form.self)
            guard form.grant_type == "authorization_code", form.client_id == clientID, form.client_secret == clientSecret,
                  let issued = read({ $0.codes[form.code] }), issued.redirect == form.redirect_uri else { throw Abort(.badRequest) }
            update { $0.codes[form.code] = nil }
            let challenge = Secrets.base64URL(Data(SHA256.hash(data: Data(form.code_verifier.utf8))))
            guard challenge == issued.challenge else { throw Abort(.badRequest, reason: "PKCE") }
            let next = read { $0.next }, key = read { $0.keys[0] }
            var claims = next.claims.mapValues { $0.count == 1 ? JSONValue.string($0[0]) : .strings($0) }
            claims["iss"] = .string(issuer)
            claims["sub"] = .string("sub-\(next.claims["preferred_username"]?.first ?? "")")
            claims["aud"] = .string(next.audience ?? clientID)
            claims["exp"] = .number(Date().addingTimeInterval(next.expiresIn).timeIntervalSince1970.rounded())
            claims["iat"] = .number(Date().timeIntervalSince1970.rounded())
            claims["nonce"] = .string(issued.nonce)
            let keys = JWTKeyCollection()
            await keys.add(ecdsa: key.key, kid: JWKIdentifier(string: key.kid))
            let token = try await keys.sign(TestClaims(values: claims), kid: JWKIdentifier(string: key.kid))
            let data = try JSONSerialization.data(withJSONObject: ["id_token": token, "access_token": "test", "token_type": "Bearer"])
            return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: data))
        }
    }
}

enum JSONValue: Codable, Sendable {
    case string(String), strings([String]), number(Double)

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .strings(let a): try c.encode(a)
        case .number(let n): try c.encode(Int(n))
        }
    }

    init(from decoder: any Decoder) throws { self = .string(try decoder.singleValueContainer().decode(String.self)) }
}

/// An ID token's claims as the test provider signs them.
struct TestClaims: JWTPayload {
    var values: [String: JSONValue]

    func encode(to encoder: any Encoder) throws { try values.encode(to: encoder) }
    init(values: [String: JSONValue]) { self.values = values }
    init(from decoder: any Decoder) throws { values = try [String: JSONValue](from: decoder) }
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
