import LedgerCore
import Testing

struct WitnessRequestVectors: Decodable {
    struct Request: Decodable {
        let description: String
        let request_body: String
        let litewitness_http_status: String
        let expected_verdict: String
    }
    let log_public_key_hex: String
    let log_origin: String
    let log_vkey_derived: String
    let leaf_hashes_hex: [String]
    let requests: [Request]

    static func load() throws -> WitnessRequestVectors {
        try TlogVectors.load(WitnessRequestVectors.self, "signed-note/tlog-witness-add-checkpoint-requests.json")
    }
}

@Suite struct WitnessTests {
    @Test func requestsParseAndRoundTrip() throws {
        let vectors = try WitnessRequestVectors.load()
        #expect(vectors.requests.count == 6)
        for (i, item) in vectors.requests.enumerated() {
            let request = try AddCheckpointRequest(parsing: item.request_body)
            #expect(try AddCheckpointRequest(parsing: request.serialized) == request, "request \(i + 1)")
            if i + 1 == 2 {
                // Its altered last base64 character ('x=' for 'o=') also sets pad bits, which
                // parsing tolerates like Go and serialising writes canonically.
                #expect(request.serialized != item.request_body)
            } else {
                #expect(request.serialized == item.request_body, "request \(i + 1)")
            }
        }
    }

    @Test func logKeyAndTree() throws {
        let vectors = try WitnessRequestVectors.load()
        let logKey = try NoteVerifierKey(parsing: vectors.log_vkey_derived)
        let publicKey = TlogVectors.hex(vectors.log_public_key_hex)
        #expect(logKey.publicKey.rawRepresentation == publicKey)
        #expect(vectors.log_origin == "sigsum.org/v1/tree/" + Hex.encode(SHA256.hash(publicKey)))
        #expect(logKey.name == vectors.log_origin)
        // The requests' checkpoints and the valid 1 -> 3 proof come from the given leaves.
        let leaves = vectors.leaf_hashes_hex.map(TlogVectors.hex)
        let first = try AddCheckpointRequest(parsing: vectors.requests[0].request_body)
        let last = try AddCheckpointRequest(parsing: vectors.requests[5].request_body)
        #expect(try first.checkpoint.checkpoint().rootHash == RFC6962.root(ofLeafHashes: Array(leaves.prefix(1))))
        #expect(try last.checkpoint.checkpoint().rootHash == RFC6962.root(ofLeafHashes: Array(leaves.prefix(3))))
        #expect(last.consistencyProof == (try RFC6962.consistencyProof(oldSize: 1, leafHashes: Array(leaves.prefix(3)))))
    }

    /// Replays the litewitness requests in order against a fresh witness that knows the log.
    @Test func replayReproducesVerdicts() throws {
        let vectors = try WitnessRequestVectors.load()
        let logKey = try NoteVerifierKey(parsing: vectors.log_vkey_derived)
        var witness = WitnessState(logs: [.init(origin: vectors.log_origin, keys: [logKey])])
        let witnessSigner = try Ed25519SigningKey(seed: [UInt8](repeating: 0x77, count: 32))
        let witnessKey = NoteVerifierKey(
            name: "witness.example/w", publicKey: witnessSigner.publicKey, type: NoteVerifierKey.cosignatureV1Type)

        var statuses: [Int] = []
        for (i, item) in vectors.requests.enumerated() {
            let verdict = witness.process(body: item.request_body)
            statuses.append(verdict.httpStatus)
            switch item.expected_verdict {
            case "cosign":
                guard case .cosign(let checkpoint) = verdict else {
                    Issue.record("request \(i + 1): expected cosign, got \(verdict)")
                    continue
                }
                #expect(witness.logs[vectors.log_origin]?.size == checkpoint.size)
                // The cosignature, appended to the checkpoint, verifies with the witness's vkey.
                let signature = Cosignature.sign(
                    checkpointBody: checkpoint.body, timestamp: 1_750_000_000 + UInt64(i), name: witnessKey.name, key: witnessSigner)
                var note = try AddCheckpointRequest(parsing: item.request_body).checkpoint
                note.signatures.append(signature)
                #expect(try note.verify(trusting: [logKey, witnessKey]) == [logKey, witnessKey])
            case "reject: invalid log signature":
                #expect(verdict == .forbidden(.invalidSignature(name: logKey.name, keyHash: logKey.keyHash)), "request \(i + 1)")
            case "reject: unknown log":
                guard case .unknownOrigin = verdict else {
                    Issue.record("request \(i + 1): expected unknown origin, got \(verdict)")
                    continue
                }
            case "reject: consistency proof":
                guard case .inconsistent = verdict else {
                    Issue.record("request \(i + 1): expected a consistency failure, got \(verdict)")
                    continue
                }
            default:
                Issue.record("unknown verdict \(item.expected_verdict)")
            }
        }
        // litewitness answered 403 for the unknown origin; the current spec (and we) say 404.
        #expect(statuses == [200, 403, 404, 422, 422, 200])
        #expect(vectors.requests.map(\.litewitness_http_status) == ["200", "403", "403", "422", "422", "200"])
        #expect(witness.logs[vectors.log_origin]?.size == 3)

        // Replaying the first request now conflicts: the witness is at size 3.
        #expect(witness.process(body: vectors.requests[0].request_body) == .conflict(latestSize: 3))
        // The same checkpoint again from the right old size is fine (equal sizes, equal roots).
        let last = try AddCheckpointRequest(parsing: vectors.requests[5].request_body)
        let again = AddCheckpointRequest(oldSize: 3, consistencyProof: [], checkpoint: last.checkpoint)
        guard case .cosign = witness.process(again) else {
            Issue.record("re-submitting the cosigned checkpoint should succeed")
            return
        }
        // Old size above the checkpoint size is a bad request.
        let backwards = AddCheckpointRequest(oldSize: 4, consistencyProof: [], checkpoint: last.checkpoint)
        guard case .badRequest = witness.process(backwards) else {
            Issue.record("old size above the checkpoint size should be a bad request")
            return
        }
        #expect(witness.process(body: "old 0\n").httpStatus == 400)
    }

    @Test func equalSizeWithDifferentRootConflicts() throws {
        let signer = try Ed25519SigningKey(seed: [UInt8](repeating: 0x31, count: 32))
        let origin = "example.com/log"
        let logKey = NoteVerifierKey(name: origin, publicKey: signer.publicKey)
        let leaves = (0..<4).map { RFC6962.leafHash([UInt8($0)]) }
        var witness = WitnessState()
        witness.add(.init(origin: origin, keys: [logKey]))
        let two = Checkpoint(origin: origin, size: 2, rootHash: RFC6962.root(ofLeafHashes: Array(leaves.prefix(2))))
        let request = AddCheckpointRequest(oldSize: 0, consistencyProof: [], checkpoint: two.signed(name: origin, key: signer))
        #expect(witness.process(request) == .cosign(two))
        let fork = Checkpoint(origin: origin, size: 2, rootHash: RFC6962.root(ofLeafHashes: [leaves[1], leaves[0]]))
        let forked = AddCheckpointRequest(oldSize: 2, consistencyProof: [], checkpoint: fork.signed(name: origin, key: signer))
        #expect(witness.process(forked) == .conflict(latestSize: 2))
        // A valid 2 -> 4 extension is cosigned.
        let four = Checkpoint(origin: origin, size: 4, rootHash: RFC6962.root(ofLeafHashes: leaves))
        let grow = AddCheckpointRequest(
            oldSize: 2, consistencyProof: try RFC6962.consistencyProof(oldSize: 2, leafHashes: leaves),
            checkpoint: four.signed(name: origin, key: signer))
        #expect(witness.process(grow) == .cosign(four))
        #expect(try AddCheckpointRequest(parsing: grow.serialized) == grow)
    }
}
