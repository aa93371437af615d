/// The keys a log has registered, replayed from its `ledger.genesis`, `key.registered` and
/// `key.revoked` events (FORMAT.md section 3).
///
/// The same replay serves the append path (is this signer allowed now?) and every verifier
/// (was this signer allowed at that position?).
public struct KeyRegistry: Sendable {
    /// What the log says about one key.
    public struct Key: Sendable, Hashable {
        /// The key id.
        public var keyID: String
        /// The public key.
        public var publicKey: Ed25519PublicKey
        /// Index of the entry that registered it (0 for genesis admins).
        public var registeredAt: Int
        /// Index of the entry that revoked it, if any.
        public var revokedAt: Int?
        /// Whether the key may register and revoke keys (genesis admins and keys registered with `"role": "admin"`).
        public var isAdmin: Bool
        /// The `holder` named at registration, if any (a pseudonym such as `person/p-0001`).
        public var holder: String?

        /// Creates a key record.
        public init(
            keyID: String, publicKey: Ed25519PublicKey, registeredAt: Int, revokedAt: Int?, isAdmin: Bool, holder: String?
        ) {
            self.keyID = keyID
            self.publicKey = publicKey
            self.registeredAt = registeredAt
            self.revokedAt = revokedAt
            self.isAdmin = isAdmin
            self.holder = holder
        }
    }

    /// The registered keys by key id.
    public private(set) var keys: [String: Key] = [:]
    /// The log's origin, from the genesis entry.
    public private(set) var origin: String?
    /// The log's checkpoint verifier key (vkey text), from the genesis entry.
    public private(set) var logKey: String?

    /// An empty registry (before entry 0).
    public init() {}

    /// A registry restored from stored state (the store's `keys` table).
    public init(origin: String?, logKey: String?, keys: [Key]) {
        self.origin = origin
        self.logKey = logKey
        self.keys = Dictionary(keys.map { ($0.keyID, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Event types that change the registry.
    public static let keyEventTypes: Set<String> = ["ledger.genesis", "key.registered", "key.revoked"]

    /// The key that may sign an entry at `index`, or why none may.
    public func signingKey(_ keyID: String, at index: Int) -> Result<Key, FormatError> {
        guard let key = keys[keyID] else {
            return .failure(FormatError("/event/signer", "key \(keyID) was never registered in this log"))
        }
        if let revoked = key.revokedAt, revoked < index {
            return .failure(FormatError("/event/signer", "key \(keyID) was revoked at entry \(revoked)"))
        }
        return .success(key)
    }

    /// Applies a key event at `index`. The event's signature is checked by the caller.
    ///
    /// - Throws: ``FormatError`` when the event breaks the format's key rules: a genesis entry
    ///   that is not entry 0 (or an entry 0 that is not genesis), malformed key members, a key id
    ///   that does not match its public key, an invalid point, or a key registered twice.
    public mutating func apply(_ event: Event, at index: Int) throws(FormatError) {
        if index == 0 && event.type != "ledger.genesis" {
            throw FormatError("/event/type", "entry 0 must be ledger.genesis")
        }
        switch event.type {
        case "ledger.genesis":
            guard index == 0 else { throw FormatError("/event/type", "ledger.genesis may only be entry 0") }
            guard let origin = event.payload["origin"]?.stringValue, !origin.isEmpty else {
                throw FormatError("/event/payload/origin", "must be a non-empty string")
            }
            guard let logKey = event.payload["logKey"]?.stringValue else {
                throw FormatError("/event/payload/logKey", "must be the log's vkey")
            }
            guard let admins = event.payload["admins"]?.arrayValue, !admins.isEmpty else {
                throw FormatError("/event/payload/admins", "must be a non-empty array")
            }
            self.origin = origin
            self.logKey = logKey
            for (i, admin) in admins.enumerated() {
                let pointer = "/event/payload/admins/\(i)"
                let key = try Self.readKey(admin.objectValue ?? [:], pointer: pointer)
                guard keys[key.keyID] == nil else { throw FormatError(pointer, "admin key listed twice") }
                keys[key.keyID] = Key(
                    keyID: key.keyID, publicKey: key.publicKey, registeredAt: 0, revokedAt: nil, isAdmin: true,
                    holder: admin["holder"]?.stringValue)
            }
            guard keys[event.signer] != nil else {
                throw FormatError("/event/signer", "the genesis entry must be signed by one of its admins")
            }
        case "key.registered":
            let key = try Self.readKey(event.payload, pointer: "/event/payload")
            if keys[key.keyID] != nil {
                throw FormatError("/event/payload/keyId", "key \(key.keyID) is already registered")
            }
            keys[key.keyID] = Key(
                keyID: key.keyID, publicKey: key.publicKey, registeredAt: index, revokedAt: nil,
                isAdmin: event.payload["role"]?.stringValue == "admin", holder: event.payload["holder"]?.stringValue)
        case "key.revoked":
            guard let keyID = event.payload["keyId"]?.stringValue, Identifier.isKeyID(keyID) else {
                throw FormatError("/event/payload/keyId", "must be a 16-hex-digit key id")
            }
            guard var key = keys[keyID] else {
                throw FormatError("/event/payload/keyId", "key \(keyID) is not registered")
            }
            guard key.revokedAt == nil else {
                throw FormatError("/event/payload/keyId", "key \(keyID) is already revoked")
            }
            key.revokedAt = index
            keys[keyID] = key
        default:
            break
        }
    }

    private static func readKey(
        _ object: [String: JSONValue], pointer: String
    ) throws(FormatError) -> (keyID: String, publicKey: Ed25519PublicKey) {
        guard let keyID = object["keyId"]?.stringValue, Identifier.isKeyID(keyID) else {
            throw FormatError(pointer + "/keyId", "must be a 16-hex-digit key id")
        }
        guard let text = object["publicKey"]?.stringValue, let raw = Base64.decode(text) else {
            throw FormatError(pointer + "/publicKey", "must be base64 of a 32-byte Ed25519 public key")
        }
        let key: Ed25519PublicKey
        do {
            key = try Ed25519PublicKey(rawRepresentation: raw)
        } catch {
            throw FormatError(pointer + "/publicKey", error.description)
        }
        guard key.keyID == keyID else {
            throw FormatError(pointer + "/keyId", "does not match the public key (expected \(key.keyID))")
        }
        return (keyID, key)
    }
}
