import Crypto
import Foundation
import LedgerCore

/// Time-based one-time passwords (RFC 6238): HMAC-SHA1 over the count of 30-second steps since
/// the Unix epoch, truncated as in RFC 4226 to 6 digits; a code is accepted one step either side.
public struct TOTP: Sendable {
    /// The shared secret (20 random bytes from ``generateSecret()``).
    public let secret: [UInt8]
    /// How many digits a code has.
    public let digits: Int
    /// The step, in seconds.
    public let period: Int

    /// The byte count of a new secret: 160 bits, the HMAC-SHA1 output size RFC 4226 recommends.
    public static let secretByteCount = 20

    /// A generator for `secret`.
    public init(secret: [UInt8], digits: Int = 6, period: Int = 30) {
        precondition((1...9).contains(digits) && period > 0, "TOTP needs 1 to 9 digits and a positive period")
        self.secret = secret
        self.digits = digits
        self.period = period
    }

    /// A new random secret.
    public static func generateSecret() -> [UInt8] { SecureRandom.bytes(secretByteCount) }

    /// The code for the step that contains `unixTime` (seconds since the epoch).
    public func code(at unixTime: Int64) -> String {
        code(step: unixTime / Int64(period))
    }

    /// The code for step number `step` (RFC 4226 HOTP with the step as counter).
    public func code(step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let text = String(binary % modulus)
        return String(repeating: "0", count: digits - text.count) + text
    }

    /// Whether `code` is the code of the step containing `unixTime` or of one step either side
    /// (clock drift); compared in constant time.
    public func verify(_ code: String, at unixTime: Int64) -> Bool {
        let step = unixTime / Int64(period)
        var matched = false
        for s in (step - 1)...(step + 1) {
            let expected = Array(self.code(step: s).utf8)
            let given = Array(code.utf8)
            guard expected.count == given.count else { continue }
            var difference: UInt8 = 0
            for (a, b) in zip(expected, given) { difference |= a ^ b }
            matched = matched || difference == 0
        }
        return matched
    }

    /// The `otpauth://totp/` URI an authenticator app enrols from (as a QR code or pasted):
    /// the label is `issuer:account`, the secret base32 without padding.
    public func enrolmentURI(issuer: String, account: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let issuerText = issuer.addingPercentEncoding(withAllowedCharacters: allowed) ?? issuer
        let accountText = account.addingPercentEncoding(withAllowedCharacters: allowed) ?? account
        return "otpauth://totp/\(issuerText):\(accountText)?secret=\(Base32.encode(secret))&issuer=\(issuerText)"
            + "&algorithm=SHA1&digits=\(digits)&period=\(period)"
    }
}

/// RFC 4648 base32 (upper case, no padding), the form authenticator apps take a secret in.
public enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    /// `bytes` in base32, without `=` padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out = ""
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return out
    }
}
