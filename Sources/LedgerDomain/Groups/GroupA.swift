// Group A: ledger, keys, integrity (DOMAIN.md 7.3 A). The key members of `ledger.genesis`,
// `key.registered` and `key.revoked` are fixed by FORMAT.md section 3; the domain adds optional
// members only. Checkpoints and cosignatures are not events (FORMAT.md section 4).

extension Catalogue {
    /// Catalogue group A (DOMAIN.md section 7.3).
    static let groupA: [any EventPayload.Type] = [
        LedgerGenesis.self, KeyRegistered.self, KeyRevoked.self, KeyRotated.self, PolicyParameterSet.self,
    ]
}

/// What a key is for (`key.registered` `role`). Only `admin` keys may register and revoke keys
/// (FORMAT.md section 3); the others are for the authorization policy (rule I-3).
public enum KeyRole: String, CatalogueEnum {
    /// Registers and revokes keys.
    case admin
    /// A person recording events in their own name.
    case member
    /// Records incoming feedback on behalf of others (an intake service).
    case intake
    /// An independent evaluator (decision 9.4).
    case evaluator
    /// Cosigns checkpoints only.
    case witness
    /// An automated system (an importer, a scheduled job).
    case system
}

/// Entry 0 of every log: the origin, the checkpoint key, the first admin keys and the plan.
public struct LedgerGenesis: EventPayload {
    /// One of the first administrators' keys.
    public struct Admin: Codable, Sendable, Hashable {
        /// The key id (first 16 hex digits of SHA-256 of the public key).
        public var keyId: KeyID
        /// Base64 of the 32-byte Ed25519 public key.
        public var publicKey: PublicKeyText
        /// Who holds it, if recorded.
        public var holder: KeyHolder?

        /// Creates an admin entry.
        public init(keyId: KeyID, publicKey: PublicKeyText, holder: KeyHolder? = nil) {
            self.keyId = keyId
            self.publicKey = publicKey
            self.holder = holder
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case keyId, publicKey, holder
        }

        /// Decodes `{keyId, publicKey, holder?}`, refusing other members.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
            keyId = try c.decode(KeyID.self, forKey: .keyId)
            publicKey = try c.decode(PublicKeyText.self, forKey: .publicKey)
            holder = try c.decodeIfPresent(KeyHolder.self, forKey: .holder)
        }
    }

    /// `ledger.genesis`.
    public static let eventType = "ledger.genesis"
    /// Version 1.
    public static let typeVersion = 1
    /// Group A.
    public static let group = CatalogueGroup.ledger
    /// One line for `coledger types`.
    public static let summary = "Entry 0: the log's origin, checkpoint key, first admin keys and the plan it records."

    /// The log's origin (also the checkpoint key's name).
    public var origin: OriginText
    /// The log's checkpoint verifier key (signed-note vkey).
    public var logKey: VerifierKeyText
    /// The first admin keys (at least one; one of them signs this entry).
    public var admins: [Admin]
    /// The organisation keeping the plan, e.g. `rethink`.
    public var organisationId: EntityID?
    /// The plan this log records, e.g. `amhe-plan`.
    public var planId: EntityID?
    /// The plan period (decision 9.8: 2023-04-01 to 2028-03-31).
    public var planPeriod: DateRange?
    /// Digest of the audit policy file in force at the start.
    public var policySetHash: DocHash?

    /// Creates the payload.
    public init(
        origin: OriginText, logKey: VerifierKeyText, admins: [Admin], organisationId: EntityID? = nil,
        planId: EntityID? = nil, planPeriod: DateRange? = nil, policySetHash: DocHash? = nil
    ) {
        self.origin = origin
        self.logKey = logKey
        self.admins = admins
        self.organisationId = organisationId
        self.planId = planId
        self.planPeriod = planPeriod
        self.policySetHash = policySetHash
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case origin, logKey, admins, organisationId, planId, planPeriod, policySetHash
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// Decodes the payload; `admins` must not be empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        origin = try c.decode(OriginText.self, forKey: .origin)
        logKey = try c.decode(VerifierKeyText.self, forKey: .logKey)
        admins = try c.decode([Admin].self, forKey: .admins)
        guard !admins.isEmpty else { throw DecodingError.rule(c.codingPath + [CodingKeys.admins], "needs at least one admin key") }
        organisationId = try c.decodeIfPresent(EntityID.self, forKey: .organisationId)
        planId = try c.decodeIfPresent(EntityID.self, forKey: .planId)
        planPeriod = try c.decodeIfPresent(DateRange.self, forKey: .planPeriod)
        policySetHash = try c.decodeIfPresent(DocHash.self, forKey: .policySetHash)
    }

    /// Always `ledger`.
    public var stream: String { "ledger" }

    /// The genesis of the AMHE plan ledger.
    public static var example: LedgerGenesis {
        LedgerGenesis(
            origin: "coledger.example/amhe",
            logKey: "coledger.example/amhe+c08a346f+AZsfhHkc/HZjBFhU04netcqVRJ2HXydqg4QLBgqznPxx",
            admins: [
                Admin(keyId: "e6d2606bbc80a2af", publicKey: "3n9ewchOdqkwtHbfRPMQxYUnShevQ3GiP8nPPOm2GPc=", holder: "role/R-DIR-EDI")
            ],
            organisationId: "rethink", planId: "amhe-plan",
            planPeriod: DateRange(from: "2023-04-01", to: "2028-03-31"),
            policySetHash: "sha256:fb8e6ee2c7dbd7707a41ea617d5f3b4a4db53214c7b14c6040cf4b6b47105786")
    }
}

/// A signing key joins the log (FORMAT.md section 3).
public struct KeyRegistered: EventPayload {
    /// `key.registered`.
    public static let eventType = "key.registered"
    /// Version 1.
    public static let typeVersion = 1
    /// Group A.
    public static let group = CatalogueGroup.ledger
    /// One line for `coledger types`.
    public static let summary = "A signing key joins the log, with its holder, role and the event types it may sign."

    /// The key id.
    public var keyId: KeyID
    /// Base64 of the Ed25519 public key.
    public var publicKey: PublicKeyText
    /// Who holds it: `person/<personId>`, `role/<roleId>` or `system/<name>`.
    public var holder: KeyHolder?
    /// What it is for; `admin` may register and revoke keys.
    public var role: KeyRole?
    /// The event types (or families such as `feedback.*`) it may sign; absent = the policy decides.
    public var allowedEventTypes: [EventTypeFilter]?
    /// When it may start signing (the log position is what the format checks).
    public var validFrom: UTCTimestamp?

    /// Creates the payload.
    public init(
        keyId: KeyID, publicKey: PublicKeyText, holder: KeyHolder? = nil, role: KeyRole? = nil,
        allowedEventTypes: [EventTypeFilter]? = nil, validFrom: UTCTimestamp? = nil
    ) {
        self.keyId = keyId
        self.publicKey = publicKey
        self.holder = holder
        self.role = role
        self.allowedEventTypes = allowedEventTypes
        self.validFrom = validFrom
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case keyId, publicKey, holder, role, allowedEventTypes, validFrom
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `key/<keyId>`.
    public var stream: String { "key/\(keyId)" }
    /// The key.
    public var defines: EntityReference? { .to(.key, keyId, at: "/keyId") }
    /// The holder, when it is a person or a role.
    public var references: [EntityReference] {
        guard let holder else { return [] }
        let text = holder.rawValue
        if text.hasPrefix("person/") { return [EntityReference(.person, String(text.dropFirst(7)), at: "/holder")] }
        if text.hasPrefix("role/") { return [EntityReference(.role, String(text.dropFirst(5)), at: "/holder")] }
        return []
    }

    /// The secretary of the AMHE Practice Forum's key.
    public static var example: KeyRegistered {
        KeyRegistered(
            keyId: "a26ec5f6f23082b4", publicKey: "1xaNleZt6+njc2pu37UXLlitYUD3FZoFlqK/qrdfcy0=", holder: "person/p-0001",
            role: .member, allowedEventTypes: ["meeting.*", "decision.*", "minutes.approved"],
            validFrom: "2026-01-05T09:00:00Z")
    }
}

/// A key is revoked: it may sign nothing after this entry (earlier signatures stay valid).
public struct KeyRevoked: EventPayload {
    /// `key.revoked`.
    public static let eventType = "key.revoked"
    /// Version 1.
    public static let typeVersion = 1
    /// Group A.
    public static let group = CatalogueGroup.ledger
    /// One line for `coledger types`.
    public static let summary = "A key is revoked: it signs nothing after this entry; earlier signatures stay valid."

    /// The revoked key.
    public var keyId: KeyID
    /// Why, in a few words (free text, as `coledger key revoke --reason` writes it).
    public var reason: ShortText?
    /// The key that takes over, if any (registered earlier).
    public var replacementKeyId: KeyID?
    /// When the holder stopped trusting it (informative; the log position is what counts).
    public var effectiveAt: UTCTimestamp?

    /// Creates the payload.
    public init(keyId: KeyID, reason: ShortText? = nil, replacementKeyId: KeyID? = nil, effectiveAt: UTCTimestamp? = nil) {
        self.keyId = keyId
        self.reason = reason
        self.replacementKeyId = replacementKeyId
        self.effectiveAt = effectiveAt
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case keyId, reason, replacementKeyId, effectiveAt
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `key/<keyId>`.
    public var stream: String { "key/\(keyId)" }
    /// The revoked key and its replacement.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.key, keyId, at: "/keyId")
        Ref.maybe(.key, replacementKeyId, at: "/replacementKeyId")
    }

    /// A lost laptop's key, replaced.
    public static var example: KeyRevoked {
        KeyRevoked(
            keyId: "a26ec5f6f23082b4", reason: "laptop lost", replacementKeyId: "b736b46595c1a292",
            effectiveAt: "2026-06-02T08:30:00Z")
    }
}

/// A key holder moves to a new key. The old key stays valid until a `key.revoked`.
public struct KeyRotated: EventPayload {
    /// `key.rotated`.
    public static let eventType = "key.rotated"
    /// Version 1.
    public static let typeVersion = 1
    /// Group A.
    public static let group = CatalogueGroup.ledger
    /// One line for `coledger types`.
    public static let summary = "A key holder moves to a new, already registered key; revoke the old one separately."

    /// The old key.
    public var keyId: KeyID
    /// The new key (registered earlier).
    public var replacementKeyId: KeyID
    /// Why (routine rotation, new device, …).
    public var reason: ShortText?
    /// When the new key takes over.
    public var effectiveAt: UTCTimestamp?

    /// Creates the payload.
    public init(keyId: KeyID, replacementKeyId: KeyID, reason: ShortText? = nil, effectiveAt: UTCTimestamp? = nil) {
        self.keyId = keyId
        self.replacementKeyId = replacementKeyId
        self.reason = reason
        self.effectiveAt = effectiveAt
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case keyId, replacementKeyId, reason, effectiveAt
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `key/<keyId>`.
    public var stream: String { "key/\(keyId)" }
    /// Both keys.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.key, keyId, at: "/keyId")
        Ref.to(.key, replacementKeyId, at: "/replacementKeyId")
    }

    /// An annual rotation.
    public static var example: KeyRotated {
        KeyRotated(
            keyId: "a26ec5f6f23082b4", replacementKeyId: "b736b46595c1a292", reason: "annual key rotation",
            effectiveAt: "2027-01-04T09:00:00Z")
    }
}
