import Foundation
import LedgerCore
import LedgerStore
import Testing

/// Terminal escape injection, control characters, size limits and key-file modes at the CLI
/// (defects 6, 10 and 12 of issue 10).
@Suite struct HostileInputTests {
    static let esc = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}[31mRED"

    /// A ledger written before the CLI refused control characters: the library appends what it
    /// is given, as older versions of the CLI did.
    func plantOldText(_ cli: CLI) throws -> Int {
        let ledger = try Ledger.open(path: cli.ledger)
        let file = try SealedKeyFile(fileBytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: cli.key("member")))))
        let key = try file.open(passphrase: Array("test-passphrase".utf8))
        let draft = try CanonicalJSON.parse(
            Array(
                #"{"type":"example.note","typeVersion":1,"stream":"s","payload":{"note":"\#(Self.esc.unicodeScalars.map { $0.value < 0x20 ? String(format: "\\u%04x", $0.value) : String($0) }.joined())","csi":"\u009b2J","del":"\u007f"}}"#
                    .utf8))
        return try ledger.append(draft: draft, signer: key).index
    }

    @Test func readVerbsNeverPrintControlCharactersFromOldLedgers() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let index = try plantOldText(cli)
        for args in [["log"], ["log", "--json"], ["show", String(index)], ["show", String(index), "--json"]] {
            let r = try cli.run(args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            let raw = r.stdout.unicodeScalars.filter {
                $0 != "\n" && $0 != "\t" && InputHygiene.isForbidden($0, allowNewlines: false)
            }
            #expect(raw.isEmpty, "coledger \(args.joined(separator: " ")) printed \(raw.map { InputHygiene.name($0) })")
            if args != ["log"] {  // the one-line listing does not show payloads
                #expect(
                    r.stdout.contains("\\u001B") || r.stdout.contains("\\u001b"), "\(args): the text is shown escaped")
            }
        }
        // The JSON stays JSON: the escapes are JSON's own, so the value is unchanged.
        let shown = try cli.ok("show", String(index), "--json").stdout
        let object = try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any]
        let payload = (object?["event"] as? [String: Any])?["payload"] as? [String: Any]
        #expect(payload?["csi"] as? String == "\u{9B}2J")
        #expect(payload?["del"] as? String == "\u{7F}")
    }

    @Test(arguments: [
        ("ESC", "\u{1B}[2J", "U+001B"), ("BEL", "ring\u{07}", "U+0007"), ("DEL", "a\u{7F}b", "U+007F"),
        ("CSI", "a\u{9B}31m", "U+009B"), ("NEL", "a\u{85}b", "U+0085"), ("annotation", "a\u{FFF9}b", "U+FFF9"),
    ])
    func appendAndImportRefuseControlCharacters(name: String, text: String, code: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let escaped = text.unicodeScalars.map {
            $0.value < 0x20 || $0.value >= 0x7F ? String(format: "\\u%04x", $0.value) : String($0)
        }
        .joined()
        let draft = #"{"type":"example.note","typeVersion":1,"stream":"s","payload":{"note":"\#(escaped)"}}"#
        let line = try cli.refuse(["append", "--key", cli.key("member"), "-"], stdin: draft)
        #expect(line.contains("/payload/note: contains a control character (\(code))"), "\(name): \(line)")
        let file = cli.directory.appendingPathComponent("events.jsonl")
        try Data((CLI.note(stream: "s", n: 1) + "\n" + draft + "\n").utf8).write(to: file)
        let imported = try cli.refuse(["import", "--key", cli.key("member"), file.path])
        #expect(
            imported.contains("events.jsonl:2: /payload/note: contains a control character (\(code))"), "\(imported)")
    }

    @Test func privateDataAndPayloadsHaveSizeLimits() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        // Large drafts go through a file, as a user with one would pass it.
        let draftFile = cli.directory.appendingPathComponent("draft.json").path
        func refuseDraft(_ draft: String) throws -> String {
            try Data(draft.utf8).write(to: URL(fileURLWithPath: draftFile))
            return try cli.refuse(["append", "--key", cli.key("member"), draftFile])
        }
        let big = String(repeating: "x", count: InputHygiene.maxTextBytes + 1)
        let text = try refuseDraft(
            #"{"type":"example.note","typeVersion":1,"stream":"s","payload":{"note":"\#(big)"}}"#)
        #expect(
            text.contains("/payload/note: text is \(big.utf8.count) bytes, more than the limit of 32768 bytes"),
            "\(text)")
        let many = (0..<40).map { #""k\#($0)":"\#(String(repeating: "y", count: 2000))""# }.joined(separator: ",")
        let payload = try refuseDraft(#"{"type":"example.note","typeVersion":1,"stream":"s","payload":{\#(many)}}"#)
        #expect(payload.contains("/payload: is "), "\(payload)")
        #expect(payload.contains("more than the limit of 65536 bytes (64 KiB)"), "\(payload)")
        let privateDraft =
            #"{"type":"example.note","typeVersion":1,"stream":"s","payload":{"n":1},"private":{"subject":"person/p-0001","data":{\#(many)}}}"#
        let priv = try refuseDraft(privateDraft)
        #expect(priv.contains("/private/data: is "), "\(priv)")
        // Just under the limits is accepted.
        let fits = String(repeating: "z", count: InputHygiene.maxTextBytes)
        try cli.ok(
            "append", "--key", cli.key("member"), "-",
            stdin: #"{"type":"example.note","typeVersion":1,"stream":"s","payload":{"note":"\#(fits)"}}"#)
    }

    @Test func aKeyFileOthersCanReadIsUsedWithAWarning() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let quiet = try cli.ok("append", "--key", cli.key("member"), "-", stdin: CLI.note(stream: "s", n: 1))
        #expect(!quiet.stderr.contains("warning"), "a 0600 key file draws no warning")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: cli.key("member"))
        let loud = try cli.ok("append", "--key", cli.key("member"), "-", stdin: CLI.note(stream: "s", n: 2))
        #expect(
            loud.stderr.contains(
                "warning: key file \(cli.key("member")) has mode 0644, readable or writable by others; run chmod 600"),
            "\(loud.stderr)")
    }

    @Test func aRetryWithTheSameIdAppendsOnce() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let id = UUID().uuidString.lowercased()
        let draft = CLI.note(stream: "retry", n: 1, id: id)
        let before = try cli.logCount()
        let first = try cli.ok("append", "--key", cli.key("member"), "-", stdin: draft)
        let second = try cli.ok("append", "--key", cli.key("member"), "-", stdin: draft)
        #expect(second.stdout.contains("\"duplicate\":true"), "\(second.stdout)")
        // The retry names the entry already logged: same event id, same index.
        func entry(_ out: String) -> (String?, Int?) {
            let o = (try? JSONSerialization.jsonObject(with: Data(out.utf8))) as? [String: Any]
            return (o?["id"] as? String, o?["index"] as? Int)
        }
        #expect(entry(first.stdout).0 == id && entry(second.stdout).0 == id, "\(first.stdout) \(second.stdout)")
        #expect(entry(first.stdout).1 != nil && entry(first.stdout).1 == entry(second.stdout).1)
        #expect(try cli.logCount() == before + 1)
    }
}
