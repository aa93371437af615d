import Foundation
import LedgerCore
import LedgerNotify
import Testing

/// SMTP's text rules (RFC 5321 section 4.5.2): CRLF line ends, dot-stuffing, the end-of-data mark.
@Suite struct SMTPFramingTests {
    @Test func everyLineEndBecomesCRLFAndDataEndsWithTheDotLine() {
        #expect(SMTPFraming.data("a\nb\r\nc\rd") == "a\r\nb\r\nc\r\nd\r\n.\r\n")
        #expect(SMTPFraming.data("one line\r\n") == "one line\r\n.\r\n", "a final line end adds no empty line")
        #expect(SMTPFraming.data("a\n\nb\n") == "a\r\n\r\nb\r\n.\r\n", "an empty line in the middle stays")
    }

    @Test func aLineStartingWithADotGetsOneMore() {
        #expect(SMTPFraming.data(".\n..x\nx.\n .y") == "..\r\n...x\r\nx.\r\n .y\r\n.\r\n")
        // A body whose line is a lone dot cannot end the data early.
        let message = SMTPMessage(
            from: "ledger@example.org", to: "a@example.org", subject: "S", body: "before\n.\nafter", date: "D", messageId: "m@x")
        let data = SMTPFraming.data(message.rendered(encoding: .sevenBit))
        #expect(data.components(separatedBy: "\r\n.\r\n").count == 2, "the only end mark is the last: \(data)")
        #expect(data.contains("\r\nbefore\r\n..\r\nafter\r\n.\r\n"))
    }

    @Test func headersAreASCIIAndTheBodyEncodingFollowsTheServer() {
        let message = SMTPMessage(
            from: "ledger@example.org", to: "a@example.org", subject: "Ymateb i’ch adborth", body: "Diolch – Zoë", date: "D",
            messageId: "m@x")
        #expect(message.transferEncoding(eightBitMIME: true) == .eightBit)
        #expect(message.transferEncoding(eightBitMIME: false) == .base64)
        let rendered = message.rendered(encoding: .base64)
        let header = rendered.components(separatedBy: "\r\n\r\n")[0]
        #expect(header.utf8.allSatisfy { $0 < 128 }, "no raw 8-bit byte in a header")
        #expect(header.contains("Subject: =?utf-8?B?"))
        let body = rendered.components(separatedBy: "\r\n\r\n")[1].replacingOccurrences(of: "\r\n", with: "")
        #expect(Base64.decode(body).map { String(decoding: $0, as: UTF8.self) } == "Diolch – Zoë")
        let ascii = SMTPMessage(from: "l@example.org", to: "a@example.org", subject: "S", body: "plain", date: "D", messageId: "m@x")
        #expect(ascii.transferEncoding(eightBitMIME: false) == .sevenBit)
        let long = SMTPMessage(
            from: "l@example.org", to: "a@example.org", subject: "S", body: String(repeating: "x", count: 1200), date: "D", messageId: "m@x")
        #expect(long.transferEncoding(eightBitMIME: true) == .base64, "a line over 998 octets cannot travel as text")
    }

    @Test func aSubjectCannotCarryALineEnd() {
        let word = SMTPFraming.encodedWord("Hi\r\nBcc: x@evil.example é")
        #expect(!word.contains("\r\nBcc"))
        #expect(SMTPFraming.encodedWord("Plain subject") == "Plain subject")
    }

    @Test func contactDetailsAreSortedIntoEmailPhoneAndOther() {
        #expect(ContactDetails(" amira@example.org ") == .email("amira@example.org"))
        #expect(ContactDetails("+44 (0)20 7946 0018") == .phone("+44 (0)20 7946 0018"))
        #expect(ContactDetails("12 High Street") == .other("12 High Street"))
        for bad in ["a@b", "a b@example.org", "<a@example.org>", "a@example.org\r\nRCPT TO:<b@x.org>", "@example.org", "a@-x.org"] {
            #expect(!ContactDetails.isEmailAddress(bad), "\(bad)")
        }
    }

    @Test func anEndpointIsHostColonPort() {
        #expect(SMTPClient.endpoint("127.0.0.1:2525")! == ("127.0.0.1", 2525))
        #expect(SMTPClient.endpoint("[::1]:25")! == ("::1", 25))
        #expect(SMTPClient.endpoint("localhost") == nil)
        #expect(SMTPClient.endpoint("localhost:0") == nil)
    }

    @Test func noServerIsAConnectionErrorWorthRetrying() throws {
        // Port 9 (discard) on loopback: nothing listens there on a test machine.
        let client = SMTPClient(host: "127.0.0.1", port: 9, timeout: 5)
        let message = SMTPMessage(from: "l@example.org", to: "a@example.org", subject: "S", body: "b", date: "D", messageId: "m@x")
        let error = try #require(throws: SMTPError.self) { try client.send(message) }
        #expect(error.isRetryable, "\(error)")
        guard case .connection = error else {
            Issue.record("expected a connection error, got \(error)")
            return
        }
    }
}
