/// A coding key for any member name (used to find members a nested object does not allow).
struct FKAnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Strict decoding helpers for the group F–K payloads: `null` is never accepted for an optional
/// member (the schemas do not allow it), strings are checked against their ``FKFormat``, arrays
/// against their size and uniqueness, integers against their range.
enum FKDecoding {
    /// The largest integer every JSON reader represents exactly (2^53 − 1); counts stop there.
    static let maxCount = 9_007_199_254_740_991

    /// Refuses members of a nested object other than `allowed`.
    static func rejectUnknownMembers(_ decoder: any Decoder, allowed: Set<String>) throws {
        let container = try decoder.container(keyedBy: FKAnyKey.self)
        if let extra = container.allKeys.map(\.stringValue).sorted().first(where: { !allowed.contains($0) }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: container.codingPath + [FKAnyKey(stringValue: extra)],
                debugDescription: "unknown member (allowed: \(allowed.sorted().joined(separator: ", ")))"))
        }
    }

    static func corrupted(_ path: [any CodingKey], _ message: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: message))
    }
}

extension KeyedDecodingContainer {
    /// Decodes a required member.
    func fk<T: Decodable>(_ key: Key, as type: T.Type = T.self) throws -> T {
        try decode(T.self, forKey: key)
    }

    /// Decodes an optional member; an explicit `null` is refused, as in the schemas.
    func fkIfPresent<T: Decodable>(_ key: Key, as type: T.Type = T.self) throws -> T? {
        guard contains(key) else { return nil }
        return try decode(T.self, forKey: key)
    }

    /// Decodes an optional member of a vocabulary that this payload allows only some values of
    /// (the schema generator lists exactly `allowed`).
    func fkIfPresent<T: Decodable & RawRepresentable & Equatable>(_ key: Key, among allowed: [T]) throws -> T?
    where T.RawValue == String {
        guard let value = try fkIfPresent(key, as: T.self) else { return nil }
        guard allowed.contains(value) else {
            let names = allowed.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw FKDecoding.corrupted(codingPath + [key], "must be \(names) here, not \"\(value.rawValue)\"")
        }
        return value
    }

    /// Decodes a required string of the given format.
    func fkString(_ key: Key, _ format: FKFormat) throws -> String {
        let value = try decode(String.self, forKey: key)
        guard format.accepts(value) else {
            throw FKDecoding.corrupted(codingPath + [key], "must be \(format.expectation), not \"\(value)\"")
        }
        return value
    }

    /// Decodes an optional string of the given format.
    func fkStringIfPresent(_ key: Key, _ format: FKFormat) throws -> String? {
        guard contains(key) else { return nil }
        return try fkString(key, format)
    }

    /// Decodes a required array of strings of the given format.
    func fkStrings(_ key: Key, _ format: FKFormat, minItems: Int = 0, unique: Bool = true) throws -> [String] {
        let values = try fkArray(key, of: String.self, minItems: minItems, unique: unique)
        for (i, value) in values.enumerated() where !format.accepts(value) {
            throw FKDecoding.corrupted(codingPath + [key, FKIndexKey(i)], "must be \(format.expectation), not \"\(value)\"")
        }
        return values
    }

    /// Decodes an optional array of strings of the given format.
    func fkStringsIfPresent(_ key: Key, _ format: FKFormat, minItems: Int = 0, unique: Bool = true) throws -> [String]? {
        guard contains(key) else { return nil }
        return try fkStrings(key, format, minItems: minItems, unique: unique)
    }

    /// Decodes a required array with at least `minItems` items, all different when `unique`.
    func fkArray<T: Decodable & Hashable>(_ key: Key, of type: T.Type = T.self, minItems: Int = 0, unique: Bool = true) throws -> [T] {
        let values = try decode([T].self, forKey: key)
        guard values.count >= minItems else {
            throw FKDecoding.corrupted(codingPath + [key], "must have at least \(minItems) item\(minItems == 1 ? "" : "s")")
        }
        if unique {
            var seen = Set<T>()
            for (i, value) in values.enumerated() where !seen.insert(value).inserted {
                throw FKDecoding.corrupted(codingPath + [key, FKIndexKey(i)], "repeats an earlier item")
            }
        }
        return values
    }

    /// Decodes an optional array (see ``fkArray(_:of:minItems:unique:)``).
    func fkArrayIfPresent<T: Decodable & Hashable>(
        _ key: Key, of type: T.Type = T.self, minItems: Int = 0, unique: Bool = true
    ) throws -> [T]? {
        guard contains(key) else { return nil }
        return try fkArray(key, of: type, minItems: minItems, unique: unique)
    }

    /// Decodes a required integer in `range`.
    func fkInt(_ key: Key, in range: ClosedRange<Int>) throws -> Int {
        let value = try decode(Int.self, forKey: key)
        guard range.contains(value) else {
            throw FKDecoding.corrupted(codingPath + [key], "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return value
    }

    /// Decodes an optional integer in `range`.
    func fkIntIfPresent(_ key: Key, in range: ClosedRange<Int>) throws -> Int? {
        guard contains(key) else { return nil }
        return try fkInt(key, in: range)
    }

    /// Decodes a required count (an integer from 0 to 2^53 − 1).
    func fkCount(_ key: Key) throws -> Int { try fkInt(key, in: 0...FKDecoding.maxCount) }

    /// Decodes an optional count.
    func fkCountIfPresent(_ key: Key) throws -> Int? { try fkIntIfPresent(key, in: 0...FKDecoding.maxCount) }

    /// Decodes an optional number that must be at least `minimum`.
    func fkNumberIfPresent(_ key: Key, minimum: Double) throws -> Double? {
        guard let value = try fkIfPresent(key, as: Double.self) else { return nil }
        guard value >= minimum else { throw FKDecoding.corrupted(codingPath + [key], "must be at least \(minimum)") }
        return value
    }

    /// The error for a member required only in some cases, e.g. `required when changeStatus is change_made`.
    func fkMissing(_ key: Key, _ why: String) -> DecodingError {
        FKDecoding.corrupted(codingPath + [key], "missing: \(why)")
    }
}

/// A coding key for an array index.
struct FKIndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { intValue.map(String.init) ?? "" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// A value list decoded with a message that names the allowed values.
typealias FKValueList = Decodable & RawRepresentable<String> & CaseIterable & Hashable

extension FKDecoding {
    static func value<T: FKValueList>(_ raw: String, _ path: [any CodingKey]) throws -> T {
        guard let value = T(rawValue: raw) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw corrupted(path, "unknown value \"\(raw)\" (allowed: \(allowed))")
        }
        return value
    }
}

extension KeyedDecodingContainer {
    /// Decodes a required value-list member, naming the allowed values when it is unknown.
    func fk<T: FKValueList>(_ key: Key, as type: T.Type = T.self) throws -> T {
        try FKDecoding.value(try decode(String.self, forKey: key), codingPath + [key])
    }

    /// Decodes an optional value-list member (no `null`).
    func fkIfPresent<T: FKValueList>(_ key: Key, as type: T.Type = T.self) throws -> T? {
        guard contains(key) else { return nil }
        return try fk(key, as: type)
    }

    /// Decodes a required array of value-list members, all different when `unique`.
    func fkArray<T: FKValueList>(_ key: Key, of type: T.Type = T.self, minItems: Int = 0, unique: Bool = true) throws -> [T] {
        let raws = try fkArray(key, of: String.self, minItems: minItems, unique: unique)
        return try raws.enumerated().map { try FKDecoding.value($0.element, codingPath + [key, FKIndexKey($0.offset)]) }
    }

    /// Decodes an optional array of value-list members.
    func fkArrayIfPresent<T: FKValueList>(
        _ key: Key, of type: T.Type = T.self, minItems: Int = 0, unique: Bool = true
    ) throws -> [T]? {
        guard contains(key) else { return nil }
        return try fkArray(key, of: type, minItems: minItems, unique: unique)
    }
}
