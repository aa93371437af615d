// Small value types used by more than one catalogue group. Each has a same-named `$defs`
// entry (lower camelCase) in `Schemas/events/common.v1.schema.json`.

/// A typed pointer to something already in the log: `{"kind": "contribution", "id": "con-0007"}`
/// (`$defs/entityRef`). `kind` is an ``EntityKind``; `event` points at an event by its UUID.
public struct EntityRef: Codable, Sendable, Hashable {
    /// What is referred to.
    public var kind: EntityKind
    /// Its id.
    public var id: EntityID

    /// Creates a reference.
    public init(_ kind: EntityKind, _ id: EntityID) {
        self.kind = kind
        self.id = id
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, id
    }

    /// Decodes `{kind, id}`, refusing other members.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        kind = try c.decode(EntityKind.self, forKey: .kind)
        id = try c.decode(EntityID.self, forKey: .id)
    }

    /// The reference as the catalogue reports it, for this object at `pointer` (the reported
    /// pointer is that of its `id` member, `pointer + "/id"`).
    public func reference(at pointer: String) -> EntityReference {
        EntityReference(kind, id.rawValue, at: pointer + "/id")
    }
}

/// A closed date interval `{"from": "2023-04-01", "to": "2028-03-31"}` (`$defs/dateRange`).
/// That `from` is not after `to` is a verifier rule, not a decoding one (JSON Schema cannot
/// compare two members).
public struct DateRange: Codable, Sendable, Hashable {
    /// First day.
    public var from: ISODate
    /// Last day.
    public var to: ISODate

    /// Creates a range.
    public init(from: ISODate, to: ISODate) {
        self.from = from
        self.to = to
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case from, to
    }

    /// Decodes `{from, to}`, refusing other members.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        from = try c.decode(ISODate.self, forKey: .from)
        to = try c.decode(ISODate.self, forKey: .to)
    }
}

/// An integer with a lower (and maybe upper) bound, checked when decoded.
public protocol BoundedInteger: Codable, Sendable, Hashable, Comparable, ExpressibleByIntegerLiteral {
    /// The schema's `minimum`.
    static var minimum: Int { get }
    /// The schema's `maximum`, if any.
    static var maximum: Int? { get }
    /// The value.
    var value: Int { get }
    /// Wraps without checking.
    init(unchecked value: Int)
}

extension BoundedInteger {
    /// No upper bound by default.
    public static var maximum: Int? { nil }

    /// Wraps `value` if it is in range.
    public init?(validating value: Int) {
        guard value >= Self.minimum, Self.maximum.map({ value <= $0 }) ?? true else { return nil }
        self.init(unchecked: value)
    }

    /// Wraps a literal without checking it (examples and tests only).
    public init(integerLiteral value: Int) { self.init(unchecked: value) }

    /// Decodes an integer and checks its range.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Int.self)
        guard let checked = Self(validating: value) else {
            let range = Self.maximum.map { "\(Self.minimum) to \($0)" } ?? "at least \(Self.minimum)"
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be an integer \(range), got \(value)")
        }
        self = checked
    }

    /// Encodes the integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// Orders by value.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}

/// An integer ≥ 0 (`$defs/count`).
public struct Count: BoundedInteger {
    /// 0.
    public static var minimum: Int { 0 }
    /// The value.
    public let value: Int
    /// Wraps without checking.
    public init(unchecked value: Int) { self.value = value }
}

/// An integer ≥ 1 (`$defs/positiveInt`).
public struct PositiveInt: BoundedInteger {
    /// 1.
    public static var minimum: Int { 1 }
    /// The value.
    public let value: Int
    /// Wraps without checking.
    public init(unchecked value: Int) { self.value = value }
}

/// A whole percentage 0…100 (`$defs/percentage`).
public struct Percentage: BoundedInteger {
    /// 0.
    public static var minimum: Int { 0 }
    /// 100.
    public static var maximum: Int? { 100 }
    /// The value.
    public let value: Int
    /// Wraps without checking.
    public init(unchecked value: Int) { self.value = value }
}

/// A share 0…1 (`$defs/fraction`).
public struct Fraction: Codable, Sendable, Hashable, Comparable, ExpressibleByFloatLiteral {
    /// The value.
    public let value: Double

    /// Wraps `value` if it is in 0…1.
    public init?(validating value: Double) {
        guard value >= 0, value <= 1 else { return nil }
        self.value = value
    }

    /// Wraps a literal without checking it (examples and tests only).
    public init(floatLiteral value: Double) { self.value = value }

    /// Decodes a number and checks its range.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Double.self)
        guard let checked = Self(validating: value) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be a number from 0 to 1, got \(value)")
        }
        self = checked
    }

    /// Encodes the number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// Orders by value.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}

/// A count as published after small-number suppression (DOMAIN.md 5.4, decision 9.6): a
/// rounded count, or `"*"` for a suppressed cell (`$defs/publishedCount`).
public enum PublishedCount: Codable, Sendable, Hashable {
    /// A count (already rounded as the SDC policy requires).
    case count(Int)
    /// Suppressed, written `"*"`.
    case suppressed

    /// Decodes an integer ≥ 0 or `"*"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard text == "*" else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be a count or \"*\", got \"\(text)\"")
            }
            self = .suppressed
            return
        }
        guard let value = try? container.decode(Int.self), value >= 0 else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be an integer ≥ 0 or \"*\"")
        }
        self = .count(value)
    }

    /// Encodes the integer or `"*"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .count(let value): try container.encode(value)
        case .suppressed: try container.encode("*")
        }
    }
}

extension EntityReference {
    /// A reference to `id` at `pointer`.
    static func to(_ kind: EntityKind, _ id: some ValidatedString, at pointer: String) -> EntityReference {
        EntityReference(kind, id.rawValue, at: pointer)
    }
}

/// Short constructors for reference lists (one per line inside a ``ReferenceBuilder`` body).
enum Ref {
    /// `id` at `pointer`.
    static func to(_ kind: EntityKind, _ id: some ValidatedString, at pointer: String) -> EntityReference {
        EntityReference(kind, id.rawValue, at: pointer)
    }

    /// A typed reference at `pointer`.
    static func to(_ ref: EntityRef, at pointer: String) -> EntityReference {
        ref.reference(at: pointer)
    }

    /// `id` at `pointer` when present.
    static func maybe(_ kind: EntityKind, _ id: (some ValidatedString)?, at pointer: String) -> [EntityReference] {
        id.map { [EntityReference(kind, $0.rawValue, at: pointer)] } ?? []
    }

    /// Each of `ids`, at `pointer/<index>` (or `pointer/<index>/<member>`).
    static func each(_ kind: EntityKind, _ ids: [some ValidatedString], at pointer: String, member: String? = nil) -> [EntityReference] {
        ids.enumerated().map { i, id in
            EntityReference(kind, id.rawValue, at: "\(pointer)/\(i)" + (member.map { "/\($0)" } ?? ""))
        }
    }

    /// Each of `refs`, at `pointer/<index>`.
    static func each(_ refs: [EntityRef], at pointer: String) -> [EntityReference] {
        refs.enumerated().map { i, ref in ref.reference(at: "\(pointer)/\(i)") }
    }
}

/// Builds a reference list from single references, lists and optional ones, one per line.
@resultBuilder
enum ReferenceBuilder {
    static func buildExpression(_ reference: EntityReference) -> [EntityReference] { [reference] }
    static func buildExpression(_ references: [EntityReference]) -> [EntityReference] { references }
    static func buildBlock(_ parts: [EntityReference]...) -> [EntityReference] { parts.flatMap { $0 } }
    static func buildOptional(_ part: [EntityReference]?) -> [EntityReference] { part ?? [] }
    static func buildEither(first part: [EntityReference]) -> [EntityReference] { part }
    static func buildEither(second part: [EntityReference]) -> [EntityReference] { part }
}
