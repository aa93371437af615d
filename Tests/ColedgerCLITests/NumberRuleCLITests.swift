import Foundation
import LedgerCore
import Testing

/// Issue 10 defect 1, end to end through the built binary: a number that breaks the ledger's
/// number rule (FORMAT.md section 3.3) is refused at every entry point that takes one, naming
/// where it was, with a non-zero exit and nothing appended; it is never silently rounded.
@Suite struct NumberRuleCLITests {
    @Test func contributionHoursOutsideTheRuleAreRefusedNotRounded() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUpPCREF()
        try cli.setUpGovernance()
        let before = try cli.logCount()
        func record(_ id: String, hours: String) throws -> CLI.Result {
            try cli.run(
                "contribution", "record", "--key", cli.key("member"), "--id", id, "--person", "p-0001", "--body", "B-AMHEPF",
                "--kind", "insight", "--rung", "co_design", "--hours", hours)
        }
        for hours in ["1e20", "9007199254740993", "9007199254740992", "0.30000000000000001", "1e-400", "12abc"] {
            let r = try record("CON-\(hours)", hours: hours)
            #expect(r.status != 0, "--hours \(hours) was accepted: \(r.stdout)")
            #expect(r.stderr.contains("--hours"), "\(r.stderr)")
            #expect(try cli.logCount() == before, "--hours \(hours) appended something")
        }
        // Inside the rule, the value is stored exactly as typed.
        let ok = try cli.ok(
            "contribution", "record", "--key", cli.key("member"), "--id", "CON-OK", "--person", "p-0001", "--body", "B-AMHEPF",
            "--kind", "insight", "--rung", "co_design", "--hours", "2.5", "--json")
        let index = try #require(try Draft(ok.stdout).object["index"] as? Int)
        let shown = try cli.ok("show", String(index), "--json").stdout
        #expect(shown.contains("\"hours\":2.5") || shown.contains("\"hours\" : 2.5"), "\(shown)")
        #expect(try cli.logCount() == before + 1)
    }

    @Test func appendAndImportRefuseUnsafeNumbers() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUp()
        let key = cli.keys.appendingPathComponent("member.key").path
        let before = try cli.logCount()
        for number in ["9007199254740993", "100000000000000000000", "1e20", "0.30000000000000001"] {
            let event = "{\"type\":\"example.note\",\"typeVersion\":1,\"stream\":\"s\",\"payload\":{\"n\":\(number)}}"
            let appended = try cli.run("append", "--key", key, "-", stdin: event)
            #expect(appended.status != 0, "append accepted \(number)")
            #expect(appended.stderr.contains("/payload/n") || appended.stderr.contains("2^53") || appended.stderr.contains("exactly"), "\(appended.stderr)")
            let file = cli.directory.appendingPathComponent("events.jsonl")
            try (CLI.note(stream: "t", n: 1) + "\n" + event + "\n").write(to: file, atomically: true, encoding: .utf8)
            let imported = try cli.run("import", "--key", key, file.path)
            #expect(imported.status != 0, "import accepted \(number)")
            #expect(imported.stderr.contains("events.jsonl:2"), "\(imported.stderr)")
            #expect(try cli.logCount() == before)
        }
    }
}
