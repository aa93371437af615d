public import LedgerCore
public import LedgerDomain
import LedgerStore
import Synchronization

/// One log entry as projections see it: its place in the log, its envelope, and its payload
/// upcast to the newest version and decoded with ``Catalogue/decode(type:version:payload:)``.
///
/// The private part is never decoded here: projections see only whether an event has one (and
/// whose it is), so they cannot store personal data.
///
/// The payload comes two ways: typed (``payload``, ``payload(as:)``), decoded from the entry's
/// bytes, and as ``fields`` read straight from those bytes (the fast path: no decoding). The
/// runner decodes typed payloads on every core before the fold; where the log's admission
/// policy already decoded every payload when it was appended (a PCREF ledger) and no projection
/// folding the type reads typed payloads, it skips that and decodes only if someone asks.
///
/// A class, so that handing an event to several projections copies a reference, not its strings.
public final class ProjectedEvent: Sendable {
    /// The entry's index in the log.
    public let index: Int
    /// The event id.
    public let id: String
    /// The dotted type name.
    public let type: String
    /// The stream.
    public let stream: String
    /// When it happened (RFC 3339 UTC): its effective time, ``EffectiveTime/of(_:)``.
    public let occurredAt: String
    /// When the log accepted it (RFC 3339 UTC).
    public let recordedAt: String
    /// The pseudonymous subject of its private part, if it has one.
    public let privateSubject: String?
    /// The runner's number for its type (``DecodePlan``), -1 outside the runner.
    let typeID: Int
    /// The payload's members in the entry's bytes, kept for decoding on first use.
    private let rawFields: PayloadFields?
    /// The typed payload: decoded, or to decode on first use.
    private let typed: Mutex<TypedPayload>

    enum TypedPayload {
        case decoded((any EventPayload)?, problem: String?)
        /// Valid (the admission policy decoded it on append); decode when asked.
        case pending(PayloadDecoder.Shape)
    }

    /// The decoded payload, or nil when the type is not in the catalogue or the payload does
    /// not decode (a ledger without a policy accepts any well-formed event).
    public var payload: (any EventPayload)? { resolved().payload }

    /// Why ``payload`` is nil, if it is.
    public var problem: String? { resolved().problem }

    /// The payload's members, read from the entry's bytes without decoding: nil when the
    /// payload is not valid for its type (exactly when ``payload`` is nil). Reading a few
    /// members this way costs far less than decoding the payload (``BatchProjection``s that
    /// need only some members use it; see ``BatchProjection/decodesPayloads``).
    public let fields: PayloadFields?

    /// Decodes an entry; `decode` false skips the payload (types no projection folds).
    public convenience init(index: Int, entry: Entry, decode: Bool = true) {
        self.init(index: index, entry: entry, decode: decode, typeID: -1)
    }

    convenience init(index: Int, entry: Entry, decode: Bool, typeID: Int) {
        let event = entry.event
        var payload: (any EventPayload)?
        var problem: String?
        if decode {
            do {
                payload = try Catalogue.decode(event)
            } catch {
                problem = error.description
            }
        }
        // Fields of an upcast payload would be the old version's: offered only when current, or
        // when the upcast left the payload as it was (feedback.responded 1 → 2).
        var fields: PayloadFields?
        let current = UpcasterChain.standard.newestVersion(of: event.type) ?? event.typeVersion == event.typeVersion
        if decode, current || (payload != nil && Self.upcastKeepsPayload(event)), let tape = try? JSONTape(entry.bytes),
            let e = tape.member("event", of: 0), let p = tape.member("payload", of: e)
        {
            fields = PayloadFields(tape: tape, node: p)
        }
        self.init(
            index: index, id: event.id, type: event.type, stream: event.stream, occurredAt: EffectiveTime.of(event),
            recordedAt: entry.recordedAt, privateSubject: event.privatePart?.subject, fields: fields,
            typed: .decoded(payload, problem: problem), typeID: typeID)
    }

    /// Whether upcasting `event`'s payload to the newest version leaves it unchanged, so its stored
    /// members can be read as the newest version's.
    static func upcastKeepsPayload(_ event: Event) -> Bool {
        UpcasterChain.standard.upcast(type: event.type, version: event.typeVersion, payload: event.payload).payload == event.payload
    }

    init(
        index: Int, id: String, type: String, stream: String, occurredAt: String, recordedAt: String, privateSubject: String?,
        fields: PayloadFields?, typed: TypedPayload, typeID: Int
    ) {
        self.index = index
        self.id = id
        self.type = type
        self.stream = stream
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.privateSubject = privateSubject
        self.rawFields = fields
        if case .decoded(nil, _) = typed {
            self.fields = nil
        } else {
            self.fields = fields
        }
        self.typed = Mutex(typed)
        self.typeID = typeID
    }

    /// The payload as `T`, or nil when it is something else (or did not decode).
    public func payload<T: EventPayload>(as type: T.Type) -> T? { payload as? T }

    /// The calendar date the event happened on (UTC).
    public var occurredOn: CivilDate? { CivilDate(parsing: occurredAt) }

    private func resolved() -> (payload: (any EventPayload)?, problem: String?) {
        typed.withLock { state in
            switch state {
            case .decoded(let payload, let problem):
                return (payload, problem)
            case .pending(let shape):
                let decoded = DecodePlan.decode(shape, rawFields)
                state = .decoded(decoded.payload, problem: decoded.problem)
                return decoded
            }
        }
    }
}

/// The members of an event's payload, read straight from the entry's stored bytes.
///
/// Names are the payload's JSON member names (the same as its type's properties, see
/// `Schemas/events/`). Each read finds the member and builds only the value asked for.
public struct PayloadFields: Sendable {
    let tape: JSONTape
    let node: Int

    /// A string member, named by its payload type's coding key.
    public func string(_ key: some CodingKey) -> String? { string(key.stringValue) }
    /// A boolean member, named by its payload type's coding key.
    public func bool(_ key: some CodingKey) -> Bool? { bool(key.stringValue) }
    /// An array of strings, named by its payload type's coding key.
    public func strings(_ key: some CodingKey) -> [String]? { strings(key.stringValue) }
    /// A string member.
    public func string(_ name: String) -> String? { tape.member(name, of: node).flatMap(tape.string) }
    /// An integer member.
    public func int(_ name: String) -> Int? { tape.member(name, of: node).flatMap(tape.integer) }
    /// A number member.
    public func double(_ name: String) -> Double? { tape.member(name, of: node).flatMap(tape.double) }
    /// A boolean member.
    public func bool(_ name: String) -> Bool? { tape.member(name, of: node).flatMap(tape.bool) }
    /// Whether the payload has the member.
    public func contains(_ name: String) -> Bool { tape.member(name, of: node) != nil }

    /// An array of strings (nil when the member is missing or holds something else).
    public func strings(_ name: String) -> [String]? {
        guard let array = tape.member(name, of: node) else { return nil }
        var out: [String] = []
        for element in tape.elements(of: array) {
            guard let s = tape.string(element) else { return nil }
            out.append(s)
        }
        return tape.nodes[array].kind == .array ? out : nil
    }

    /// An object member.
    public func object(_ name: String) -> PayloadFields? {
        guard let member = tape.member(name, of: node), tape.nodes[member].kind == .object else { return nil }
        return PayloadFields(tape: tape, node: member)
    }

    /// An array of objects (nil when the member is missing or holds something else).
    public func objects(_ name: String) -> [PayloadFields]? {
        guard let array = tape.member(name, of: node), tape.nodes[array].kind == .array else { return nil }
        var out: [PayloadFields] = []
        for element in tape.elements(of: array) {
            guard tape.nodes[element].kind == .object else { return nil }
            out.append(PayloadFields(tape: tape, node: element))
        }
        return out
    }
}

/// What the runner decodes: the event types its projections fold, each numbered, with the
/// payload type of its newest version and whether the payload must be decoded before the fold.
struct DecodePlan: Sendable {
    /// The types, sorted; a type's number is its position.
    let types: [String]
    let numbers: [String: Int]
    let payloadTypes: [(version: Int, shape: PayloadDecoder.Shape)?]
    /// Per type: the older versions whose upcast keeps the payload, so they decode as the newest
    /// (``UpcasterChain/keepsPayload(type:from:)``, asked once here rather than per entry).
    let keptVersions: [Set<Int>]
    /// Per type: decode before the fold (false: the payloads were checked on append and no
    /// projection folding the type reads typed payloads; decoded only if one is asked for).
    let eager: [Bool]

    /// A plan for `wanted` types; `lazy` ones need no decoding before the fold.
    init(types wanted: Set<String>, lazy: Set<String> = []) {
        types = wanted.sorted()
        numbers = Dictionary(uniqueKeysWithValues: types.enumerated().map { ($1, $0) })
        payloadTypes = types.map { name in
            guard let version = UpcasterChain.standard.newestVersion(of: name), let t = Catalogue.type(name, version: version) else {
                return nil
            }
            return (version, PayloadDecoder.Shape(t))
        }
        eager = types.map { !lazy.contains($0) }
        keptVersions = zip(types, payloadTypes).map { name, decoder in
            guard let newest = decoder?.version, newest > 1 else { return [] }
            return Set((1..<newest).filter { UpcasterChain.standard.keepsPayload(type: name, from: $0) })
        }
    }

    /// The event of stored entry bytes, when its type is one of ``types`` (nil otherwise).
    ///
    /// Reads the envelope from one ``JSONTape`` and decodes the payload from it (now, or when
    /// first asked for), also for an older version whose upcast leaves the payload unchanged
    /// (``UpcasterChain/keepsPayload(type:from:)``); a payload that must be upcast, or bytes the
    /// tape does not read, go through ``Entry/init(bytes:)`` and
    /// ``ProjectedEvent/init(index:entry:decode:)``.
    /// - Throws: `LedgerError.corrupt` when the bytes are not an entry.
    func event(index: Int, bytes: [UInt8]) throws -> ProjectedEvent? {
        // Canonical entry bytes are `{"event":{…},"recordedAt":"…","signature":"…"}`: scan the
        // event only, and read recordedAt from the tail.
        guard bytes.starts(with: Self.eventPrefix), let recordedAt = EntryPeek.peek(bytes),
            let tape = try? JSONTape(bytes, valueAt: Self.eventPrefix.count),
            let type = tape.member("type", of: 0).flatMap(tape.string)
        else { return try slow(index: index, bytes: bytes) }
        let event = 0
        guard let number = numbers[type] else { return nil }
        guard let id = tape.member("id", of: event).flatMap(tape.string),
            let version = tape.member("typeVersion", of: event).flatMap(tape.integer),
            let stream = tape.member("stream", of: event).flatMap(tape.string),
            let occurredAt = tape.member("occurredAt", of: event).flatMap(tape.string),
            let payloadNode = tape.member("payload", of: event),
            let decoder = payloadTypes[number],
            decoder.version == version || keptVersions[number].contains(version)
        else { return try slow(index: index, bytes: bytes) }
        let subject = tape.member("private", of: event).flatMap { tape.member("subject", of: $0) }.flatMap(tape.string)
        let fields = PayloadFields(tape: tape, node: payloadNode)
        // An older version whose payload is the newest one's, unchanged, decodes as the newest;
        // its effective time may be its payload's date (EffectiveTime.of).
        let effective =
            decoder.version == version
            ? occurredAt
            : EffectiveTime.of(type: type, typeVersion: version, occurredAt: occurredAt, stated: fields.string)
        let typed: ProjectedEvent.TypedPayload
        if eager[number] {
            let decoded = Self.decode(decoder.shape, fields)
            typed = .decoded(decoded.payload, problem: decoded.problem)
        } else {
            typed = .pending(decoder.shape)
        }
        return ProjectedEvent(
            index: index, id: id, type: types[number], stream: stream, occurredAt: effective, recordedAt: recordedAt,
            privateSubject: subject, fields: fields, typed: typed, typeID: number)
    }

    /// Decodes `fields` as the shape's type.
    static func decode(_ shape: PayloadDecoder.Shape, _ fields: PayloadFields?) -> (payload: (any EventPayload)?, problem: String?) {
        guard let fields else { return (nil, "the payload could not be read") }
        do {
            return (try PayloadDecoder.decode(shape, tape: fields.tape, node: fields.node), nil)
        } catch let error as DecodingError {
            return (nil, describe(error))
        } catch {
            return (nil, "\(error)")
        }
    }

    private static let eventPrefix = Array(#"{"event":"#.utf8)

    /// `/member: what was wrong`, as `Catalogue.decode` words it.
    static func describe(_ error: DecodingError) -> String {
        func pointer(_ path: [any CodingKey]) -> String {
            path.map { "/" + ($0.intValue.map(String.init) ?? JSONPointer.escape($0.stringValue)) }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(pointer(context.codingPath + [key])): missing required member"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(pointer(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    private func slow(index: Int, bytes: [UInt8]) throws -> ProjectedEvent? {
        let entry: Entry
        do {
            entry = try Entry(bytes: bytes)
        } catch {
            throw LedgerError.corrupt("entry \(index) does not parse: \(error)")
        }
        guard let number = numbers[entry.event.type] else { return nil }
        return ProjectedEvent(index: index, entry: entry, decode: true, typeID: number)
    }
}
