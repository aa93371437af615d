import LedgerCore

/// c2sp.org/tlog-witness add-checkpoint request bodies. Properties: an accepted request
/// re-serialises to a body that parses to the same request; a witness processing any body never
/// crashes, and cosigns only a checkpoint signed by the log's key for a size it may move to.
enum WitnessRequestHarness {
    static let logKey = (try! Ed25519SigningKey(seed: [UInt8](repeating: 1, count: 32)))
    static let vkey = NoteVerifierKey(name: "example.org/fuzz", publicKey: logKey.publicKey)

    static let run: Harness = { data in
        guard let text = utf8(data) else { return }
        if let request = try? AddCheckpointRequest(parsing: text) {
            let again = try? AddCheckpointRequest(parsing: request.serialized)
            expect(again == request, "a re-serialised request parses differently")
            expect(request.consistencyProof.count <= AddCheckpointRequest.maxProofLines, "too many proof lines accepted")
        }
        var witness = WitnessState(logs: [.init(origin: vkey.name, keys: [vkey])])
        if case .cosign(let checkpoint) = witness.process(body: text) {
            let request = try? AddCheckpointRequest(parsing: text)
            expect(request != nil, "cosigned a body that does not parse")
            expect(checkpoint.origin == vkey.name, "cosigned another origin")
            expect((try? request?.checkpoint.verify(trusting: [vkey])) != nil, "cosigned a checkpoint the log did not sign")
            expect(request?.oldSize == 0, "cosigned from an old size the witness never saw")
        }
    }
}
