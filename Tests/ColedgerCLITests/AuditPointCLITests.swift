import Foundation
import Testing

/// `audit --at` and `--as-of` (issue 11) through the built binary on the demo ledger: the same
/// options, parsed by the same library function, as the read verbs.
///
/// Hand-worked (the demo script, as in ``DemoPointsTests``): entries 0…49 are the genesis and the
/// rethink-amhe template (roles, bodies, actions; no role assigned, no feedback), so before entry
/// 50 the feedback rules have nothing to judge and the Board champion's role (G-1) was never
/// assigned; the whole year has dozens of feedback items, judged by F-1.
@Suite(.serialized) struct AuditPointCLITests {
    static func report(_ result: CLI.Result) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
    }

    static func verdicts(_ report: [String: Any]) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: (report["rules"] as? [[String: Any]] ?? []).compactMap { r in
                (r["id"] as? String).map { ($0, r["verdict"] as? String ?? "") }
            })
    }

    @Test func auditTakesAtAndAsOfAndSaysThePoint() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let dir = try cli.makeDemo()
        func run(_ args: String...) throws -> CLI.Result { try cli.run(["--ledger", dir + "/coledger.db"] + args) }

        let template = try Self.report(try run("audit", "--at", "50", "--as-of", "2026-03-31", "--json"))
        #expect(
            template["point"] as? String
                == "as of 2026-03-31 (events that had happened by then), in the log before entry 50")
        let atTemplate = Self.verdicts(template)
        #expect(atTemplate["F-1"] == "nothing_to_judge" && atTemplate["F-2"] == "nothing_to_judge", "\(atTemplate)")
        #expect(atTemplate["G-1"] == "fail")
        let g1 = (template["rules"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "G-1" }
        #expect("\(g1 ?? [:])".contains("the role was never assigned"))
        // Integrity and entitlement are of the whole log: its size, not 50.
        let whole = try Self.report(try run("audit", "--as-of", "2026-03-31", "--json"))
        #expect(template["size"] as? Int == whole["size"] as? Int)
        #expect(Self.verdicts(whole)["F-1"] != "nothing_to_judge", "\(Self.verdicts(whole))")
        #expect(
            whole["point"] as? String == "as of 2026-03-31 (events that had happened by then), in the log as it is now")

        // Both clocks in the text report's heading.
        let both = try run("audit", "--as-of", "2025-07-01", "--at", "checkpoint")
        #expect(
            both.stdout.contains(
                "Rules judged as of 2025-07-01 (events that had happened by then), in the log at the checkpoint signed"),
            "\(both.stdout.prefix(600))")

        // Before anything was recorded, a malformed point, the retired --now: refused (exit 2), nothing printed.
        let none = try run("audit", "--at", "0")
        #expect(
            none.status == 2 && none.stderr.contains("nothing had been recorded before entry 0") && none.stdout.isEmpty)
        let unrecorded = try run("audit", "--at", "2025-10-01")
        #expect(
            unrecorded.status == 2 && unrecorded.stderr.contains("nothing had been recorded"), "\(unrecorded.stderr)")
        let bad = try run("audit", "--at", "soon")
        #expect(bad.status == 2 && bad.stderr.contains("--at soon is not a point of the log"), "\(bad.stderr)")
        let retired = try run("audit", "--now", "2026-03-31")
        #expect(retired.status == 2 && retired.stderr.contains("--as-of"), "\(retired.stderr)")
    }
}
