import Foundation
import Testing

/// The invariant "recorded late == recorded live", through the built binary (issue 11).
///
/// One plan year (April 2023 – March 2024) of governance, feedback, a regional review and a
/// board update is recorded twice with the CLI verbs: once on the day each thing happened (the
/// test hook `COLEDGER_NOW` plays the calendar, no date option given), once all at once on
/// 1 May 2024 with the verbs' one date option `--on`. Every answer about what had happened —
/// `audit --as-of`, `plan`, `feedback`, `cadence`, `decisions`, `state --as-of`, `diff
/// --effective` — is the same for every as-of date; only the recording-delay report differs.
@Suite struct RecordedLateTests {
    /// One thing that happened: when, and the verb that records it (`--on` is added when late).
    struct Step {
        var at: String  // YYYY-MM-DDTHH:MM, UTC
        var args: [String]
    }

    static let hash = "sha256:" + String(repeating: "ab", count: 32)
    static let lateNow = "2024-05-01T09:00:00Z"

    static func steps(admin: String, member: String) -> [Step] {
        [
            Step(
                at: "2023-04-03T12:00",
                args: ["person", "register", "--key", admin, "--id", "p-0001", "--category", "ebe_lived", "--lawful-basis", "ROPA-2026-03"]),
            Step(at: "2023-04-03T12:30", args: ["key", "register", "--key", admin, member, "--holder", "person/p-0001"]),
            Step(
                at: "2023-04-05T12:00",
                args: ["body", "add-member", "--key", admin, "--body", "B-AMHEPF", "--person", "p-0001", "--category", "ebe_lived"]),
            Step(at: "2023-04-10T12:00", args: ["region", "register", "--key", admin, "--id", "NW", "--name", "North West"]),
            Step(at: "2023-05-02T10:00", args: ["feedback", "receive", "--key", member, "--id", "F-2023-0001", "--channel", "survey"]),
            Step(at: "2023-05-03T12:00", args: ["feedback", "acknowledge", "--key", member, "--id", "F-2023-0001", "--method", "email"]),
            Step(
                at: "2023-05-10T12:00",
                args: [
                    "meeting", "schedule", "--key", admin, "--body", "B-AMHEPF", "--meeting", "mtg-2023-06", "--at", "2023-06-07T14:00",
                    "--agenda-hash", hash,
                ]),
            Step(
                at: "2023-05-20T12:00",
                args: [
                    "feedback", "respond", "--key", member, "--id", "F-2023-0001", "--you-said", "Waits.", "--we-did", "Fewer waits.",
                    "--change", "change_made", "--change-description", "Triage.", "--moderated-by", "R-HEAD-RJE",
                ]),
            Step(
                at: "2023-05-21T12:00",
                args: [
                    "decision", "propose", "--key", admin, "--body", "B-AMHEPF", "--decision", "dec-2023-001", "--title", "Interpreters",
                    "--proposer", "p-0001", "--cites", "feedback:F-2023-0001", "--competency", "C-CA",
                ]),
            Step(at: "2023-06-05T09:00", args: ["feedback", "receive", "--key", member, "--id", "F-2023-0002", "--channel", "complaint"]),
            Step(
                at: "2023-06-07T16:00",
                args: [
                    "meeting", "hold", "--key", admin, "--meeting", "mtg-2023-06", "--attendee", "p-0001:ebe_lived:chair",
                    "--none-declared",
                ]),
            Step(
                at: "2023-06-07T16:30",
                args: [
                    "decision", "record", "--key", admin, "--decision", "dec-2023-001", "--meeting", "mtg-2023-06", "--outcome", "approved",
                    "--method", "consensus", "--rationale", "Needed.", "--rung", "co_production",
                ]),
            Step(at: "2023-06-12T12:00", args: ["feedback", "acknowledge", "--key", member, "--id", "F-2023-0002", "--method", "letter"]),
            Step(
                at: "2023-07-01T12:00",
                args: [
                    "action", "update", "--key", admin, "--action", "LG-1", "--status", "in_progress", "--progress", "40", "--note",
                    "Started.", "--evidence", "meeting:mtg-2023-06",
                ]),
            Step(
                at: "2023-09-15T12:00",
                args: [
                    "review", "hold", "--key", admin, "--id", "RV-NW-2023H1", "--scope", "regional", "--region", "NW",
                    "--period-from", "2023-04-01", "--period-to", "2023-09-30", "--service-users", "2", "--carers", "1", "--vcse", "1",
                    "--marginalised", "1", "--staff", "1", "--findings-hash", hash,
                ]),
            Step(
                at: "2023-10-10T12:00",
                args: [
                    "body", "board-update", "--key", admin, "--body", "B-TRUSTEES", "--given-by", "R-RJE-TEAM", "--mode", "written",
                    "--paper-hash", hash,
                ]),
            Step(at: "2024-01-15T12:00", args: ["feedback", "close", "--key", member, "--id", "F-2023-0002", "--reason", "withdrawn"]),
        ]
    }

    /// Runs the binary with "now" set to `now` (nil: the real clock).
    @discardableResult
    static func run(_ cli: CLI, _ args: [String], now: String?, stdin: String? = nil) throws -> CLI.Result {
        let (p, out, err) = cli.process(args, stdin: stdin)
        var env = p.environment ?? [:]
        env["COLEDGER_NOW"] = now
        p.environment = env
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLI.Result(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @discardableResult
    static func ok(_ cli: CLI, _ args: [String], now: String?, stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> String
    {
        let r = try run(cli, args, now: now, stdin: stdin)
        try #require(r.status == 0, "coledger \(args.joined(separator: " ")) failed: \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }

    /// Records the year: live (each step on its day, no date option) or late (all on 1 May 2024, with `--on`).
    static func record(_ cli: CLI, live: Bool, memberKey: String) throws {
        let initAt = "2023-04-01T12:00"
        try ok(
            cli, ["init", "--origin", "test.example/late", "--template", "rethink-amhe"] + (live ? [] : ["--on", initAt]),
            now: live ? initAt + ":00Z" : lateNow)
        let member = cli.key("member")
        try FileManager.default.copyItem(atPath: memberKey, toPath: member)
        for step in steps(admin: cli.key("admin"), member: member) {
            let now = live ? step.at + ":00Z" : lateNow
            try ok(cli, step.args + (live ? [] : ["--on", step.at]), now: now)
        }
    }

    /// An answer without what only the log's position can say: the ledger's path, key ids
    /// (each ledger has its own admin key), and the audit's recording-delay section.
    static func normalised(_ text: String) -> String {
        var lines: [String] = []
        var inDelay = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Coledger audit of ") { continue }
            if let r = line.range(of: " entries, rules judged"), line[..<r.lowerBound].allSatisfy(\.isNumber) {
                lines.append("N" + line[r.lowerBound...])  // the log's size is its position, not what happened
                continue
            }
            if line.hasPrefix("Recording delay") { inDelay = true }
            if inDelay, line.hasPrefix("RESULT") { inDelay = false }
            if !inDelay { lines.append(String(line)) }
        }
        return lines.joined(separator: "\n").replacing(/\b[0-9a-f]{16}\b/, with: "KEY")
    }

    /// The audit's recording-delay section.
    static func delays(_ text: String) -> String {
        guard let start = text.range(of: "Recording delay"), let end = text.range(of: "RESULT", range: start.upperBound..<text.endIndex)
        else { return "" }
        return String(text[start.lowerBound..<end.lowerBound])
    }

    static let asOfDates = [
        "2023-04-01", "2023-04-30", "2023-05-02", "2023-05-31", "2023-06-06", "2023-06-09", "2023-06-12", "2023-06-30", "2023-07-31",
        "2023-08-31", "2023-09-30", "2023-10-31", "2023-11-30", "2023-12-31", "2024-01-31", "2024-02-29", "2024-03-31",
    ]

    @Test func recordedLateEqualsRecordedLive() throws {
        let live = try CLI()
        let late = try CLI()
        defer {
            live.remove()
            late.remove()
        }
        let memberKey = live.directory.appendingPathComponent("member-original.key").path
        try Self.ok(live, ["key", "new", "--out", memberKey, "--name", "member"], now: nil)
        try Self.record(live, live: true, memberKey: memberKey)
        try Self.record(late, live: false, memberKey: memberKey)

        // What had happened by each date is the same, whenever the log learned it.
        for date in Self.asOfDates {
            for args in [
                ["audit", "--as-of", date], ["plan", "--as-of", date], ["feedback", "--as-of", date], ["decisions", "--as-of", date], ["cadence", "--as-of", date],
                ["state", "--as-of", date, "--json"],
            ] {
                // The audit exits 1 when a rule fails; an answer is an exit status and its text.
                let ra = try Self.run(live, args, now: Self.lateNow)
                let rb = try Self.run(late, args, now: Self.lateNow)
                #expect(ra.stderr.isEmpty && rb.stderr.isEmpty && ra.status == rb.status, "\(args): \(ra.stderr) \(rb.stderr)")
                let a = Self.normalised(ra.stdout)
                let b = Self.normalised(rb.stdout)
                #expect(!a.isEmpty && a == b, "\(args.joined(separator: " ")): live\n\(a)\nlate\n\(b)")
            }
        }
        for (from, to) in zip(Self.asOfDates, Self.asOfDates.dropFirst()) {
            let args = ["diff", "--effective", from, to]
            let a = try Self.ok(live, args, now: Self.lateNow)
            let b = try Self.ok(late, args, now: Self.lateNow)
            #expect(a == b, "\(args.joined(separator: " ")): live\n\(a)\nlate\n\(b)")
        }
        #expect(try Self.ok(live, ["decisions"], now: Self.lateNow) == Self.ok(late, ["decisions"], now: Self.lateNow))

        // Only the recording delay differs. The template states the plan's own time (09:00 on 1 April
        // 2023), three hours before init ran: live, its 49 entries were 3 h late and the other 18 on
        // time; late, the template was 396 days late (the slowest) and the year's steps less.
        let liveAudit = try Self.run(live, ["audit", "--as-of", "2024-03-31"], now: Self.lateNow).stdout
        let lateAudit = try Self.run(late, ["audit", "--as-of", "2024-03-31"], now: Self.lateNow).stdout
        let liveDelays = Self.delays(liveAudit)
        #expect(liveDelays.contains("all: 67 entries, median 3 h, 90% within 3 h, worst 3 h (entry 1)"), "\(liveDelays)")
        #expect(liveDelays.contains("type review.held: 1 entries, median 0 s, 90% within 0 s, worst 0 s (entry 64)"), "\(liveDelays)")
        let lateDelays = Self.delays(lateAudit)
        #expect(lateDelays.contains("all: 67 entries, median 396 days, 90% within 396 days, worst 396 days (entry 1)"), "\(lateDelays)")
        #expect(liveDelays != lateDelays)

        // A key registered after the events it has nothing to do with changes no verdict.
        let sample = ["2023-06-09", "2023-10-31", "2024-03-31"]
        let before = sample.map { date in
            Self.normalised((try? Self.run(late, ["audit", "--as-of", date], now: Self.lateNow))?.stdout ?? "")
        }
        try Self.ok(late, ["key", "new", "--out", late.key("evaluator"), "--name", "evaluator"], now: Self.lateNow)
        try Self.ok(
            late, ["key", "register", "--key", late.key("admin"), late.key("evaluator"), "--holder", "person/p-0001"], now: Self.lateNow)
        let after = sample.map { date in
            Self.normalised((try? Self.run(late, ["audit", "--as-of", date], now: Self.lateNow))?.stdout ?? "")
        }
        #expect(before == after)
        #expect(before.allSatisfy { $0.contains("RESULT") })

        // A date before anything happened is refused, on both, saying so.
        for cli in [live, late] {
            let early = try Self.run(cli, ["state", "--as-of", "2023-03-31"], now: Self.lateNow)
            #expect(early.status != 0 && early.stderr.contains("nothing had happened by 2023-03-31"), "\(early.stderr)")
        }
    }

    /// `state` by effective date, by index and at a kept checkpoint, with answers worked by hand
    /// from the steps above (the template records entries 0–49; step n is entry 50 + n).
    @Test func stateByDateByIndexAndAtAKeptCheckpoint() throws {
        let late = try CLI()
        defer { late.remove() }
        let memberKey = late.directory.appendingPathComponent("member-original.key").path
        try Self.ok(late, ["key", "new", "--out", memberKey, "--name", "member"], now: nil)
        try Self.record(late, live: false, memberKey: memberKey)

        func state(_ args: String...) throws -> String { try Self.ok(late, ["state"] + args, now: Self.lateNow) }
        // By effective date. 6 June: F-1 received 2 May, acknowledged, answered; F-2 received 5 June,
        // its acknowledgement due 8 June (three working days), not yet overdue.
        let june6 = try state("--as-of", "2023-06-06")
        #expect(
            june6.hasPrefix(
                "State as of 2023-06-06 (events that had happened by then), in the log as it is now: 60 entries; judged as of 2023-06-06."),
            "\(june6)")
        #expect(june6.contains("Plan: 23 actions (23 planned)"), "\(june6)")
        #expect(june6.contains("Feedback: 2 received, 1 acknowledged, 1 answered, 0 closed, 1 open"), "\(june6)")
        #expect(june6.contains("overdue: 0 acknowledgement(s), 0 response(s)"), "\(june6)")
        // 9 June: F-2's acknowledgement is overdue (acknowledged only on 12 June).
        let june9 = try state("--as-of", "2023-06-09")
        #expect(june9.contains("overdue: 1 acknowledgement(s), 0 response(s)"), "\(june9)")
        // 31 July: LG-1 started on 1 July; F-2 acknowledged.
        let july = try state("--as-of", "2023-07-31")
        #expect(july.contains("Plan: 23 actions (1 in_progress, 22 planned)"), "\(july)")
        #expect(july.contains("Feedback: 2 received, 2 acknowledged, 1 answered, 0 closed, 1 open"), "\(july)")
        // 31 March 2024: F-2 was closed in January.
        let year = try state("--as-of", "2024-03-31")
        #expect(year.contains("Feedback: 2 received, 2 acknowledged, 1 answered, 1 closed, 0 open"), "\(year)")

        // By index: F-1's receipt is entry 54 (step 4) and its acknowledgement entry 55 (step 5), so
        // before entry 55 the log held the receipt only.
        let index55 = try state("--at", "55")
        #expect(index55.contains("State before entry 55: 55 entries"), "\(index55)")
        #expect(index55.contains("Feedback: 1 received, 0 acknowledged, 0 answered, 0 closed, 1 open"), "\(index55)")
        let index56 = try state("--at", "56")
        #expect(index56.contains("Feedback: 1 received, 1 acknowledged, 0 answered"), "\(index56)")

        // At a kept checkpoint, and both clocks together.
        try Self.ok(late, ["checkpoint"], now: Self.lateNow)
        try Self.ok(
            late, ["feedback", "receive", "--key", late.key("member"), "--id", "F-2023-0003", "--channel", "survey", "--on", "2023-05-01"],
            now: Self.lateNow)
        let now = try state("--as-of", "2023-05-31")
        #expect(now.contains("Feedback: 2 received, 1 acknowledged, 1 answered"), "\(now)")
        let kept = try state("--as-of", "2023-05-31", "--at", "checkpoint")
        #expect(kept.contains("in the log at the checkpoint signed 2024-05-01T09:00:00Z (67 entries)"), "\(kept)")
        #expect(kept.contains("Feedback: 1 received, 1 acknowledged, 1 answered"), "\(kept)")
        let none = try Self.run(late, ["state", "--at", "checkpoint:2024-04-30"], now: Self.lateNow)
        #expect(none.status != 0 && none.stderr.contains("keeps no checkpoint signed by 2024-04-30"), "\(none.stderr)")
        // By date of recordedAt: everything was recorded on 1 May 2024, so 30 April is refused, saying why.
        let before = try Self.run(late, ["state", "--at", "2024-04-30"], now: Self.lateNow)
        #expect(before.status != 0 && before.stderr.contains("selects by when the log learned things"), "\(before.stderr)")
    }
}
