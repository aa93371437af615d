import Foundation
import Testing

/// The one date option, through the built binary: `--on` dates the envelope and every payload
/// member that restates it; the replaced options are refused; the future is refused.
@Suite struct EffectiveTimeCLITests {
    @Test func recordingLastMonthsWorkTodayDatesBothClocksAlike() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.ok("init", "--origin", "test.example/time", "--on", "2025-04-01")
        let admin = cli.key("admin")
        try cli.ok(
            "person", "register", "--key", admin, "--id", "p-0001", "--category", "ebe_lived", "--lawful-basis", "ROPA-2026-03",
            "--on", "2025-04-01")
        try cli.ok("key", "new", "--out", cli.key("member"), "--name", "member")
        try cli.ok("key", "register", "--key", admin, cli.key("member"), "--holder", "person/p-0001", "--on", "2025-04-02")
        let member = cli.key("member")
        let received = try cli.ok(
            "feedback", "receive", "--key", member, "--id", "F-2025-0042", "--channel", "complaint", "--on", "2025-06-02T09:00", "--json")
        let acknowledged = try cli.ok(
            "feedback", "acknowledge", "--key", member, "--id", "F-2025-0042", "--method", "email", "--on", "2025-06-05", "--json")
        let genesis = try cli.ok("show", "0", "--json").stdout
        #expect(genesis.contains("\"occurredAt\":\"2025-04-01T00:00:00Z\""), "\(genesis)")
        for (result, member, time) in [
            (received, "receivedAt", "2025-06-02T09:00:00Z"), (acknowledged, "at", "2025-06-05T00:00:00Z"),
        ] {
            let index = try #require(try Draft(result.stdout).object["index"] as? Int)
            let shown = try cli.ok("show", String(index), "--json").stdout
            #expect(shown.contains("\"occurredAt\":\"\(time)\""), "\(shown)")
            #expect(shown.contains("\"\(member)\":\"\(time)\""), "\(shown)")
        }
        // The key registration is dated too.
        let keyEntry = try cli.ok("show", "2", "--json").stdout
        #expect(keyEntry.contains("\"occurredAt\":\"2025-04-02T00:00:00Z\""), "\(keyEntry)")
        // An effective time in the future is refused, naming the envelope member.
        let future = try cli.refuse([
            "feedback", "acknowledge", "--key", member, "--id", "F-2025-0042", "--method", "email", "--on", "2099-01-01",
        ])
        #expect(future.contains("/occurredAt") && future.contains("is in the future"), "\(future)")
        let verify = try cli.run("verify")
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }
}
