extension RFC6962 {
    /// The number of hashes in an inclusion proof for `index` in a tree of `treeSize` leaves
    /// (0 when `index >= treeSize`).
    public static func inclusionProofLength(index: UInt64, treeSize: UInt64) -> Int {
        guard index < treeSize else { return 0 }
        let inner = innerProofLength(index: index, treeSize: treeSize)
        return inner + (index >> UInt64(inner)).nonzeroBitCount
    }

    /// The number of hashes in a consistency proof from `oldSize` to `newSize` leaves
    /// (0 when `oldSize` is 0 or not below `newSize`).
    public static func consistencyProofLength(oldSize: UInt64, newSize: UInt64) -> Int {
        guard oldSize > 0, oldSize < newSize else { return 0 }
        let shift = oldSize.trailingZeroBitCount
        let inner = innerProofLength(index: oldSize - 1, treeSize: newSize)
        let border = ((oldSize - 1) >> UInt64(inner)).nonzeroBitCount
        let seed = oldSize == UInt64(1) << UInt64(shift) ? 0 : 1
        return seed + (inner - shift) + border
    }

    /// Verifies that `leafHash` is the leaf at `index` of the tree of `treeSize` leaves with root
    /// `root` (RFC 9162 section 2.1.3.2). Every hash must be exactly 32 bytes.
    /// - Throws: a ``MerkleError`` describing the first problem found.
    public static func verifyInclusion(
        leafHash: [UInt8], index: UInt64, treeSize: UInt64, proof: [[UInt8]], root: [UInt8]
    ) throws(MerkleError) {
        try checkLength(root)
        let computed = try rootFromInclusionProof(leafHash: leafHash, index: index, treeSize: treeSize, proof: proof)
        guard computed == root else { throw .rootMismatch }
    }

    /// The root implied by an inclusion proof (RFC 9162 section 2.1.3.2), after checking the index,
    /// the proof length and that every hash is 32 bytes.
    /// - Throws: ``MerkleError/indexOutOfRange(index:size:)``, ``MerkleError/wrongHashLength(_:)``
    ///   or ``MerkleError/wrongProofLength(expected:got:)``.
    public static func rootFromInclusionProof(
        leafHash: [UInt8], index: UInt64, treeSize: UInt64, proof: [[UInt8]]
    ) throws(MerkleError) -> [UInt8] {
        try checkLength(leafHash)
        for element in proof { try checkLength(element) }
        guard index < treeSize else { throw .indexOutOfRange(index: index, size: treeSize) }
        let expected = inclusionProofLength(index: index, treeSize: treeSize)
        guard proof.count == expected else { throw .wrongProofLength(expected: expected, got: proof.count) }

        var fn = index
        var sn = treeSize - 1
        var r = leafHash
        for p in proof {
            guard sn != 0 else { throw .wrongProofLength(expected: expected, got: proof.count) }
            if fn & 1 == 1 || fn == sn {
                r = nodeHash(p, r)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                r = nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw .wrongProofLength(expected: expected, got: proof.count) }
        return r
    }

    /// Verifies that the tree of `newSize` leaves with root `newRoot` extends the tree of
    /// `oldSize` leaves with root `oldRoot` (RFC 9162 section 2.1.4.2).
    ///
    /// - Equal sizes: the proof must be empty and the (32-byte) roots equal.
    /// - `oldSize == 0`: the empty tree is consistent with every tree (c2sp.org/tlog-witness); the
    ///   proof must be empty and the roots are not examined.
    /// - Otherwise every hash must be 32 bytes and the proof exactly as long as RFC 6962 makes it.
    /// - Throws: a ``MerkleError`` describing the first problem found.
    public static func verifyConsistency(
        oldSize: UInt64, newSize: UInt64, oldRoot: [UInt8], newRoot: [UInt8], proof: [[UInt8]]
    ) throws(MerkleError) {
        guard oldSize <= newSize else { throw .invalidSizes(old: oldSize, new: newSize) }
        if oldSize == newSize {
            guard proof.isEmpty else { throw .wrongProofLength(expected: 0, got: proof.count) }
            try checkLength(oldRoot)
            try checkLength(newRoot)
            guard oldRoot == newRoot else { throw .rootMismatch }
            return
        }
        if oldSize == 0 {
            guard proof.isEmpty else { throw .wrongProofLength(expected: 0, got: proof.count) }
            return
        }
        try checkLength(oldRoot)
        try checkLength(newRoot)
        for element in proof { try checkLength(element) }
        let expected = consistencyProofLength(oldSize: oldSize, newSize: newSize)
        guard proof.count == expected else { throw .wrongProofLength(expected: expected, got: proof.count) }

        // RFC 9162 2.1.4.2: when the old tree is a perfect subtree, its root is the first node.
        var path = proof
        if oldSize.nonzeroBitCount == 1 { path.insert(oldRoot, at: 0) }
        guard let first = path.first else { throw .wrongProofLength(expected: expected, got: proof.count) }
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = first
        var sr = first
        for c in path.dropFirst() {
            guard sn != 0 else { throw .wrongProofLength(expected: expected, got: proof.count) }
            if fn & 1 == 1 || fn == sn {
                fr = nodeHash(c, fr)
                sr = nodeHash(c, sr)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                sr = nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw .wrongProofLength(expected: expected, got: proof.count) }
        guard fr == oldRoot, sr == newRoot else { throw .rootMismatch }
    }

    /// Hashes below the point where the paths to `index` and to the last leaf diverge.
    private static func innerProofLength(index: UInt64, treeSize: UInt64) -> Int {
        64 - (index ^ (treeSize - 1)).leadingZeroBitCount
    }
}
