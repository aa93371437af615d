public import LedgerCore

/// A published plan recorded as events: the genesis payload members and the event drafts that
/// `coledger init --template NAME` appends after the genesis, signed by the genesis admin key.
///
/// A template is built from the catalogue's typed payloads (a renamed member fails to compile
/// here) and documented, with the decisions taken in reading the plan, in
/// `Schemas/templates/<name>.v<N>.json`. Its drafts carry `type`, `typeVersion`, `stream`,
/// `occurredAt` and `payload` and no `id`, so each use appends new events; a second use in the
/// same ledger is refused by ``DomainPolicy`` because the roles, plan, bodies and actions it
/// defines already exist.
public struct PlanTemplate: Sendable {
    /// The template name, e.g. `rethink-amhe`.
    public let name: String
    /// Extra `ledger.genesis` payload members: `organisationId`, `planId`, `planPeriod`.
    public let genesisPayload: [String: JSONValue]
    /// The event drafts, in the order they must be appended.
    public let events: [JSONValue]

    /// The names ``named(_:)`` knows.
    public static let names: [String] = ["rethink-amhe"]

    /// The template called `name`.
    /// - Throws: ``DomainError`` when no template has that name.
    public static func named(_ name: String) throws(DomainError) -> PlanTemplate {
        switch name {
        case "rethink-amhe": return rethinkAMHE
        default:
            throw DomainError("", "unknown template \(name) (known: \(names.joined(separator: ", ")))")
        }
    }

    /// A template of typed events.
    /// - Parameter genesis: the plan's members of the genesis payload; the members the ledger sets
    ///   when it is created (`origin`, `logKey`, `admins`) are left out whatever they hold.
    init(name: String, genesis: LedgerGenesis, events: [JSONValue]) {
        let reserved = Set([LedgerGenesis.CodingKeys.origin, .logKey, .admins].map(\.rawValue))
        self.name = name
        self.genesisPayload = (Catalogue.json(of: genesis).objectValue ?? [:]).filter { !reserved.contains($0.key) }
        self.events = events
    }

    /// The draft of one event: its type, version and stream from the payload, encoded by
    /// ``Catalogue/json(of:)``, dated `occurredAt`, with no id.
    static func draft<P: EventPayload>(_ payload: P, at occurredAt: UTCTimestamp) -> JSONValue {
        .object([
            "type": .string(P.eventType), "typeVersion": .number(Double(P.typeVersion)),
            "stream": .string(payload.stream),
            "occurredAt": .string(occurredAt.rawValue), "payload": Catalogue.json(of: payload),
        ])
    }
}
