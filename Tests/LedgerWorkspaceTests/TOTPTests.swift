import LedgerWorkspace
import Testing

@Suite struct TOTPTests {
    /// RFC 6238 Appendix B, the SHA-1 rows: the 20-byte ASCII secret "12345678901234567890",
    /// 30-second steps, 8 digits.
    static let rfc6238SHA1: [(time: Int64, code: String)] = [
        (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ]
    static let rfcSecret = Array("12345678901234567890".utf8)

    @Test func theRFCTestVectorsGiveTheirCodes() {
        let totp = TOTP(secret: Self.rfcSecret, digits: 8)
        for row in Self.rfc6238SHA1 { #expect(totp.code(at: row.time) == row.code, "T = \(row.time)") }
    }

    @Test func sixDigitCodesAreTheLastSixOfTheRFCCodes() {
        let totp = TOTP(secret: Self.rfcSecret)
        for row in Self.rfc6238SHA1 {
            #expect(totp.code(at: row.time) == String(row.code.suffix(6)), "T = \(row.time)")
        }
    }

    @Test func aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
        let totp = TOTP(secret: Self.rfcSecret)
        let now: Int64 = 1_234_567_890
        let code = totp.code(at: now)
        #expect(totp.verify(code, at: now))
        #expect(totp.verify(code, at: now + 30))
        #expect(totp.verify(code, at: now - 30))
        #expect(!totp.verify(code, at: now + 60))
        #expect(!totp.verify(code, at: now - 60))
        #expect(!totp.verify("", at: now))
        #expect(!totp.verify(code + "0", at: now))
    }

    @Test func theEnrolmentURINamesTheAccountAndTheBase32Secret() {
        let totp = TOTP(secret: Self.rfcSecret)
        #expect(
            totp.enrolmentURI(issuer: "Coledger example.org/plan", account: "p-0001")
                == "otpauth://totp/Coledger%20example.org%2Fplan:p-0001?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Coledger%20example.org%2Fplan&algorithm=SHA1&digits=6&period=30")
    }

    @Test func base32MatchesRFC4648() {
        let vectors = [
            "": "", "f": "MY", "fo": "MZXQ", "foo": "MZXW6",
            "foob": "MZXW6YQ", "fooba": "MZXW6YTB", "foobar": "MZXW6YTBOI",
        ]
        for (text, expected) in vectors { #expect(Base32.encode(Array(text.utf8)) == expected, "\(text)") }
    }

    @Test func newSecretsAreTwentyRandomBytes() {
        let a = TOTP.generateSecret()
        #expect(a.count == TOTP.secretByteCount)
        #expect(a != TOTP.generateSecret())
    }
}
