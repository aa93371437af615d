import Foundation
import Testing

/// `state`, `diff` and the read verbs on the demo ledger, by date (effective time: what had
/// happened by then), by index and by a kept checkpoint (log position: what the log said then),
/// through the built binary.
///
/// The answers are worked out by hand from the demo script (Sources/LedgerDomain/Demo and the
/// rethink-amhe template), not read back from the code under test:
/// - the template's 49 events (15 roles, the plan, 10 bodies, 23 actions) are dated
///   2023-04-01T09:00Z and follow the genesis (dated 2025-04-01T08:00Z): entries 0…49;
/// - nothing in the script is dated before 2023-04-01 (the earliest are the template and the
///   roles and memberships held from the plan's start);
/// - the year's first quarterly progress update (`actionProgress(0)`, on day 100 − 8 = 92 of a
///   year whose day 0 is 2025-04-01, i.e. 2025-07-02) moves every one of the 23 seed actions to
///   in progress; no other event changes an action's status before then, and no feedback is
///   dated before the year starts;
/// - no update ever marks an action done (progress is capped at 95%), so at the end of the year
///   every action is in progress.
/// The whole demo year is recorded on the day the test runs, so a `recordedAt` date in 2025
/// is before anything was recorded.
@Suite(.serialized) struct DemoPointsTests {
    static func json(_ result: CLI.Result) throws -> [String: Any] {
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func plan(_ state: [String: Any]) -> (actions: Int, byStatus: [String: Int]) {
        let plan = state["plan"] as? [String: Any] ?? [:]
        return (plan["actions"] as? Int ?? -1, plan["byStatus"] as? [String: Int] ?? [:])
    }

    static func received(_ state: [String: Any]) -> Int {
        (state["feedback"] as? [String: Any])?["received"] as? Int ?? -1
    }

    @Test func stateAndDiffByDateByIndexAndByAKeptCheckpoint() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let dir = try cli.makeDemo()
        let ledger = dir + "/coledger.db"
        func run(_ args: String...) throws -> CLI.Result { try cli.run(["--ledger", ledger] + args) }
        func runArgs(_ args: [String]) throws -> CLI.Result { try cli.run(["--ledger", ledger] + args) }

        // By date (effective time). The plan of 1 April 2023: the template's 23 actions, all planned.
        let start = try Self.json(try run("state", "--as-of", "2023-04-01", "--json"))
        #expect(Self.plan(start).actions == 23 && Self.plan(start).byStatus == ["planned": 23], "\(start)")
        #expect(Self.received(start) == 0)
        // The day before the first quarterly update, and the day of it.
        let before = try Self.json(try run("state", "--as-of", "2025-07-01", "--json"))
        #expect(Self.plan(before).actions == 23 && Self.plan(before).byStatus == ["planned": 23], "\(before)")
        let after = try Self.json(try run("state", "--as-of", "2025-07-02", "--json"))
        #expect(Self.plan(after).actions == 23 && Self.plan(after).byStatus == ["in_progress": 23], "\(after)")
        #expect((after["asOf"] as? String) == "2025-07-02")
        // Before anything happened: refused, not an empty answer.
        let nothing = try run("state", "--as-of", "2023-03-31")
        #expect(
            nothing.status != 0 && nothing.stderr.contains("nothing had happened by 2023-03-31"), "\(nothing.stderr)")
        // diff by date: exactly the 23 seed actions moved on 2 July 2025.
        let moved = try run("diff", "--effective", "2025-07-01", "2025-07-02")
        #expect(moved.status == 0, "\(moved.stderr)")
        let lines = moved.stdout.split(separator: "\n").filter { $0.contains("moved from planned to in progress") }
        #expect(lines.count == 23, "\(moved.stdout)")
        #expect(moved.stdout.contains("Action LG-1 moved from planned to in progress"))
        // The same question of the plan verb, which prints the point it used; --now is refused.
        let plan = try run("plan", "--as-of", "2025-07-01")
        #expect(
            plan.status == 0 && plan.stdout.hasPrefix("Plan as of 2025-07-01 (events that had happened by then)"),
            "\(plan.stdout)")
        let retired = try run("plan", "--now", "2025-07-01")
        #expect(retired.status != 0 && retired.stderr.contains("--as-of"), "\(retired.stderr)")
        #expect(try run("feedback", "--as-of", "2023-03-31").status != 0)
        // The same answer from the exported bundle.
        let fromLedger = try run("plan", "--as-of", "2025-07-02", "--json")
        let fromBundle = try cli.run("plan", "--bundle", dir + "/bundle", "--as-of", "2025-07-02", "--json")
        #expect(fromBundle.status == 0 && fromBundle.stdout == fromLedger.stdout, "\(fromBundle.stderr)")

        // By index (log position): entries 0…49 are the genesis and the template.
        let template = try Self.json(try run("state", "--at", "50", "--json"))
        #expect(template["entries"] as? Int == 50)
        #expect(Self.plan(template).actions == 23 && Self.plan(template).byStatus == ["planned": 23], "\(template)")
        #expect(Self.received(template) == 0)
        let empty = try run("state", "--at", "0")
        #expect(empty.status != 0)
        // A date of recordedAt in 2025: the log had learned nothing yet (it was all recorded today).
        let unrecorded = try run("state", "--at", "2025-10-01")
        #expect(unrecorded.status != 0, "\(unrecorded.stdout)")

        // By the kept checkpoint: the demo signed one over the whole year; a later entry marks LG-1
        // done. At the checkpoint the log still says every action is in progress.
        let note = try String(contentsOfFile: dir + "/kept-checkpoint.txt", encoding: .utf8).split(separator: "\n")
        let size = try #require(note.count > 1 ? Int(note[1]) : nil, "\(note)")
        let done = try run(
            "action", "update", "--key", dir + "/keys/admin.key", "--action", "LG-1", "--status", "done", "--progress",
            "100",
            "--note", "Delivered.", "--on", "2026-03-31")
        #expect(done.status == 0, "\(done.stderr)")
        let kept = try Self.json(try run("state", "--at", "checkpoint", "--json"))
        #expect(kept["entries"] as? Int == size)
        let keptPlan = Self.plan(kept)
        #expect(keptPlan.byStatus["done"] == nil && keptPlan.byStatus["in_progress"] == keptPlan.actions, "\(keptPlan)")
        #expect((kept["point"] as? String)?.contains("at the checkpoint signed") == true)
        let now = try Self.json(try run("state", "--json"))
        #expect(now["entries"] as? Int == size + 1 && Self.plan(now).byStatus["done"] == 1, "\(now)")
        let since = try run("diff", "checkpoint", String(size + 1))
        #expect(
            since.status == 0 && since.stdout.contains("Action LG-1 moved from in progress to done"),
            "\(since.stdout)\(since.stderr)")
        // Both clocks together: as of 2025-07-01, as known at the checkpoint.
        let both = try Self.json(try run("state", "--as-of", "2025-07-01", "--at", "checkpoint", "--json"))
        #expect(Self.plan(both).byStatus == ["planned": 23], "\(both)")

        // Filters and JSON for daily work (issue 11's other bullets), on the same ledger.
        let june = try run(
            "log", "--type", "feedback.received", "--since", "2025-06-01", "--until", "2025-06-30", "--limit", "1000",
            "--json")
        #expect(june.status == 0, "\(june.stderr)")
        let juneLines = june.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }.compactMap { ($0["entry"] as? [String: Any])?["event"] as? [String: Any] }
        #expect(!juneLines.isEmpty)
        #expect(
            juneLines.allSatisfy {
                $0["type"] as? String == "feedback.received"
                    && ($0["occurredAt"] as? String).map { $0 >= "2025-06-01" && $0 < "2025-07-01" } == true
            })
        let role = try run("log", "--stream", "role/R-DCEO", "--json")
        let roleTypes = role.stdout.split(separator: "\n").compactMap {
            (((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any])?["entry"] as? [String: Any])?[
                "event"] as? [String: Any]
        }.map { $0["type"] as? String ?? "" }
        #expect(
            roleTypes.first == "role.defined" && roleTypes.dropFirst().allSatisfy { $0.hasPrefix("role.") },
            "\(roleTypes)")
        #expect(try run("log", "--since", "March").status != 0)
        let autumn = try Self.json(try run("decisions", "--since", "2025-10-01", "--until", "2025-12-31", "--json"))
        let autumnDates = (autumn["decisions"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
        #expect(
            !autumnDates.isEmpty && autumnDates.allSatisfy { $0 >= "2025-10-01" && $0 < "2026-01-01" }, "\(autumnDates)"
        )
        let audit = try run("audit", "--as-of", "2026-03-31", "--json")
        #expect(audit.status == 1)  // the planted lapses
        #expect((try? JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])?["rules"] != nil)
        let checkpoint = try Self.json(try run("checkpoint", "--json"))
        #expect(
            checkpoint["size"] as? Int == size + 1
                && (checkpoint["note"] as? String)?.contains("\n\(size + 1)\n") == true, "\(checkpoint)")
        // trace accepts the code the contributor was given.
        let first = try run("log", "--type", "contribution.recorded", "--limit", "1", "--json")
        let firstLine = (try? JSONSerialization.jsonObject(with: Data(first.stdout.utf8))) as? [String: Any]
        let firstEvent = (firstLine?["entry"] as? [String: Any])?["event"] as? [String: Any]
        let recorded = (firstEvent?["payload"] as? [String: Any])?["contributionId"] as? String
        let contribution = try #require(recorded, "\(first.stdout)")
        let codes = try run("contribution", "code", contribution, "--json")
        let rows = (try? JSONSerialization.jsonObject(with: Data(codes.stdout.utf8))) as? [[String: String]]
        let code = try #require(rows?.first?["code"], "\(codes.stdout)\(codes.stderr)")
        let traced = try Self.json(try run("trace", code.lowercased(), "--json"))
        let tracedId =
            ((traced["contributions"] as? [[String: Any]])?.first?["contribution"] as? [String: Any])?["contributionId"]
            as? String
        #expect(tracedId == contribution, "\(traced)")
        #expect(try run("trace", "7KQ3-M9XD-1P4T-ZB2C").status != 0)

        // Verbs for daily work, each with the one date option --on (no hand-edited JSON).
        let admin = dir + "/keys/admin.key"
        let verbs: [[String]] = [
            ["region", "register", "--key", admin, "--id", "ZZ", "--name", "Test Region", "--on", "2026-03-02"],
            [
                "feedback", "receive", "--key", admin, "--id", "F-TEST-1", "--channel", "web_form", "--on",
                "2026-03-02T09:00",
            ],
            [
                "feedback", "triage", "--key", admin, "--id", "F-TEST-1", "--theme", "interpreters", "--criticality",
                "3", "--on", "2026-03-03",
            ],
            [
                "feedback", "link", "--key", admin, "--id", "F-TEST-1", "--to", "action", "--target", "LG-1", "--on",
                "2026-03-04",
            ],
            [
                "feedback", "status", "--key", admin, "--id", "F-TEST-1", "--status", "under_review", "--on",
                "2026-03-05",
            ],
            [
                "feedback", "notify", "--key", admin, "--id", "F-TEST-1", "--method", "email", "--kind", "status_update",
                "--on", "2026-03-06T10:00",
            ],
            ["body", "board-update", "--key", admin, "--body", "B-TRUSTEES", "--mode", "verbal", "--on", "2026-03-10"],
        ]
        for verb in verbs {
            let r = try runArgs(verb)
            #expect(r.status == 0, "\(verb.joined(separator: " ")): \(r.stderr)")
        }
        let newLines = try run("log", "--from", String(size + 1), "--limit", "20", "--json").stdout.split(
            separator: "\n")
        var byType: [String: [String: Any]] = [:]
        for line in newLines {
            let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            if let event = (object?["entry"] as? [String: Any])?["event"] as? [String: Any],
                let type = event["type"] as? String
            {
                byType[type] = event
            }
        }
        let regionAt = byType["region.registered"]?["occurredAt"] as? String
        #expect(regionAt?.hasPrefix("2026-03-02") == true, "\(byType)")
        let notified = byType["feedback.submitter_notified"]
        let notifiedAt = notified?["occurredAt"] as? String
        let notifiedVersion = notified?["typeVersion"] as? Int
        let notifiedPayloadAt = (notified?["payload"] as? [String: Any])?["at"] as? String
        #expect(
            notifiedAt == "2026-03-06T10:00:00Z" && notifiedVersion == 2 && notifiedPayloadAt == "2026-03-06T10:00:00Z")
        let boardAt = byType["board.update_given"]?["occurredAt"] as? String
        #expect(boardAt?.hasPrefix("2026-03-10") == true)
        let types = Set(byType.keys)
        #expect(types.isSuperset(of: ["feedback.triaged", "feedback.linked", "feedback.status_updated"]), "\(types)")
        #expect(try run("meeting", "approve-minutes", "--help").stdout.contains("--approved-at"))
    }
}
