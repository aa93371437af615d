import LedgerCore

/// The bundle reader and verifier (`Bundle.verify(files:)`, the in-memory core of
/// `coledger verify --bundle`). The input holds the bundle's files separated by NUL bytes:
/// manifest.json, entries.jsonl, checkpoint, log.vkey and optionally private.jsonl. Properties:
/// verification never crashes, and a bundle it accepts has as many entries as its signed
/// checkpoint and its manifest say, with a well-formed, LF-terminated entries file.
enum BundleHarness {
    static let names = ["manifest.json", "entries.jsonl", "checkpoint", "log.vkey", "private.jsonl"]
    /// The golden bundles' log key, pinned as an evaluator would.
    static let pinned = try? NoteVerifierKey(
        parsing: "example.org/coledger-golden+a6b28d6c+AYqI4910CfGV/VLbLTy6XXLKZwm/HZQSG/N0iAG0D29c")

    static let run: Harness = { data in
        let parts = data.split(separator: 0, maxSplits: names.count - 1, omittingEmptySubsequences: false)
        var files: [String: [UInt8]] = [:]
        for (name, part) in zip(names, parts) { files[name] = Array(part) }
        for pin in [pinned, nil] {
            let report = Bundle.verify(files: files, pinnedLogKey: pin, parallelism: 1)
            guard report.ok else { continue }
            let entries = files["entries.jsonl"] ?? []
            let (lines, problem) = Bundle.splitLines(entries)
            expect(problem == nil, "accepted a badly framed entries.jsonl")
            expect(report.size == lines.count, "accepted a bundle whose size is not its line count")
            let checkpoint = (try? SignedNote(parsing: files["checkpoint"] ?? [])).flatMap { try? $0.checkpoint() }
            expect(checkpoint?.size == UInt64(lines.count), "accepted a bundle whose checkpoint size differs")
            let manifest = try? CanonicalJSON.parse(files["manifest.json"] ?? [])
            expect(manifest?["size"]?.intValue == lines.count, "accepted a bundle whose manifest size differs")
        }
    }
}
