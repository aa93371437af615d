/// An `application/x-www-form-urlencoded` body, decoded strictly: bad percent escapes and
/// bytes that are not UTF-8 are refused rather than guessed at.
package struct FormData: Sendable, Equatable {
    /// Values by field name (the last one wins for a repeated name, which no form here has).
    package var fields: [String: String] = [:]

    package enum Failure: Error, Equatable, CustomStringConvertible {
        case badEscape
        case notUTF8

        package var description: String {
            switch self {
            case .badEscape: return "the form could not be read (a broken % escape)"
            case .notUTF8: return "the form could not be read (text that is not UTF-8)"
            }
        }
    }

    package init(fields: [String: String]) { self.fields = fields }

    package init(body: [UInt8]) throws(Failure) {
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0])
            let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
            fields[name] = value
        }
    }

    package subscript(_ name: String) -> String? { fields[name] }

    package static func decode(_ bytes: ArraySlice<UInt8>) throws(Failure) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(0x20)
            } else if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.endIndex, let hi = hex(bytes[i + 1]), let lo = hex(bytes[i + 2])
                else { throw .badEscape }
                out.append(hi << 4 | lo)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw .notUTF8 }
        return text
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
