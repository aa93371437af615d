import LedgerCore

/// c2sp.org/tlog-checkpoint bodies. Properties: the strict parser accepts only a body that is
/// exactly its own serialisation, and that serialisation parses to the same checkpoint.
enum CheckpointHarness {
    static let run: Harness = { data in
        guard let text = utf8(data), let checkpoint = try? Checkpoint(parsing: text) else { return }
        expect(checkpoint.body == text, "an accepted checkpoint body is not its own serialisation")
        expect((try? Checkpoint(parsing: checkpoint.body)) == checkpoint, "the body does not round-trip")
        expect(checkpoint.rootHash.count == 32, "a root hash of \(checkpoint.rootHash.count) bytes was accepted")
    }
}
