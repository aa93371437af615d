import Foundation
import Testing

/// Issue 12, "one rule book", through the built binary: a meeting with an observer, a guest, a
/// recusal and a member first typed in the wrong category gives one quorum and one
/// Expert-by-Experience answer in `meetings`, `decisions`, `provenance` and audit rules G-4/G-5
/// (the portal's pages are built from the same `decisions` and `provenance` projections), and the
/// wrong category is refused when the meeting is recorded. `trace` and rule C-1 agree that a
/// decision citing a contribution has not traced it.
@Suite struct OneRuleBookCLITests {
    static func json(_ r: CLI.Result) throws -> [String: Any] {
        let object = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return try #require(object, "not a JSON object (status \(r.status)): \(r.stdout.prefix(300)) \(r.stderr.prefix(300))")
    }

    static func number(_ value: Any?, _ path: String...) -> Int? {
        var current = value
        for key in path { current = (current as? [String: Any])?[key] }
        return current as? Int
    }

    /// B-AMHEPF: quorum 2, at least one Expert by Experience. Members p-0001 (ebe_lived), p-0002
    /// (staff), p-0003 (ebe_carer); p-0004 (partner_rep) and p-0005 (staff) are no members.
    ///
    /// mtg-2026-03: p-0001 chairs, p-0004 observes, p-0005 is a guest; p-0001 is recused from
    /// dec-b. Worked by hand: the quorum counts p-0001 only (observers, guests and non-members
    /// never count) = 1 of 2, not met, where counting everyone in the room gave 3. Experts by
    /// Experience: p-0001 = 1 for dec-a (met); for dec-b p-0001 is recused = 0 (not met), and the
    /// quorum for dec-b is 0 of 2.
    @Test func oneAnswerInMeetingsDecisionsProvenanceAndTheAudit() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUpPCREF()
        try cli.setUpGovernance()
        let admin = cli.key("admin")
        for (person, category, member) in [
            ("p-0002", "staff", true), ("p-0003", "ebe_carer", true), ("p-0004", "partner_rep", false), ("p-0005", "staff", false),
        ] {
            try cli.ok("person", "register", "--key", admin, "--id", person, "--category", category, "--lawful-basis", "ROPA-2026-03")
            if member {
                try cli.ok("body", "add-member", "--key", admin, "--body", "B-AMHEPF", "--person", person, "--category", category)
            }
        }
        try cli.ok(
            "contribution", "record", "--key", cli.key("member"), "--id", "CON-1", "--person", "p-0001", "--body", "B-AMHEPF",
            "--kind", "insight", "--rung", "co_design", "--content", "Book interpreters at referral.")
        for decision in ["dec-a", "dec-b"] {
            try cli.ok(
                "decision", "propose", "--key", admin, "--body", "B-AMHEPF", "--decision", decision, "--title", "Decision \(decision)",
                "--proposer", "p-0001", "--cites", "contribution:CON-1", "--competency", "C-CA")
        }
        // p-0001 typed as staff: refused, naming the person and the category the log holds.
        let refusal = try cli.refuse([
            "meeting", "hold", "--key", admin, "--meeting", "mtg-2026-03", "--attendee", "p-0001:staff:chair", "--attendee",
            "p-0004:observer", "--attendee", "p-0005:guest", "--declaration", "p-0001:dec-b:recused",
        ])
        #expect(refusal.contains("p-0001 is ebe_lived by their membership of B-AMHEPF, not staff"), "\(refusal)")
        // Without a typed category the verb takes it from the log.
        try cli.ok(
            "meeting", "hold", "--key", admin, "--meeting", "mtg-2026-03", "--attendee", "p-0001:chair", "--attendee", "p-0004:observer",
            "--attendee", "p-0005:guest", "--declaration", "p-0001:dec-b:recused")
        for decision in ["dec-a", "dec-b"] {
            try cli.ok(
                "decision", "record", "--key", admin, "--decision", decision, "--meeting", "mtg-2026-03", "--outcome", "deferred",
                "--method", "consensus", "--rationale", "Not quorate.", "--rung", "co_production")
        }

        // meetings: 1 of 2 towards the quorum, 1 Expert by Experience.
        let meetings = try Self.json(try cli.ok("meetings", "B-AMHEPF", "--json"))
        let meeting = try #require((meetings["meetings"] as? [[String: Any]])?.first)
        #expect(Self.number(meeting, "computed", "quorum", "present") == 1)
        #expect((meeting["computed"] as? [String: Any]).flatMap { ($0["quorum"] as? [String: Any])?["met"] as? Bool } == false)
        #expect(Self.number(meeting, "computed", "ebe", "present") == 1)

        // decisions: dec-a keeps p-0001, dec-b has no Expert by Experience; neither is quorate.
        let register = try Self.json(try cli.ok("decisions", "--json"))
        let rows = try #require(register["decisions"] as? [[String: Any]])
        #expect(rows.map { $0["decisionId"] as? String } == ["dec-a", "dec-b"])
        #expect(rows.map { $0["ebePresent"] as? Int } == [1, 0])
        #expect(rows.map { $0["quorumMet"] as? Bool } == [false, false])
        #expect(register["withoutEbE"] as? [String] == ["dec-b"])

        // provenance (the portal's decision page): the same numbers per decision.
        for (decision, ebe, quorum) in [("dec-a", 1, 1), ("dec-b", 0, 0)] {
            let p = try Self.json(try cli.ok("provenance", decision, "--json"))
            #expect(Self.number(p, "presence", "computed", "ebe", "present") == ebe, "\(decision)")
            #expect(Self.number(p, "presence", "computed", "quorum", "present") == quorum, "\(decision)")
        }

        // The audit: G-5 finds the meeting short of its quorum (1, not the 3 people in the room),
        // G-4 finds dec-b only.
        let audit = try Self.json(try cli.run("audit", "--format", "json"))
        let rules = try #require(audit["rules"] as? [[String: Any]])
        let g4 = try #require(rules.first { $0["id"] as? String == "G-4" })
        let g5 = try #require(rules.first { $0["id"] as? String == "G-5" })
        let g4Details = (g4["findings"] as? [[String: Any]])?.compactMap { $0["detail"] as? String } ?? []
        let g5Details = (g5["findings"] as? [[String: Any]])?.compactMap { $0["detail"] as? String } ?? []
        #expect(g4Details.count == 1 && g4Details.first?.hasPrefix("decision dec-b at meeting mtg-2026-03") == true, "\(g4Details)")
        #expect(g5Details.count == 1 && g5Details.first?.contains(": 1 counting towards the quorum") == true, "\(g5Details)")

        // Cited by two decisions, never traced: trace and C-1 say the same.
        let trace = try Self.json(try cli.ok("trace", "CON-1", "--json", "--as-of", "2099-01-01"))
        let traced = try #require((trace["contributions"] as? [[String: Any]])?.first)
        #expect((traced["tracing"] as? [String: Any])?["status"] as? String == "overdue")
        #expect(
            (traced["stillOpen"] as? [String])?.contains { $0.contains("Decisions dec-a, dec-b cited it, but citing is not tracing.") }
                == true)
        // C-1 judges contributions to the advisory boards; this policy adds the Practice Forum.
        let policy = cli.directory.appendingPathComponent("policy.json")
        try #"{"policy": "coledger-audit/v1", "coproduction": {"fromBodies": ["B-AMHEPF"]}}"#.write(
            to: policy, atomically: true, encoding: .utf8)
        let later = try Self.json(try cli.run("audit", "--format", "json", "--as-of", "2099-01-01", "--policy", policy.path))
        let c1 = try #require((later["rules"] as? [[String: Any]])?.first { $0["id"] as? String == "C-1" })
        #expect(c1["verdict"] as? String == "fail")
        let c1Detail = (c1["findings"] as? [[String: Any]])?.first?["detail"] as? String
        #expect(
            c1Detail?.hasPrefix("contribution CON-1 from B-AMHEPF was never traced to what it influenced (due ") == true,
            "\(c1Detail ?? "")")
    }
}
