import Foundation
import Testing

@Suite("coledger mirror: a verified copy from tiles")
struct MirrorCLITests {
    static func notes(_ range: Range<Int>, stream: String = "m") -> String {
        range.map { CLI.note(stream: stream, n: $0) }.joined(separator: "\n") + "\n"
    }

    @Test("a mirror copies a log from its tiles, follows it, exports the same bytes, and refuses a rewind and a fork with evidence")
    func mirrorFollowRefuse() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let dir = cli.directory.path
        let member = cli.keys.appendingPathComponent("member.key").path
        func ok(_ args: String..., stdin: String? = nil) throws -> CLI.Result {
            let r = try cli.run(args, stdin: stdin)
            try #require(r.status == 0, "\(args.joined(separator: " ")): \(r.stderr)")
            return r
        }
        _ = try ok("import", "--key", member, "-", stdin: Self.notes(0..<300))
        _ = try ok("checkpoint")
        let tiles = "\(dir)/tiles"
        _ = try ok("publish", "--tiles", tiles)
        let logKey = try String(contentsOfFile: "\(tiles)/checkpoint", encoding: .utf8)
        let vkey = try ok("export", "--out", "\(dir)/b0").stdout.split(separator: "'").dropFirst().first.map(String.init) ?? ""
        #expect(logKey.hasPrefix("test.example/cli\n") && vkey.hasPrefix("test.example/cli+"))
        let copy = "\(dir)/copy.db"
        let first = try ok("mirror", tiles, "--log-key", vkey, "--into", copy, "--catalogue", "none", "--json")
        #expect(first.stdout.contains("\"previousSize\":0") && first.stdout.contains("\"size\":302"), "\(first.stdout)")
        #expect(try ok("verify", "--ledger", copy).status == 0)

        // Follow: only the new entries are copied.
        try FileManager.default.copyItem(atPath: tiles, toPath: "\(dir)/tiles-old")
        _ = try FileManager.default.copyItem(atPath: cli.ledger, toPath: "\(dir)/fork.db")
        _ = try ok("import", "--key", member, "-", stdin: Self.notes(300..<310))
        _ = try ok("checkpoint")
        _ = try ok("publish", "--tiles", tiles)
        let second = try ok("mirror", tiles, "--log-key", vkey, "--into", copy, "--catalogue", "none", "--json")
        #expect(second.stdout.contains("\"copied\":10"), "\(second.stdout)")

        // The copy's export holds the same bytes as the source's.
        _ = try ok("export", "--out", "\(dir)/source-bundle")
        _ = try ok("export", "--ledger", copy, "--out", "\(dir)/copy-bundle")
        for file in ["entries.jsonl", "checkpoint", "log.vkey"] {
            let a = FileManager.default.contents(atPath: "\(dir)/source-bundle/\(file)")
            #expect(a != nil && a == FileManager.default.contents(atPath: "\(dir)/copy-bundle/\(file)"), "\(file)")
        }
        #expect(try ok("log", "--ledger", copy, "--json").stdout == (try ok("log", "--json").stdout))

        // A rewound log (the old tiles): refused, evidence saved, nothing changed.
        let before = try ok("log", "--ledger", copy, "--json").stdout
        let rewind = try cli.run("mirror", "\(dir)/tiles-old", "--log-key", vkey, "--into", copy, "--evidence", "\(dir)/rewind.json")
        #expect(rewind.status == 3, "\(rewind.stderr)")
        #expect(rewind.stderr.contains("rewound"))
        let evidence = try String(contentsOfFile: "\(dir)/rewind.json", encoding: .utf8)
        #expect(evidence.contains("\"kept\"") && evidence.contains("\"received\"") && evidence.contains("\\n312\\n"))

        // A forked log: the same keys, another history from size 302 on.
        _ = try ok("import", "--ledger", "\(dir)/fork.db", "--key", member, "-", stdin: Self.notes(0..<20, stream: "rewritten"))
        _ = try ok("checkpoint", "--ledger", "\(dir)/fork.db", "--log-key", cli.keys.appendingPathComponent("log.key").path)
        _ = try ok("publish", "--ledger", "\(dir)/fork.db", "--tiles", "\(dir)/tiles-fork")
        let fork = try cli.run("mirror", "\(dir)/tiles-fork", "--log-key", vkey, "--into", copy, "--evidence", "\(dir)/fork.json")
        #expect(fork.status == 3, "\(fork.stderr)")
        #expect(fork.stderr.contains("forked"))
        #expect(FileManager.default.fileExists(atPath: "\(dir)/fork.json"))
        #expect(try ok("log", "--ledger", copy, "--json").stdout == before)

        // A tampered entry bundle is refused before anything is appended.
        let bundle = "\(dir)/tiles-fork/tile/entries/001.p/66"
        var bytes = try #require(FileManager.default.contents(atPath: bundle))
        bytes[bytes.count - 5] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: bundle))
        let fresh = try cli.run("mirror", "\(dir)/tiles-fork", "--log-key", vkey, "--into", "\(dir)/fresh.db", "--catalogue", "none")
        #expect(fresh.status == 1)
        #expect(fresh.stderr.contains("does not match the tiles"), "\(fresh.stderr)")
    }
}
