import Foundation
import LedgerCore
import Testing

/// Locates and decodes the third-party vectors (`<repo root>/Tests/Vectors`).
enum TlogVectors {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // LedgerCoreTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Vectors")

    static func load<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        let data = try Data(contentsOf: directory.appendingPathComponent(path))
        return try JSONDecoder().decode(T.self, from: data)
    }

    /// Standard base64 as Go's encoding/json writes []byte ("" is empty). Non-base64 fails the test.
    static func b64(_ text: String) -> [UInt8] {
        guard let data = Data(base64Encoded: text) else {
            Issue.record("vector is not base64: \(text)")
            return []
        }
        return [UInt8](data)
    }

    static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    static func hex(_ text: String) -> [UInt8] {
        guard let bytes = Hex.decode(text) else {
            Issue.record("vector is not hex: \(text)")
            return []
        }
        return bytes
    }
}

// MARK: - Vector file shapes

struct InclusionProbe: Decodable, Sendable, CustomTestStringConvertible {
    let file: String
    let leafIdx: UInt64
    let treeSize: UInt64
    let root: String
    let leafHash: String
    let proof: [String]?
    let desc: String
    let wantErr: Bool
    var testDescription: String { file }
}

struct ConsistencyProbe: Decodable, Sendable, CustomTestStringConvertible {
    let file: String
    let size1: UInt64
    let size2: UInt64
    let root1: String
    let root2: String
    let proof: [String]?
    let desc: String
    let wantErr: Bool
    var testDescription: String { file }
}

struct ProbeFile<Probe: Decodable & Sendable>: Decodable {
    let count: Int
    let probes: [Probe]
}

struct ReferenceTree: Decodable {
    struct HasherVector: Decodable {
        let desc: String
        let op: String
        let want: String
        let data_hex: String?
        let left_hex: String?
        let right_hex: String?
    }
    let leaf_inputs: [String]
    let node_hashes: [[String]]
    let root_hashes: [String]
    let hasher_vectors: [HasherVector]
}

struct DerivedProofs: Decodable {
    struct Inclusion: Decodable {
        let leaf_index: UInt64
        let tree_size: UInt64
        let leaf_data: String
        let leaf_hash: String
        let root: String
        let proof: [String]
    }
    struct Consistency: Decodable {
        let size1: UInt64
        let size2: UInt64
        let root1: String
        let root2: String
        let proof: [String]
    }
    let inclusion: [Inclusion]
    let consistency: [Consistency]
}

struct GoldenVectors: Decodable {
    struct Keys: Decodable {
        let log_seed_hex: String
        let log_key_id_hex: String
    }
    struct ConsistencyProof: Decodable {
        let size1: UInt64
        let size2: UInt64
        let proof_b64: [String]
    }
    let log_vkey: String
    let origin: String
    let keys: Keys
    let leaf_hashes_b64: [String]
    let roots_b64_by_size: [String: String]
    let tlog_proof_index_3: String
    let consistency: [ConsistencyProof]
    let checkpoints: [String: String]

    static func load() throws -> GoldenVectors { try TlogVectors.load(GoldenVectors.self, "coledger/golden.json") }
    var leafHashes: [[UInt8]] { leaf_hashes_b64.map(TlogVectors.b64) }
}

/// A `MerkleNodeSource` backed by every perfect subtree of an in-memory tree, built level by level.
struct DictionaryNodeSource: MerkleNodeSource, Sendable {
    let levels: [[[UInt8]]]

    init(leafHashes: [[UInt8]]) {
        var levels = [leafHashes]
        while let last = levels.last, last.count >= 2 {
            levels.append(stride(from: 0, to: last.count - 1, by: 2).map { RFC6962.nodeHash(last[$0], last[$0 + 1]) })
        }
        self.levels = levels
    }

    func hash(level: Int, index: UInt64) throws -> [UInt8] {
        guard level < levels.count, index < UInt64(levels[level].count) else {
            throw MerkleError.missingNode(level: level, index: index)
        }
        return levels[level][Int(index)]
    }
}

// MARK: - transparency-dev/merkle probes

private let inclusionFile = "rfc6962/transparency-dev-merkle-inclusion.json"
private let consistencyFile = "rfc6962/transparency-dev-merkle-consistency.json"
private let inclusionProbes = (try? TlogVectors.load(ProbeFile<InclusionProbe>.self, inclusionFile).probes) ?? []
private let consistencyProbes = (try? TlogVectors.load(ProbeFile<ConsistencyProbe>.self, consistencyFile).probes) ?? []

/// Probes where our verdict intentionally differs from transparency-dev's `wantErr`.
/// - The two `size1 == 0` probes: transparency-dev calls a consistency check from the empty tree
///   an error; c2sp.org/tlog-witness treats the empty tree as consistent with every tree (old size
///   0, empty proof), and so do we (the roots are not examined), so we accept them.
/// - `sizes-are-equal-one-and-proof-is-empty` carries 12-byte placeholder roots ("don't care 2");
///   the Go library skips the length check for equal sizes, we require every hash to be 32 bytes
///   and reject it.
private let consistencyExceptions: [String: Bool] = [  // file -> our expected verdict: valid?
    "testdata/consistency/additional/size1-is-zero-and-does-not-equal-size2.json": true,
    "testdata/consistency/additional/size1-is-zero-and-size2-is-not-zero.json": true,
    "testdata/consistency/additional/sizes-are-equal-one-and-proof-is-empty.json": false,
]

@Suite struct MerkleVectorTests {
    @Test func probeFilesAreComplete() throws {
        let inclusion = try TlogVectors.load(ProbeFile<InclusionProbe>.self, inclusionFile)
        let consistency = try TlogVectors.load(ProbeFile<ConsistencyProbe>.self, consistencyFile)
        #expect(inclusion.count == 98 && inclusion.probes.count == 98)
        #expect(consistency.count == 98 && consistency.probes.count == 98)
        #expect(inclusion.probes.filter { !$0.wantErr }.count == 6)
        #expect(consistency.probes.filter { !$0.wantErr }.count == 6)
        let files = Set(consistency.probes.map(\.file))
        for file in consistencyExceptions.keys { #expect(files.contains(file), "exception \(file) not in the vectors") }
    }

    @Test(arguments: inclusionProbes)
    func inclusionProbe(_ probe: InclusionProbe) {
        let proof = (probe.proof ?? []).map(TlogVectors.b64)
        let verify = { () throws(MerkleError) in
            try RFC6962.verifyInclusion(
                leafHash: TlogVectors.b64(probe.leafHash), index: probe.leafIdx, treeSize: probe.treeSize,
                proof: proof, root: TlogVectors.b64(probe.root))
        }
        if probe.wantErr {
            #expect(throws: MerkleError.self, "\(probe.file) must be rejected") { try verify() }
        } else {
            #expect(throws: Never.self, "\(probe.file) must verify") { try verify() }
        }
    }

    @Test(arguments: consistencyProbes)
    func consistencyProbe(_ probe: ConsistencyProbe) {
        let proof = (probe.proof ?? []).map(TlogVectors.b64)
        let verify = { () throws(MerkleError) in
            try RFC6962.verifyConsistency(
                oldSize: probe.size1, newSize: probe.size2, oldRoot: TlogVectors.b64(probe.root1),
                newRoot: TlogVectors.b64(probe.root2), proof: proof)
        }
        let shouldVerify = consistencyExceptions[probe.file] ?? !probe.wantErr
        if shouldVerify {
            #expect(throws: Never.self, "\(probe.file) must verify") { try verify() }
        } else {
            #expect(throws: MerkleError.self, "\(probe.file) must be rejected") { try verify() }
        }
    }

    // MARK: - Reference tree (transparency-dev testonly constants)

    @Test func referenceTree() throws {
        let tree = try TlogVectors.load(ReferenceTree.self, "rfc6962/reference-tree-8-leaves.json")
        let leaves = tree.leaf_inputs.map(TlogVectors.hex)
        let leafHashes = leaves.map { RFC6962.leafHash($0) }
        #expect(tree.root_hashes.count == 9)
        for (n, want) in tree.root_hashes.enumerated() {
            #expect(Hex.encode(RFC6962.root(ofLeafHashes: Array(leafHashes.prefix(n)))) == want, "root of \(n)")
        }
        let source = DictionaryNodeSource(leafHashes: leafHashes)
        for (level, hashes) in tree.node_hashes.enumerated() {
            for (index, want) in hashes.enumerated() {
                #expect(Hex.encode(try source.hash(level: level, index: UInt64(index))) == want, "node \(level)/\(index)")
            }
        }
        #expect(tree.node_hashes.map(\.count) == [8, 4, 2, 1])
        leaves[0].withUnsafeBytes { #expect(RFC6962.leafHash($0) == leafHashes[0]) }
    }

    @Test func hasherVectors() throws {
        let tree = try TlogVectors.load(ReferenceTree.self, "rfc6962/reference-tree-8-leaves.json")
        #expect(tree.hasher_vectors.count == 4)
        for vector in tree.hasher_vectors {
            let got: [UInt8]
            switch vector.op {
            case "empty_root": got = RFC6962.emptyRoot
            case "hash_leaf": got = RFC6962.leafHash(TlogVectors.hex(vector.data_hex ?? ""))
            case "hash_children":
                got = RFC6962.nodeHash(TlogVectors.hex(vector.left_hex ?? ""), TlogVectors.hex(vector.right_hex ?? ""))
            default:
                Issue.record("unknown op \(vector.op)")
                continue
            }
            #expect(Hex.encode(got) == vector.want, "\(vector.desc)")
        }
        #expect(RFC6962.emptyRoot == SHA256.hash([UInt8]()))
    }

    // MARK: - Derived: every proof of the 8-leaf tree

    @Test func derivedInclusionProofs() throws {
        let derived = try TlogVectors.load(DerivedProofs.self, "rfc6962/derived-all-proofs-8-leaves.json")
        #expect(derived.inclusion.count == 36)
        for item in derived.inclusion {
            let leafHash = RFC6962.leafHash(TlogVectors.hex(item.leaf_data))
            #expect(Hex.encode(leafHash) == item.leaf_hash)
            let allLeaves = derived.inclusion.filter { $0.tree_size == 8 }.sorted { $0.leaf_index < $1.leaf_index }
            let leafHashes = allLeaves.prefix(Int(item.tree_size)).map { TlogVectors.hex($0.leaf_hash) }
            let want = item.proof.map(TlogVectors.hex)
            let label = "index \(item.leaf_index) size \(item.tree_size)"
            #expect(try RFC6962.inclusionProof(index: item.leaf_index, leafHashes: leafHashes) == want, "\(label)")
            let reader = MerkleTreeReader(source: DictionaryNodeSource(leafHashes: leafHashes))
            #expect(try reader.inclusionProof(index: item.leaf_index, size: item.tree_size) == want, "\(label)")
            #expect(Hex.encode(try reader.root(size: item.tree_size)) == item.root, "\(label)")
            try RFC6962.verifyInclusion(
                leafHash: leafHash, index: item.leaf_index, treeSize: item.tree_size, proof: want,
                root: TlogVectors.hex(item.root))
        }
    }

    @Test func derivedConsistencyProofs() throws {
        let derived = try TlogVectors.load(DerivedProofs.self, "rfc6962/derived-all-proofs-8-leaves.json")
        #expect(derived.consistency.count == 28)
        let leafHashes = derived.inclusion.filter { $0.tree_size == 8 }.sorted { $0.leaf_index < $1.leaf_index }
            .map { TlogVectors.hex($0.leaf_hash) }
        for item in derived.consistency {
            let leaves = Array(leafHashes.prefix(Int(item.size2)))
            let want = item.proof.map(TlogVectors.hex)
            let label = "\(item.size1) -> \(item.size2)"
            #expect(try RFC6962.consistencyProof(oldSize: item.size1, leafHashes: leaves) == want, "\(label)")
            let reader = MerkleTreeReader(source: DictionaryNodeSource(leafHashes: leafHashes))
            #expect(try reader.consistencyProof(oldSize: item.size1, newSize: item.size2) == want, "\(label)")
            try RFC6962.verifyConsistency(
                oldSize: item.size1, newSize: item.size2, oldRoot: TlogVectors.hex(item.root1),
                newRoot: TlogVectors.hex(item.root2), proof: want)
        }
    }

    // MARK: - Coledger golden vectors

    @Test func goldenRootsAndProofs() throws {
        let golden = try GoldenVectors.load()
        let leafHashes = golden.leafHashes
        #expect(leafHashes.count == 8)
        let reader = MerkleTreeReader(source: DictionaryNodeSource(leafHashes: leafHashes))
        var frontier = MerkleFrontier()
        for size in 0...8 {
            let want = try #require(golden.roots_b64_by_size[String(size)])
            #expect(TlogVectors.base64(RFC6962.root(ofLeafHashes: Array(leafHashes.prefix(size)))) == want)
            #expect(TlogVectors.base64(try reader.root(size: UInt64(size))) == want)
            #expect(TlogVectors.base64(frontier.root) == want)
            if size < 8 { _ = frontier.append(leafHash: leafHashes[size]) }
        }
        #expect(golden.consistency.count == 5)
        for item in golden.consistency {
            let want = item.proof_b64.map(TlogVectors.b64)
            #expect(try RFC6962.consistencyProof(oldSize: item.size1, leafHashes: Array(leafHashes.prefix(Int(item.size2)))) == want)
            #expect(try reader.consistencyProof(oldSize: item.size1, newSize: item.size2) == want)
            try RFC6962.verifyConsistency(
                oldSize: item.size1, newSize: item.size2, oldRoot: try reader.root(size: item.size1),
                newRoot: try reader.root(size: item.size2), proof: want)
        }
    }
}
