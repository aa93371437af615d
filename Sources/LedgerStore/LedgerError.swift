public import LedgerCore

/// Why the ledger refused or failed an operation. Every case says what was wrong and, where it
/// can, how to fix it; a refused append has appended nothing.
public enum LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No ledger file at the path.
    case notFound(path: String)
    /// A ledger already exists at the path.
    case alreadyExists(path: String)
    /// The file is not a Coledger ledger (it was left unchanged).
    case notALedger(path: String, reason: String)
    /// The event (or draft) broke the format; `pointer` locates the member.
    case invalidEvent(id: String?, FormatError)
    /// The signer is unknown or revoked.
    case signerNotAllowed(keyID: String, reason: String)
    /// The `streamVersion` is not the next one.
    case streamVersionConflict(stream: String, expected: Int, got: Int)
    /// An event with this id exists with different content.
    case idConflict(id: String, index: Int)
    /// The signature does not verify.
    case badSignature(id: String)
    /// The ledger's admission policy (catalogue, references, transitions, authorization) refused the event.
    case refusedByPolicy(id: String, AdmissionRefusal)
    /// The operation is not allowed by the log's rules (authorization, key events, checkpoints).
    case refused(String)
    /// No checkpoint exists or the requested one is missing.
    case noCheckpoint(String)
    /// A proof request outside the tree.
    case badProofRequest(String)
    /// The stored data is inconsistent (tampering or corruption).
    case corrupt(String)
    /// SQLite failed.
    case storage(String)
    /// An error about the event at `position` (0-based) of a batch.
    indirect case inBatch(position: Int, LedgerError)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "no ledger at \(path); create one with `coledger init --origin ORIGIN` or pass --ledger PATH"
        case .alreadyExists(let path):
            return "a ledger already exists at \(path); choose another --ledger path"
        case .notALedger(let path, let reason):
            return "\(path) is not a Coledger ledger (\(reason)); it was left unchanged: pass --ledger with a ledger file, or create one with `coledger init`"
        case .invalidEvent(let id, let error):
            return "event\(id.map { " \($0)" } ?? ""): \(error.description)"
        case .signerNotAllowed(let keyID, let reason):
            return "signer \(keyID) may not sign: \(reason)"
        case .streamVersionConflict(let stream, let expected, let got):
            return "/streamVersion: stream \(stream) is at version \(expected - 1), so the next event must have streamVersion \(expected), got \(got) (leave streamVersion out to append at the end)"
        case .idConflict(let id, let index):
            return "/id: event \(id) is already in the log at index \(index) with different content"
        case .badSignature(let id):
            return "event \(id): the signature does not verify"
        case .refusedByPolicy(let id, let refusal):
            return "event \(id): \(refusal.description)"
        case .refused(let message):
            return message
        case .noCheckpoint(let message):
            return message
        case .badProofRequest(let message):
            return message
        case .corrupt(let message):
            return "ledger is inconsistent: \(message); run `coledger verify`"
        case .storage(let message):
            return "storage error: \(message)"
        case .inBatch(_, let error):
            return error.description
        }
    }
}
