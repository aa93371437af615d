public import LedgerCore
public import LedgerDomain
public import LedgerStore

/// One verb's request: typed fields, from which the recording API builds the typed payload.
///
/// A CLI verb parses its options into a request; a web form would fill the same request from its
/// fields. ``Recorder`` does the rest the same way for both: look-ups in the log, the one effective
/// time, the strict check against the catalogue, signing, admission and the receipt.
public protocol RecordingRequest: Sendable {
    /// The payload the request records.
    associatedtype Payload: EventPayload
    /// Which request field sets each payload member, keyed by the member's name (taken from the
    /// payload's `CodingKeys`, never typed as a string), so an error can name the field. Fields
    /// are named as the CLI options that set them (`--id`, `--period-from/--period-to`).
    static var fields: [String: String] { get }
    /// Builds the typed payload, looking up in the log what the request leaves to it. `time` is
    /// the event's effective time (RFC 3339 UTC).
    /// - Throws: ``RecordingError`` naming the field that is wrong.
    func payload(from log: LogLookup, at time: String) throws -> Payload
    /// The plain-language sentence the receipt carries, e.g. `Registered region NW (North West).`
    func summary(of payload: Payload) -> String
    /// Personal data for the event's private part, when the request carries any; `log` is there
    /// for a request that must look to know what is private and under which subject (an answer
    /// to feedback given without consent to publish).
    func privatePart(from log: LogLookup) throws -> PrivatePart?
}

extension RecordingRequest {
    /// By default a request carries no personal data.
    public func privatePart(from log: LogLookup) throws -> PrivatePart? { nil }
}

/// A payload that needs nothing from the log is its own request: the verb fills the typed payload
/// (the catalogue's type, with its `make(...)` builder) and the recording API records it as is.
/// Only requests that look something up in the log (a person's category at a meeting, the
/// feedback an answer closes) need a request type of their own; the rest conform their payload
/// type to this protocol, so no request repeats its payload's members.
public protocol DirectRequest: RecordingRequest, EventPayload where Payload == Self {}

extension DirectRequest {
    /// The payload is the request.
    public func payload(from log: LogLookup, at time: String) throws -> Self { self }
}

/// Personal data the ledger commits to and stores encrypted outside the log.
public struct PrivatePart: Sendable, Equatable {
    /// The subject, e.g. `person/p-0001`.
    public var subject: String
    /// The data in clear.
    public var data: [String: JSONValue]

    /// Creates a private part.
    public init(subject: String, data: [String: JSONValue]) {
        self.subject = subject
        self.data = data
    }
}

/// Why a request was refused. Nothing was appended.
public struct RecordingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of refusal it is.
    public enum Kind: Sendable, Equatable {
        /// A request field has a value the catalogue or a look-up refuses (``pointer`` names the member).
        case invalid
        /// Text that may not be stored (control characters, oversize); ``reason`` is the full problem.
        case unsafe
        /// The ledger's admission refused the event (reference, transition, policy).
        case refused
    }

    /// What kind of refusal.
    public var kind: Kind
    /// JSON pointer of the refused member in the draft, e.g. `/payload/status` (for a refusal by
    /// the ledger's admission, the member its reason names); nil when no member is to blame.
    public var pointer: String?
    /// The request field that set it (named as the CLI option), when known.
    public var field: String?
    /// Why, and what is allowed.
    public var reason: String

    /// Creates an error.
    public init(_ kind: Kind, pointer: String? = nil, field: String? = nil, reason: String) {
        self.kind = kind
        self.pointer = pointer
        self.field = field
        self.reason = reason
    }

    /// `/payload/status (--status): unknown value "x" (allowed: …)`, as the CLI prints it.
    public var description: String {
        let option = field.map { " (\($0))" } ?? ""
        switch kind {
        case .unsafe: return "\(reason)\(option)"
        // The ledger's reason already starts with the pointer it refused.
        case .refused: return reason
        case .invalid: return pointer.map { "\($0)\(option): \(reason)" } ?? reason
        }
    }

    /// A member of `R`'s payload refused for `reason`, naming the field that set it.
    public static func member<R: RecordingRequest>(_: R.Type, _ pointer: String, _ reason: String) -> RecordingError {
        let member = pointer.split(separator: "/").first.map(String.init)
        return RecordingError(
            .invalid, pointer: "/payload\(pointer)", field: member.flatMap { R.fields[$0] }, reason: reason)
    }
}

/// What was recorded.
public struct Receipt: Sendable, Equatable {
    /// Where it was appended, as `append` reports it (index, event id, leaf hash, duplicate).
    public var result: AppendResult
    /// The catalogue type recorded, e.g. `review.held`.
    public var type: String
    /// The stream it was recorded in (the payload's entity), e.g. `review/RV-1`.
    public var stream: String
    /// The payload as recorded.
    public var payload: JSONValue
    /// One plain-language sentence saying what was recorded.
    public var summary: String

    /// 0-based index of the entry.
    public var index: Int { result.index }
    /// The event id.
    public var id: String { result.id }
    /// True when the event was already in the log (an idempotent retry): nothing new was appended.
    public var duplicate: Bool { result.duplicate }
}

/// A checked event, ready to be signed and appended.
public struct PreparedEvent: Sendable {
    /// The draft `Ledger.append(draft:signer:)` takes (type, version, stream, effective time, payload, private part, id).
    public var draft: JSONValue
    /// The catalogue type.
    public var type: String
    /// The stream (the payload's entity).
    public var stream: String
    /// The payload as it will be recorded.
    public var payload: JSONValue
    /// The receipt's sentence.
    public var summary: String
}

/// Records requests in one ledger: the one path every recording verb (CLI or web) takes.
public struct Recorder {
    /// The ledger recorded in.
    public let ledger: Ledger

    /// A recorder for `ledger`.
    public init(ledger: Ledger) { self.ledger = ledger }

    /// Builds and checks the event `request` records, without signing it: look-ups in the log,
    /// the effective time set in the envelope and every payload member that restates it, the
    /// strict decode against the catalogue and the input hygiene check.
    /// - Parameters:
    ///   - time: the effective time, RFC 3339 UTC (the one date option, `--on`).
    ///   - eventId: the event's id for a safe retry (default: a new one at append).
    ///   - causation: the id of the event that caused this one (the stage a notification tells of).
    /// - Throws: ``RecordingError`` naming the field.
    public func prepare<R: RecordingRequest>(
        _ request: R, at time: String, eventId: String? = nil, causation: String? = nil
    ) throws -> PreparedEvent {
        guard Timestamp.isValidUTC(time) else {
            throw RecordingError(.invalid, field: "--on", reason: "\(time) is not an RFC 3339 UTC time")
        }
        let log = LogLookup(ledger: ledger)
        let typed = try request.payload(from: log, at: time)
        guard case .object(var members) = Catalogue.json(of: typed) else {
            throw RecordingError(.invalid, reason: "the payload could not be encoded")
        }
        var fields = R.fields
        // The one effective time sets the envelope and every payload member that restates it.
        for (member, value) in EffectiveTime.payloadMembers(type: R.Payload.eventType, at: time) {
            members[member] = value
            fields[member] = "--on"
        }
        let payload = JSONValue.object(members)
        let decoded: any EventPayload
        do {
            decoded = try Catalogue.decode(type: R.Payload.eventType, version: R.Payload.typeVersion, payload: payload)
        } catch {
            let member = error.pointer.split(separator: "/").first.map(String.init)
            throw RecordingError(
                .invalid, pointer: "/payload\(error.pointer)", field: member.flatMap { fields[$0] },
                reason: error.reason)
        }
        var draft: [String: JSONValue] = [
            "type": .string(R.Payload.eventType), "typeVersion": .number(Double(R.Payload.typeVersion)),
            "stream": .string(decoded.stream), "occurredAt": .string(time), "payload": payload,
        ]
        if let part = try request.privatePart(from: log), !part.data.isEmpty {
            draft["private"] = .object(["subject": .string(part.subject), "data": .object(part.data)])
        }
        if let eventId { draft["id"] = .string(eventId) }
        if let causation { draft["causation"] = .string(causation) }
        if let problem = InputHygiene.problem(inDraft: .object(draft)) {
            let member = problem.split(separator: "/").dropFirst().first.map { String($0.prefix { $0 != ":" }) }
            let field = problem.hasPrefix("/payload") ? member.flatMap { fields[$0] } : nil
            throw RecordingError(.unsafe, field: field, reason: problem)
        }
        return PreparedEvent(
            draft: .object(draft), type: R.Payload.eventType, stream: decoded.stream, payload: payload,
            summary: request.summary(of: typed))
    }

    /// Signs `event` with `signer` and appends it through the ledger's admission.
    /// - Throws: ``RecordingError`` (``RecordingError/Kind/refused``) with the ledger's reason.
    public func append(_ event: PreparedEvent, signer: Ed25519SigningKey) throws -> Receipt {
        let result: AppendResult
        do {
            result = try ledger.append(draft: event.draft, signer: signer)
        } catch {
            var pointer: String?
            if case .refusedByPolicy(_, let refusal) = error, !refusal.pointer.isEmpty { pointer = refusal.pointer }
            throw RecordingError(.refused, pointer: pointer, reason: Self.reason(error))
        }
        return Receipt(
            result: result, type: event.type, stream: event.stream, payload: event.payload, summary: event.summary)
    }

    /// ``prepare(_:at:eventId:)`` then ``append(_:signer:)``.
    public func record<R: RecordingRequest>(
        _ request: R, at time: String, eventId: String? = nil, signer: Ed25519SigningKey
    ) throws -> Receipt {
        try append(prepare(request, at: time, eventId: eventId), signer: signer)
    }

    /// The ledger's reason, without the id of the event that was never appended.
    public static func reason(_ error: LedgerError) -> String {
        switch error {
        case .refusedByPolicy(_, let refusal): return refusal.description
        case .invalidEvent(_, let format): return format.description
        default: return error.description
        }
    }
}
