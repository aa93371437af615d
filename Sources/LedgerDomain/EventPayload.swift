import LedgerCore

/// The groups of the event catalogue (DOMAIN.md section 7.3).
public enum CatalogueGroup: String, Sendable, CaseIterable, Codable {
    case ledger = "A", organisation = "B", bodies = "C", meetings = "D", plan = "E", feedback = "F"
    case contributions = "G", metrics = "H", reviews = "I", partnerships = "J", privacy = "K"
}

/// Kinds of things events define and refer to.
public enum EntityKind: String, Sendable, Hashable, CaseIterable, Codable {
    case region, service, person, role, body, meeting, decision, plan, obligation, action, feedback
    case contribution, metric, review, evaluation, report, partner, project, servicePlan, key, event
}

/// A reference from an event's payload to something that must already exist in the log.
public struct EntityReference: Sendable, Hashable, Codable {
    /// What is referred to.
    public var kind: EntityKind
    /// Its id (e.g. `F-2026-0001`, `person/p-0001`'s id part, `LG-1`).
    public var id: String
    /// JSON pointer of the member inside the payload, e.g. `/meetingId`.
    public var pointer: String

    /// Creates a reference.
    public init(_ kind: EntityKind, _ id: String, at pointer: String) {
        self.kind = kind
        self.id = id
        self.pointer = pointer
    }
}

/// One event type of the catalogue: its name, version, payload shape and references.
///
/// A payload is decoded strictly: unknown members, missing required members, wrong types and
/// unknown enum values are refused, exactly as its JSON Schema in `Schemas/events/` refuses them.
public protocol EventPayload: Codable, Sendable, Equatable {
    /// Dotted lower-case type name, e.g. `feedback.received`.
    static var eventType: String { get }
    /// The payload schema version this type decodes.
    static var typeVersion: Int { get }
    /// The catalogue group.
    static var group: CatalogueGroup { get }
    /// Every member name the payload may have (anything else is refused).
    static var memberNames: Set<String> { get }
    /// One-line description for `coledger types`.
    static var summary: String { get }
    /// Names of the fields this type keeps in the event's private part (personal data), if any.
    static var privateFields: [String] { get }
    /// A filled-in example payload, for `coledger new TYPE` and the schema examples.
    static var example: Self { get }

    /// The stream (aggregate) the event belongs to, e.g. `feedback/F-2026-0001`.
    var stream: String { get }
    /// The entity this event defines (creates), if any.
    var defines: EntityReference? { get }
    /// Entities this event refers to, which must already exist.
    var references: [EntityReference] { get }
    /// The lawful basis the payload states for personal data in the private part, if it has one
    /// (rule P-1).
    var lawfulBasis: String? { get }
}

extension EventPayload {
    /// By default a type keeps no personal data.
    public static var privateFields: [String] { [] }
    /// By default an event defines nothing new.
    public var defines: EntityReference? { nil }
    /// By default an event refers to nothing.
    public var references: [EntityReference] { [] }
    /// By default a payload states no lawful basis.
    public var lawfulBasis: String? { nil }
}
