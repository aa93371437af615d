import Foundation
import Testing

/// A witness keeps its own state, cosigns only consistent extensions, and `verify --witness`
/// counts valid cosignatures against a quorum.
@Suite struct WitnessCLITests {
    @Test func cosignAttachAndQuorum() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let dir = cli.directory.path
        #expect(try cli.run("checkpoint").status == 0)
        let witnessKey = "\(dir)/w.key"
        #expect(try cli.run("key", "new", "--out", witnessKey, "--name", "witness.example/board", "--role", "witness").status == 0)
        let wv = try cli.run("witness", "vkey", witnessKey).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(wv.hasPrefix("witness.example/board+"))
        let logKey = try String(contentsOfFile: cli.keys.appendingPathComponent("log.key").path, encoding: .utf8)
        #expect(logKey.contains("test.example/cli"))
        let lv = try cli.run("export", "--out", "\(dir)/b0").stdout.split(separator: "'").dropFirst().first.map(String.init) ?? ""
        #expect(lv.hasPrefix("test.example/cli+"))
        let state = "\(dir)/state.json"
        #expect(try cli.run("witness", "init", "--state", state, "--log-key", lv).status == 0)

        // First cosignature from size 0.
        let request1 = try cli.run("witness", "request", "--old", "0").stdout
        let cosigned1 = try cli.run("witness", "cosign", "--key", witnessKey, "--state", state, "-", stdin: request1)
        #expect(cosigned1.status == 0, "\(cosigned1.stderr)")
        #expect(cosigned1.stdout.contains("— witness.example/board "))
        let attach = try cli.run("checkpoint", "--cosign", "-", "--witness", wv, stdin: cosigned1.stdout)
        #expect(attach.status == 0, "\(attach.stderr)")

        // The log grows; an old request (the tree going backwards for this witness) is refused and
        // the state does not move; the right one is cosigned.
        #expect(try cli.run("append", "--key", cli.keys.appendingPathComponent("member.key").path, "-", stdin: CLI.note(stream: "w", n: 1)).status == 0)
        #expect(try cli.run("checkpoint").status == 0)
        let stale = try cli.run("witness", "cosign", "--key", witnessKey, "--state", state, "-", stdin: try cli.run("witness", "request", "--old", "0").stdout)
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("409"))
        var tampered = try cli.run("witness", "request", "--old", "2").stdout
        tampered = tampered.replacingOccurrences(of: "\n\n", with: "\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n")
        let badProof = try cli.run("witness", "cosign", "--key", witnessKey, "--state", state, "-", stdin: tampered)
        #expect(badProof.status == 1)
        let good = try cli.run("witness", "cosign", "--key", witnessKey, "--state", state, "-", stdin: try cli.run("witness", "request", "--old", "2").stdout)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(try cli.run("checkpoint", "--cosign", "-", "--witness", wv, stdin: good.stdout).status == 0)

        // Quorum: one trusted witness cosigned; two required fails.
        #expect(try cli.run("verify", "--witness", wv).status == 0)
        #expect(try cli.run("key", "new", "--out", "\(dir)/w2.key", "--name", "partner.example/w", "--role", "witness").status == 0)
        let wv2 = try cli.run("witness", "vkey", "\(dir)/w2.key").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let short = try cli.run("verify", "--witness", wv, "--witness", wv2, "--quorum", "2")
        #expect(short.status == 1)
        #expect(short.stdout.contains("witness"))
        // A cosignature from an untrusted key cannot be attached.
        let forged = try cli.run("witness", "init", "--state", "\(dir)/s2.json", "--log-key", lv)
        #expect(forged.status == 0)
        let other = try cli.run("witness", "cosign", "--key", "\(dir)/w2.key", "--state", "\(dir)/s2.json", "-", stdin: try cli.run("witness", "request").stdout)
        #expect(other.status == 0)
        #expect(try cli.run("checkpoint", "--cosign", "-", "--witness", wv, stdin: other.stdout).status == 1)
    }
}
