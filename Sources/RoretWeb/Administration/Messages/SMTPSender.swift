import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS
import RoretCore
import RoretStore

/// Delivers e-mail to the municipality's mail server (RFC 5321): EHLO,
/// STARTTLS when the server offers it (or always, `required`), AUTH PLAIN
/// only inside TLS, then one message per connection. A 5xx reply is a
/// permanent failure (the recipient does not exist); anything else may be
/// tried again. Hand-written on SwiftNIO: no SMTP client is in the package
/// mirror, and the conversation is a dozen lines.
struct SMTPSender: MessageSender {
    let configuration: SMTPConfiguration
    let group: any EventLoopGroup

    func send(_ message: OutgoingMessage) async throws {
        let mail = EmailMessage(from: configuration.from, to: message.address, subject: message.subject, body: message.body,
                                idempotencyKey: message.idempotencyKey, date: Date())
        let server = "\(configuration.host):\(configuration.port)"
        let channel: NIOAsyncChannel<SMTPReply, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(.seconds(configuration.timeout))
                .connect(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                        return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw DeliveryFailure("Kunne ikke forbinde til mailserveren \(server): \(error)")
        }
        let timeout = channel.channel.eventLoop.scheduleTask(in: .seconds(configuration.timeout)) { channel.channel.close(promise: nil) }
        defer { timeout.cancel() }
        do {
            try await channel.executeThenClose { inbound, outbound in
                var conversation = Conversation(replies: inbound.makeAsyncIterator(), outbound: outbound, server: server)
                try await conversation.expect(220, "hilsenen")
                var capabilities = try await conversation.command("EHLO \(configuration.greetingName)", 250).lines
                var encrypted = false
                if configuration.tls != .off, capabilities.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) {
                    try await conversation.command("STARTTLS", 220)
                    try await startTLS(on: channel.channel)
                    encrypted = true
                    capabilities = try await conversation.command("EHLO \(configuration.greetingName)", 250).lines
                } else if configuration.tls == .required {
                    throw DeliveryFailure("Mailserveren \(server) tilbyder ikke STARTTLS, og RORET_SMTP_TLS=required.")
                }
                if let username = configuration.username, let password = configuration.password {
                    guard encrypted else { throw DeliveryFailure("Adgangskoden til mailserveren sendes ikke ukrypteret, og \(server) tilbyder ikke STARTTLS.") }
                    guard capabilities.contains(where: { $0.uppercased().hasPrefix("AUTH") }) else {
                        throw DeliveryFailure("Mailserveren \(server) tilbyder ikke at logge ind (AUTH), men RORET_SMTP_USERNAME er sat.")
                    }
                    let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
                    try await conversation.command("AUTH PLAIN \(token)", 235, what: "AUTH")
                }
                try await conversation.command("MAIL FROM:<\(configuration.from)>", 250)
                try await conversation.command("RCPT TO:<\(mail.to)>", 250, 251)
                try await conversation.command("DATA", 354)
                try await conversation.send(mail.wireText + ".\r\n", expecting: [250], what: "beskeden")
                _ = try? await conversation.command("QUIT", 221)
            }
        } catch let failure as DeliveryFailure {
            throw failure
        } catch let error as NIOSSLError {
            throw DeliveryFailure("TLS-forbindelsen til \(server) mislykkedes: \(error)")
        } catch let error as BoringSSLError {
            throw DeliveryFailure("TLS-forbindelsen til \(server) mislykkedes: \(error)")
        } catch {
            throw DeliveryFailure("Forbindelsen til mailserveren \(server) blev afbrudt: \(error)")
        }
    }

    /// Puts TLS in front of the connection after the server's 220 to STARTTLS
    /// and waits for the handshake, so a refused certificate is the reason
    /// given (not the closed channel the next command would meet).
    private func startTLS(on channel: any Channel) async throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let file = configuration.trustedCertificatesFile { tls.trustRoots = .file(file) }
        let context = try NIOSSLContext(configuration: tls)
        let host = configuration.host
        let handshake = try await channel.eventLoop.submit {
            let ssl = try NIOSSLClientHandler(context: context, serverHostname: host)
            let waiter = HandshakeWaiter(promise: channel.eventLoop.makePromise())
            try channel.pipeline.syncOperations.addHandler(ssl, position: .first)
            try channel.pipeline.syncOperations.addHandler(waiter, position: .after(ssl))
            return waiter.promise.futureResult
        }.get()
        try await handshake.get()
    }

    /// Succeeds when the TLS handshake completes; fails with its error (or when the connection closes first).
    final class HandshakeWaiter: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny
        let promise: EventLoopPromise<Void>
        private var done = false

        init(promise: EventLoopPromise<Void>) { self.promise = promise }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if case .handshakeCompleted = event as? TLSUserEvent {
                finish(nil)
                context.pipeline.syncOperations.removeHandler(self, promise: nil)
            }
            context.fireUserInboundEventTriggered(event)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            finish(error)
            context.fireErrorCaught(error)
        }

        func channelInactive(context: ChannelHandlerContext) {
            finish(ChannelError.ioOnClosedChannel)
            context.fireChannelInactive()
        }

        private func finish(_ error: (any Error)?) {
            guard !done else { return }
            done = true
            if let error { promise.fail(error) } else { promise.succeed(()) }
        }
    }

    /// Commands and their replies, one at a time.
    struct Conversation {
        var replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
        let server: String

        mutating func expect(_ code: Int, _ what: String) async throws {
            try await receive([code], what: what)
        }

        @discardableResult
        mutating func command(_ line: String, _ codes: Int..., what: String? = nil) async throws -> SMTPReply {
            try await send(line + "\r\n", expecting: codes, what: what ?? String(line.prefix { $0 != " " && $0 != ":" }))
        }

        @discardableResult
        mutating func send(_ text: String, expecting codes: [Int], what: String) async throws -> SMTPReply {
            try await outbound.write(ByteBuffer(string: text))
            return try await receive(codes, what: what)
        }

        @discardableResult
        private mutating func receive(_ codes: [Int], what: String) async throws -> SMTPReply {
            guard let reply = try await replies.next() else { throw DeliveryFailure("Mailserveren \(server) lukkede forbindelsen (ved \(what)).") }
            guard codes.contains(reply.code) else {
                let who = what.hasPrefix("RCPT") ? "Mailserveren afviste modtageren" : "Mailserveren svarede ved \(what)"
                throw DeliveryFailure("\(who): \(reply.text)", permanent: reply.isPermanent)
            }
            return reply
        }
    }
}
