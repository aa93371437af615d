/// LedgerCore: the Coledger interchange format — canonical JSON, Ed25519 keys, the RFC 6962
/// Merkle tree, signed notes and checkpoints, events, entries and bundles.
public enum LedgerCoreInfo {
    /// The envelope version this library writes and reads.
    public static let envelopeVersion = 1
}
