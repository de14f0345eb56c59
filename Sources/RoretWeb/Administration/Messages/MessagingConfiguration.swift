import Foundation
import RoretCore

/// The municipality's mail server, read once from the environment:
/// `RORET_SMTP_HOST`, `RORET_SMTP_PORT` (587), `RORET_SMTP_FROM`,
/// `RORET_SMTP_USERNAME` / `RORET_SMTP_PASSWORD` (sent only inside TLS),
/// `RORET_SMTP_TLS` (`starttls`: when the server offers it, the default;
/// `required`: never without; `off`), `RORET_SMTP_CA_FILE` (a PEM file of
/// trusted certificates instead of the system's); nil unless host and sender are set.
public struct SMTPConfiguration: Sendable, Hashable {
    public enum TLS: String, Sendable, Hashable {
        case starttls, required, off
    }

    public var host: String
    public var port: Int
    public var from: String
    public var username: String?
    public var password: String?
    public var tls: TLS
    public var trustedCertificatesFile: String?
    /// The name Roret greets the server with (EHLO).
    public var greetingName: String
    /// Seconds one delivery may take, connection included.
    public var timeout: Int64 = 30

    public init(host: String, port: Int = 587, from: String, username: String? = nil, password: String? = nil, tls: TLS = .starttls,
                trustedCertificatesFile: String? = nil, greetingName: String = "roret.local") {
        self.host = host
        self.port = port
        self.from = from
        self.username = username
        self.password = password
        self.tls = tls
        self.trustedCertificatesFile = trustedCertificatesFile
        self.greetingName = greetingName
    }

    init?(_ environment: [String: String]) {
        guard let host = environment["RORET_SMTP_HOST"], !host.isEmpty, let from = environment["RORET_SMTP_FROM"], !from.isEmpty else { return nil }
        self.init(host: host, port: environment["RORET_SMTP_PORT"].flatMap(Int.init) ?? 587, from: from,
                  username: environment["RORET_SMTP_USERNAME"].flatMap { $0.isEmpty ? nil : $0 },
                  password: environment["RORET_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 },
                  tls: environment["RORET_SMTP_TLS"].flatMap { TLS(rawValue: $0.lowercased()) } ?? .starttls,
                  trustedCertificatesFile: environment["RORET_SMTP_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 },
                  greetingName: environment["RORET_SMTP_HELO"].flatMap { $0.isEmpty ? nil : $0 } ?? "roret.local")
    }
}

/// An HTTP gateway for sms (or Digital Post through a broker), read once
/// from the environment: `RORET_SMS_GATEWAY_URL`, `RORET_SMS_GATEWAY_TEMPLATE`
/// (the JSON body with `{{to}}`, `{{text}}`, `{{subject}}` and `{{key}}`,
/// each filled in as a JSON string's content), `RORET_SMS_GATEWAY_AUTHORIZATION`
/// (the Authorization header's value). Every request carries the message's
/// `Idempotency-Key` header, so the gateway can refuse a repeat.
public struct SMSGatewayConfiguration: Sendable, Hashable {
    public var url: String
    public var template: String
    public var authorization: String?
    public var timeout: Int64 = 30

    public static let standardTemplate = #"{"to": "{{to}}", "text": "{{text}}", "reference": "{{key}}"}"#

    /// The gateway, or why its template is not JSON.
    public init(url: String, template: String = SMSGatewayConfiguration.standardTemplate, authorization: String? = nil) throws {
        self.url = url
        self.template = template
        self.authorization = authorization
        let sample = body(to: "+4512345678", text: "a \"b\"\n", subject: "c", key: "d")
        guard (try? JSONSerialization.jsonObject(with: Data(sample.utf8))) != nil else {
            throw ConfigurationProblem("RORET_SMS_GATEWAY_TEMPLATE er ikke gyldig JSON, når pladsholderne er udfyldt: \(template)")
        }
    }

    init?(_ environment: [String: String]) throws {
        guard let url = environment["RORET_SMS_GATEWAY_URL"], !url.isEmpty else { return nil }
        try self.init(url: url, template: environment["RORET_SMS_GATEWAY_TEMPLATE"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.standardTemplate,
                      authorization: environment["RORET_SMS_GATEWAY_AUTHORIZATION"].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The request's body: the template with each placeholder's value escaped as inside a JSON string.
    public func body(to: String, text: String, subject: String, key: String) -> String {
        var out = template
        for (name, value) in [("to", to), ("text", text), ("subject", subject), ("key", key)] {
            out = out.replacingOccurrences(of: "{{\(name)}}", with: Self.jsonEscaped(value))
        }
        return out
    }

    static func jsonEscaped(_ value: String) -> String {
        let quoted = (try? JSONEncoder().encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "\"\""
        return String(quoted.dropFirst().dropLast())
    }
}

/// A setting Roret cannot start with, in Danish.
public struct ConfigurationProblem: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// How messages are delivered: the senders set up, and how hard Roret tries
/// (`RORET_MESSAGE_MAX_ATTEMPTS`, default 5).
public struct MessagingConfiguration: Sendable, Hashable {
    public var smtp: SMTPConfiguration?
    public var gateway: SMSGatewayConfiguration?
    public var policy = DeliveryPolicy()
    /// Seconds between the deliveries of what is due (besides right after a link is sent).
    public var interval: Int64 = 30

    public init(smtp: SMTPConfiguration? = nil, gateway: SMSGatewayConfiguration? = nil) {
        self.smtp = smtp
        self.gateway = gateway
    }

    /// The channels that can be used.
    public var channels: Set<MessageChannel> {
        var channels: Set<MessageChannel> = []
        if smtp != nil { channels.insert(.email) }
        if gateway != nil { channels.insert(.sms) }
        return channels
    }

    static func fromEnvironment(_ environment: [String: String]) throws -> MessagingConfiguration {
        var config = MessagingConfiguration(smtp: SMTPConfiguration(environment), gateway: try SMSGatewayConfiguration(environment))
        if let attempts = environment["RORET_MESSAGE_MAX_ATTEMPTS"].flatMap(Int.init), attempts >= 1 { config.policy.maxAttempts = attempts }
        return config
    }
}
