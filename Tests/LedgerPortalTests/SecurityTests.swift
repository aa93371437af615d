import Foundation
import LedgerCore
import Testing

@testable import LedgerPortal

struct HMACTests {
    /// RFC 4231 test cases 1, 2 and 6 (a key longer than the block).
    @Test(arguments: [
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (
            Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        (
            [UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        ),
    ])
    func rfc4231(key: [UInt8], message: [UInt8], expected: String) {
        #expect(Hex.encode(HMAC.sha256(key: key, message)) == expected)
    }

    @Test func constantTimeEquality() {
        #expect(HMAC.equal([1, 2, 3], [1, 2, 3]))
        #expect(!HMAC.equal([1, 2, 3], [1, 2, 4]))
        #expect(!HMAC.equal([1, 2, 3], [1, 2]))
    }
}

struct ContributionCodeTests {
    /// The expected code was worked out with Python's hmac module:
    /// hmac.new(b"\x01" * 32, b"coledger-portal/contribution-code/v1\nCON-2025-00001", sha256),
    /// first 10 bytes as 16 Crockford base-32 digits.
    @Test func codeIsTheHMACInCrockfordBase32() throws {
        let codes = try ContributionCodes(secret: [UInt8](repeating: 1, count: 32))
        #expect(codes.code(for: "CON-2025-00001") == "8XVH-7BT5-26F0-8T5J")
        #expect(codes.code(for: "CON-2025-00002") != codes.code(for: "CON-2025-00001"))
        let other = try ContributionCodes(secret: [UInt8](repeating: 2, count: 32))
        #expect(other.code(for: "CON-2025-00001") != "8XVH-7BT5-26F0-8T5J")
    }

    @Test func typedCodesAreNormalised() {
        #expect(ContributionCodes.normalise("8xvh 7bt5 26f0 8t5j") == "8XVH-7BT5-26F0-8T5J")
        #expect(ContributionCodes.normalise(" 8XVH-7BT5-26FO-8T5J ") == "8XVH-7BT5-26F0-8T5J")  // O read as 0
        #expect(ContributionCodes.normalise("IL00-0000-0000-0000") == "1100-0000-0000-0000")
        #expect(ContributionCodes.normalise("8XVH-7BT5-26F0-8T5") == nil)  // 15 characters
        #expect(ContributionCodes.normalise("8XVH-7BT5-26F0-8T5U") == nil)  // U is not a digit
        #expect(ContributionCodes.normalise("<script>") == nil)
    }

    @Test func secretFileIsCreatedOnceAndPrivate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("portal-secret-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("keys/portal-codes.secret").path
        let first = try ContributionCodes.loadOrCreate(at: path)
        let again = try ContributionCodes.loadOrCreate(at: path)
        #expect(first.code(for: "X") == again.code(for: "X"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try Data("not base64 !!\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: PortalError.self) { try ContributionCodes.loadOrCreate(at: path) }
    }
}

struct CSRFTokenTests {
    let tokens = CSRFTokens(secret: [UInt8](repeating: 9, count: 32))

    @Test func matchingFreshTokenPasses() throws {
        let t = tokens.issue(now: 1_000_000)
        let nonce = try tokens.check(cookie: t, field: t, now: 1_000_000 + 60).get()
        #expect(t.hasPrefix("v1.1000000.\(nonce)."))
    }

    @Test func refusals() {
        let t = tokens.issue(now: 1_000_000)
        let u = tokens.issue(now: 1_000_000)
        #expect(tokens.check(cookie: nil, field: t, now: 1_000_000) == .failure(.missing))
        #expect(tokens.check(cookie: t, field: "", now: 1_000_000) == .failure(.missing))
        #expect(tokens.check(cookie: u, field: t, now: 1_000_000) == .failure(.mismatch))
        let forged = String(t.dropLast(3)) + "AAA"
        #expect(tokens.check(cookie: forged, field: forged, now: 1_000_000) == .failure(.invalid))
        let otherServer = CSRFTokens(secret: [UInt8](repeating: 8, count: 32))
        #expect(otherServer.check(cookie: t, field: t, now: 1_000_000) == .failure(.invalid))
        // Two hours (7,200 s) is the limit.
        #expect((try? tokens.check(cookie: t, field: t, now: 1_000_000 + 7_200).get()) != nil)
        #expect(tokens.check(cookie: t, field: t, now: 1_000_000 + 7_201) == .failure(.expired))
    }

    @Test func derivedValuesRepeatPerNonce() {
        #expect(tokens.derive("event-id", nonce: "a") == tokens.derive("event-id", nonce: "a"))
        #expect(tokens.derive("event-id", nonce: "a") != tokens.derive("event-id", nonce: "b"))
        #expect(tokens.derive("event-id", nonce: "a") != tokens.derive("feedback-id", nonce: "a"))
    }
}

struct RateLimiterTests {
    @Test func slidingWindowPerClient() {
        let limiter = RateLimiter(limit: 3, window: 60)
        #expect(limiter.allow("a", now: 0).allowed)
        #expect(limiter.allow("a", now: 10).allowed)
        #expect(limiter.allow("a", now: 20).allowed)
        // The fourth within a minute waits until the first is 60 s old: 0 + 60 - 30 = 30 s.
        let refused = limiter.allow("a", now: 30)
        #expect(!refused.allowed && refused.retryAfter == 30)
        #expect(limiter.allow("b", now: 30).allowed, "another client has its own window")
        #expect(limiter.allow("a", now: 60.5).allowed, "the request at 0 has left the window")
        #expect(!limiter.allow("a", now: 61).allowed, "10, 20 and 60.5 are still in it")
    }
}

struct FormDataTests {
    @Test func decodesStrictly() throws {
        let form = try FormData(body: Array("a=b+c&d=%41%c3%a9&empty=&flag".utf8))
        #expect(form["a"] == "b c")
        #expect(form["d"] == "Aé")
        #expect(form["empty"] == "")
        #expect(form["flag"] == "")
        #expect(throws: FormData.Failure.badEscape) { try FormData(body: Array("a=%G1".utf8)) }
        #expect(throws: FormData.Failure.badEscape) { try FormData(body: Array("a=%4".utf8)) }
        #expect(throws: FormData.Failure.badEscape) { try FormData(body: Array("a=%".utf8)) }
        #expect(throws: FormData.Failure.notUTF8) { try FormData(body: Array("a=%FF%FE".utf8)) }
        #expect(throws: FormData.Failure.notUTF8) { try FormData(body: [0x61, 0x3D, 0xC3, 0x28]) }
    }
}

struct MarkupTests {
    @Test func interpolatedTextIsEscaped() {
        let name = "<script>alert(\"x\")</script>&'"
        let m: Markup = "<p title=\"\(name)\">\(name)</p>"
        #expect(
            m.html
                == "<p title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>"
        )
    }

    @Test func nestedMarkupIsNotEscapedTwice() {
        let inner: Markup = "<b>\("a&b")</b>"
        let outer: Markup = "<p>\(inner)\([inner, inner])\(3)</p>"
        #expect(outer.html == "<p><b>a&amp;b</b><b>a&amp;b</b><b>a&amp;b</b>3</p>")
    }

    @Test func urlComponents() {
        #expect(HTML.urlComponent("D-1.a_b~") == "D-1.a_b~")
        #expect(HTML.urlComponent("a b/\"<é") == "a%20b%2F%22%3C%C3%A9")
    }
}
