/// Source of complete-subtree hashes: `hash(level: l, index: i)` is the root of the perfect subtree
/// of `2^l` leaves starting at leaf `i * 2^l` (level 0 = leaf hashes). Storage implements this
/// (SQLite reads).
///
/// ``MerkleTreeReader`` and ``MerkleFrontier`` only ask for subtrees that lie entirely inside
/// the tree size they were given. A source that lacks a node should throw
/// ``MerkleError/missingNode(level:index:)``.
public protocol MerkleNodeSource {
    /// The hash of the perfect subtree of `2^level` leaves starting at leaf `index << level`.
    func hash(level: Int, index: UInt64) throws -> [UInt8]
}

/// Computes roots and proofs for any prefix of a tree whose perfect-subtree hashes are stored.
///
/// Every operation reads O(log n) nodes: a root or a proof sibling that is not a perfect subtree
/// (at most one per proof, on the right edge of the tree) is folded from the perfect subtrees that
/// cover it, never recomputed from leaves: `root(size:)` reads `popcount(size)` nodes, and a
/// proof at most `2 * ceil(log2(size))`.
public struct MerkleTreeReader<Source: MerkleNodeSource> {
    /// Where complete-subtree hashes come from.
    public let source: Source

    /// Wraps a node source.
    public init(source: Source) {
        self.source = source
    }

    /// The Merkle Tree Hash of the first `size` leaves (``RFC6962/emptyRoot`` for 0).
    /// - Throws: whatever the source throws, or ``MerkleError/wrongHashLength(_:)`` for a bad stored hash.
    public func root(size: UInt64) throws -> [UInt8] {
        try rangeHash(0, size)
    }

    /// The inclusion proof for leaf `index` in the tree of `size` leaves, leaf-side sibling first.
    /// - Throws: ``MerkleError/indexOutOfRange(index:size:)``, or whatever the source throws.
    public func inclusionProof(index: UInt64, size: UInt64) throws -> [[UInt8]] {
        guard index < size else { throw MerkleError.indexOutOfRange(index: index, size: size) }
        // Walk down from the root; record each sibling (top-down), then reverse.
        var lo: UInt64 = 0
        var hi = size
        var proof: [[UInt8]] = []
        while hi - lo > 1 {
            let k = RFC6962.splitPoint(hi - lo)
            if index < lo + k {
                proof.append(try rangeHash(lo + k, hi))
                hi = lo + k
            } else {
                proof.append(try rangeHash(lo, lo + k))
                lo += k
            }
        }
        return proof.reversed()
    }

    /// The consistency proof from the tree of `oldSize` leaves to the tree of `newSize` leaves
    /// (RFC 6962 section 2.1.2); empty when `oldSize` is 0 or equals `newSize`.
    /// - Throws: ``MerkleError/invalidSizes(old:new:)``, or whatever the source throws.
    public func consistencyProof(oldSize: UInt64, newSize: UInt64) throws -> [[UInt8]] {
        guard oldSize <= newSize else { throw MerkleError.invalidSizes(old: oldSize, new: newSize) }
        if oldSize == 0 || oldSize == newSize { return [] }
        // SUBPROOF(m, D[lo:hi], complete) unrolled; `oldSize` stays an absolute leaf position.
        var lo: UInt64 = 0
        var hi = newSize
        var complete = true
        var proof: [[UInt8]] = []
        while oldSize != hi {
            let k = RFC6962.splitPoint(hi - lo)
            if oldSize <= lo + k {
                proof.append(try rangeHash(lo + k, hi))
                hi = lo + k
            } else {
                proof.append(try rangeHash(lo, lo + k))
                lo += k
                complete = false
            }
        }
        if !complete { proof.append(try rangeHash(lo, hi)) }
        return proof.reversed()
    }

    /// The hash of the tree node covering leaves `[start, end)`: a perfect subtree, or a node on
    /// the right edge folded from the perfect subtrees that cover it, largest first.
    ///
    /// `start` must be aligned to the largest power of two not above `end - start` (true of every
    /// node in an RFC 6962 tree).
    func rangeHash(_ start: UInt64, _ end: UInt64) throws -> [UInt8] {
        var parts: [[UInt8]] = []
        var position = start
        while position < end {
            let level = 63 - (end - position).leadingZeroBitCount
            parts.append(try node(level: level, index: position >> UInt64(level)))
            position += UInt64(1) << UInt64(level)
        }
        guard var hash = parts.popLast() else { return RFC6962.emptyRoot }
        while let left = parts.popLast() {
            hash = RFC6962.nodeHash(left, hash)
        }
        return hash
    }

    private func node(level: Int, index: UInt64) throws -> [UInt8] {
        let hash = try source.hash(level: level, index: index)
        guard hash.count == RFC6962.hashByteCount else { throw MerkleError.wrongHashLength(hash.count) }
        return hash
    }
}

extension MerkleTreeReader: Sendable where Source: Sendable {}
