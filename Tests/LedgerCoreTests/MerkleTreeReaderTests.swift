import LedgerCore
import Testing

/// A source for trees too large to build: each node's "hash" is SHA-256 of its coordinates.
/// Counts reads and records any read of a subtree not entirely inside `size`.
final class CountingSource: MerkleNodeSource {
    let size: UInt64
    private(set) var calls = 0
    private(set) var outOfTree: [(level: Int, index: UInt64)] = []

    init(size: UInt64) { self.size = size }

    func reset() { calls = 0 }

    func hash(level: Int, index: UInt64) throws -> [UInt8] {
        calls += 1
        let (end, overflow) = (index + 1).multipliedReportingOverflow(by: UInt64(1) << UInt64(level))
        if level < 0 || level > 63 || overflow || end > size { outOfTree.append((level, index)) }
        return SHA256.hash(Array("(\(level),\(index))".utf8))
    }
}

private func testLeaves(_ count: Int) -> [[UInt8]] {
    (0..<count).map { RFC6962.leafHash(Array("leaf \($0)".utf8)) }
}

/// ceil(log2(n)) for n >= 1.
private func ceilLog2(_ n: UInt64) -> Int { n <= 1 ? 0 : 64 - (n - 1).leadingZeroBitCount }

@Suite struct MerkleTreeReaderTests {
    @Test func exhaustiveSmallTrees() throws {
        let leaves = testLeaves(64)
        let reader = MerkleTreeReader(source: DictionaryNodeSource(leafHashes: leaves))
        for n in 0...64 {
            let prefix = Array(leaves.prefix(n))
            let size = UInt64(n)
            let root = RFC6962.root(ofLeafHashes: prefix)
            #expect(try reader.root(size: size) == root, "root \(n)")
            for i in 0..<size {
                let proof = try RFC6962.inclusionProof(index: i, leafHashes: prefix)
                #expect(try reader.inclusionProof(index: i, size: size) == proof, "inclusion \(i)/\(n)")
                #expect(proof.count == RFC6962.inclusionProofLength(index: i, treeSize: size))
                try RFC6962.verifyInclusion(leafHash: prefix[Int(i)], index: i, treeSize: size, proof: proof, root: root)
                #expect(try RFC6962.rootFromInclusionProof(leafHash: prefix[Int(i)], index: i, treeSize: size, proof: proof) == root)
            }
            for m in 0...size {
                let proof = try RFC6962.consistencyProof(oldSize: m, leafHashes: prefix)
                #expect(try reader.consistencyProof(oldSize: m, newSize: size) == proof, "consistency \(m)->\(n)")
                #expect(proof.count == RFC6962.consistencyProofLength(oldSize: m, newSize: size))
                let oldRoot = RFC6962.root(ofLeafHashes: Array(prefix.prefix(Int(m))))
                try RFC6962.verifyConsistency(oldSize: m, newSize: size, oldRoot: oldRoot, newRoot: root, proof: proof)
                if !proof.isEmpty {
                    var tampered = proof
                    tampered[tampered.count - 1][0] ^= 1
                    #expect(throws: MerkleError.rootMismatch) {
                        try RFC6962.verifyConsistency(oldSize: m, newSize: size, oldRoot: oldRoot, newRoot: root, proof: tampered)
                    }
                }
            }
        }
    }

    @Test func randomTreesUpTo2000() throws {
        let leaves = testLeaves(2000)
        let reader = MerkleTreeReader(source: DictionaryNodeSource(leafHashes: leaves))
        var rng = SplitMix64(seed: 0x636f_6c65_6467_6572)
        for _ in 0..<60 {
            let size = UInt64.random(in: 1...2000, using: &rng)
            let prefix = Array(leaves.prefix(Int(size)))
            let root = RFC6962.root(ofLeafHashes: prefix)
            #expect(try reader.root(size: size) == root)
            let index = UInt64.random(in: 0..<size, using: &rng)
            let proof = try reader.inclusionProof(index: index, size: size)
            #expect(proof == (try RFC6962.inclusionProof(index: index, leafHashes: prefix)))
            try RFC6962.verifyInclusion(leafHash: prefix[Int(index)], index: index, treeSize: size, proof: proof, root: root)
            let old = UInt64.random(in: 0...size, using: &rng)
            let consistency = try reader.consistencyProof(oldSize: old, newSize: size)
            #expect(consistency == (try RFC6962.consistencyProof(oldSize: old, leafHashes: prefix)))
            try RFC6962.verifyConsistency(
                oldSize: old, newSize: size, oldRoot: try reader.root(size: old), newRoot: root, proof: consistency)
        }
    }

    static let largeSizes: [UInt64] = [
        1, 2, 3, 7, 8, 1000, 1_000_000, 1_048_576, 1_234_567_891, 987_654_321_987, (1 << 40) - 1, 1 << 40,
        (1 << 40) + 12345, (1 << 40) - (1 << 20) + 3,
    ]

    @Test(arguments: largeSizes)
    func readsAreLogarithmic(size: UInt64) throws {
        let source = CountingSource(size: size)
        let reader = MerkleTreeReader(source: source)
        let bound = 2 * ceilLog2(size)
        _ = try reader.root(size: size)
        #expect(source.calls == size.nonzeroBitCount)
        var rng = SplitMix64(seed: size)
        var indices: [UInt64] = [0, size - 1, size / 2]
        for _ in 0..<40 { indices.append(UInt64.random(in: 0..<size, using: &rng)) }
        for index in indices {
            source.reset()
            let proof = try reader.inclusionProof(index: index, size: size)
            #expect(source.calls <= bound, "inclusion \(index)/\(size): \(source.calls) reads")
            #expect(proof.count == RFC6962.inclusionProofLength(index: index, treeSize: size))
        }
        var olds: [UInt64] = [1, size - 1, size / 2]
        for _ in 0..<40 { olds.append(UInt64.random(in: 1...size, using: &rng)) }
        for old in olds where old >= 1 {
            source.reset()
            let proof = try reader.consistencyProof(oldSize: old, newSize: size)
            #expect(source.calls <= bound, "consistency \(old)->\(size): \(source.calls) reads")
            #expect(proof.count == RFC6962.consistencyProofLength(oldSize: old, newSize: size))
        }
        source.reset()
        _ = try MerkleFrontier(size: size, source: source)
        #expect(source.calls == size.nonzeroBitCount)
        #expect(source.outOfTree.isEmpty, "read subtrees outside the tree: \(source.outOfTree.prefix(5))")
    }

    @Test func readerErrors() throws {
        let leaves = testLeaves(5)
        let reader = MerkleTreeReader(source: DictionaryNodeSource(leafHashes: leaves))
        #expect(throws: MerkleError.indexOutOfRange(index: 5, size: 5)) { try reader.inclusionProof(index: 5, size: 5) }
        #expect(throws: MerkleError.indexOutOfRange(index: 0, size: 0)) { try reader.inclusionProof(index: 0, size: 0) }
        #expect(throws: MerkleError.invalidSizes(old: 4, new: 3)) { try reader.consistencyProof(oldSize: 4, newSize: 3) }
        #expect(throws: MerkleError.missingNode(level: 1, index: 2)) { try reader.root(size: 6) }
        #expect(try reader.root(size: 0) == RFC6962.emptyRoot)
        #expect(try reader.consistencyProof(oldSize: 0, newSize: 5).isEmpty)
        #expect(try reader.consistencyProof(oldSize: 5, newSize: 5).isEmpty)
        #expect(throws: MerkleError.indexOutOfRange(index: 5, size: 5)) { try RFC6962.inclusionProof(index: 5, leafHashes: leaves) }
        #expect(throws: MerkleError.invalidSizes(old: 6, new: 5)) { try RFC6962.consistencyProof(oldSize: 6, leafHashes: leaves) }

        struct ShortHashes: MerkleNodeSource {
            func hash(level: Int, index: UInt64) throws -> [UInt8] { [1, 2, 3] }
        }
        #expect(throws: MerkleError.wrongHashLength(3)) { try MerkleTreeReader(source: ShortHashes()).root(size: 1) }
        #expect(throws: MerkleError.wrongHashLength(3)) { try MerkleFrontier(size: 1, source: ShortHashes()) }
    }

    @Test func verifierRejectsMalformedInput() throws {
        let leaves = testLeaves(7)
        let root = RFC6962.root(ofLeafHashes: leaves)
        let proof = try RFC6962.inclusionProof(index: 2, leafHashes: leaves)
        #expect(throws: MerkleError.wrongProofLength(expected: 3, got: 2)) {
            try RFC6962.verifyInclusion(leafHash: leaves[2], index: 2, treeSize: 7, proof: Array(proof.dropLast()), root: root)
        }
        #expect(throws: MerkleError.wrongHashLength(31)) {
            try RFC6962.verifyInclusion(leafHash: Array(leaves[2].dropLast()), index: 2, treeSize: 7, proof: proof, root: root)
        }
        #expect(throws: MerkleError.rootMismatch) {
            try RFC6962.verifyInclusion(leafHash: leaves[3], index: 2, treeSize: 7, proof: proof, root: root)
        }
        #expect(throws: MerkleError.indexOutOfRange(index: 7, size: 7)) {
            try RFC6962.verifyInclusion(leafHash: leaves[2], index: 7, treeSize: 7, proof: proof, root: root)
        }
        // From the empty tree: any tree, empty proof (c2sp tlog-witness); a non-empty proof is refused.
        try RFC6962.verifyConsistency(oldSize: 0, newSize: 7, oldRoot: RFC6962.emptyRoot, newRoot: root, proof: [])
        #expect(throws: MerkleError.wrongProofLength(expected: 0, got: 1)) {
            try RFC6962.verifyConsistency(oldSize: 0, newSize: 7, oldRoot: RFC6962.emptyRoot, newRoot: root, proof: [root])
        }
        #expect(throws: MerkleError.invalidSizes(old: 8, new: 7)) {
            try RFC6962.verifyConsistency(oldSize: 8, newSize: 7, oldRoot: root, newRoot: root, proof: [])
        }
    }

    @Test func frontierMatchesTreeForSizes0To300() throws {
        let leaves = testLeaves(300)
        let source = DictionaryNodeSource(leafHashes: leaves)
        var frontier = MerkleFrontier()
        #expect(frontier.size == 0 && frontier.root == RFC6962.emptyRoot)
        var stored: [String: [UInt8]] = [:]
        for n in 1...300 {
            let leafIndex = UInt64(n - 1)
            let completed = frontier.append(leafHash: leaves[n - 1])
            #expect(frontier.size == UInt64(n))
            #expect(frontier.root == RFC6962.root(ofLeafHashes: Array(leaves.prefix(n))), "root at \(n)")
            #expect(frontier.subtreeHashes.count == UInt64(n).nonzeroBitCount)
            // Exactly the perfect subtrees at level >= 1 whose last leaf is the one just appended.
            var expected: [(Int, UInt64)] = []
            var level = 1
            while (leafIndex + 1) % (UInt64(1) << UInt64(level)) == 0 {
                expected.append((level, (leafIndex + 1) >> UInt64(level) - 1))
                level += 1
            }
            #expect(completed.map(\.level) == expected.map(\.0), "levels at \(n)")
            #expect(completed.map(\.index) == expected.map(\.1), "indices at \(n)")
            for node in completed {
                #expect(node.hash == (try source.hash(level: node.level, index: node.index)), "node \(node.level)/\(node.index)")
                stored["\(node.level)/\(node.index)"] = node.hash
            }
            #expect(try MerkleFrontier(size: UInt64(n), source: source) == frontier, "reloaded frontier at \(n)")
        }
        // Across all appends: every perfect subtree at level >= 1 of the 300-leaf tree, once.
        var all = 0
        for level in 1..<source.levels.count { all += source.levels[level].count }
        #expect(stored.count == all)
        #expect(try MerkleFrontier(size: 0, source: source) == MerkleFrontier())
    }
}
