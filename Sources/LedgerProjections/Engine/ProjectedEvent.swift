public import LedgerCore
public import LedgerDomain

/// One log entry as projections see it: its place in the log, its envelope, and its payload
/// upcast to the newest version and decoded with ``Catalogue/decode(type:version:payload:)``.
///
/// The private part is never decoded here: projections see only whether an event has one (and
/// whose it is), so they cannot store personal data.
public struct ProjectedEvent: Sendable {
    /// The entry's index in the log.
    public let index: Int
    /// The event id.
    public let id: String
    /// The dotted type name.
    public let type: String
    /// The stream.
    public let stream: String
    /// When it happened (RFC 3339 UTC).
    public let occurredAt: String
    /// When the log accepted it (RFC 3339 UTC).
    public let recordedAt: String
    /// The pseudonymous subject of its private part, if it has one.
    public let privateSubject: String?
    /// The decoded payload, or nil when the type is not in the catalogue or the payload does
    /// not decode (a ledger without a policy accepts any well-formed event).
    public let payload: (any EventPayload)?
    /// Why ``payload`` is nil, if it is.
    public let problem: String?

    /// Decodes an entry; `decode` false skips the payload (types no projection folds).
    public init(index: Int, entry: Entry, decode: Bool = true) {
        let event = entry.event
        self.index = index
        id = event.id
        type = event.type
        stream = event.stream
        occurredAt = event.occurredAt
        recordedAt = entry.recordedAt
        privateSubject = event.privatePart?.subject
        guard decode else {
            payload = nil
            problem = nil
            return
        }
        let upcast = UpcasterChain.standard.upcast(type: event.type, version: event.typeVersion, payload: event.payload)
        do {
            payload = try Catalogue.decode(type: event.type, version: upcast.version, payload: .object(upcast.payload))
            problem = nil
        } catch {
            payload = nil
            problem = error.description
        }
    }

    /// The payload as `T`, or nil when it is something else (or did not decode).
    public func payload<T: EventPayload>(as type: T.Type) -> T? { payload as? T }

    /// The calendar date the event happened on (UTC).
    public var occurredOn: CivilDate? { CivilDate(parsing: occurredAt) }
}
