public import LedgerCore

/// A closed list of string values (a JSON Schema `enum`). Decoding an unknown value fails with
/// the list of allowed values.
public protocol CatalogueEnum: Codable, Sendable, Hashable, CaseIterable, RawRepresentable where RawValue == String {}

extension CatalogueEnum {
    /// Decodes a known value.
    /// - Throws: `DecodingError.dataCorrupted` for an unknown value, at the member's coding path.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let allowed = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown value \"\(text)\" (allowed: \(allowed))")
        }
        self = value
    }

    /// Encodes the raw value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The raw values, in declaration order (the schema's `enum`).
    public static var rawValues: [String] { allCases.map(\.rawValue) }
}

/// A coding key for any member name.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// A keyed container that refuses members other than `Keys` (the schema's
    /// `additionalProperties: false` for nested objects; top-level members are checked by
    /// ``Catalogue/decode(_:payload:)``).
    /// - Throws: `DecodingError.dataCorrupted` at the unknown member's path.
    public func strictContainer<Keys: CodingKey & CaseIterable>(keyedBy keys: Keys.Type) throws -> KeyedDecodingContainer<Keys> {
        let any = try container(keyedBy: AnyCodingKey.self)
        let allowed = Set(Keys.allCases.map(\.stringValue))
        if let extra = any.allKeys.map(\.stringValue).sorted().first(where: { !allowed.contains($0) }) {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath + [AnyCodingKey(stringValue: extra)],
                debugDescription: "unknown member (allowed: \(allowed.sorted().joined(separator: ", ")))"))
        }
        return try container(keyedBy: keys)
    }
}

extension DecodingError {
    /// A `dataCorrupted` error at `path` (for rules that tie several members together).
    static func rule(_ path: [any CodingKey], _ message: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: message))
    }
}

extension JSONValue {
    /// The JSON pointer of the first `null` anywhere inside this value (members in name order),
    /// or nil. Payloads never hold `null`: optional members are left out instead.
    public var firstNullPointer: String? {
        switch self {
        case .null:
            return ""
        case .array(let items):
            for (i, item) in items.enumerated() {
                if let inner = item.firstNullPointer { return "/\(i)" + inner }
            }
            return nil
        case .object(let members):
            for key in members.keys.sorted() {
                if let inner = members[key]?.firstNullPointer { return "/" + JSONPointer.escape(key) + inner }
            }
            return nil
        case .bool, .number, .string:
            return nil
        }
    }
}
