import Foundation
import Testing

@Suite struct CLIBehaviourTests {
    @Test func initWritesSealedKeysReadableOnlyByTheOwner() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        for name in ["log.key", "admin.key", "member.key"] {
            let path = cli.keys.appendingPathComponent(name).path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(name)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("\"sealedSeed\""))
            #expect(text.contains("argon2id13"))
        }
    }

    @Test func aWrongPassphraseIsRefusedAndNothingAppended() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let before = try cli.run("log", "--json").stdout
        var env = cli.environment
        env["COLEDGER_PASSPHRASE"] = "not-the-passphrase"
        let (p, _, err) = cli.process(["append", "--key", cli.keys.appendingPathComponent("member.key").path, "-"], stdin: CLI.note(stream: "s", n: 1))
        p.environment = env
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus != 0)
        #expect(message.contains("passphrase"))
        #expect(try cli.run("log", "--json").stdout == before)
    }

    @Test func badJSONNamesTheLineAndAppendsNothing() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let file = cli.directory.appendingPathComponent("events.jsonl")
        let good = CLI.note(stream: "s", n: 1)
        try (good + "\n" + good.replacingOccurrences(of: "s\"", with: "t\"") + "\n{\"type\": \n").write(to: file, atomically: true, encoding: .utf8)
        let r = try cli.run("import", "--key", cli.keys.appendingPathComponent("member.key").path, file.path)
        #expect(r.status == 1)
        #expect(r.stderr.contains("events.jsonl:3"), "\(r.stderr)")
        #expect(r.stderr.contains("nothing was appended"))
        let log = try cli.run("log", "--json")
        #expect(log.stdout.split(separator: "\n").count == 2)
    }

    @Test func anInvalidEventNamesTheMember() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let r = try cli.run(
            "append", "--key", cli.keys.appendingPathComponent("member.key").path, "-",
            stdin: "{\"type\":\"example.note\",\"typeVersion\":0,\"stream\":\"s\",\"payload\":{}}")
        #expect(r.status == 1)
        #expect(r.stderr.contains("/typeVersion"), "\(r.stderr)")
        #expect(r.stderr.contains("nothing was appended"))
    }

    @Test func canonicalizePrintsTheJCSForm() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let r = try cli.run("canonicalize", "-", stdin: "{ \"b\": 1.0, \"a\": [1e21, \"\\u00e9\"] }")
        #expect(r.status == 0)
        #expect(r.stdout == "{\"a\":[1e+21,\"é\"],\"b\":1}")
        let bad = try cli.run("canonicalize", "-", stdin: "{\"a\":1,\"a\":2}")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("duplicate"))
    }

    @Test func proofsAreC2SPFilesThatVerify() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        for n in 1...5 {
            #expect(try cli.run("append", "--key", cli.keys.appendingPathComponent("member.key").path, "-", stdin: CLI.note(stream: "p", n: n)).status == 0)
        }
        let checkpoint = try cli.run("checkpoint")
        #expect(checkpoint.stdout.hasPrefix("test.example/cli\n7\n"))
        let proof = try cli.run("prove", "inclusion", "3")
        #expect(proof.stdout.hasPrefix("c2sp.org/tlog-proof@v1\nindex 3\n"))
        #expect(proof.stdout.hasSuffix(checkpoint.stdout))
        let consistency = try cli.run("prove", "consistency", "3", "7", "--json")
        #expect(consistency.status == 0)
        let outOfRange = try cli.run("prove", "inclusion", "99")
        #expect(outOfRange.status == 1)
        #expect(outOfRange.stderr.contains("not covered"))
    }
}
