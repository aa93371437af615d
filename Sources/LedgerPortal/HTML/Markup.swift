/// A fragment of HTML whose interpolated strings are escaped.
///
/// Every page is built from `Markup` literals: `"<p>\(name)</p>"` escapes `name`, while a
/// nested `Markup` (or `[Markup]`) is inserted as it is. Only `String`, `Int`, `Markup` and
/// `[Markup]` can be interpolated, so text from the log cannot reach a page unescaped by accident.
struct Markup: ExpressibleByStringInterpolation, Sendable, Equatable {
    /// The HTML.
    var html: String

    init(stringLiteral value: String) { html = value }

    init(stringInterpolation: Interpolation) { html = stringInterpolation.out }

    /// Raw HTML the caller vouches for (built by this module, never from input).
    init(trusted html: String) { self.html = html }

    static let empty = Markup(trusted: "")

    struct Interpolation: StringInterpolationProtocol {
        var out = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            out.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) { out += literal }
        mutating func appendInterpolation(_ text: String) { out += HTML.escape(text) }
        mutating func appendInterpolation(_ text: Substring) { out += HTML.escape(String(text)) }
        mutating func appendInterpolation(_ number: Int) { out += String(number) }
        mutating func appendInterpolation(_ markup: Markup) { out += markup.html }
        mutating func appendInterpolation(_ list: [Markup]) { for m in list { out += m.html } }
    }
}

extension Array where Element == Markup {
    /// The fragments one after another.
    var joined: Markup { Markup(trusted: map(\.html).joined()) }
}

/// Escaping for HTML text and double-quoted attribute values, and URL path segments.
enum HTML {
    /// Escapes `& < > " '` (enough for text and quoted attributes).
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986), for one path segment
    /// or query value.
    static func urlComponent(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
