import LedgerCore

/// c2sp.org/tlog-proof@v1 files. Properties: an accepted proof re-serialises to a file that
/// parses to the same proof; checking it against a leaf never crashes.
enum TlogProofHarness {
    static let key = NoteVerifierKey(
        name: "example.org/fuzz", publicKey: (try! Ed25519SigningKey(seed: [UInt8](repeating: 1, count: 32))).publicKey)

    static let run: Harness = { data in
        guard let text = utf8(data), let proof = try? TlogProof(parsing: text) else { return }
        let again = try? TlogProof(parsing: proof.serialized)
        expect(again == proof, "a re-serialised proof parses differently")
        expect(again?.serialized == proof.serialized, "serialisation is not a fixed point")
        expect(proof.proof.count <= TlogProof.maxProofLines, "too many proof lines accepted")
        if let checkpoint = try? proof.checkpoint.checkpoint() {
            _ = try? RFC6962.verifyInclusion(
                leafHash: RFC6962.leafHash(data), index: proof.index, treeSize: checkpoint.size, proof: proof.proof,
                root: checkpoint.rootHash)
        }
    }
}
