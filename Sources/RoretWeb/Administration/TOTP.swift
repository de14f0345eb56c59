import Foundation
import Vapor

/// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) with
/// swift-crypto's HMAC (through Vapor): a code is the HMAC of the time step
/// (30 s since the epoch), truncated to `digits` decimal digits.
struct TOTP: Sendable, Hashable {
    enum Algorithm: String, Sendable { case sha1 = "SHA1", sha256 = "SHA256", sha512 = "SHA512" }

    var secret: [UInt8]
    var digits = 6
    var period: TimeInterval = 30
    var algorithm = Algorithm.sha1

    /// The time step of `date`.
    func step(at date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / period).rounded(.down)) }

    /// The code for a time step, zero-padded to `digits`.
    func code(step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let key = SymmetricKey(data: secret)
        let mac: [UInt8] = switch algorithm {
        case .sha1: Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
        case .sha256: Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        case .sha512: Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
        }
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    func code(at date: Date) -> String { code(step: step(at: date)) }

    /// The time step a typed code belongs to, allowing one step either side
    /// for clocks that differ; nil when it matches none (constant-time compare).
    func matchingStep(_ typed: String, at date: Date, window: Int64 = 1) -> Int64? {
        let typed = typed.filter(\.isNumber)
        guard typed.count == digits else { return nil }
        let now = step(at: date)
        var found: Int64?
        for s in (now - window)...(now + window) where Secrets.equal(code(step: s), typed) { found = found ?? s }
        return found
    }

    /// The `otpauth://` address an authenticator app reads (from the QR code or typed).
    func provisioningURI(account: String, issuer: String) -> String {
        func escape(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: ":@/?&="))) ?? s }
        return "otpauth://totp/\(escape(issuer)):\(escape(account))?secret=\(Base32.encode(secret))&issuer=\(escape(issuer))&algorithm=\(algorithm.rawValue)&digits=\(digits)&period=\(Int(period))"
    }
}

/// Base32 (RFC 4648 §6, no padding), the form authenticator apps take a secret in.
enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func encode(_ bytes: [UInt8]) -> String {
        var out = "", buffer = 0, bits = 0
        for b in bytes {
            buffer = (buffer << 8) | Int(b)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return out
    }

    /// Decodes, ignoring spaces, hyphens, padding and case; nil on any other character.
    static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = [], buffer = 0, bits = 0
        for c in text.uppercased() where !" -=".contains(c) {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            buffer = (buffer << 5) | v
            bits += 5
            if bits >= 8 {
                out.append(UInt8((buffer >> (bits - 8)) & 0xff))
                bits -= 8
            }
            buffer &= (1 << bits) - 1
        }
        return out
    }
}
