/// The right edge of a tree: the perfect-subtree hashes covering [0, size), largest first (at most 64).
///
/// There is one hash per set bit of `size`: the subtree for bit `l` has `2^l` leaves. Appending a
/// leaf merges the trailing equal-sized subtrees, which is exactly how RFC 6962 trees grow, so the
/// frontier yields the current root in O(log n) and tells storage which interior nodes to persist.
public struct MerkleFrontier: Sendable, Equatable {
    /// The number of leaves covered.
    public private(set) var size: UInt64
    /// The perfect-subtree hashes covering [0, size), largest (leftmost) first.
    public private(set) var subtreeHashes: [[UInt8]]

    /// The frontier of the empty tree.
    public init() {
        size = 0
        subtreeHashes = []
    }

    /// Loads the frontier of the first `size` leaves: one `hash(level:index:)` read per set bit of `size`.
    /// - Throws: whatever the source throws, or ``MerkleError/wrongHashLength(_:)`` for a bad stored hash.
    public init<S: MerkleNodeSource>(size: UInt64, source: S) throws {
        var hashes: [[UInt8]] = []
        var position: UInt64 = 0
        for level in stride(from: 63, through: 0, by: -1) where size & (UInt64(1) << UInt64(level)) != 0 {
            let hash = try source.hash(level: level, index: position >> UInt64(level))
            guard hash.count == RFC6962.hashByteCount else { throw MerkleError.wrongHashLength(hash.count) }
            hashes.append(hash)
            position += UInt64(1) << UInt64(level)
        }
        self.size = size
        self.subtreeHashes = hashes
    }

    /// The Merkle Tree Hash of the covered leaves (``RFC6962/emptyRoot`` at size 0).
    public var root: [UInt8] {
        guard var hash = subtreeHashes.last else { return RFC6962.emptyRoot }
        for left in subtreeHashes.dropLast().reversed() {
            hash = RFC6962.nodeHash(left, hash)
        }
        return hash
    }

    /// Appends one leaf; returns the perfect-subtree nodes this completes at level >= 1 (to store), in increasing level.
    ///
    /// The leaf hash itself (level 0, index `size` before the call) is not included.
    /// `leafHash` must be ``RFC6962/hashByteCount`` bytes.
    public mutating func append(leafHash: [UInt8]) -> [(level: Int, index: UInt64, hash: [UInt8])] {
        let leafIndex = size
        var completed: [(level: Int, index: UInt64, hash: [UInt8])] = []
        var hash = leafHash
        var level = 0
        // Each trailing one bit of the old size is a subtree of the same size as the one just
        // completed: merge them.
        while (leafIndex >> UInt64(level)) & 1 == 1, let left = subtreeHashes.popLast() {
            hash = RFC6962.nodeHash(left, hash)
            level += 1
            completed.append((level: level, index: leafIndex >> UInt64(level), hash: hash))
        }
        subtreeHashes.append(hash)
        size += 1
        return completed
    }
}
