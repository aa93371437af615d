import LedgerCore

/// `equality.profile_recorded` version 1: the members of version 2 (``EqualityProfileRecorded``),
/// with the ONS 2021 code system spelled `ons_2021` where the catalogue's one
/// ``EthnicityCodeSystem`` (and `metric.observed`) spells it `ons2021`.
///
/// Kept so that existing ledgers verify and read: it decodes to the same ``EthnicityCodeSystem``,
/// and is upcast to version 2 by respelling `ethnicityCodeSystem` (``upcasterToV2``).
public struct EqualityProfileRecordedV1: EventPayload {
    /// `equality.profile_recorded`.
    public static var eventType: String { EqualityProfileRecorded.eventType }
    /// Version 1.
    public static let typeVersion = 1
    /// Group B.
    public static var group: CatalogueGroup { EqualityProfileRecorded.group }
    /// Version 2's summary, marked as version 1.
    public static var summary: String { EqualityProfileRecorded.summary + " (version 1: ONS 2021 spelled ons_2021)" }
    /// Version 2's members.
    public static var memberNames: Set<String> { EqualityProfileRecorded.memberNames }
    /// Version 2's private fields.
    public static var privateFields: [String] { EqualityProfileRecorded.privateFields }

    /// The payload as version 2 reads it.
    public var current: EqualityProfileRecorded

    /// Wraps a payload.
    public init(_ current: EqualityProfileRecorded) { self.current = current }

    /// Version 1's spelling of a code system.
    public static func name(of system: EthnicityCodeSystem) -> String {
        switch system {
        case .ons2021: return "ons_2021"
        case .nhsDataDictionary: return system.rawValue
        }
    }

    /// The code system version 1 spells `name`, nil for none.
    public static func system(named name: String) -> EthnicityCodeSystem? {
        EthnicityCodeSystem.allCases.first { Self.name(of: $0) == name }
    }

    /// Decodes version 1, refusing a code system it did not spell.
    public init(from decoder: any Decoder) throws {
        typealias Key = EqualityProfileRecorded.CodingKeys
        let c = try decoder.container(keyedBy: Key.self)
        let name = try c.decode(String.self, forKey: .ethnicityCodeSystem)
        guard let system = Self.system(named: name) else {
            let allowed = EthnicityCodeSystem.allCases.map(Self.name(of:)).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: .ethnicityCodeSystem, in: c,
                debugDescription: "unknown value \"\(name)\" (allowed: \(allowed))")
        }
        current = EqualityProfileRecorded(
            personId: try c.decode(PersonID.self, forKey: .personId),
            consentRef: try c.decode(EventID.self, forKey: .consentRef),
            ethnicityCodeSystem: system, lawfulBasisRef: try c.decode(ExternalRef.self, forKey: .lawfulBasisRef))
    }

    /// Encodes version 1's spelling.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EqualityProfileRecorded.CodingKeys.self)
        try c.encode(current.personId, forKey: .personId)
        try c.encode(current.consentRef, forKey: .consentRef)
        try c.encode(Self.name(of: current.ethnicityCodeSystem), forKey: .ethnicityCodeSystem)
        try c.encode(current.lawfulBasisRef, forKey: .lawfulBasisRef)
    }

    /// Version 2's stream.
    public var stream: String { current.stream }
    /// Version 2's references.
    public var references: [EntityReference] { current.references }
    /// Version 2's lawful basis.
    public var lawfulBasis: String? { current.lawfulBasis }

    /// Version 2's example.
    public static var example: Self { Self(EqualityProfileRecorded.example) }

    /// The upcaster to version 2: `ethnicityCodeSystem` respelled as ``EthnicityCodeSystem`` spells it.
    public static let upcasterToV2 = Upcaster(type: eventType, from: 1) { payload in
        let key = EqualityProfileRecorded.CodingKeys.ethnicityCodeSystem.stringValue
        guard let name = payload[key]?.stringValue, let system = system(named: name) else { return payload }
        var upcast = payload
        upcast[key] = .string(system.rawValue)
        return upcast
    }
}

extension EqualityProfileRecordedV1: WrapsNewestVersion {
    /// Version 2: the same values.
    var newest: any EventPayload { current }
}
