// RFC 8785 serialiser: sorted members (UTF-16 code unit order), no whitespace, minimal escapes.

enum JSONWriter {
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func write(
        _ value: JSONValue, into out: inout [UInt8], numbers: CanonicalJSON.NumberRule = .ledger
    ) throws(JSONFailure) {
        switch value {
        case .null:
            appendASCII("null", to: &out)
        case .bool(let flag):
            appendASCII(flag ? "true" : "false", to: &out)
        case .number(let number):
            guard NumberFormatting.append(number, to: &out) else {
                throw JSONFailure(.nonFiniteNumber, at: 0, "the number \(number) cannot be represented in JSON")
            }
            // A double is always the value of its own shortest form: only the range can fail.
            if numbers == .ledger, let problem = NumberFormatting.rangeProblem(number, text: "\(number)") {
                throw JSONFailure(.numberOutOfRange, at: 0, problem)
            }
        case .string(let text):
            writeString(text, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                do {
                    try write(element, into: &out, numbers: numbers)
                } catch {
                    var failure = error
                    failure.enclose(index: index)
                    throw failure
                }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            try writeObject(members, into: &out, numbers: numbers)
        }
    }

    private static func writeObject(
        _ members: [String: JSONValue], into out: inout [UInt8], numbers: CanonicalJSON.NumberRule
    ) throws(JSONFailure) {
        out.append(UInt8(ascii: "{"))
        let entries = ContiguousArray(members)
        // Sort (prefix, index) pairs: plain integers, so no reference counting while sorting.
        var order = ContiguousArray<(prefix: UInt64, index: Int)>()
        order.reserveCapacity(entries.count)
        for index in entries.indices { order.append((sortPrefix(entries[index].key), index)) }
        order.sort { left, right in
            if left.prefix != right.prefix { return left.prefix < right.prefix }
            return utf16Precedes(entries[left.index].key, entries[right.index].key)
        }
        var first = true
        for item in order {
            let (name, member) = entries[item.index]
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            writeString(name, into: &out)
            out.append(UInt8(ascii: ":"))
            do {
                try write(member, into: &out, numbers: numbers)
            } catch {
                var failure = error
                failure.enclose(member: name)
                throw failure
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// The first eight bytes of the name in UTF-16 rank order (see `utf16Rank`), big-endian and
    /// zero-padded: prefixes that differ order the names; equal prefixes need a full comparison.
    private static func sortPrefix(_ name: String) -> UInt64 {
        var prefix: UInt64 = 0
        var shift: UInt64 = 56
        for byte in name.utf8.prefix(8) {
            prefix |= UInt64(utf16Rank(byte)) << shift
            shift &-= 8
        }
        return prefix
    }

    @inline(__always) private static func appendASCII(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Appends a JCS string: only `"`, `\` and controls below U+0020 are escaped; all else is raw UTF-8.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { writeStringBytes($0, into: &out) }
        if done == nil {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { writeStringBytes($0, into: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func writeStringBytes(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            default:
                out.append(UInt8(ascii: "u"))
                out.append(UInt8(ascii: "0"))
                out.append(UInt8(ascii: "0"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
            index += 1
            runStart = index
        }
        if runStart < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
    }

    /// Whether `a` sorts before `b` by UTF-16 code units (RFC 8785 section 3.2.3).
    static func utf16Precedes(_ a: String, _ b: String) -> Bool {
        let result = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right in utf16Precedes(utf8: left, right) }
        }
        if let result, let result { return result }
        return Array(a.utf16).lexicographicallyPrecedes(Array(b.utf16))
    }

    /// UTF-16 order computed on valid UTF-8: byte order is code point order, which differs from
    /// UTF-16 order only between U+E000...U+FFFF (lead bytes EE, EF) and supplementary characters
    /// (lead bytes F0...F4, surrogates D800...DFFF in UTF-16). Bytes EE and EF only ever occur as
    /// lead bytes, so ranking them above F0...F4 wherever they appear gives UTF-16 order.
    static func utf16Precedes(utf8 left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        let shared = min(left.count, right.count)
        var index = 0
        while index < shared {
            let x = left[index]
            let y = right[index]
            if x != y { return utf16Rank(x) < utf16Rank(y) }
            index += 1
        }
        return left.count < right.count
    }

    @inline(__always) private static func utf16Rank(_ byte: UInt8) -> UInt8 {
        byte == 0xEE || byte == 0xEF ? byte &+ 0x10 : byte
    }
}
