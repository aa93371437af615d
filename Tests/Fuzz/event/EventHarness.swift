import LedgerCore

/// Event decoding (FORMAT.md section 2). Properties: an accepted event round-trips through its
/// JSON form and its canonical bytes, and its signing message is the context plus those bytes.
enum EventHarness {
    static let run: Harness = { data in
        guard let json = try? CanonicalJSON.parse(data), let event = try? Event(json: json) else { return }
        expect((try? Event(json: event.json)) == event, "an accepted event does not round-trip through JSON")
        guard let bytes = try? event.canonicalBytes() else { return expect(false, "an accepted event does not serialise") }
        expect((try? CanonicalJSON.parse(bytes)).flatMap { try? Event(json: $0) } == event, "canonical bytes re-read differently")
        expect((try? event.signingMessage()) == Event.signingContext + bytes, "the signing message is not context + JCS")
        expect(event.stream.utf8.count <= Event.maximumStreamBytes, "a stream name over the limit was accepted")
    }
}
