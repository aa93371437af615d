import LedgerCore
import LedgerDomain

/// Decodes a typed payload straight from a ``JSONTape``, with the checks
/// ``LedgerDomain/Catalogue/decode(_:payload:)`` makes: no member the type does not name, no
/// `null` anywhere, then the type's own `init(from:)` (strict nested objects, formats, enums).
///
/// `Catalogue.decode` builds the payload's `JSONValue`, serialises it and runs Foundation's
/// `JSONDecoder` over the bytes; this reads the bytes once. For a payload in canonical form
/// (every stored entry) both give equal values, and both refuse the same payloads
/// (`PayloadDecoderTests` checks every entry of a demo ledger and broken payloads).
enum PayloadDecoder {
    /// A payload type with its member names, computed once (the catalogue's property builds a
    /// set every time it is read).
    struct Shape: Sendable {
        let type: any EventPayload.Type
        let members: Set<String>
        /// The member names as bytes, in ascending order (the order of canonical JSON).
        let sortedNames: [[UInt8]]

        init(_ type: any EventPayload.Type) {
            self.type = type
            members = type.memberNames
            sortedNames = members.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        }
    }

    /// Decodes the value at `node` as `shape.type`.
    static func decode(_ shape: Shape, tape: JSONTape, node: Int) throws -> any EventPayload {
        try open(shape.type, shape: shape, tape: tape, node: node)
    }

    private static func open<T: EventPayload>(_ type: T.Type, shape: Shape, tape: JSONTape, node: Int) throws -> T {
        guard tape.nodes[node].kind == .object else {
            throw DomainError("", "the payload must be an object")
        }
        if tape.namesAreAmong(shape.sortedNames, object: node) != true {
            var extra: [String] = []
            for name in tape.memberNames(of: node) {
                let key = tape.string(name) ?? ""
                if !shape.members.contains(key) { extra.append(key) }
            }
            if let first = extra.sorted().first {
                throw DomainError("/\(JSONPointer.escape(first))", "unknown member for \(type.eventType)")
            }
        }
        if tape.firstNull(in: node) != nil {
            throw DomainError("", "null is not allowed; leave an optional member out instead")
        }
        return try T(from: TapeDecoder(tape: TapeBox(tape), node: node, at: .root))
    }
}

/// The tape, shared by reference among the containers of one decode.
final class TapeBox {
    let tape: JSONTape
    init(_ tape: JSONTape) { self.tape = tape }
}

/// A key for array positions in coding paths.
private struct IndexKey: CodingKey {
    var stringValue: String { "\(index)" }
    var intValue: Int? { index }
    let index: Int
    init(_ index: Int) { self.index = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { index = intValue }
}

/// A coding path built only when asked for (an error, a nested decoder): `parent` then `key`.
private struct LazyPath {
    let parent: [any CodingKey]
    let key: (any CodingKey)?

    static let root = LazyPath(parent: [], key: nil)

    var path: [any CodingKey] { key.map { parent + [$0] } ?? parent }

    func appending(_ key: any CodingKey) -> LazyPath { LazyPath(parent: path, key: key) }
}

private struct TapeDecoder: Decoder {
    let tape: TapeBox
    let node: Int
    let at: LazyPath
    var codingPath: [any CodingKey] { at.path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(tape: TapeBox, node: Int, at: LazyPath) {
        self.tape = tape
        self.node = node
        self.at = at
    }

    init(tape: TapeBox, node: Int, codingPath: [any CodingKey]) {
        self.init(tape: tape, node: node, at: LazyPath(parent: codingPath, key: nil))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape.tape.nodes[node].kind == .object else {
            throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: codingPath, debugDescription: "expected an object"))
        }
        return KeyedDecodingContainer(TapeKeyed<Key>(tape: tape, node: node, at: at))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard tape.tape.nodes[node].kind == .array else {
            throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "expected an array"))
        }
        return TapeUnkeyed(tape: tape, elements: tape.tape.elements(of: node), at: at)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TapeSingle(tape: tape, node: node, at: at)
    }
}

/// Reads one value as a primitive, throwing `typeMismatch` as JSONDecoder does.
private struct ValueReader {
    let tape: TapeBox
    let at: LazyPath

    func mismatch<T>(_ type: T.Type, _ what: String) -> DecodingError {
        .typeMismatch(type, .init(codingPath: at.path, debugDescription: "expected \(what)"))
    }

    func isNull(_ node: Int) -> Bool { tape.tape.nodes[node].kind == .null }

    func string(_ node: Int) throws -> String {
        guard let s = tape.tape.string(node) else { throw mismatch(String.self, "a string") }
        return s
    }

    func bool(_ node: Int) throws -> Bool {
        guard let b = tape.tape.bool(node) else { throw mismatch(Bool.self, "true or false") }
        return b
    }

    func double(_ node: Int) throws -> Double {
        guard let d = tape.tape.double(node) else { throw mismatch(Double.self, "a number") }
        return d
    }

    func integer<T: FixedWidthInteger>(_ node: Int, _ type: T.Type) throws -> T {
        guard tape.tape.nodes[node].kind == .number else { throw mismatch(type, "a number") }
        guard let i = tape.tape.integer(node), let v = T(exactly: i) else {
            throw DecodingError.dataCorrupted(.init(codingPath: at.path, debugDescription: "number does not fit in \(T.self)"))
        }
        return v
    }

    func decode<T: Decodable>(_ type: T.Type, _ node: Int) throws -> T {
        if type == String.self, let v = try string(node) as? T { return v }
        if type == Int.self, let v = try integer(node, Int.self) as? T { return v }
        if type == Bool.self, let v = try bool(node) as? T { return v }
        if type == Double.self, let v = try double(node) as? T { return v }
        return try T(from: TapeDecoder(tape: tape, node: node, at: at))
    }
}

private struct TapeKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let tape: TapeBox
    let node: Int
    let at: LazyPath
    var codingPath: [any CodingKey] { at.path }

    var allKeys: [Key] {
        tape.tape.memberNames(of: node).compactMap { tape.tape.string($0).flatMap(Key.init(stringValue:)) }
    }

    func contains(_ key: Key) -> Bool { tape.tape.member(key.stringValue, of: node) != nil }

    private func value(_ key: Key) throws -> Int {
        guard let v = tape.tape.member(key.stringValue, of: node) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no member \(key.stringValue)"))
        }
        return v
    }

    private func reader(_ key: Key) -> ValueReader { ValueReader(tape: tape, at: LazyPath(parent: at.path, key: key)) }

    func decodeNil(forKey key: Key) throws -> Bool { tape.tape.nodes[try value(key)].kind == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader(key).bool(try value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        let v = try value(key)
        guard let s = tape.tape.string(v) else { return try reader(key).string(v) }
        return s
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try reader(key).double(try value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try reader(key).double(try value(key))) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader(key).integer(try value(key), type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try reader(key).integer(try value(key), type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try reader(key).integer(try value(key), type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try reader(key).integer(try value(key), type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try reader(key).integer(try value(key), type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try reader(key).integer(try value(key), type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try reader(key).integer(try value(key), type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try reader(key).integer(try value(key), type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try reader(key).integer(try value(key), type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try reader(key).integer(try value(key), type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try ValueReader(tape: tape, at: LazyPath(parent: at.path, key: key)).decode(type, try value(key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(tape: tape, node: try value(key), at: at.appending(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TapeDecoder(tape: tape, node: try value(key), at: at.appending(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { TapeDecoder(tape: tape, node: node, at: at) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        TapeDecoder(tape: tape, node: try value(key), at: at.appending(key))
    }
}

private struct TapeUnkeyed: UnkeyedDecodingContainer {
    let tape: TapeBox
    let elements: [Int]
    let at: LazyPath
    var currentIndex = 0
    var codingPath: [any CodingKey] { at.path }

    init(tape: TapeBox, elements: [Int], at: LazyPath) {
        self.tape = tape
        self.elements = elements
        self.at = at
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next<T>(_ type: T.Type) throws -> (Int, ValueReader) {
        let reader = ValueReader(tape: tape, at: LazyPath(parent: at.path, key: IndexKey(currentIndex)))
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: reader.at.path, debugDescription: "no more elements"))
        }
        defer { currentIndex += 1 }
        return (elements[currentIndex], reader)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if tape.tape.nodes[elements[currentIndex]].kind == .null {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: String.Type) throws -> String {
        if !isAtEnd, let s = tape.tape.string(elements[currentIndex]) {
            currentIndex += 1
            return s
        }
        let (n, r) = try next(type)
        return try r.string(n)
    }
    mutating func decode(_ type: Bool.Type) throws -> Bool { let (n, r) = try next(type); return try r.bool(n) }
    mutating func decode(_ type: Double.Type) throws -> Double { let (n, r) = try next(type); return try r.double(n) }
    mutating func decode(_ type: Float.Type) throws -> Float { let (n, r) = try next(type); return Float(try r.double(n)) }
    mutating func decode(_ type: Int.Type) throws -> Int { let (n, r) = try next(type); return try r.integer(n, type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { let (n, r) = try next(type); return try r.integer(n, type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { let (n, r) = try next(type); return try r.integer(n, type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { let (n, r) = try next(type); return try r.integer(n, type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { let (n, r) = try next(type); return try r.integer(n, type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { let (n, r) = try next(type); return try r.integer(n, type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { let (n, r) = try next(type); return try r.integer(n, type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { let (n, r) = try next(type); return try r.integer(n, type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { let (n, r) = try next(type); return try r.integer(n, type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { let (n, r) = try next(type); return try r.integer(n, type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { let (n, r) = try next(type); return try r.decode(type, n) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (n, r) = try next([String: Any].self)
        return try TapeDecoder(tape: tape, node: n, at: r.at).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (n, r) = try next([Any].self)
        return try TapeDecoder(tape: tape, node: n, at: r.at).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (n, r) = try next(Any.self)
        return TapeDecoder(tape: tape, node: n, at: r.at)
    }
}

private struct TapeSingle: SingleValueDecodingContainer {
    let tape: TapeBox
    let node: Int
    let at: LazyPath
    var codingPath: [any CodingKey] { at.path }
    private var reader: ValueReader { ValueReader(tape: tape, at: at) }

    func decodeNil() -> Bool { reader.isNull(node) }
    func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(node) }
    func decode(_ type: String.Type) throws -> String { try reader.string(node) }
    func decode(_ type: Double.Type) throws -> Double { try reader.double(node) }
    func decode(_ type: Float.Type) throws -> Float { Float(try reader.double(node)) }
    func decode(_ type: Int.Type) throws -> Int { try reader.integer(node, type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(node, type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(node, type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(node, type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(node, type) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(node, type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(node, type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(node, type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(node, type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.integer(node, type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decode(type, node) }
}
