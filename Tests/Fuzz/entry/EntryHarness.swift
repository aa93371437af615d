import LedgerCore

/// Entry decoding (FORMAT.md section 3.1). Properties: an accepted entry keeps its exact bytes,
/// rebuilding it from its parts gives the same bytes, and its event is valid and round-trips.
enum EntryHarness {
    static let run: Harness = { data in
        guard let entry = try? Entry(bytes: data) else { return }
        expect(entry.bytes == data, "an accepted entry does not keep its bytes")
        let rebuilt = try? Entry(event: entry.event, recordedAt: entry.recordedAt, signature: entry.signature)
        expect(rebuilt?.bytes == data, "rebuilding an accepted entry gives other bytes")
        expect((try? entry.event.validate()) != nil, "an accepted entry holds an invalid event")
        expect((try? Event(json: entry.event.json)) == entry.event, "the event does not round-trip through JSON")
        _ = entry.hasValidSignature(by: (try! Ed25519SigningKey(seed: [UInt8](repeating: 2, count: 32))).publicKey)
    }
}
