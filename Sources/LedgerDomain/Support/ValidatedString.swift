/// A string member whose syntax is checked when it is decoded (the schema's `$ref` to the
/// same-named `$defs` entry of `common.v1.schema.json` checks the same thing).
///
/// Values encode as plain JSON strings. String literals are accepted unchecked, for examples
/// and tests; the schema-example tests decode every example, so a bad literal fails there.
public protocol ValidatedString: Codable, Sendable, Hashable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The syntax values must have.
    static var syntax: StringSyntax { get }
    /// The text.
    var rawValue: String { get }
    /// Wraps `rawValue` without checking it.
    init(unchecked rawValue: String)
}

extension ValidatedString {
    /// Wraps `text` if it has the syntax. (`PersonID("p-1")` with a literal does not check:
    /// literals are taken as they are.)
    public init?(validating text: String) {
        guard Self.syntax.matches(text) else { return nil }
        self.init(unchecked: text)
    }

    /// Wraps a literal without checking it (examples and tests only).
    public init(stringLiteral value: String) { self.init(unchecked: value) }

    /// Decodes a string and checks its syntax.
    /// - Throws: `DecodingError.dataCorrupted` naming the syntax, at the member's coding path.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard Self.syntax.matches(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Self.syntax.failure(text))
        }
        self.init(unchecked: text)
    }

    /// Encodes the plain string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The text.
    public var description: String { rawValue }

    /// Orders by text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A person pseudonym (``StringSyntax/personId``), e.g. `p-0001`.
public struct PersonID: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .personId }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A role id (``StringSyntax/roleId``), e.g. `R-DIR-EDI`.
public struct RoleID: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .roleId }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A body id (``StringSyntax/bodyId``), e.g. `B-AMHEPF`.
public struct BodyID: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .bodyId }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// Any other entity id (``StringSyntax/entityId``): regions, services, meetings, decisions,
/// plans, obligations, actions, feedback items, contributions, metrics, …
public struct EntityID: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .entityId }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A plan action code (``StringSyntax/actionCode``), e.g. `LG-1`.
public struct ActionCode: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .actionCode }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A signing key id (``StringSyntax/keyId``).
public struct KeyID: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .keyId }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// Base64 of an Ed25519 public key (``StringSyntax/publicKey``).
public struct PublicKeyText: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .publicKey }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A log origin (``StringSyntax/origin``).
public struct OriginText: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .origin }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A signed-note verifier key (``StringSyntax/verifierKey``).
public struct VerifierKeyText: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .verifierKey }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// Who holds a key (``StringSyntax/keyHolder``), e.g. `person/p-0001`.
public struct KeyHolder: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .keyHolder }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// An event type or family (``StringSyntax/eventTypeFilter``), e.g. `feedback.*`.
public struct EventTypeFilter: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .eventTypeFilter }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    /// Whether `type` is this type or belongs to this family.
    public func admits(_ type: String) -> Bool {
        if rawValue.hasSuffix(".*") { return type.hasPrefix(String(rawValue.dropLast())) }
        return type == rawValue
    }
}

/// An accountability rule id (``StringSyntax/ruleId``), e.g. `G-4`.
public struct RuleID: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .ruleId }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A policy parameter name (``StringSyntax/parameterName``), e.g. `minCount`.
public struct ParameterName: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .parameterName }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A document digest (``StringSyntax/docHash``), `sha256:<hex>`.
public struct DocHash: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .docHash }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A calendar date `YYYY-MM-DD` (``StringSyntax/isoDate``); orders chronologically.
public struct ISODate: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .isoDate }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// An RFC 3339 UTC time (``StringSyntax/utcTimestamp``).
public struct UTCTimestamp: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .utcTimestamp }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// An event id (``StringSyntax/eventId``), a lower-case UUID.
public struct EventID: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .eventId }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A reference to a record outside the log (``StringSyntax/externalRef``).
public struct ExternalRef: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .externalRef }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A category code inside an aggregate (``StringSyntax/categoryCode``).
public struct CategoryCode: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .categoryCode }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A name or title (``StringSyntax/shortText``).
public struct ShortText: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .shortText }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A public statement (``StringSyntax/longText``).
public struct LongText: ValidatedString {
    /// The syntax.
    public static var syntax: StringSyntax { .longText }
    /// The text.
    public let rawValue: String
    /// Wraps without checking.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }
}
