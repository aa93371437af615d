/// Why a Merkle tree computation or proof verification failed.
public enum MerkleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A hash (leaf hash, root or proof element) is not exactly ``RFC6962/hashByteCount`` bytes.
    case wrongHashLength(Int)
    /// A leaf index is not below the tree size.
    case indexOutOfRange(index: UInt64, size: UInt64)
    /// A proof has the wrong number of hashes for the given index and sizes.
    case wrongProofLength(expected: Int, got: Int)
    /// The proof does not lead to the expected root hash(es).
    case rootMismatch
    /// A consistency proof was requested or checked from a larger tree to a smaller one.
    case invalidSizes(old: UInt64, new: UInt64)
    /// A ``MerkleNodeSource`` has no hash for this complete subtree.
    case missingNode(level: Int, index: UInt64)

    /// A one-line, human-readable explanation.
    public var description: String {
        switch self {
        case .wrongHashLength(let count):
            return "hash is \(count) bytes, expected \(RFC6962.hashByteCount)"
        case .indexOutOfRange(let index, let size):
            return "leaf index \(index) is out of range for a tree of size \(size)"
        case .wrongProofLength(let expected, let got):
            return "proof has \(got) hashes, expected \(expected)"
        case .rootMismatch:
            return "proof does not match the root hash"
        case .invalidSizes(let old, let new):
            return "invalid tree sizes: old size \(old) is greater than new size \(new)"
        case .missingNode(let level, let index):
            return "no stored hash for the subtree at level \(level), index \(index)"
        }
    }
}
