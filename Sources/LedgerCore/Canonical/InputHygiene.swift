/// What every entry point (CLI verbs, `append`, `import`, the portal) refuses before anything is
/// signed: text with control characters, and payloads or private data larger than the limits.
///
/// One definition, called by the CLI and the portal alike, so a form field and a command-line
/// option that carry the same text are judged the same way.
public enum InputHygiene {
    /// The largest canonical payload of one event, in bytes (64 KiB).
    public static let maxPayloadBytes = 64 * 1024
    /// The largest canonical private part (personal data) of one event, in bytes (64 KiB).
    public static let maxPrivateBytes = 64 * 1024
    /// The largest single text value in a payload or private part, in bytes (32 KiB).
    public static let maxTextBytes = 32 * 1024

    /// Whether `scalar` may not be stored in text: C0 controls (tab, line feed and carriage
    /// return excepted when `allowNewlines`), DEL, C1 controls and the interlinear annotation
    /// characters U+FFF9…U+FFFB.
    public static func isForbidden(_ scalar: Unicode.Scalar, allowNewlines: Bool) -> Bool {
        let v = scalar.value
        if allowNewlines && (v == 0x09 || v == 0x0A || v == 0x0D) { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0xFFF9...0xFFFB).contains(v)
    }

    /// The first forbidden character in `text`, if any.
    public static func forbiddenScalar(in text: String, allowNewlines: Bool) -> Unicode.Scalar? {
        text.unicodeScalars.first { isForbidden($0, allowNewlines: allowNewlines) }
    }

    /// `U+001B` for a scalar, as error messages name it.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The first problem with an event draft's payload and private data, as
    /// `/payload/text: contains a control character (U+001B) …`, or nil when both are clean and
    /// within the limits. Multi-line text may hold tab, line feed and carriage return.
    public static func problem(inDraft draft: JSONValue) -> String? {
        guard case .object(let members) = draft else { return nil }
        if let payload = members["payload"] {
            if let p = problem(in: payload, at: "/payload", limit: maxPayloadBytes) { return p }
        }
        if case .object(let priv)? = members["private"], let data = priv["data"] {
            if let p = problem(in: data, at: "/private/data", limit: maxPrivateBytes) { return p }
        }
        return nil
    }

    /// The first problem in one value: its canonical size over `limit`, a text over
    /// ``maxTextBytes`` or a forbidden character.
    public static func problem(in value: JSONValue, at pointer: String, limit: Int) -> String? {
        var size = 0
        if let bytes = try? CanonicalJSON.serialize(value) { size = bytes.count }
        if size > limit {
            return "\(pointer): is \(size) bytes, more than the limit of \(limit) bytes (\(limit / 1024) KiB)"
        }
        return textProblem(value, at: pointer)
    }

    static func textProblem(_ value: JSONValue, at pointer: String) -> String? {
        switch value {
        case .string(let s):
            if s.utf8.count > maxTextBytes {
                return "\(pointer): text is \(s.utf8.count) bytes, more than the limit of \(maxTextBytes) bytes"
            }
            if let c = forbiddenScalar(in: s, allowNewlines: true) {
                return "\(pointer): contains a control character (\(name(c))) that cannot be stored"
            }
            return nil
        case .array(let items):
            for (i, item) in items.enumerated() {
                if let p = textProblem(item, at: "\(pointer)/\(i)") { return p }
            }
            return nil
        case .object(let members):
            for key in members.keys.sorted() {
                if let c = forbiddenScalar(in: key, allowNewlines: false) {
                    return "\(pointer): a member name contains a control character (\(name(c)))"
                }
                if let member = members[key], let p = textProblem(member, at: "\(pointer)/\(key)") { return p }
            }
            return nil
        default:
            return nil
        }
    }

    /// `text` safe to write to a terminal: forbidden characters (ESC, CSI, BEL, carriage return,
    /// …) become `\u001B`-style escapes, which are also valid inside a JSON string; line feed
    /// and tab are kept.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\n" && $0 != "\t" && isForbidden($0, allowNewlines: false) })
        else { return text }
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            if c != "\n" && c != "\t" && isForbidden(c, allowNewlines: false) {
                let hex = String(c.value, radix: 16, uppercase: true)
                out.append(
                    contentsOf: "\\u\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)".unicodeScalars)
            } else {
                out.append(c)
            }
        }
        return String(out)
    }
}
