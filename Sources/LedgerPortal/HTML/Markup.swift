/// A fragment of HTML whose interpolated strings are escaped.
///
/// Every page is built from `Markup` literals: `"<p>\(name)</p>"` escapes `name`, while a
/// nested `Markup` (or `[Markup]`) is inserted as it is. Only `String`, `Int`, `Markup` and
/// `[Markup]` can be interpolated, so text from the log cannot reach a page unescaped by accident.
package struct Markup: ExpressibleByStringInterpolation, Sendable, Equatable {
    /// The HTML.
    package var html: String

    package init(stringLiteral value: String) { html = value }

    package init(stringInterpolation: Interpolation) { html = stringInterpolation.out }

    /// Raw HTML the caller vouches for (built by this module, never from input).
    package init(trusted html: String) { self.html = html }

    package static let empty = Markup(trusted: "")

    package struct Interpolation: StringInterpolationProtocol {
        var out = ""

        package init(literalCapacity: Int, interpolationCount: Int) {
            out.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        package mutating func appendLiteral(_ literal: String) { out += literal }
        package mutating func appendInterpolation(_ text: String) { out += HTML.escape(text) }
        package mutating func appendInterpolation(_ text: Substring) { out += HTML.escape(String(text)) }
        package mutating func appendInterpolation(_ number: Int) { out += String(number) }
        package mutating func appendInterpolation(_ markup: Markup) { out += markup.html }
        package mutating func appendInterpolation(_ list: [Markup]) { for m in list { out += m.html } }
    }
}

extension Array where Element == Markup {
    /// The fragments one after another.
    package var joined: Markup { Markup(trusted: map(\.html).joined()) }
}

/// Escaping for HTML text and double-quoted attribute values, and URL path segments.
package enum HTML {
    /// Escapes `& < > " '` (enough for text and quoted attributes).
    package static func escape(_ text: String) -> String {
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
    package static func urlComponent(_ text: String) -> String {
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
