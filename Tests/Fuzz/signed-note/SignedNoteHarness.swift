import LedgerCore

/// c2sp.org/signed-note and vkey parsing. Properties: an accepted note re-serialises to a note
/// that parses to the same value (a fixed point); verifying never crashes; an accepted vkey
/// round-trips through its text.
enum SignedNoteHarness {
    static let key = NoteVerifierKey(
        name: "example.org/fuzz", publicKey: (try! Ed25519SigningKey(seed: [UInt8](repeating: 1, count: 32))).publicKey)

    static let run: Harness = { data in
        if let note = try? SignedNote(parsing: data) {
            let text = note.serialized
            let again = try? SignedNote(parsing: text)
            expect(again == note, "a re-serialised note parses differently")
            expect(again?.serialized == text, "serialisation is not a fixed point")
            _ = try? note.verify(trusting: [key])
            if let checkpoint = try? note.checkpoint() {
                expect((try? Checkpoint(parsing: checkpoint.body)) == checkpoint, "the checkpoint body does not round-trip")
            }
        }
        if let text = utf8(data), let vkey = try? NoteVerifierKey(parsing: text) {
            expect((try? NoteVerifierKey(parsing: vkey.description)) == vkey, "a vkey does not round-trip")
        }
    }
}
