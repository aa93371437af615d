import Foundation
import LedgerCore
import Testing

@Suite struct TlogProofTests {
    @Test func goldenProofForIndex3() throws {
        let golden = try GoldenVectors.load()
        let text = golden.tlog_proof_index_3
        let proof = try TlogProof(parsing: text)
        #expect(proof.serialized == text)
        #expect(proof.index == 3)
        #expect(proof.extra == nil)
        let logKey = try NoteVerifierKey(parsing: golden.log_vkey)
        let leafHashes = golden.leafHashes
        let (checkpoint, cosigners) = try proof.verify(leafHash: leafHashes[3], logKey: logKey)
        #expect(checkpoint.size == 8)
        #expect(TlogVectors.base64(checkpoint.rootHash) == golden.roots_b64_by_size["8"])
        #expect(cosigners.isEmpty)
        #expect(proof.checkpoint.serialized == golden.checkpoints["8"])

        // Rebuilding it from the tree and the log seed gives the same bytes.
        let reader = MerkleTreeReader(source: DictionaryNodeSource(leafHashes: leafHashes))
        let logSigner = try Ed25519SigningKey(seed: TlogVectors.hex(golden.keys.log_seed_hex))
        let rebuilt = TlogProof(
            index: 3, proof: try reader.inclusionProof(index: 3, size: 8),
            checkpoint: Checkpoint(origin: golden.origin, size: 8, rootHash: try reader.root(size: 8))
                .signed(name: golden.origin, key: logSigner))
        #expect(rebuilt.serialized == text)
        #expect(rebuilt == proof)

        // Wrong leaf, wrong index, missing log signature.
        #expect(throws: NoteError.proofFailed(.rootMismatch)) { try proof.verify(leafHash: leafHashes[2], logKey: logKey) }
        let moved = TlogProof(index: 2, proof: proof.proof, checkpoint: proof.checkpoint)
        #expect(throws: NoteError.self) { try moved.verify(leafHash: leafHashes[3], logKey: logKey) }
        let otherKey = NoteVerifierKey(name: golden.origin, publicKey: try Ed25519SigningKey(seed: [UInt8](repeating: 2, count: 32)).publicKey)
        #expect(throws: NoteError.noVerifiableSignatures) { try proof.verify(leafHash: leafHashes[3], logKey: otherKey) }
    }

    @Test func sigsumProofWithCosignature() throws {
        let vector = try SigsumVectors.cosigned()
        let text = try #require(vector.derived.c2sp_tlog_proof)
        let proof = try TlogProof(parsing: text)
        #expect(proof.serialized == text)
        #expect(proof.index == 3)
        #expect(proof.checkpoint.serialized == vector.derived.checkpoint_signed_note)
        let logKey = try NoteVerifierKey(parsing: vector.derived.log_vkey)
        let witnessKey = try NoteVerifierKey(parsing: try #require(vector.derived.witness_vkey))
        let leafHash = TlogVectors.hex(vector.derived.leaf_hash_hex)
        let (checkpoint, cosigners) = try proof.verify(leafHash: leafHash, logKey: logKey, witnesses: [witnessKey])
        #expect(checkpoint.size == 4)
        #expect(cosigners == [witnessKey])
        // Trusting only the witness is not enough: the log must have signed.
        let witnessOnly = NoteVerifierKey(name: "example.org/other-log", publicKey: logKey.publicKey)
        #expect(throws: NoteError.missingSignature(name: "example.org/other-log")) {
            try proof.verify(leafHash: leafHash, logKey: witnessOnly, witnesses: [witnessKey])
        }
    }

    @Test func extraLineAndEmptyProof() throws {
        let key = try Ed25519SigningKey(seed: [UInt8](repeating: 5, count: 32))
        let leaf = RFC6962.leafHash(Array("only".utf8))
        let note = Checkpoint(origin: "example.com/log", size: 1, rootHash: leaf).signed(name: "example.com/log", key: key)
        let proof = TlogProof(index: 0, proof: [], checkpoint: note, extra: Array("hello".utf8))
        let text = proof.serialized
        #expect(text.hasPrefix("c2sp.org/tlog-proof@v1\nextra aGVsbG8=\nindex 0\n\nexample.com/log\n1\n"))
        let parsed = try TlogProof(parsing: text)
        #expect(parsed == proof)
        _ = try parsed.verify(leafHash: leaf, logKey: NoteVerifierKey(name: "example.com/log", publicKey: key.publicKey))
    }

    @Test func malformedProofsAreRefused() throws {
        let golden = try GoldenVectors.load()
        let text = golden.tlog_proof_index_3
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let bad: [String: String] = [
            "wrong header": text.replacingOccurrences(of: "tlog-proof@v1", with: "tlog-proof@v2"),
            "leading zero index": text.replacingOccurrences(of: "index 3", with: "index 03"),
            "no index": text.replacingOccurrences(of: "index 3\n", with: ""),
            "index without space": text.replacingOccurrences(of: "index 3", with: "index3"),
            "short hash": text.replacingOccurrences(of: lines[2], with: String(lines[2].dropLast(4)) + "===="),
            "space in hash line": text.replacingOccurrences(of: lines[2], with: " " + lines[2]),
            "no empty line": ([lines[0], lines[1], lines[2], lines[3], lines[4]] + lines[6...]).joined(separator: "\n"),
            "extra after index": text.replacingOccurrences(of: "index 3\n", with: "index 3\nextra AAAA\n"),
            "bad extra": text.replacingOccurrences(of: "index 3\n", with: "extra A\nindex 3\n"),
            "unsigned checkpoint": lines[0...5].joined(separator: "\n") + "\n" + golden.origin + "\n8\n",
            "no newline at end": String(text.dropLast()),
        ]
        for (why, proofText) in bad {
            #expect(throws: NoteError.self, "\(why)") { try TlogProof(parsing: proofText) }
        }
    }
}
