// Group B: organisation and roles (DOMAIN.md 7.3 B). People appear only as pseudonyms;
// names, contact details and equality data live in the event's private part.

extension Catalogue {
    /// Catalogue group B (DOMAIN.md section 7.3).
    static let groupB: [any EventPayload.Type] = [
        RegionRegistered.self, ServiceRegistered.self, PersonRegistered.self, EqualityProfileRecordedV1.self, EqualityProfileRecorded.self,
        RoleDefined.self, RoleAssigned.self, RoleEnded.self,
    ]
}

/// A region of the regional model (Communities that Care).
public struct RegionRegistered: EventPayload {
    /// `region.registered`.
    public static let eventType = "region.registered"
    /// Version 1.
    public static let typeVersion = 1
    /// Group B.
    public static let group = CatalogueGroup.organisation
    /// One line for `coledger types`.
    public static let summary = "A region of the regional model, and whether the organisation provides services there."

    /// The region id, e.g. `NW`.
    public var regionId: EntityID
    /// Its name.
    public var name: ShortText
    /// Whether services are provided there (then it needs a regional forum and plan, rule G-9).
    public var servicesProvided: Bool

    /// Creates the payload.
    public init(regionId: EntityID, name: ShortText, servicesProvided: Bool) {
        self.regionId = regionId
        self.name = name
        self.servicesProvided = servicesProvided
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case regionId, name, servicesProvided
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `region/<regionId>`.
    public var stream: String { "region/\(regionId)" }
    /// The region.
    public var defines: EntityReference? { .to(.region, regionId, at: "/regionId") }

    /// The North West region.
    public static var example: RegionRegistered {
        RegionRegistered(regionId: "NW", name: "North West", servicesProvided: true)
    }
}

/// A service the organisation runs in a region.
public struct ServiceRegistered: EventPayload {
    /// The kind of service.
    public enum ServiceType: String, CatalogueEnum {
        /// Community support.
        case communitySupport = "community_support"
        /// Supported housing.
        case supportedHousing = "supported_housing"
        /// Crisis service or crisis house.
        case crisis
        /// Advocacy.
        case advocacy
        /// Helpline or advice line.
        case helpline
        /// Peer support.
        case peerSupport = "peer_support"
        /// Carers' support.
        case carersSupport = "carers_support"
        /// Employment support.
        case employment
        /// Residential care.
        case residential
        /// Anything else.
        case other
    }

    /// Who commissions it.
    public enum Commissioner: String, CatalogueEnum {
        /// The NHS (an ICB or trust).
        case nhs
        /// A local authority.
        case localAuthority = "local_authority"
        /// Anyone else (charitable funds, trusts, grants).
        case other
    }

    /// `service.registered`.
    public static let eventType = "service.registered"
    /// Version 1.
    public static let typeVersion = 1
    /// Group B.
    public static let group = CatalogueGroup.organisation
    /// One line for `coledger types`.
    public static let summary = "A service in a region: its type, commissioner and whether it is publicly funded."

    /// The service id.
    public var serviceId: EntityID
    /// Its region.
    public var regionId: EntityID
    /// Its name.
    public var name: ShortText?
    /// Its type.
    public var type: ServiceType
    /// Who commissions it.
    public var commissioner: Commissioner
    /// Whether it is publicly funded (PCREF applies to NHS-funded care).
    public var publiclyFunded: Bool

    /// Creates the payload.
    public init(
        serviceId: EntityID, regionId: EntityID, name: ShortText? = nil, type: ServiceType, commissioner: Commissioner,
        publiclyFunded: Bool
    ) {
        self.serviceId = serviceId
        self.regionId = regionId
        self.name = name
        self.type = type
        self.commissioner = commissioner
        self.publiclyFunded = publiclyFunded
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case serviceId, regionId, name, type, commissioner, publiclyFunded
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `service/<serviceId>`.
    public var stream: String { "service/\(serviceId)" }
    /// The service.
    public var defines: EntityReference? { .to(.service, serviceId, at: "/serviceId") }
    /// The region.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.region, regionId, at: "/regionId")
    }

    /// A community support service in the North West.
    public static var example: ServiceRegistered {
        ServiceRegistered(
            serviceId: "svc-nw-0012", regionId: "NW", name: "Salford Community Support", type: .communitySupport,
            commissioner: .localAuthority, publiclyFunded: true)
    }
}

/// A person joins the ledger under a pseudonym; name and contact go to the private part.
public struct PersonRegistered: EventPayload {
    /// `person.registered`.
    public static let eventType = "person.registered"
    /// Version 1.
    public static let typeVersion = 1
    /// Group B.
    public static let group = CatalogueGroup.organisation
    /// One line for `coledger types`.
    public static let summary = "A person under a pseudonym, with the parts they play (staff, Expert by Experience, …)."
    /// Name and contact details are sealed.
    public static var privateFields: [String] { ["name", "contact"] }

    /// The pseudonym.
    public var personId: PersonID
    /// The parts the person plays.
    public var categories: [PersonCategory]
    /// The entry in the record of processing that covers the sealed data (rule P-1).
    public var lawfulBasisRef: ExternalRef
    /// The lawful basis for the private part (``EventPayload/lawfulBasis``).
    public var lawfulBasis: String? { lawfulBasisRef.rawValue }

    /// Creates the payload.
    public init(personId: PersonID, categories: [PersonCategory], lawfulBasisRef: ExternalRef) {
        self.personId = personId
        self.categories = categories
        self.lawfulBasisRef = lawfulBasisRef
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case personId, categories, lawfulBasisRef
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `person/<personId>`.
    public var stream: String { "person/\(personId)" }
    /// The person.
    public var defines: EntityReference? { .to(.person, personId, at: "/personId") }

    /// An Expert by Experience who is also a carer.
    public static var example: PersonRegistered {
        PersonRegistered(personId: "p-0007", categories: [.ebeLived, .ebeCarer], lawfulBasisRef: "ROPA-2026-03")
    }
}

/// A person's equality-monitoring answers, sealed; only aggregates leave the restricted store.
///
/// Version 2 spells the code system as the catalogue's one ``EthnicityCodeSystem`` does
/// (`ons2021`, as `metric.observed` always has); version 1 (``EqualityProfileRecordedV1``) wrote
/// `ons_2021`.
public struct EqualityProfileRecorded: EventPayload {
    /// The catalogue's ethnicity code systems (one vocabulary: ``LedgerDomain/EthnicityCodeSystem``).
    public typealias EthnicityCodeSystem = LedgerDomain.EthnicityCodeSystem

    /// `equality.profile_recorded`.
    public static let eventType = "equality.profile_recorded"
    /// Version 2 (version 1 spelled the ONS 2021 code system `ons_2021`).
    public static let typeVersion = 2
    /// Group B.
    public static let group = CatalogueGroup.organisation
    /// One line for `coledger types`.
    public static let summary = "A person's equality-monitoring answers (sealed), with the consent and code system used."
    /// Ethnicity and the other protected characteristics are sealed (special-category data).
    public static var privateFields: [String] {
        ["ethnicity", "age", "disability", "genderReassignment", "marriageCivilPartnership", "pregnancyMaternity",
         "religionBelief", "sex", "sexualOrientation"]
    }

    /// The person.
    public var personId: PersonID
    /// The `consent.recorded` event (by event id) for equality monitoring.
    public var consentRef: EventID
    /// The code system of the sealed ethnicity answer.
    public var ethnicityCodeSystem: EthnicityCodeSystem
    /// The entry in the record of processing that covers the sealed data (rule P-1).
    public var lawfulBasisRef: ExternalRef
    /// The lawful basis for the private part (``EventPayload/lawfulBasis``).
    public var lawfulBasis: String? { lawfulBasisRef.rawValue }

    /// Creates the payload.
    public init(personId: PersonID, consentRef: EventID, ethnicityCodeSystem: EthnicityCodeSystem, lawfulBasisRef: ExternalRef) {
        self.personId = personId
        self.consentRef = consentRef
        self.ethnicityCodeSystem = ethnicityCodeSystem
        self.lawfulBasisRef = lawfulBasisRef
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case personId, consentRef, ethnicityCodeSystem, lawfulBasisRef
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `person/<personId>`.
    public var stream: String { "person/\(personId)" }
    /// The person and the consent event.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.person, personId, at: "/personId")
        Ref.to(.event, consentRef, at: "/consentRef")
    }

    /// A profile recorded with the ONS 2021 codes.
    public static var example: EqualityProfileRecorded {
        EqualityProfileRecorded(
            personId: "p-0007", consentRef: "5d0c6c1e-8f2a-4b7e-9c3d-2a1b0e9f8d7c", ethnicityCodeSystem: .ons2021,
            lawfulBasisRef: "ROPA-2026-04")
    }
}
