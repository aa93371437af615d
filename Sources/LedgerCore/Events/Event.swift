import Foundation

/// The private part of an event: a pseudonymous subject and a salted commitment to the
/// personal data, which is stored outside the log (FORMAT.md section 1).
public struct PrivateCommitment: Sendable, Hashable {
    /// The pseudonymous subject id the data belongs to.
    public var subject: String
    /// base64 of SHA-256(salt ‖ JCS(private object)).
    public var commitment: String

    /// Creates a commitment reference.
    public init(subject: String, commitment: String) {
        self.subject = subject
        self.commitment = commitment
    }

    /// Computes the commitment for a private object and a 32-byte salt.
    public static func commit(_ object: JSONValue, salt: [UInt8]) throws(CanonicalJSONError) -> String {
        var bytes = salt
        try CanonicalJSON.serialize(object, into: &bytes)
        return Base64.encode(SHA256.hash(bytes))
    }
}

/// An event: what an author signs (FORMAT.md section 1).
///
/// Member names are fixed; extra top-level members are refused. ``init(json:)`` checks every
/// member's type and pattern and reports the JSON pointer of the first problem.
public struct Event: Sendable, Hashable {
    /// The signing context put before the JCS bytes of the event.
    public static let signingContext: [UInt8] = Array("coledger/event/v1\n".utf8)

    /// Envelope version, always 1.
    public var v: Int
    /// Lower-case UUID, unique in the log.
    public var id: String
    /// Dotted lower-case type name.
    public var type: String
    /// Version of the payload schema.
    public var typeVersion: Int
    /// The aggregate the event belongs to.
    public var stream: String
    /// Position in the stream, from 1.
    public var streamVersion: Int
    /// When it happened, RFC 3339 UTC.
    public var occurredAt: String
    /// Key id of the signing key.
    public var signer: String
    /// Public fields.
    public var payload: [String: JSONValue]
    /// Commitment to personal data held outside the log.
    public var privatePart: PrivateCommitment?
    /// Id of the event that caused this one.
    public var causation: String?
    /// Id of the conversation this event belongs to.
    public var correlation: String?

    /// Creates an event from its members (no validation; see ``validate()``).
    public init(
        v: Int = 1, id: String, type: String, typeVersion: Int, stream: String, streamVersion: Int,
        occurredAt: String, signer: String, payload: [String: JSONValue],
        privatePart: PrivateCommitment? = nil, causation: String? = nil, correlation: String? = nil
    ) {
        self.v = v
        self.id = id
        self.type = type
        self.typeVersion = typeVersion
        self.stream = stream
        self.streamVersion = streamVersion
        self.occurredAt = occurredAt
        self.signer = signer
        self.payload = payload
        self.privatePart = privatePart
        self.causation = causation
        self.correlation = correlation
    }

    /// The longest stream name, in UTF-8 bytes (FORMAT.md section 2).
    public static let maximumStreamBytes = 256

    static let requiredMembers: Set<String> = [
        "v", "id", "type", "typeVersion", "stream", "streamVersion", "occurredAt", "signer", "payload",
    ]
    static let optionalMembers: Set<String> = ["private", "causation", "correlation"]

    /// Reads and validates an event from its JSON form.
    /// - Throws: ``FormatError`` naming the member (as a JSON pointer) that is missing, extra or invalid.
    public init(json: JSONValue) throws(FormatError) {
        guard let object = json.objectValue else { throw FormatError("", "an event must be a JSON object") }
        if object.keys.contains(where: { !Self.requiredMembers.contains($0) && !Self.optionalMembers.contains($0) }),
            let name = object.keys.sorted().first(where: { !Self.requiredMembers.contains($0) && !Self.optionalMembers.contains($0) })
        {
            throw FormatError("/\(JSONPointer.escape(name))", "unknown event member (allowed: \(Self.memberList))")
        }
        func string(_ name: String) throws(FormatError) -> String {
            guard let value = object[name] else { throw FormatError("/\(name)", "missing required member") }
            guard let s = value.stringValue else { throw FormatError("/\(name)", "must be a string") }
            return s
        }
        func integer(_ name: String) throws(FormatError) -> Int {
            guard let value = object[name] else { throw FormatError("/\(name)", "missing required member") }
            guard let n = value.intValue else { throw FormatError("/\(name)", "must be an integer") }
            return n
        }
        func optionalString(_ name: String) throws(FormatError) -> String? {
            guard let value = object[name] else { return nil }
            guard let s = value.stringValue else { throw FormatError("/\(name)", "must be a string") }
            return s
        }
        v = try integer("v")
        id = try string("id")
        type = try string("type")
        typeVersion = try integer("typeVersion")
        stream = try string("stream")
        streamVersion = try integer("streamVersion")
        occurredAt = try string("occurredAt")
        signer = try string("signer")
        guard let payloadValue = object["payload"] else { throw FormatError("/payload", "missing required member") }
        guard let payloadObject = payloadValue.objectValue else { throw FormatError("/payload", "must be an object") }
        payload = payloadObject
        if let p = object["private"] {
            guard let po = p.objectValue else { throw FormatError("/private", "must be an object") }
            for name in po.keys where name != "subject" && name != "commitment" {
                throw FormatError("/private/\(JSONPointer.escape(name))", "unknown member (allowed: subject, commitment)")
            }
            guard let subject = po["subject"]?.stringValue else {
                throw FormatError("/private/subject", "must be a string")
            }
            guard let commitment = po["commitment"]?.stringValue else {
                throw FormatError("/private/commitment", "must be a string")
            }
            privatePart = PrivateCommitment(subject: subject, commitment: commitment)
        } else {
            privatePart = nil
        }
        causation = try optionalString("causation")
        correlation = try optionalString("correlation")
        try validate()
    }

    private static let memberList = (requiredMembers.union(optionalMembers)).sorted().joined(separator: ", ")

    /// Checks every member's pattern and range (FORMAT.md section 1).
    public func validate() throws(FormatError) {
        guard v == 1 else { throw FormatError("/v", "envelope version must be 1, got \(v)") }
        guard Identifier.isUUID(id) else { throw FormatError("/id", "must be a lower-case UUID, got \"\(id)\"") }
        guard Identifier.isEventType(type) else {
            throw FormatError("/type", "must be a dotted lower-case name like feedback.received, got \"\(type)\"")
        }
        guard typeVersion >= 1 else { throw FormatError("/typeVersion", "must be an integer >= 1") }
        guard !stream.isEmpty else { throw FormatError("/stream", "must be a non-empty string") }
        guard stream.utf8.count <= Self.maximumStreamBytes else {
            throw FormatError(
                "/stream", "must be at most \(Self.maximumStreamBytes) UTF-8 bytes, got \(stream.utf8.count)")
        }
        guard streamVersion >= 1 else { throw FormatError("/streamVersion", "must be an integer >= 1") }
        guard Timestamp.isValidUTC(occurredAt) else {
            throw FormatError("/occurredAt", "must be an RFC 3339 UTC time ending in Z, got \"\(occurredAt)\"")
        }
        guard Identifier.isKeyID(signer) else { throw FormatError("/signer", "must be a 16-hex-digit key id") }
        if let p = privatePart {
            guard !p.subject.isEmpty else { throw FormatError("/private/subject", "must not be empty") }
            guard let c = Base64.decode(p.commitment), c.count == 32 else {
                throw FormatError("/private/commitment", "must be base64 of a 32-byte SHA-256 digest")
            }
        }
        if let c = causation, !Identifier.isUUID(c) { throw FormatError("/causation", "must be a lower-case UUID") }
        if let c = correlation, !Identifier.isUUID(c) { throw FormatError("/correlation", "must be a lower-case UUID") }
    }

    /// The JSON form of the event.
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "v": .number(Double(v)), "id": .string(id), "type": .string(type),
            "typeVersion": .number(Double(typeVersion)), "stream": .string(stream),
            "streamVersion": .number(Double(streamVersion)), "occurredAt": .string(occurredAt),
            "signer": .string(signer), "payload": .object(payload),
        ]
        if let p = privatePart {
            o["private"] = .object(["subject": .string(p.subject), "commitment": .string(p.commitment)])
        }
        if let c = causation { o["causation"] = .string(c) }
        if let c = correlation { o["correlation"] = .string(c) }
        return .object(o)
    }

    /// The JCS bytes of the event: the same bytes as `CanonicalJSON.serialize(json)`, written
    /// without building `json` first. The envelope's member names are fixed ASCII, so their JCS
    /// order is known: causation, correlation, id, occurredAt, payload, private, signer, stream,
    /// streamVersion, type, typeVersion, v; only the payload's members are sorted at run time.
    /// Anything the fast writer does not take (an envelope number outside the number rule, a
    /// payload that cannot be serialised) goes through `CanonicalJSON.serialize(json)`, so the
    /// error is the general one too.
    public func canonicalBytes() throws(FormatError) -> [UInt8] {
        if let bytes = fastCanonicalBytes() { return bytes }
        do {
            return try CanonicalJSON.serialize(json)
        } catch {
            throw FormatError("/payload", error.message)
        }
    }

    /// The JCS bytes written directly, or nil where ``canonicalBytes()`` must take the general path.
    private func fastCanonicalBytes() -> [UInt8]? {
        let safe = UInt(NumberFormatting.maximumSafeInteger)
        guard Swift.max(v.magnitude, typeVersion.magnitude, streamVersion.magnitude) <= safe else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out.append(UInt8(ascii: "{"))
        var first = true
        if let causation {
            Self.member("causation", first: true, to: &out)
            JSONWriter.writeString(causation, into: &out)
            first = false
        }
        if let correlation {
            Self.member("correlation", first: first, to: &out)
            JSONWriter.writeString(correlation, into: &out)
            first = false
        }
        Self.member("id", first: first, to: &out)
        JSONWriter.writeString(id, into: &out)
        Self.member("occurredAt", to: &out)
        JSONWriter.writeString(occurredAt, into: &out)
        Self.member("payload", to: &out)
        do {
            try JSONWriter.write(.object(payload), into: &out)
        } catch {
            return nil
        }
        if let p = privatePart {
            Self.member("private", to: &out)
            out.append(UInt8(ascii: "{"))
            Self.member("commitment", first: true, to: &out)
            JSONWriter.writeString(p.commitment, into: &out)
            Self.member("subject", to: &out)
            JSONWriter.writeString(p.subject, into: &out)
            out.append(UInt8(ascii: "}"))
        }
        Self.member("signer", to: &out)
        JSONWriter.writeString(signer, into: &out)
        Self.member("stream", to: &out)
        JSONWriter.writeString(stream, into: &out)
        Self.member("streamVersion", to: &out)
        Self.number(streamVersion, to: &out)
        Self.member("type", to: &out)
        JSONWriter.writeString(type, into: &out)
        Self.member("typeVersion", to: &out)
        Self.number(typeVersion, to: &out)
        Self.member("v", to: &out)
        Self.number(v, to: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// Appends `,"name":` (no comma before the first member).
    private static func member(_ name: StaticString, first: Bool = false, to out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    /// Appends an integer member as `json` holds it: a Double in ECMAScript form (always finite).
    private static func number(_ value: Int, to out: inout [UInt8]) {
        _ = NumberFormatting.append(Double(value), to: &out)
    }

    /// The bytes an author signs: `coledger/event/v1`, LF, then the JCS bytes of the event.
    public func signingMessage() throws(FormatError) -> [UInt8] {
        Self.signingContext + (try canonicalBytes())
    }
}

/// Helpers for RFC 6901 JSON pointers.
public enum JSONPointer {
    /// Escapes one reference token (`~` → `~0`, `/` → `~1`).
    public static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
