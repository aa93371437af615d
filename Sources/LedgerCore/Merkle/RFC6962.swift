/// RFC 6962 (section 2.1) Merkle tree hashing with SHA-256, plus in-memory tree computations.
///
/// Leaf hash: `SHA-256(0x00 || data)`; interior node: `SHA-256(0x01 || left || right)`; the
/// empty tree hashes to `SHA-256("")`. A tree of `n > 1` leaves splits at `k`, the largest power
/// of two strictly below `n`: `MTH(D[0:n]) = node(MTH(D[0:k]), MTH(D[k:n]))`.
///
/// The in-memory functions (`root(ofLeafHashes:)`, `inclusionProof(index:leafHashes:)`,
/// `consistencyProof(oldSize:leafHashes:)`) follow the RFC's recursive definitions literally and
/// take O(n) time: use them for tests and small trees. Large trees go through
/// ``MerkleTreeReader`` over a ``MerkleNodeSource``. Verification lives in `RFC6962+Verify.swift`.
public enum RFC6962 {
    /// The length of every hash in the tree (SHA-256).
    public static let hashByteCount = 32

    /// The root of the empty tree: `SHA-256("")` (`e3b0c442…b855`).
    public static let emptyRoot: [UInt8] = [
        0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
        0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
    ]

    /// The leaf hash of `data`: `SHA-256(0x00 || data)`.
    public static func leafHash(_ data: [UInt8]) -> [UInt8] {
        data.withUnsafeBytes { SHA256.hash(prefix: 0x00, $0) }
    }

    /// The leaf hash of the bytes in `data`: `SHA-256(0x00 || data)`.
    public static func leafHash(_ data: UnsafeRawBufferPointer) -> [UInt8] {
        SHA256.hash(prefix: 0x00, data)
    }

    /// The interior node hash: `SHA-256(0x01 || left || right)`.
    ///
    /// The inputs are normally 32-byte hashes, but any byte strings are hashed as given.
    public static func nodeHash(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        var joined = [UInt8]()
        joined.reserveCapacity(left.count + right.count)
        joined.append(contentsOf: left)
        joined.append(contentsOf: right)
        return joined.withUnsafeBytes { SHA256.hash(prefix: 0x01, $0) }
    }

    /// The Merkle Tree Hash of the given leaf hashes (``emptyRoot`` for none). O(n).
    public static func root(ofLeafHashes leafHashes: [[UInt8]]) -> [UInt8] {
        mth(leafHashes[...])
    }

    /// The audit path (RFC 6962 section 2.1.1 `PATH`) for the leaf at `index`, leaf-side sibling first.
    /// O(n): for tests and small trees.
    /// - Throws: ``MerkleError/indexOutOfRange(index:size:)`` when `index >= leafHashes.count`.
    public static func inclusionProof(index: UInt64, leafHashes: [[UInt8]]) throws(MerkleError) -> [[UInt8]] {
        let size = UInt64(leafHashes.count)
        guard index < size else { throw .indexOutOfRange(index: index, size: size) }
        return path(Int(index), leafHashes[...])
    }

    /// The consistency proof (RFC 6962 section 2.1.2 `PROOF`) from the first `oldSize` leaves to
    /// all of `leafHashes`. Empty when `oldSize` is 0 or equals the tree size. O(n).
    /// - Throws: ``MerkleError/invalidSizes(old:new:)`` when `oldSize > leafHashes.count`.
    public static func consistencyProof(oldSize: UInt64, leafHashes: [[UInt8]]) throws(MerkleError) -> [[UInt8]] {
        let size = UInt64(leafHashes.count)
        guard oldSize <= size else { throw .invalidSizes(old: oldSize, new: size) }
        if oldSize == 0 || oldSize == size { return [] }
        return subproof(Int(oldSize), leafHashes[...], complete: true)
    }

    // MARK: - Shared helpers

    /// The largest power of two strictly below `n` (`n >= 2`): where RFC 6962 splits a tree of `n` leaves.
    static func splitPoint(_ n: UInt64) -> UInt64 {
        UInt64(1) << (63 - (n - 1).leadingZeroBitCount)
    }

    /// Throws unless `hash` is exactly ``hashByteCount`` bytes.
    static func checkLength(_ hash: [UInt8]) throws(MerkleError) {
        guard hash.count == hashByteCount else { throw .wrongHashLength(hash.count) }
    }

    // MARK: - Literal recursive definitions (RFC 6962 section 2.1)

    private static func mth(_ leaves: ArraySlice<[UInt8]>) -> [UInt8] {
        switch leaves.count {
        case 0: return emptyRoot
        case 1: return leaves[leaves.startIndex]
        default:
            let k = Int(splitPoint(UInt64(leaves.count)))
            let mid = leaves.startIndex + k
            return nodeHash(mth(leaves[..<mid]), mth(leaves[mid...]))
        }
    }

    /// `PATH(m, D[n])`, with `m` relative to the slice start.
    private static func path(_ m: Int, _ leaves: ArraySlice<[UInt8]>) -> [[UInt8]] {
        let n = leaves.count
        guard n > 1 else { return [] }
        let k = Int(splitPoint(UInt64(n)))
        let mid = leaves.startIndex + k
        if m < k {
            return path(m, leaves[..<mid]) + [mth(leaves[mid...])]
        } else {
            return path(m - k, leaves[mid...]) + [mth(leaves[..<mid])]
        }
    }

    /// `SUBPROOF(m, D[n], b)`, with `m` relative to the slice start.
    private static func subproof(_ m: Int, _ leaves: ArraySlice<[UInt8]>, complete: Bool) -> [[UInt8]] {
        let n = leaves.count
        if m == n { return complete ? [] : [mth(leaves)] }
        let k = Int(splitPoint(UInt64(n)))
        let mid = leaves.startIndex + k
        if m <= k {
            return subproof(m, leaves[..<mid], complete: complete) + [mth(leaves[mid...])]
        } else {
            return subproof(m - k, leaves[mid...], complete: false) + [mth(leaves[..<mid])]
        }
    }
}
