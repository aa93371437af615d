/// Read access to the facts a log has established so far (who holds which role, which
/// entities exist and in which state), as kept by a store or rebuilt by a verifier.
public protocol FactReader {
    /// The value of `key`, or nil when no such fact holds.
    func fact(_ key: String) -> String?
}

/// The rules an event must meet beyond the format to enter a log: its type and payload, the
/// entities it refers to, the transitions it makes, and who may sign it.
///
/// An admission policy is a pure function of the event, its position, its signer and the facts
/// established by the entries before it, so a verifier replaying the log reaches the same
/// verdicts as the store did when it appended.
public protocol AdmissionPolicy: Sendable {
    /// A short name stored with the ledger, e.g. `pcref/v1`.
    var name: String { get }

    /// The checks that need no log state (type, payload shape): pure, so stores and verifiers
    /// run them on all cores before the in-order part.
    func check(_ event: Event) -> AdmissionCheck

    /// Checks `event` about to become entry `index`, signed by `signer`, given its stateless
    /// ``check(_:)`` result.
    /// - Returns: the facts it establishes or changes (nil removes a fact).
    /// - Throws: ``AdmissionRefusal`` naming the member (JSON pointer into the event) and why.
    func admit(_ event: Event, checked: AdmissionCheck, at index: Int, signer: KeyRegistry.Key, facts: any FactReader) throws(AdmissionRefusal) -> [String: String?]

    /// The effective time a draft left without `occurredAt` states in its payload (e.g. the
    /// `receivedAt` of a `feedback.received`), which a store uses instead of "now"; nil when none.
    func impliedOccurredAt(type: String, payload: [String: JSONValue]) -> String?
}

extension AdmissionPolicy {
    /// By default a policy knows no payload member that states when an event happened.
    public func impliedOccurredAt(type: String, payload: [String: JSONValue]) -> String? { nil }

    /// Runs both parts in one go.
    public func admit(_ event: Event, at index: Int, signer: KeyRegistry.Key, facts: any FactReader) throws(AdmissionRefusal) -> [String: String?] {
        try admit(event, checked: check(event), at: index, signer: signer, facts: facts)
    }
}

/// What the stateless part of an admission policy found: a refusal, or the entities the event
/// refers to and defines (kind, id, JSON pointer inside the payload).
public struct AdmissionCheck: Sendable {
    /// An entity named by an event.
    public struct Reference: Sendable, Hashable {
        /// Its kind, e.g. `feedback`.
        public var kind: String
        /// Its id.
        public var id: String
        /// Where the payload names it.
        public var pointer: String

        /// Creates a reference.
        public init(kind: String, id: String, pointer: String) {
            self.kind = kind
            self.id = id
            self.pointer = pointer
        }
    }

    /// Why the event cannot be admitted whatever the log holds, if so.
    public var refusal: AdmissionRefusal?
    /// Entities it relies on.
    public var references: [Reference]
    /// The entity it creates, if any.
    public var defines: Reference?
    /// The payload as the policy decoded it (for the PCREF policy, the typed `EventPayload`), so
    /// that a reader fed by the verifier (``LogVerifier/onEntry``) need not decode it again.
    public var decoded: (any Sendable)?

    /// Creates a check result.
    public init(refusal: AdmissionRefusal? = nil, references: [Reference] = [], defines: Reference? = nil, decoded: (any Sendable)? = nil) {
        self.refusal = refusal
        self.references = references
        self.defines = defines
        self.decoded = decoded
    }
}

/// Why a policy refused an event.
public struct AdmissionRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of rule refused it: `schema`, `reference`, `transition`, `authorization`.
    public var rule: String
    /// JSON pointer into the event, e.g. `/payload/feedbackId`.
    public var pointer: String
    /// The reason, in plain words.
    public var reason: String

    /// Creates a refusal.
    public init(_ rule: String, _ pointer: String, _ reason: String) {
        self.rule = rule
        self.pointer = pointer
        self.reason = reason
    }

    /// `/payload/feedbackId: feedback F-1 was never received (reference)`.
    public var description: String { pointer.isEmpty ? "\(reason) (\(rule))" : "\(pointer): \(reason) (\(rule))" }
}

/// Conventions for fact keys shared by policies and stores.
public enum FactKeys {
    /// Facts `entity/event/<event id>` say an event is in the log. A store answers them from its
    /// own index of event ids instead of storing one row per event.
    public static let eventPrefix = "entity/event/"
}

/// Facts held in memory, with pending updates layered over a base reader.
public struct FactOverlay: FactReader {
    /// The reader underneath.
    public var base: (any FactReader)?
    /// Updates not yet written to the base (nil = removed).
    public var updates: [String: String?] = [:]

    /// Creates an overlay over `base`.
    public init(base: (any FactReader)? = nil) { self.base = base }

    /// The updated value if there is one, else the base's.
    public func fact(_ key: String) -> String? {
        if let update = updates[key] { return update }
        return base?.fact(key)
    }

    /// Records updates.
    public mutating func apply(_ changes: [String: String?]) {
        for (k, v) in changes { updates[k] = .some(v) }
    }
}
