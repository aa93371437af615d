import LedgerCore
import Testing

struct SigsumVectors: Decodable {
    struct Derived: Decodable {
        let leaf_hash_hex: String
        let checkpoint_origin: String
        let checkpoint_body: String
        let log_vkey: String
        let cosigned_message: String?
        let witness_vkey: String?
        let checkpoint_signed_note: String?
        let c2sp_tlog_proof: String?
    }
    struct Proof: Decodable {
        let id: String
        let log_public_key_hex: String
        let witness_public_key_hex: String?
        let derived: Derived
    }
    struct FormatGolden: Decodable {
        let log_public_key_hex: String
        let size: UInt64
        let root_hex: String
        let checkpoint_body: String
        let cosigned_message_at_72623859790382856: String
    }
    let proofs: [Proof]
    let format_goldens: [FormatGolden]

    static func load() throws -> SigsumVectors { try TlogVectors.load(SigsumVectors.self, "sigsum/sigsum-proof-vectors.json") }

    static func cosigned() throws -> Proof {
        try #require(try load().proofs.first { $0.id == "sigsum-proof-with-cosignature" })
    }
}

@Suite struct CosignatureTests {
    @Test func sigsumCheckpointAndCosignature() throws {
        let proof = try SigsumVectors.cosigned()
        let derived = proof.derived
        let logKey = try NoteVerifierKey(parsing: derived.log_vkey)
        let witnessKey = try NoteVerifierKey(parsing: try #require(derived.witness_vkey))
        #expect(logKey.type == NoteVerifierKey.ed25519Type)
        #expect(witnessKey.type == NoteVerifierKey.cosignatureV1Type)
        #expect(Hex.encode(logKey.publicKey.rawRepresentation) == proof.log_public_key_hex)
        #expect(Hex.encode(witnessKey.publicKey.rawRepresentation) == proof.witness_public_key_hex)

        let text = try #require(derived.checkpoint_signed_note)
        let note = try SignedNote(parsing: text)
        #expect(note.serialized == text)
        #expect(note.text == derived.checkpoint_body)
        #expect(try note.checkpoint().origin == derived.checkpoint_origin)
        #expect(try note.verify(trusting: [logKey]) == [logKey])
        #expect(try note.verify(trusting: [witnessKey]) == [witnessKey])
        #expect(try note.verify(trusting: [logKey, witnessKey]) == [logKey, witnessKey])

        let message = Cosignature.message(checkpointBody: note.text, timestamp: 1_683_202_758)
        #expect(String(decoding: message, as: UTF8.self) == derived.cosigned_message)
        let cosignatures = note.signatures.filter { $0.name == witnessKey.name }
        #expect(cosignatures.count == 1)
        for signature in cosignatures {
            #expect(Cosignature.verify(signature, checkpointBody: note.text, key: witnessKey) == 1_683_202_758)
            #expect(Cosignature.verify(signature, checkpointBody: note.text + "x\n", key: witnessKey) == nil)
            #expect(Cosignature.verify(signature, checkpointBody: note.text, key: logKey) == nil)
        }
        // The log's type 0x01 signature is not a cosignature.
        for signature in note.signatures where signature.name == logKey.name {
            let asWitness = NoteVerifierKey(name: logKey.name, publicKey: logKey.publicKey, type: NoteVerifierKey.cosignatureV1Type)
            #expect(Cosignature.verify(signature, checkpointBody: note.text, key: asWitness) == nil)
        }
    }

    @Test func signAndVerifyRoundTrip() throws {
        let key = try Ed25519SigningKey(seed: [UInt8](repeating: 9, count: 32))
        let verifier = NoteVerifierKey(name: "witness.example/w1", publicKey: key.publicKey, type: NoteVerifierKey.cosignatureV1Type)
        #expect(try NoteVerifierKey(parsing: verifier.description) == verifier)
        let body = Checkpoint(origin: "example.com/log", size: 5, rootHash: RFC6962.leafHash([5])).body
        let signature = Cosignature.sign(checkpointBody: body, timestamp: 1_700_000_000, name: verifier.name, key: key)
        #expect(signature.keyHash == verifier.keyHash)
        #expect(signature.signature.count == 72)
        #expect(Array(signature.signature.prefix(8)) == [0, 0, 0, 0, 0x65, 0x53, 0xf1, 0x00])
        #expect(Cosignature.verify(signature, checkpointBody: body, key: verifier) == 1_700_000_000)

        let note = SignedNote(text: body, signatures: [signature])
        #expect(try SignedNote(parsing: note.serialized).verify(trusting: [verifier]) == [verifier])

        // Different name (the key id changes too): not this key's signature.
        let renamed = NoteSignature(name: "witness.example/w2", keyHash: signature.keyHash, signature: signature.signature)
        #expect(Cosignature.verify(renamed, checkpointBody: body, key: verifier) == nil)
        // A timestamp above 2^63 - 1 is refused even with a valid signature over it.
        let late = Cosignature.sign(checkpointBody: body, timestamp: UInt64(Int64.max) + 1, name: verifier.name, key: key)
        #expect(Cosignature.verify(late, checkpointBody: body, key: verifier) == nil)
        let latest = Cosignature.sign(checkpointBody: body, timestamp: Cosignature.maxTimestamp, name: verifier.name, key: key)
        #expect(Cosignature.verify(latest, checkpointBody: body, key: verifier) == Cosignature.maxTimestamp)
        // Truncated signature bytes.
        let short = NoteSignature(name: signature.name, keyHash: signature.keyHash, signature: Array(signature.signature.dropLast()))
        #expect(Cosignature.verify(short, checkpointBody: body, key: verifier) == nil)
        #expect(throws: NoteError.invalidSignature(name: verifier.name, keyHash: verifier.keyHash)) {
            try SignedNote(text: body, signatures: [short]).verify(trusting: [verifier])
        }
    }
}
