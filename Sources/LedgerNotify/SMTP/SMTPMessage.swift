import LedgerCore

/// An email as RFC 5322 text, framed for SMTP's DATA (RFC 5321 section 4.5.2).
public struct SMTPMessage: Sendable, Equatable {
    /// The envelope and header sender (an address, checked by ``ContactDetails/isEmailAddress(_:)``).
    public var from: String
    /// The one recipient.
    public var to: String
    /// The subject line.
    public var subject: String
    /// The plain-text body (any line ends).
    public var body: String
    /// The `Date:` header (RFC 5322 form).
    public var date: String
    /// The `Message-ID:` header's value, without the angle brackets.
    public var messageId: String

    /// Creates a message.
    public init(from: String, to: String, subject: String, body: String, date: String, messageId: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageId = messageId
    }

    /// The longest line SMTP allows, in octets without the CRLF (RFC 5321 section 4.5.3.1.6).
    public static let maximumLineOctets = 998

    /// How the body travels: `7bit` for short ASCII lines, `8bit` for short UTF-8 lines when the
    /// server announced `8BITMIME`, `base64` otherwise.
    public enum TransferEncoding: String, Sendable { case sevenBit = "7bit", eightBit = "8bit", base64 }

    /// The encoding the body needs with a server that does (or does not) take 8-bit MIME.
    public func transferEncoding(eightBitMIME: Bool) -> TransferEncoding {
        let lines = SMTPFraming.lines(body)
        guard lines.allSatisfy({ $0.utf8.count <= Self.maximumLineOctets }) else { return .base64 }
        if body.utf8.allSatisfy({ $0 < 128 }) { return .sevenBit }
        return eightBitMIME ? .eightBit : .base64
    }

    /// The header and body, lines ended with CRLF, before dot-stuffing.
    public func rendered(encoding: TransferEncoding) -> String {
        var out = [
            "From: \(from)", "To: \(to)", "Subject: \(SMTPFraming.encodedWord(subject))", "Date: \(date)",
            "Message-ID: <\(messageId)>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: \(encoding.rawValue)", "Auto-Submitted: auto-generated", "",
        ]
        switch encoding {
        case .sevenBit, .eightBit: out += SMTPFraming.lines(body)
        case .base64:
            let text = Base64.encode(Array(SMTPFraming.lines(body).joined(separator: "\r\n").utf8))
            var rest = Substring(text)
            while !rest.isEmpty {
                out.append(String(rest.prefix(76)))
                rest = rest.dropFirst(76)
            }
        }
        return out.joined(separator: "\r\n") + "\r\n"
    }
}

/// SMTP's text rules: line ends, dot-stuffing, the end-of-data mark, encoded header words.
public enum SMTPFraming {
    /// `text` split into lines at CRLF, a lone LF or a lone CR (each is a line end in mail).
    public static func lines(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var lastWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !lastWasCR { out.append(current) }
                current = ""
                lastWasCR = false
            } else if scalar == "\r" {
                out.append(current)
                current = ""
                lastWasCR = true
            } else {
                current.unicodeScalars.append(scalar)
                lastWasCR = false
            }
        }
        if !current.isEmpty || out.isEmpty { out.append(current) }
        return out
    }

    /// The DATA section for `message` (already rendered): every line ended with CRLF, a line that
    /// begins with `.` given one more (dot-stuffing, RFC 5321 section 4.5.2), then `.` CRLF.
    public static func data(_ message: String) -> String {
        lines(message).map { ($0.hasPrefix(".") ? "." + $0 : $0) + "\r\n" }.joined() + ".\r\n"
    }

    /// `text` as a header value: itself when it is printable ASCII, else one RFC 2047
    /// `=?utf-8?B?…?=` word per chunk (so no header line carries raw 8-bit bytes or a line end).
    public static func encodedWord(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 }) { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for ch in text where !ch.isNewline {
            let bytes = Array(String(ch).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?utf-8?B?\(Base64.encode(chunk))?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?utf-8?B?\(Base64.encode(chunk))?=") }
        return words.joined(separator: "\r\n ")
    }
}
