/// One leaf of the log: the JCS bytes of `{"event", "recordedAt", "signature"}` (FORMAT.md section 2).
public struct Entry: Sendable, Hashable {
    /// The signed event.
    public let event: Event
    /// When the log accepted it, RFC 3339 UTC.
    public let recordedAt: String
    /// The 64-byte Ed25519 signature over ``Event/signingMessage()``.
    public let signature: [UInt8]
    /// The exact canonical bytes: the leaf data of the Merkle tree.
    public let bytes: [UInt8]

    /// Builds an entry and its canonical bytes.
    public init(event: Event, recordedAt: String, signature: [UInt8]) throws(FormatError) {
        guard Timestamp.isValidUTC(recordedAt) else {
            throw FormatError("/recordedAt", "must be an RFC 3339 UTC time ending in Z")
        }
        guard signature.count == 64 else { throw FormatError("/signature", "must be 64 bytes") }
        let json: JSONValue = .object([
            "event": event.json, "recordedAt": .string(recordedAt), "signature": .string(Base64.encode(signature)),
        ])
        do {
            self.bytes = try CanonicalJSON.serialize(json)
        } catch {
            throw FormatError("/event/payload", error.message)
        }
        self.event = event
        self.recordedAt = recordedAt
        self.signature = signature
    }

    /// Parses and checks an entry from its stored bytes: valid JSON, canonical JCS,
    /// exactly the three members, a valid event and a 64-byte signature.
    public init(bytes: [UInt8]) throws(FormatError) {
        let json: JSONValue
        do {
            json = try CanonicalJSON.parse(bytes)
        } catch {
            throw FormatError(error.pointer, "not valid JSON: \(error.message)")
        }
        try self.init(json: json, bytes: bytes, checkCanonical: true)
    }

    /// Checks an already-parsed entry; `bytes` must be the bytes it was parsed from.
    public init(json: JSONValue, bytes: [UInt8], checkCanonical: Bool) throws(FormatError) {
        guard let object = json.objectValue else { throw FormatError("", "an entry must be a JSON object") }
        if object.count != 3 || object["event"] == nil || object["recordedAt"] == nil || object["signature"] == nil,
            let name = object.keys.sorted().first(where: { $0 != "event" && $0 != "recordedAt" && $0 != "signature" })
        {
            throw FormatError("/\(JSONPointer.escape(name))", "unknown entry member (allowed: event, recordedAt, signature)")
        }
        guard let eventJSON = object["event"] else { throw FormatError("/event", "missing required member") }
        do {
            self.event = try Event(json: eventJSON)
        } catch {
            throw error.nested(under: "/event")
        }
        guard let recordedAt = object["recordedAt"]?.stringValue, Timestamp.isValidUTC(recordedAt) else {
            throw FormatError("/recordedAt", "must be an RFC 3339 UTC time ending in Z")
        }
        guard let sigText = object["signature"]?.stringValue, let sig = Base64.decode(sigText), sig.count == 64 else {
            throw FormatError("/signature", "must be base64 of a 64-byte Ed25519 signature")
        }
        if checkCanonical {
            guard CanonicalJSON.isCanonical(json, bytes: bytes) else {
                throw FormatError("", "entry bytes are not canonical JCS (RFC 8785)")
            }
        }
        self.recordedAt = recordedAt
        self.signature = sig
        self.bytes = bytes
    }

    /// The RFC 6962 leaf hash of the entry bytes.
    public var leafHash: [UInt8] { RFC6962.leafHash(bytes) }

    /// Whether the signature verifies under `key` (libsodium, strict).
    public func hasValidSignature(by key: Ed25519PublicKey) -> Bool {
        guard let message = try? event.signingMessage() else { return false }
        return key.isValidSignature(signature, for: message)
    }
}
