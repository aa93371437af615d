import LedgerCore

/// Version 1 of a type whose payload restates its effective time (``EffectiveTime/members``),
/// written before the envelope and payload had to agree: its payload has exactly the members of
/// `Current` (version 2) and decodes with the same rules.
///
/// Kept so that existing ledgers verify and read. Such an entry's effective time is its payload's
/// date (what it meant when it was written; see ``EffectiveTime/of(_:)``), and admission does not
/// compare that date with `occurredAt`. It is upcast to version 2 unchanged.
public struct BeforeEffectiveTime<Current: EventPayload>: EventPayload {
    /// The payload, in the current type's shape.
    public var current: Current

    /// Wraps a payload.
    public init(_ current: Current) { self.current = current }

    /// The current type's name.
    public static var eventType: String { Current.eventType }
    /// 1.
    public static var typeVersion: Int { 1 }
    /// The current type's group.
    public static var group: CatalogueGroup { Current.group }
    /// The current type's members.
    public static var memberNames: Set<String> { Current.memberNames }
    /// The current type's summary, marked as the version before the effective-time rule.
    public static var summary: String {
        Current.summary + " (version 1: written before envelope and payload dates had to agree)"
    }
    /// The current type's private fields.
    public static var privateFields: [String] { Current.privateFields }
    /// The current type's example.
    public static var example: Self { Self(Current.example) }

    /// The current payload's stream.
    public var stream: String { current.stream }
    /// What the current payload defines.
    public var defines: EntityReference? { current.defines }
    /// What the current payload refers to.
    public var references: [EntityReference] { current.references }

    /// Decodes as the current type.
    public init(from decoder: any Decoder) throws { current = try Current(from: decoder) }
    /// Encodes as the current type.
    public func encode(to encoder: any Encoder) throws { try current.encode(to: encoder) }
}

/// A payload version whose upcast to the newest version is the payload it wraps, unchanged.
protocol WrapsNewestVersion {
    /// The payload as the newest version of its type.
    var newest: any EventPayload { get }
}

extension BeforeEffectiveTime: WrapsNewestVersion {
    /// Version 2 is version 1 unchanged (``EffectiveTime/upcastersBeforeRule``).
    var newest: any EventPayload { current }
}

extension EffectiveTime {
    /// Version 1 of every type in ``members``: read (and still admitted, with its payload's date
    /// as the effective time) so that ledgers written before the rule keep verifying.
    static let versionsBeforeRule: [any EventPayload.Type] = [
        BeforeEffectiveTime<FeedbackReceived>.self, BeforeEffectiveTime<FeedbackAcknowledged>.self,
        BeforeEffectiveTime<SubmitterNotified>.self, BeforeEffectiveTime<ContributorNotified>.self,
        BeforeEffectiveTime<ErasureRequested>.self, BeforeEffectiveTime<SubjectKeyShredded>.self,
        BeforeEffectiveTime<RoleAssigned>.self, BeforeEffectiveTime<RoleEnded>.self,
        BeforeEffectiveTime<MemberJoined>.self, BeforeEffectiveTime<MemberLeft>.self,
        BeforeEffectiveTime<CommunityChampionAppointed>.self, BeforeEffectiveTime<MilestoneRecorded>.self,
        BeforeEffectiveTime<TrainingSessionDelivered>.self,
    ]

    /// The upcasters from version 1 to 2 of every type in ``members``.
    static var upcastersBeforeRule: [Upcaster] {
        versionsBeforeRule.map { Upcaster.unchanged(type: $0.eventType, from: 1) }
    }
}
