import Foundation
import LedgerCore

/// Signed double-submit tokens for the feedback form.
///
/// The form page sets a cookie and a hidden field to the same token,
/// `v1.<unix seconds>.<nonce>.<mac>`, where mac is HMAC-SHA256 under a secret made when the
/// server starts. A post is accepted only when the cookie and the field are equal, the MAC
/// checks and the token is at most ``maxAge`` seconds old. Another site can make a browser
/// post the form, but cannot read or set the cookie (SameSite=Strict, HttpOnly), nor forge a
/// token without the secret. The nonce also names the submission, so posting the same form
/// twice records it once.
package struct CSRFTokens: Sendable {
    let secret: [UInt8]
    /// Seconds a form stays valid.
    package var maxAge = 2 * 60 * 60

    package init(secret: [UInt8] = SecureRandom.bytes(32)) { self.secret = secret }

    package func issue(now: Int) -> String {
        let nonce = Base64URL.encode(SecureRandom.bytes(18))
        let body = "v1.\(now).\(nonce)"
        return body + "." + Base64URL.encode(HMAC.sha256(key: secret, Array(body.utf8)))
    }

    package enum Failure: Error, Equatable {
        case missing, mismatch, invalid, expired
    }

    /// The token's nonce when `cookie` and `field` carry the same valid, fresh token.
    package func check(cookie: String?, field: String?, now: Int) -> Result<String, Failure> {
        guard let cookie, let field, !cookie.isEmpty, !field.isEmpty else { return .failure(.missing) }
        guard HMAC.equal(Array(cookie.utf8), Array(field.utf8)) else { return .failure(.mismatch) }
        let parts = field.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == "v1", let issued = Int(parts[1]), let mac = Base64URL.decode(parts[3])
        else {
            return .failure(.invalid)
        }
        let body = parts[0..<3].joined(separator: ".")
        guard HMAC.equal(mac, HMAC.sha256(key: secret, Array(body.utf8))) else { return .failure(.invalid) }
        guard now - issued <= maxAge, issued <= now + 60 else { return .failure(.expired) }
        return .success(parts[2])
    }

    /// A value derived from the server secret and a nonce, for ids that must repeat when the
    /// same form is posted twice.
    package func derive(_ label: String, nonce: String) -> [UInt8] {
        HMAC.sha256(key: secret, Array("coledger-portal/\(label)/v1\n\(nonce)".utf8))
    }
}

/// base64url without padding (RFC 4648 section 5).
package enum Base64URL {
    package static func encode(_ bytes: [UInt8]) -> String {
        Base64.encode(bytes).replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    package static func decode(_ text: String) -> [UInt8]? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            return nil
        }
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        return Base64.decode(s)
    }
}
