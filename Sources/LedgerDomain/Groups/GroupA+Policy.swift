// Group A: governed policy parameters (DOMAIN.md 7.3 A). Registered in GroupA.swift.

/// A policy parameter value: a boolean, a number or a short string (`oneOf` in the schema).
public enum PolicyValue: Codable, Sendable, Hashable {
    /// true or false.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// A short text (1 to 200 characters).
    case text(String)

    /// Decodes a boolean, a number or a 1–200 character string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            guard StringSyntax.shortText.matches(value) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: StringSyntax.shortText.failure(value))
            }
            self = .text(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be a boolean, a number or a string")
        }
    }

    /// Encodes the value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        }
    }
}

/// A threshold of an accountability rule changes (thresholds are governed decisions).
public struct PolicyParameterSet: EventPayload {
    /// `policy.parameter_set`.
    public static let eventType = "policy.parameter_set"
    /// Version 1.
    public static let typeVersion = 1
    /// Group A.
    public static let group = CatalogueGroup.ledger
    /// One line for `coledger types`.
    public static let summary = "A rule's parameter is set by a recorded decision (e.g. G-4 minCount = 2)."

    /// The rule, e.g. `G-4`.
    public var ruleId: RuleID
    /// The parameter, e.g. `minCount`.
    public var parameter: ParameterName
    /// The new value.
    public var value: PolicyValue
    /// Why.
    public var rationale: LongText
    /// The decision that set it.
    public var decisionRef: EntityID

    /// Creates the payload.
    public init(ruleId: RuleID, parameter: ParameterName, value: PolicyValue, rationale: LongText, decisionRef: EntityID) {
        self.ruleId = ruleId
        self.parameter = parameter
        self.value = value
        self.rationale = rationale
        self.decisionRef = decisionRef
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case ruleId, parameter, value, rationale, decisionRef
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `policy/<ruleId>`.
    public var stream: String { "policy/\(ruleId)" }
    /// The decision.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.decision, decisionRef, at: "/decisionRef")
    }

    /// Two Experts by Experience present at every AMHE decision.
    public static var example: PolicyParameterSet {
        PolicyParameterSet(
            ruleId: "G-4", parameter: "minCount", value: .number(2),
            rationale: "The Practice Forum asked for at least two Experts by Experience at every decision so that no one speaks alone.",
            decisionRef: "dec-2026-007")
    }
}
