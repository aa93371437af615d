public import LedgerCore
import Foundation

/// Why a payload does not fit its type.
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// JSON pointer inside the payload.
    public var pointer: String
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(_ pointer: String, _ reason: String) {
        self.pointer = pointer
        self.reason = reason
    }

    /// `/payload/channel: unknown value "fax" (allowed: …)`.
    public var description: String { pointer.isEmpty ? reason : "\(pointer): \(reason)" }
}

/// The event catalogue: every type and version the ledger accepts.
public enum Catalogue {
    /// Every payload type, all groups.
    public static let all: [any EventPayload.Type] = groupA + groupB + groupC + groupD + groupE + groupF + groupG + groupH + groupI + groupJ + groupK
        + EffectiveTime.versionsBeforeRule

    private static let byKey: [String: any EventPayload.Type] = Dictionary(
        all.map { ("\($0.eventType)@\($0.typeVersion)", $0) }, uniquingKeysWith: { a, _ in a })

    /// The payload type for a type name and version, if the catalogue has it.
    public static func type(_ name: String, version: Int) -> (any EventPayload.Type)? {
        byKey["\(name)@\(version)"]
    }

    /// The newest version of each type name.
    public static var latest: [String: any EventPayload.Type] {
        var out: [String: any EventPayload.Type] = [:]
        for t in all where (out[t.eventType]?.typeVersion ?? 0) < t.typeVersion { out[t.eventType] = t }
        return out
    }

    /// Decodes and checks a payload strictly against its type.
    /// - Throws: ``DomainError`` with the JSON pointer (relative to the payload) of the problem.
    public static func decode(type name: String, version: Int, payload: JSONValue) throws(DomainError) -> any EventPayload {
        guard let type = type(name, version: version) else {
            let known = all.filter { $0.eventType == name }.map { String($0.typeVersion) }
            if known.isEmpty {
                let close = closeMatches(to: name)
                let hint = close.isEmpty ? "" : " (did you mean \(close.joined(separator: ", "))?)"
                throw DomainError("", "unknown event type \(name)\(hint); `coledger types` lists the catalogue")
            }
            throw DomainError("", "\(name) has no version \(version) (known: \(known.joined(separator: ", ")))")
        }
        return try decode(type, payload: payload)
    }

    /// The one path from a log entry to its typed payload: the event's payload upcast to the
    /// newest version of its type and decoded strictly. Every reader (admission, audit,
    /// projections, CLI look-ups) gets its typed value here and switches on it.
    /// - Throws: ``DomainError`` as ``decode(type:version:payload:)``.
    public static func decode(_ event: Event) throws(DomainError) -> any EventPayload {
        let upcast = UpcasterChain.standard.upcast(type: event.type, version: event.typeVersion, payload: event.payload)
        return try decode(type: event.type, version: upcast.version, payload: .object(upcast.payload))
    }

    /// `decoded` (the event's payload as its stored version decoded it, e.g. by the admission
    /// policy during verification) as the newest version of its type: itself when it already is,
    /// the payload it wraps when its upcast is that payload unchanged, else ``decode(_:)`` of the
    /// event; nil when the payload does not decode.
    public static func current(_ decoded: (any Sendable)?, of event: Event) -> (any EventPayload)? {
        if let payload = decoded as? any EventPayload, Swift.type(of: payload).eventType == event.type {
            let version = Swift.type(of: payload).typeVersion
            if (UpcasterChain.standard.newestVersion(of: event.type) ?? version) == version { return payload }
            if let wrapper = payload as? any WrapsNewestVersion { return wrapper.newest }
        }
        return try? decode(event)
    }

    /// Decodes a payload as `type`, refusing unknown members.
    public static func decode<T: EventPayload>(_ type: T.Type, payload: JSONValue) throws(DomainError) -> T {
        guard let object = payload.objectValue else { throw DomainError("", "the payload must be an object") }
        // `memberNames` may be computed: build it once per payload, and sort only to name an extra.
        let names = type.memberNames
        if object.keys.contains(where: { !names.contains($0) }), let extra = object.keys.sorted().first(where: { !names.contains($0) }) {
            throw DomainError("/\(JSONPointer.escape(extra))", "unknown member for \(type.eventType) (allowed: \(names.sorted().joined(separator: ", ")))")
        }
        return try decodePart(type, from: payload)
    }

    /// Decodes one part of a payload (a metric cell's dimensions, say) from its JSON value, with
    /// the catalogue's checks and its wording; the error's pointer is relative to `value`.
    public static func decodePart<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(DomainError) -> T {
        if let null = value.firstNullPointer {
            throw DomainError(null, "null is not allowed; leave an optional member out instead")
        }
        do {
            return try JSONDecoder().decode(type, from: Data(try CanonicalJSON.serialize(value)))
        } catch let error as DecodingError {
            throw Self.describe(error)
        } catch {
            throw DomainError("", "\(error)")
        }
    }

    static func describe(_ error: DecodingError) -> DomainError {
        func pointer(_ path: [any CodingKey]) -> String {
            path.map { "/" + ($0.intValue.map(String.init) ?? JSONPointer.escape($0.stringValue)) }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return DomainError(pointer(context.codingPath + [key]), "missing required member")
        case .typeMismatch(let type, let context):
            return DomainError(pointer(context.codingPath), "must be \(Self.name(of: type))")
        case .valueNotFound(let type, let context):
            return DomainError(pointer(context.codingPath), "must be \(Self.name(of: type)), not null")
        case .dataCorrupted(let context):
            return DomainError(pointer(context.codingPath), context.debugDescription)
        @unknown default:
            return DomainError("", "\(error)")
        }
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Int64.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let n = "\(type)"
            if n.hasPrefix("Array") { return "an array" }
            if n.hasPrefix("Dictionary") { return "an object" }
            return "a valid \(n)"
        }
    }

    /// Encodes a payload to its JSON value.
    public static func json(of payload: some EventPayload) -> JSONValue {
        let encoder = JSONEncoder()
        guard let data = try? encoder.encode(payload), let value = try? CanonicalJSON.parse([UInt8](data)) else { return .object([:]) }
        return value
    }
}
