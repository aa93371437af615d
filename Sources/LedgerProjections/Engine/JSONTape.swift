import LedgerCore

/// A JSON document as a flat list of nodes over its bytes: one pass, one array, no string or
/// dictionary built until a value is asked for.
///
/// Projections read a handful of envelope fields and one payload from each entry; building the
/// whole ``LedgerCore/JSONValue`` tree (a dictionary and a string per member) costs more than
/// everything else they do. The tape records where each value lies; ``PayloadDecoder`` decodes
/// typed payloads straight from it.
///
/// It checks the JSON grammar and string escapes, not canonical form or duplicate member names:
/// it reads entries whose bytes `Entry(bytes:)` accepted when they were appended or loaded (a
/// changed ledger file is `coledger verify`'s to find).
struct JSONTape {
    enum Kind: UInt8 {
        case null, bool, number, string, array, object
    }

    /// One value. Containers are followed by their children (an object's as name, value pairs).
    struct Node {
        var kind: Kind
        /// A string holds an escape sequence (decoding it needs the slow path).
        var escaped: Bool
        /// Its bytes: a string's without the quotes; a container's from its bracket.
        var start: Int32
        var end: Int32
        /// The index of the first node after this value and its children.
        var after: Int32
        /// Members of an object, elements of an array.
        var count: Int32
    }

    /// The document's bytes.
    private(set) var bytes: [UInt8] = []
    /// Its values in document order; the root is node 0.
    private(set) var nodes: [Node] = []

    /// An empty tape, to ``scan(_:)`` documents into one after another (reusing its storage).
    init() {}

    /// Scans `bytes`.
    /// - Throws: ``TapeError`` at the first byte that is not JSON.
    init(_ bytes: [UInt8]) throws(TapeError) {
        try scan(bytes)
    }

    /// Replaces the tape with the values of `bytes`, keeping the node storage.
    /// - Throws: ``TapeError`` at the first byte that is not JSON.
    mutating func scan(_ bytes: [UInt8]) throws(TapeError) {
        self.bytes = bytes
        var scanner = Scanner(count: bytes.count, nodes: nodes)
        nodes = []
        defer { nodes = scanner.nodes }
        try bytes.withUnsafeBufferPointer { buffer throws(TapeError) in try scanner.scan(buffer) }
    }

    /// A tape of the one value that starts at byte `start` of `bytes` (what follows it is not
    /// read): its root is node 0.
    /// - Throws: ``TapeError`` at the first byte of that value that is not JSON.
    init(_ bytes: [UInt8], valueAt start: Int) throws(TapeError) {
        self.bytes = bytes
        var scanner = Scanner(count: bytes.count, nodes: [])
        scanner.position = start
        defer { nodes = scanner.nodes }
        try bytes.withUnsafeBufferPointer { buffer throws(TapeError) in try scanner.value(buffer, depth: 0) }
    }

    // MARK: Reading

    /// The value of member `name` of the object at `node`, if it has one.
    func member(_ name: StaticString, of node: Int) -> Int? {
        member(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount), of: node)
    }

    /// The value of member `name` of the object at `node`, if it has one.
    func member(_ name: String, of node: Int) -> Int? {
        var name = name
        return name.withUTF8 { member($0, of: node) }
    }

    /// The value of the member named by the bytes `name`: names of another length are skipped
    /// without reading them, the rest compared byte by byte (escaped names never match).
    func member(_ name: UnsafeBufferPointer<UInt8>, of node: Int) -> Int? {
        nodes.withUnsafeBufferPointer { nodes in
            guard nodes[node].kind == .object else { return nil }
            return bytes.withUnsafeBufferPointer { b in
                let length = Int32(name.count)
                var i = node + 1
                for _ in 0..<nodes[node].count {
                    let key = nodes[i]
                    if key.end - key.start == length && !key.escaped {
                        let s = Int(key.start)
                        var j = 0
                        while j < name.count && b[s + j] == name[j] { j += 1 }
                        if j == name.count { return i + 1 }
                    }
                    i = Int(nodes[i + 1].after)
                }
                return nil
            }
        }
    }

    /// Whether every member name of the object at `node` is one of `sorted` (names in
    /// ascending byte order), read in one merge when the object's names are in that order too
    /// (canonical JSON); nil when they are not (the caller checks another way).
    func namesAreAmong(_ sorted: [[UInt8]], object node: Int) -> Bool? {
        nodes.withUnsafeBufferPointer { nodes in
            bytes.withUnsafeBufferPointer { b in
                var k = 0
                var i = node + 1
                var previous: UnsafeBufferPointer<UInt8>?
                for _ in 0..<nodes[node].count {
                    let key = nodes[i]
                    guard !key.escaped else { return nil }
                    let name = UnsafeBufferPointer(rebasing: b[Int(key.start)..<Int(key.end)])
                    if let previous, !previous.lexicographicallyPrecedes(name) { return nil }
                    previous = name
                    while k < sorted.count && sorted[k].lexicographicallyPrecedes(name) { k += 1 }
                    guard k < sorted.count, sorted[k].elementsEqual(name) else { return false }
                    i = Int(nodes[i + 1].after)
                }
                return true
            }
        }
    }

    /// The name nodes of the object at `node`, in document order.
    func memberNames(of node: Int) -> [Int] {
        guard nodes[node].kind == .object else { return [] }
        var out: [Int] = []
        out.reserveCapacity(Int(nodes[node].count))
        var i = node + 1
        for _ in 0..<nodes[node].count {
            out.append(i)
            i = Int(nodes[i + 1].after)
        }
        return out
    }

    /// The element nodes of the array at `node`.
    func elements(of node: Int) -> [Int] {
        guard nodes[node].kind == .array else { return [] }
        var out: [Int] = []
        out.reserveCapacity(Int(nodes[node].count))
        var i = node + 1
        for _ in 0..<nodes[node].count {
            out.append(i)
            i = Int(nodes[i].after)
        }
        return out
    }

    /// The string at `node`, or nil when it is something else.
    func string(_ node: Int) -> String? {
        let n = nodes[node]
        guard n.kind == .string else { return nil }
        if !n.escaped { return String(decoding: bytes[Int(n.start)..<Int(n.end)], as: UTF8.self) }
        return Self.unescape(bytes[Int(n.start)..<Int(n.end)])
    }

    /// The boolean at `node`, or nil.
    func bool(_ node: Int) -> Bool? {
        let n = nodes[node]
        guard n.kind == .bool else { return nil }
        return bytes[Int(n.start)] == UInt8(ascii: "t")
    }

    /// The number at `node` as a double (correctly rounded, as `CanonicalJSON.parse` reads it), or nil.
    func double(_ node: Int) -> Double? {
        let n = nodes[node]
        guard n.kind == .number else { return nil }
        if let i = smallInteger(n) { return Double(i) }
        return (try? CanonicalJSON.parse(Array(bytes[Int(n.start)..<Int(n.end)])))?.doubleValue
    }

    /// The number at `node` when it is an integer (exactly, as a double), or nil.
    func integer(_ node: Int) -> Int? {
        let n = nodes[node]
        guard n.kind == .number else { return nil }
        if let i = smallInteger(n) { return i }
        guard let d = double(node) else { return nil }
        return Int(exactly: d)
    }

    /// A token of at most 15 digits and an optional minus sign, read directly.
    private func smallInteger(_ n: Node) -> Int? {
        var i = Int(n.start)
        let end = Int(n.end)
        var negative = false
        if bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        guard end - i <= 15, i < end else { return nil }
        var value = 0
        while i < end {
            let d = bytes[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            value = value * 10 + Int(d)
            i += 1
        }
        return negative ? -value : value
    }

    /// Whether a null lies anywhere in the value at `node` (payloads never hold one), and where.
    func firstNull(in node: Int) -> Int? {
        var i = node
        let end = Int(nodes[node].after)
        while i < end {
            if nodes[i].kind == .null { return i }
            i += 1
        }
        return nil
    }

    /// Decodes a string's escapes (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\uXXXX`
    /// with surrogate pairs); the scanner already checked them.
    static func unescape(_ slice: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = slice.startIndex
        func hex(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in 0..<4 {
                let c = slice[at + k]
                let d: UInt8
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
                default: d = c - UInt8(ascii: "A") + 10
                }
                v = v << 4 | UInt32(d)
            }
            return v
        }
        while i < slice.endIndex {
            let c = slice[i]
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                i += 1
                continue
            }
            let e = slice[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex(i)
                i += 4
                if (0xD800..<0xDC00).contains(scalar), i + 6 <= slice.endIndex, slice[i] == UInt8(ascii: "\\"),
                    slice[i + 1] == UInt8(ascii: "u")
                {
                    let low = hex(i + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(s)).utf8))
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Where the tape scanner stopped: a byte offset and what was expected there.
struct TapeError: Error, Sendable, CustomStringConvertible {
    var offset: Int
    var reason: String

    var description: String { "byte \(offset): \(reason)" }
}

private let maximumDepth = 64

/// The single pass that fills a tape.
private struct Scanner {
    let count: Int
    var position = 0
    var nodes: [JSONTape.Node] = []

    init(count: Int, nodes: [JSONTape.Node]) {
        self.count = count
        self.nodes = nodes
        self.nodes.removeAll(keepingCapacity: true)
        self.nodes.reserveCapacity(count / 10 + 4)
    }

    mutating func scan(_ input: UnsafeBufferPointer<UInt8>) throws(TapeError) {
        try value(input, depth: 0)
        skipWhitespace(input)
        guard position == count else { throw TapeError(offset: position, reason: "unexpected data after the value") }
    }

    @inline(__always) mutating func skipWhitespace(_ input: UnsafeBufferPointer<UInt8>) {
        while position < count {
            switch input[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func value(_ input: UnsafeBufferPointer<UInt8>, depth: Int) throws(TapeError) {
        skipWhitespace(input)
        guard position < count else { throw TapeError(offset: position, reason: "unexpected end, expected a value") }
        switch input[position] {
        case UInt8(ascii: "\""): try string(input)
        case UInt8(ascii: "{"): try container(input, depth: depth, object: true)
        case UInt8(ascii: "["): try container(input, depth: depth, object: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(input)
        case UInt8(ascii: "t"): try literal(input, "true", .bool)
        case UInt8(ascii: "f"): try literal(input, "false", .bool)
        case UInt8(ascii: "n"): try literal(input, "null", .null)
        default: throw TapeError(offset: position, reason: "unexpected byte, expected a value")
        }
    }

    mutating func leaf(_ kind: JSONTape.Kind, _ start: Int, _ end: Int, escaped: Bool = false) {
        nodes.append(JSONTape.Node(
            kind: kind, escaped: escaped, start: Int32(start), end: Int32(end), after: Int32(nodes.count + 1), count: 0))
    }

    mutating func literal(_ input: UnsafeBufferPointer<UInt8>, _ word: StaticString, _ kind: JSONTape.Kind) throws(TapeError) {
        let n = word.utf8CodeUnitCount
        guard position + n <= count else { throw TapeError(offset: position, reason: "unexpected end in a literal") }
        for k in 0..<n where input[position + k] != word.utf8Start[k] {
            throw TapeError(offset: position + k, reason: "invalid literal")
        }
        leaf(kind, position, position + n)
        position += n
    }

    mutating func number(_ input: UnsafeBufferPointer<UInt8>) throws(TapeError) {
        let start = position
        func digits(_ p: inout Int) -> Int {
            let s = p
            while p < count, input[p] &- UInt8(ascii: "0") < 10 { p += 1 }
            return p - s
        }
        var p = position
        if input[p] == UInt8(ascii: "-") { p += 1 }
        let whole = p
        guard digits(&p) > 0 else { throw TapeError(offset: p, reason: "expected a digit") }
        if input[whole] == UInt8(ascii: "0") && p - whole > 1 { throw TapeError(offset: whole, reason: "leading zero") }
        if p < count, input[p] == UInt8(ascii: ".") {
            p += 1
            guard digits(&p) > 0 else { throw TapeError(offset: p, reason: "expected a digit after '.'") }
        }
        if p < count, input[p] | 0x20 == UInt8(ascii: "e") {
            p += 1
            if p < count, input[p] == UInt8(ascii: "+") || input[p] == UInt8(ascii: "-") { p += 1 }
            guard digits(&p) > 0 else { throw TapeError(offset: p, reason: "expected a digit in the exponent") }
        }
        position = p
        leaf(.number, start, p)
    }

    mutating func string(_ input: UnsafeBufferPointer<UInt8>) throws(TapeError) {
        var p = position + 1
        let start = p
        var escaped = false
        while true {
            // Skip plain bytes (not a quote, a backslash or a control character): eight at a time
            // (SWAR: byte b is flagged by (b - 1) & ~b & 0x80 when b is zero; the lowest flag is
            // exact), then one at a time.
            if let base = input.baseAddress {
                let ones: UInt64 = 0x0101_0101_0101_0101
                while p + 8 <= count {
                    let v = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
                    let quote = v ^ (ones &* 0x22)
                    let backslash = v ^ (ones &* 0x5C)
                    let flagged = (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((v &- ones &* 0x20) & ~v))
                        & (ones &* 0x80)
                    if flagged != 0 {
                        p += flagged.littleEndian.trailingZeroBitCount >> 3
                        break
                    }
                    p += 8
                }
            }
            while p < count {
                let c = input[p]
                if c == 0x22 || c == 0x5C || c < 0x20 { break }
                p += 1
            }
            guard p < count else { break }
            let c = input[p]
            if c == 0x22 {
                leaf(.string, start, p, escaped: escaped)
                position = p + 1
                return
            }
            if c < 0x20 { throw TapeError(offset: p, reason: "control character in a string") }
            escaped = true
            guard p + 1 < count else { break }
            switch input[p + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                p += 2
            case UInt8(ascii: "u"):
                guard p + 6 <= count else { throw TapeError(offset: p, reason: "unterminated \\u escape") }
                for k in 2..<6 {
                    let h = input[p + k]
                    guard h &- UInt8(ascii: "0") < 10 || (h | 0x20) &- UInt8(ascii: "a") < 6 else {
                        throw TapeError(offset: p + k, reason: "invalid \\u escape")
                    }
                }
                p += 6
            default:
                throw TapeError(offset: p, reason: "invalid escape")
            }
        }
        throw TapeError(offset: p, reason: "unterminated string")
    }

    mutating func container(_ input: UnsafeBufferPointer<UInt8>, depth: Int, object: Bool) throws(TapeError) {
        guard depth < maximumDepth else { throw TapeError(offset: position, reason: "nested too deeply") }
        let index = nodes.count
        let start = position
        nodes.append(JSONTape.Node(
            kind: object ? .object : .array, escaped: false, start: Int32(start), end: 0, after: 0, count: 0))
        position += 1
        let close = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
        var members: Int32 = 0
        skipWhitespace(input)
        if position < count, input[position] == close {
            position += 1
        } else {
            while true {
                if object {
                    skipWhitespace(input)
                    guard position < count, input[position] == UInt8(ascii: "\"") else {
                        throw TapeError(offset: position, reason: "expected a member name")
                    }
                    try string(input)
                    skipWhitespace(input)
                    guard position < count, input[position] == UInt8(ascii: ":") else {
                        throw TapeError(offset: position, reason: "expected ':'")
                    }
                    position += 1
                }
                try value(input, depth: depth + 1)
                members += 1
                skipWhitespace(input)
                guard position < count else { throw TapeError(offset: position, reason: "unexpected end in a container") }
                let c = input[position]
                position += 1
                if c == UInt8(ascii: ",") { continue }
                if c == close { break }
                throw TapeError(offset: position - 1, reason: "expected ',' or a closing bracket")
            }
        }
        nodes[index].end = Int32(position)
        nodes[index].after = Int32(nodes.count)
        nodes[index].count = members
    }
}
