import Foundation
import LedgerCore

/// Contribution reference codes: what an adviser types into "My contributions".
///
/// A code is the first 80 bits of HMAC-SHA256(secret, `coledger-portal/contribution-code/v1` LF
/// contribution id), written as 16 Crockford base-32 characters in groups of four
/// (`7KQ3-M9XD-…`). Contribution ids are guessable (`CON-2025-00001`), the code is not: without
/// the secret nobody can work out a contribution's code, and a code leads to that one
/// contribution and nothing else (not the person, not their other contributions). The secret
/// is 32 random bytes in a file beside the ledger's keys (`keys/portal-codes.secret`, mode 0600),
/// made the first time `coledger serve` or `coledger contribution code` needs it; whoever records
/// a contribution prints its code with `coledger contribution code ID` and gives it to the person.
public struct ContributionCodes: Sendable {
    let secret: [UInt8]

    /// Codes made with `secret` (at least 16 bytes).
    public init(secret: [UInt8]) throws {
        guard secret.count >= 16 else {
            throw PortalError.configuration("the contribution code secret must be at least 16 bytes")
        }
        self.secret = secret
    }

    /// The default secret file for a ledger: `keys/portal-codes.secret` beside it.
    public static func defaultSecretPath(ledgerPath: String) -> String {
        URL(fileURLWithPath: ledgerPath).deletingLastPathComponent().appendingPathComponent("keys/portal-codes.secret")
            .path
    }

    /// Reads the secret file (base64, one line), creating it with 32 random bytes when absent.
    public static func loadOrCreate(at path: String) throws -> ContributionCodes {
        let fm = FileManager.default
        if let data = fm.contents(atPath: path) {
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let bytes = Base64.decode(text) else {
                throw PortalError.configuration("\(path) does not hold a base64 secret")
            }
            return try ContributionCodes(secret: bytes)
        }
        let bytes = SecureRandom.bytes(32)
        let url = URL(fileURLWithPath: path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard
            fm.createFile(
                atPath: path, contents: Data((Base64.encode(bytes) + "\n").utf8), attributes: [.posixPermissions: 0o600]
            )
        else {
            throw PortalError.configuration("cannot create the contribution code secret \(path)")
        }
        return try ContributionCodes(secret: bytes)
    }

    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// The code for a contribution id, e.g. `7KQ3-M9XD-1P4T-ZB2C`.
    public func code(for contributionId: String) -> String {
        let mac = HMAC.sha256(key: secret, Array("coledger-portal/contribution-code/v1\n\(contributionId)".utf8))
        var bits = 0
        var value = 0
        var chars: [Character] = []
        for byte in mac.prefix(10) {
            value = (value << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                chars.append(Self.alphabet[(value >> bits) & 31])
            }
            value &= (1 << bits) - 1
        }
        return stride(from: 0, to: 16, by: 4).map { String(chars[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// What a person typed, as a code: upper case, spaces and hyphens dropped, the letters
    /// Crockford base 32 reads as digits (O as 0, I and L as 1) mapped, regrouped; nil when it
    /// cannot be a code.
    public static func normalise(_ typed: String) -> String? {
        var chars: [Character] = []
        for ch in typed.uppercased() {
            switch ch {
            case " ", "-", "\t": continue
            case "O": chars.append("0")
            case "I", "L": chars.append("1")
            default:
                guard alphabet.contains(ch) else { return nil }
                chars.append(ch)
            }
        }
        guard chars.count == 16 else { return nil }
        return stride(from: 0, to: 16, by: 4).map { String(chars[$0..<$0 + 4]) }.joined(separator: "-")
    }
}

/// Why the portal could not start or do what was asked.
public enum PortalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A setting is wrong (a file, a port, a key).
    case configuration(String)

    /// One line.
    public var description: String {
        switch self {
        case .configuration(let message): return message
        }
    }
}
