public import LedgerCore

/// A published plan recorded as events: the genesis payload members and the event drafts that
/// `coledger init --template NAME` appends after the genesis, signed by the genesis admin key.
///
/// A template is data (`Schemas/templates/<name>.v<N>.json`), embedded in the binary so it needs
/// no data files. Its drafts carry `type`, `typeVersion`, `stream`, `occurredAt` and `payload`
/// and no `id`, so each use appends new events; a second use in the same ledger is refused by
/// ``DomainPolicy`` because the roles, plan, bodies and actions it defines already exist.
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
    /// - Throws: ``DomainError`` when no template has that name or its embedded text is malformed.
    public static func named(_ name: String) throws(DomainError) -> PlanTemplate {
        switch name {
        case "rethink-amhe": return try PlanTemplate(json: rethinkAMHEText, name: name)
        default:
            throw DomainError("", "unknown template \(name) (known: \(names.joined(separator: ", ")))")
        }
    }

    /// Reads a template file's text and checks its shape (not its payloads: the catalogue and the
    /// admission policy check those when the events are appended).
    /// - Parameter name: the name the text must declare in its `template` member.
    init(json text: String, name: String) throws(DomainError) {
        let value: JSONValue
        do {
            value = try CanonicalJSON.parse(Array(text.utf8))
        } catch {
            throw DomainError("", "template \(name) is not JSON: \(error)")
        }
        guard value["template"]?.stringValue == name else {
            let declared = value["template"]?.stringValue ?? "nothing"
            throw DomainError("/template", "template \(name) declares the name \(declared)")
        }
        guard let genesis = value["genesis"]?.objectValue else {
            throw DomainError("/genesis", "template \(name) needs a genesis object")
        }
        let reserved = ["origin", "logKey", "admins"]
        if let member = reserved.first(where: { genesis[$0] != nil }) {
            throw DomainError("/genesis/\(member)", "is set by the ledger when it is created, not by a template")
        }
        guard let events = value["events"]?.arrayValue else {
            throw DomainError("/events", "template \(name) needs an events array")
        }
        for (i, event) in events.enumerated() {
            guard let object = event.objectValue else {
                throw DomainError("/events/\(i)", "must be an event draft object")
            }
            for member in ["type", "stream"] where object[member]?.stringValue == nil {
                throw DomainError("/events/\(i)/\(member)", "must be a string")
            }
            guard object["payload"]?.objectValue != nil else {
                throw DomainError("/events/\(i)/payload", "must be an object")
            }
            if object["id"] != nil {
                throw DomainError("/events/\(i)/id", "a template draft has no id; each use appends new events")
            }
        }
        self.name = name
        self.genesisPayload = genesis
        self.events = events
    }
}
