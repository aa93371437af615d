public import LedgerDomain

// Signing keys (FORMAT.md section 3, catalogue group A). The key events are the wire format's:
// `key.registered` with `keyId` and `publicKey` (and the holder and role when given), and
// `key.revoked` with `keyId` (and the reason when given). Neither needs anything from the log;
// admission checks that the signer is an admin and that a revoked key was registered.

/// A signing key joins the log (`key.registered`).
extension KeyRegistered: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member (the key file sets the id and the public key).
    public static let fields = [
        K.keyId.stringValue: "<key-file>", K.publicKey.stringValue: "<key-file>", K.holder.stringValue: "--holder",
        K.role.stringValue: "--role",
    ]

    /// `Registered key a26ec5f6f23082b4.`
    public func summary(of payload: KeyRegistered) -> String { "Registered key \(keyId)." }
}

/// A key is revoked (`key.revoked`): it may sign nothing after this entry.
extension KeyRevoked: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [K.keyId.stringValue: "<key-id>", K.reason.stringValue: "--reason"]

    /// `Revoked key a26ec5f6f23082b4.`
    public func summary(of payload: KeyRevoked) -> String { "Revoked key \(keyId)." }
}
